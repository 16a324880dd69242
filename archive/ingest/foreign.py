"""Foreign names read from a run of transliteration characters and the context a person stands in.

Chinese news writes a foreign person's name in characters chosen for their sound (克林顿, 伯奇费尔); places, firms,
teams, currencies and peoples are written the same way (莫斯科, 西门子, 拜仁, 卢布, 穆斯林), so a run of such characters
is read as a name only where what surrounds it says a person stands there (see ``foreign_names``). Countries and other
transliterated words that are no person (``NOT_PERSONS``) are never read, whatever surrounds them.
"""
from __future__ import annotations

import re
from collections.abc import Set

from archive.ingest.names import FUNCTION_CHARS, Segmentation
from archive.ingest.surnames import FUNCTION_WORD_SURNAMES, surname_length
from archive.ingest.titles import is_word_char

# Characters of transliterated (foreign) names, from Xinhua's transliteration tables for English and Russian
# names (most of those common in Chinese words left out, or kept for names joined by "·" in ``people``; a run stops
# before a word it only starts, 卡布|延长).
TRANSLITERATION = frozenset(
    "阿埃艾爱安奥巴拜班邦鲍贝本比彼毕波伯博布查达戴丹道德迪蒂丁东杜多厄恩法凡菲费芬弗福富盖甘冈戈格贡古哈海汉"
    "豪赫黑亨胡华霍基吉加迦贾杰金卡凯坎康柯科克肯库夸拉莱赖兰朗劳勒雷蕾里利莉连林琳卢鲁伦罗洛马玛迈麦曼梅美"
    "蒙米密敏摩莫默姆穆纳娜奈南内尼妮涅宁纽努诺欧帕佩蓬皮普齐奇乔切琼丘萨塞桑瑟森沙尚舍什施史斯松苏索塔泰坦"
    "汤唐特提图托瓦万旺威韦维温沃乌西希锡夏谢辛休雅亚扬耶伊因英尤约泽扎詹珍兹佐尔顿夫娃娅丽姆普茨肖登逊森"
    "宾珀滕廷赞琮岑莎黛珊捷申勃翰瑙延坚考钦舒茹季绍列隆祖"
)

# Countries and regions, transliterated or not (伊拉克, 巴西, 车臣): never a person, whatever surrounds them (written
# from general knowledge of world news, not from any corpus).
COUNTRIES = frozenset(re.findall(
    r"\S+",
    "阿富汗 阿尔巴尼亚 阿尔及利亚 安道尔 安哥拉 安提瓜 阿根廷 亚美尼亚 澳大利亚 奥地利 阿塞拜疆 巴哈马 巴林 孟加拉"
    " 巴巴多斯 白俄罗斯 比利时 伯利兹 贝宁 不丹 玻利维亚 波黑 波斯尼亚 博茨瓦纳 巴西 文莱 保加利亚 布基纳法索 布隆迪"
    " 柬埔寨 喀麦隆 加拿大 佛得角 乍得 智利 哥伦比亚 科摩罗 刚果 哥斯达黎加 科特迪瓦 克罗地亚 古巴 塞浦路斯 捷克"
    " 丹麦 吉布提 多米尼加 多米尼克 厄瓜多尔 埃及 萨尔瓦多 厄立特里亚 爱沙尼亚 埃塞俄比亚 斐济 芬兰 法兰西 加蓬"
    " 冈比亚 格鲁吉亚 德意志 加纳 希腊 格林纳达 危地马拉 几内亚 圭亚那 海地 洪都拉斯 匈牙利 冰岛 印度 印尼"
    " 印度尼西亚 伊朗 伊拉克 爱尔兰 以色列 意大利 牙买加 约旦 哈萨克斯坦 肯尼亚 基里巴斯 科威特 吉尔吉斯斯坦 吉尔吉斯"
    " 老挝 拉脱维亚 黎巴嫩 莱索托 利比里亚 利比亚 列支敦士登 立陶宛 卢森堡 马其顿 马达加斯加 马拉维 马来西亚"
    " 马尔代夫 马里 马耳他 毛里塔尼亚 毛里求斯 墨西哥 密克罗尼西亚 摩尔多瓦 摩纳哥 蒙古 黑山 摩洛哥 莫桑比克 缅甸"
    " 纳米比亚 瑙鲁 尼泊尔 荷兰 新西兰 尼加拉瓜 尼日尔 尼日利亚 挪威 阿曼 巴基斯坦 帕劳 巴勒斯坦 巴拿马"
    " 巴布亚新几内亚 巴拉圭 秘鲁 菲律宾 波兰 葡萄牙 卡塔尔 罗马尼亚 俄罗斯 俄联邦 卢旺达 萨摩亚 圣马力诺 沙特"
    " 沙特阿拉伯 塞内加尔 塞尔维亚 塞舌尔 塞拉利昂 新加坡 斯洛伐克 斯洛文尼亚 索马里 南非 西班牙 斯里兰卡"
    " 苏丹 苏里南 斯威士兰 瑞典 瑞士 叙利亚 塔吉克斯坦 坦桑尼亚 泰国 多哥 汤加 特立尼达 多巴哥 突尼斯 土耳其"
    " 土库曼斯坦 图瓦卢 乌干达 乌克兰 阿联酋 英格兰 苏格兰 威尔士 乌拉圭 乌兹别克斯坦 乌兹别克 塔吉克 哈萨克 土库曼"
    " 瓦努阿图 梵蒂冈 委内瑞拉"
    " 越南 也门 赞比亚 津巴布韦 南斯拉夫 苏联 捷克斯洛伐克 扎伊尔 朝鲜 韩国 日本 美利坚 英伦 俄国 德国 法国"
    " 英国 美国 科索沃 车臣 达吉斯坦 克什米尔 旁遮普 波斯湾 海湾 加勒比 拉美 拉丁美洲 巴尔干 高加索 西伯利亚"
    " 斯堪的纳维亚 中东 东欧 西欧 北欧 南美 北美 中美洲 非洲 亚洲 欧洲 美洲 大洋洲 亚太 欧亚 阿拉斯加 夏威夷"
    " 加利福尼亚 佛罗里达 得克萨斯 德克萨斯 宾夕法尼亚 弗吉尼亚 马里兰 俄亥俄 密歇根 密西西比 路易斯安那 亚利桑那"
    " 科罗拉多 内华达 俄勒冈 蒙大拿 明尼苏达 威斯康星 田纳西 肯塔基 阿拉巴马 佐治亚 卡罗来纳 马萨诸塞 新泽西"
    " 康涅狄格 魁北克 安大略 巴伐利亚 加泰罗尼亚 西西里 撒丁 科西嘉 塔斯马尼亚 昆士兰 格陵兰 塔希提"
    " 巴厘 爪哇 苏门答腊 婆罗洲 棉兰老 吕宋 民答那峨 加沙 约旦河 西奈 戈兰 黎凡特 马格里布 撒哈拉 萨赫勒"
))
# Other transliterated words that name no person: cities, peoples and faiths, currencies, firms, clubs and
# organisations (written from general knowledge of world news, not from any corpus).
NOT_PERSONS = COUNTRIES | frozenset(re.findall(
    r"\S+",
    # cities
    " 莫斯科 纽约 西雅图"
    " 迈阿密 达拉斯 拉斯维加斯 克利夫兰 多伦多"
    " 蒙特利尔 尼斯 波尔多"
    " 波恩 法兰克福 杜塞尔多夫 斯图加特 莱比锡 汉诺威"
    " 伯尔尼 洛桑 巴塞尔 达沃斯 罗马 米兰 威尼斯 巴勒莫 马德里"
    " 巴伦西亚 塞维利亚 里斯本 波尔图 布鲁塞尔 阿姆斯特丹"
    " 赫尔辛基 华沙 克拉科夫 布拉格 布达佩斯 布加勒斯特 贝尔格莱德 萨格勒布"
    " 斯科普里 伊斯坦布尔 安卡拉 里加 维尔纽斯 塔林"
    " 埃里温 巴库 阿斯塔纳 比什凯克 阿什哈巴德 卡拉奇"
    " 马德拉斯 班加罗尔 达卡"
    " 雅加达 马尼拉 布里斯班 珀斯 阿德莱德 奥克兰 苏瓦 德黑兰 巴格达"
    " 贝鲁特 安曼 特拉维夫 吉达 麦加 多哈 麦纳麦 阿布扎比 迪拜"
    " 亚丁 拉巴特 卡萨布兰卡 努瓦克肖特 巴马科 尼亚美"
    " 瓦加杜古 阿克拉 洛美 科托努 阿布贾 利伯维尔 金沙萨 罗安达 卢萨卡 哈拉雷"
    " 马普托 德班 哈博罗内 内罗毕 坎帕拉 基加利 布琼布拉"
    " 多多马 阿斯马拉 摩加迪沙 恩贾梅纳 班吉 马拉博"
    " 特古西加尔巴 加拉加斯"
    " 基多 利马 拉巴斯 亚松森 巴西利亚 帕拉马里博"
    " 乌兰巴托"
    " 列宁格勒 哈巴罗夫斯克 摩尔曼斯克 加里宁格勒 格罗兹尼 马尔默 图尔库"
    " 坦佩雷 罗兹 弗罗茨瓦夫 布尔诺 德布勒森 瓦尔纳 普罗夫迪夫 塞萨洛尼基 安塔利亚 伊兹密尔"
    " 拉马拉 杰里科 希伯伦 纳布卢斯 杰宁 海法 埃拉特 摩苏尔 基尔库克 提克里特 费卢杰 霍姆斯"
    " 马什哈德 赫拉特 马扎里沙里夫 阿格拉 金奈 曼德勒"
    " 普吉 达沃"
    # peoples, faiths, languages, currencies
    " 穆斯林 伊斯兰 阿拉伯 斯拉夫 凯尔特 拉丁 波斯 库尔德 普什图 塔利班"
    " 罗汉 卢布 里拉 比索 雷亚尔 卢比 兰特 比塞塔 埃斯库多 里亚尔"
    " 迪拉姆 克朗 福林 兹罗提 林吉特 坦卡 奈拉 夸查"
    # firms, brands, clubs and organisations
    " 诺基亚 摩托罗拉 索尼 麦道 洛克希德"
    " 奥迪 菲亚特 雷诺 沃尔沃 萨博 福特 克莱斯勒 凯迪拉克"
    " 劳斯莱斯 宾利 法拉利 兰博基尼 玛莎拉蒂 罗威 迪斯尼 肯德基"
    " 巴斯夫 赫斯特 诺华 阿斯利康 默克 英特尔"
    " 戴尔 埃克森 道达尔 阿莫科 美林"
    " 巴克莱 欧佩克 奥佩克 纳斯达克 道琼斯"
    " 塔斯 埃菲 安莎 多特蒙德 沙尔克 勒沃库森"
    " 斯图加特 凯泽斯劳滕 拉齐奥 罗马 帕尔马 桑普多利亚"
    " 巴萨 瓦伦西亚 拉科鲁尼亚 塞尔塔 贝蒂斯 阿森纳 切尔西 纽卡斯尔"
    " 托特纳姆 埃弗顿 阿贾克斯 埃因霍温 费耶诺德 本菲卡 波尔图"
    " 波尔多 朗斯 南特 博卡 桑托斯 科林蒂安 帕尔梅拉斯 格雷米奥 尼克斯"
    " 格莱美 温布尔登",
))

_RUN = re.compile(f"[{''.join(sorted(TRANSLITERATION))}]{{2,}}")
# Characters Thai names are transliterated with beyond the table (素帕猜, 差瓦立, 颂猜): common in Chinese words, so
# a name holding one is read only right after a post or a role, or right before a person's act or post.
SOUTHEAST_ASIAN = frozenset("素差猜颂披乃察汶裕婉立")
_WIDE_RUN = re.compile(f"[{''.join(sorted(TRANSLITERATION | SOUTHEAST_ASIAN))}]{{2,}}")
# Many Chinese words are two transliteration characters: a name of two is read on stronger evidence than a longer one.
_SHORTEST_WEAKLY_HELD = 3
# The longest run of transliteration characters read as a name.
_LONGEST = 8
# Posts and roles a foreigner is named right after (俄罗斯总理…, 联合国秘书长…, 外援…, 比利时选手…).
_ROLES = frozenset(re.findall(
    r"\S+",
    "总统 总理 首相 外长 外交部长 外交大臣 国务卿 秘书长 发言人 大使 特使 领袖 领导人 主席 议长 国王 女王 王子 公主"
    " 亲王 王储 国防部长 部长 大臣 总督 将军 司令 司令官 参议员 众议员 议员 总裁 董事长 总经理 经理 总干事 教练"
    " 主教练 主帅 选手 球员 外援 前锋 中锋 后卫 门将 守门员 主力 队长 老将 名将 新秀 冠军 亚军 球王 棋手 车手 歌星"
    " 影星 明星 歌手 演员 导演 作家 诗人 画家 作曲家 指挥家 钢琴家 科学家 学家 教授 院长 校长 会长 主任 秘书 夫人"
    " 妻子 男友 女友 之子 之女 少女 少年 市长 州长 行长 检察官 法官 律师 医生 博士 院士 专家 学者 记者 编辑 主持人",
))
# A country written right before a name, or with 的 (比利时的…, 尼日利亚…): its citizen or player.
_COUNTRIES_BEFORE = frozenset(re.findall(
    r"\S+",
    "美国 英国 法国 德国 俄罗斯 意大利 西班牙 葡萄牙 荷兰 比利时 瑞士 瑞典 挪威 丹麦 芬兰 奥地利 希腊 波兰 捷克"
    " 匈牙利 罗马尼亚 保加利亚 乌克兰 白俄罗斯 克罗地亚 南斯拉夫 土耳其 以色列 埃及 南非 尼日利亚 喀麦隆 摩洛哥 加纳"
    " 巴西 阿根廷 智利 墨西哥 哥伦比亚 秘鲁 乌拉圭 巴拉圭 加拿大 澳大利亚 新西兰 印度 巴基斯坦 伊朗 伊拉克 泰国 印尼"
    " 菲律宾 马来西亚 新加坡 越南 柬埔寨 缅甸 爱尔兰 苏格兰 英格兰",
))
_OF = "的"
_ROLE_LENGTHS = sorted({len(role) for role in _ROLES})
_COUNTRY_LENGTHS = sorted({len(country) for country in _COUNTRIES_BEFORE})
# Where a phrase opens before a name: a preposition or conjunction, a verb whose object is a person (由…, 同…,
# 见到…).
_OPENER = re.compile("(?:由|同|与|和|及|对|向|给|让|被|把|请|据|而|但|当|见到|会见|会晤|接见|拜会|陪同|邀请|欢迎)$")
# Words a place follows (在…, 飞抵…): no name is read after them on what follows alone.
_PLACE_BEFORE = re.compile("(?:在|到|赴|往|至|于|从|经|飞抵|抵达|途经|来自|前往)$")
# What only a person does right after being named: speaks, travels with a party (…说, …表示, …一行, …等人).
_ACT_AFTER = re.compile(
    "说|表示|指出|强调|认为|宣布|声称|宣称|透露|介绍|告诉|坦言|警告|呼吁|重申|说道|写道|一行|等人|本人|之子|之女|夫妇"
)
# What only a person is, written right after the name: an honorific, a post or a rank (…先生, …副总理, …海军少将,
# …院士), unless a name follows it, whose post it is (某国总统乙).
_POST_AFTER = re.compile(
    "先生|女士|小姐|夫人|博士|教授|院士|副?(?:总统|总理|首相|外长|国务卿|秘书长|议长|主席|部长)|国王|女王|亲王|大使"
    "|特使|将军|(?:海|陆|空)军(?:上|中|少)将"
)
# jieba's classes of a word that starts no name after a post: times, verbs, adverbs, prepositions, conjunctions and
# particles (总统周三表示, 总统和…).
_NOT_NAME_CLASSES = frozenset("tvdpcu")
# What a clause's subject is followed by (…也, …还, …在): after a name jieba's lexicon knows, a person's.
_SUBJECT_FOLLOWER = re.compile("也|还|在|则|曾|已|将|就|都|又")
# What a listed name or one closing its phrase is followed by (…，, …和乙, …的).
_FOLLOWER = re.compile(f"[，,。；;、！？!?）)”]|和|与|的|{_SUBJECT_FOLLOWER.pattern}")
# How often jieba's corpus uses a character alone at most for a two-character foreign name opening with it to be read
# on weak evidence (before a person's act or a predicate alone: 多提…, 拉达…, 切莫… open Chinese words).
SELDOM_ALONE = 2000
# Countries as news abbreviates them (美英, 法德, 以巴): a run of these alone names the countries.
_COUNTRY_INITIALS = frozenset("美英法德意俄日加澳以埃伊叙黎约沙阿巴印泰越菲马新朝韩古墨")
# What makes a run before it no person's: a unit, a people, a language, a ship or an institution named after it (…队,
# …人, …语, …号, …公司, …半径) or a place's area (…地区, …一带).
_NOT_PERSON_AFTER = re.compile(
    "[”\"]?号|[队党国省州市县区镇乡村街路岛港城军团人语族籍式杯奖河山湖湾峰派教]|大学|学院|公司|集团|基金|银行|医院"
    "|研究|中心|协会|俱乐部|政府|内阁|电视|通讯社|主义|理论|定律|效应|半径|指数|体系|模式|王朝|家族|时代|地区|一带|境内"
    "|边境|前线|方向"
)
# jieba's classes of a lone character that ends no name: prepositions, conjunctions, adverbs, particles.
_FUNCTION_CLASSES = frozenset("pcdu")
# A part of a longer name or a thing's name, joined by a dot or a dash (约翰·…, 道—琼斯).
_JOINED = "·•・—-－／/"
# How often jieba's corpus uses a word at most for it to be read as a name (places and common words are used more).
_COMMON = 1000
# jieba's tag of places, which it gives to some foreign names too (巴拉克, 库马拉通加).
_PLACE = "ns"


def foreign_names(text: str, segmentation: Segmentation, taken: Set[int]) -> list[tuple[int, str]]:
    """Foreign names in ``text`` as (start, name): runs of transliteration characters read as a name where

    - a post or role a foreigner is named by stands right before (总统…, 秘书长…, 外援…, 选手…);
    - a country stands right before, alone or with 的 (比利时的…, 尼日利亚…), and the name, of three characters or
      more and no place's to jieba, is followed as a listed name or one closing its phrase is (…，, …和, …的);
    - what only a person does or is follows (…说, …一行, …等人, …先生, …院士, …总统: see ``_person_after``), and
      the name stands where a phrase opens, after punctuation, a particle or a word, not where a place does (在…,
      飞抵…);
    - a name jieba's lexicon knows as a foreign person's of three characters or more opens a phrase and a word a
      clause's subject is followed by comes next (而…也, 由…在).

    A name ends where its run does, unless a person's act or a follower comes next; the run does not go on through
    one character the table leaves out (亚斯特任布斯基). The name starts and ends where jieba's words do (not 卡|韦略
    or 布哈瑞: a name going on in a character the table leaves out), is no word jieba's corpus uses often nor one it
    knows as no name, is not in ``NOT_PERSONS`` nor ends with one of them (two names run together in a flattened list
    are not one), is not followed by a unit's or an institution's word (…队, …公司) and is joined to no other name by
    a dot or a dash.
    A Thai name holding a character of ``SOUTHEAST_ASIAN`` is read by the first and the third reading alone.
    ``taken``: positions inside names found before; a name read here may hold one of them whole (萨莫洛夫 around a
    misread 莫洛夫), but cuts across none. Two passes over the text: a run is read once, from its few word starts."""
    found = []
    read_here: set[int] = set()
    for pattern, wide in ((_RUN, False), (_WIDE_RUN, True)):
        for run in pattern.finditer(text):
            if wide and SOUTHEAST_ASIAN.isdisjoint(run.group()):
                continue
            read = _read_run(text, segmentation, *run.span(), wide)
            if read is None:
                continue
            start, end = read[0], read[0] + len(read[1])
            if {start - 1, start} <= taken or {end - 1, end} <= taken or not read_here.isdisjoint(range(start, end)):
                continue
            found.append(read)
            read_here.update(range(start, end))
    return found


def _read_run(text: str, segmentation: Segmentation, start: int, end: int, wide: bool) -> tuple[int, str] | None:
    """The name read inside the run of transliteration characters from ``start`` to ``end`` (see ``foreign_names``);
    ``wide``: a run that may hold Thai characters, where only a name holding one is read."""
    if _joined(text, start - 1) or _joined(text, end):
        return None
    word_start = segmentation.word_start
    # a run ends before a word of jieba's lexicon it only starts (卡布|延长)
    last_word = word_start[end - 1]
    word = segmentation.word_at[last_word]
    if last_word > start and last_word + len(word) > end and segmentation.is_dictionary_word(word):
        end = last_word
    for first in range(start, end - 1):
        if word_start[first] != first:
            continue
        # no role ends in a transliteration character: inside the run, only a country may end before a name
        role = first == start and _ends_with(text, first, _ROLES, _ROLE_LENGTHS)
        country = not role and (
            _ends_with(text, first, _COUNTRIES_BEFORE, _COUNTRY_LENGTHS)
            or (text.endswith(_OF, 0, first) and _ends_with(text, first - 1, _COUNTRIES_BEFORE, _COUNTRY_LENGTHS))
        )
        if first > start and not country:
            continue
        if first == start and not (role or country) and _bridged(text, start - 2, start - 1):
            continue
        for last in range(min(end, first + _LONGEST), first + 1, -1):
            if last < len(text) and word_start[last] != last:
                continue
            if last < end and not (_person_after(text, segmentation, last) or _FOLLOWER.match(text, last)):
                continue
            if last == end and _bridged(text, end + 1, end):
                continue
            if function_word_ends(segmentation, last):
                continue
            name = text[first:last]
            if wide and SOUTHEAST_ASIAN.isdisjoint(name):
                continue
            if _accepted(text, segmentation, first, name, role, country and not wide, wide):
                return first, name
    return None


def _ends_with(text: str, end: int, words: Set[str], lengths: list[int]) -> bool:
    """One of ``words`` (of the ``lengths`` given) ends at ``end``: a few slices looked up, however long the text."""
    return any(text[end - length : end] in words for length in lengths if length <= end)


def _joined(text: str, at: int) -> bool:
    """A dot or a dash joining two names' parts stands at ``at``."""
    return 0 <= at < len(text) and text[at] in _JOINED


def _bridged(text: str, other: int, at: int) -> bool:
    """One character outside the table at ``at`` joins the run to transliteration characters at ``other``: the
    name goes on through a character the table leaves out (亚斯特任布斯基), unless what stands there is a function
    word or what names are followed or preceded by (转达了…, …说, …和, 由…)."""
    if not (0 <= other < len(text) and text[other] in TRANSLITERATION and is_word_char(text[at])):
        return False
    if text[at] in FUNCTION_CHARS:
        return False
    return not (
        _FOLLOWER.match(text, at) or _ACT_AFTER.match(text, at) or _POST_AFTER.match(text, at)
        or _OPENER.search(text, at - 1, at + 1)
    )


def function_word_ends(segmentation: Segmentation, end: int) -> bool:
    """jieba reads the character before ``end`` alone as a preposition, a conjunction, an adverb or a particle
    (…吉拉尼|因…, 野田佳彦|不): a name read up to ``end`` took in the word after it."""
    last = segmentation.word_at[segmentation.word_start[end - 1]]
    return len(last) == 1 and segmentation.word_class(last)[:1] in _FUNCTION_CLASSES


def _accepted(
    text: str, segmentation: Segmentation, start: int, name: str, role: bool, country: bool, wide: bool = False
) -> bool:
    """``name`` at ``start``, after a role or a country or neither, is a person's (see ``foreign_names``); ``wide``:
    one holding a Thai character, read only after a role or before a person's act or post."""
    end = start + len(name)
    if _COUNTRY_INITIALS.issuperset(name) or any(name[cut:] in NOT_PERSONS for cut in range(len(name) - 1)):
        return False
    if _NOT_PERSON_AFTER.match(text, end) or _joined(text, end):
        return False
    tag = segmentation.word_class(name)
    known = segmentation.is_dictionary_word(name)
    if known and (
        segmentation.frequency(name) >= _COMMON or not tag.startswith(("nr", "nz", _PLACE))
        or (tag == _PLACE and not role)
    ):
        return False
    if role:
        return True
    follower = end >= len(text) or _FOLLOWER.match(text, end) is not None
    if country:
        return len(name) >= _SHORTEST_WEAKLY_HELD and follower and tag != _PLACE
    if _person_after(text, segmentation, end):
        return _opens_for_act(text, segmentation, start) and (
            len(name) >= _SHORTEST_WEAKLY_HELD or segmentation.frequency(name[0]) < SELDOM_ALONE
        )
    return not wide and bool(
        len(name) >= _SHORTEST_WEAKLY_HELD and segmentation.is_transliterated_name(name)
        and _SUBJECT_FOLLOWER.match(text, end) is not None
        and (not start or not is_word_char(text[start - 1]) or _OPENER.search(text, max(0, start - 2), start))
    )


def _person_after(text: str, segmentation: Segmentation, end: int) -> bool:
    """What follows ``end`` is what only a person does or is (see ``_ACT_AFTER``, ``_POST_AFTER``): a post followed
    by no name of its own (某国总统乙), but by punctuation, a character no name starts with (or a function word: 时,
    和), or a time, a verb, an
    adverb, a preposition or a conjunction (总理周三表示, 总统要求, 总统和…). A country before a post is none of the
    names read here."""
    if _ACT_AFTER.match(text, end):
        return True
    post = _POST_AFTER.match(text, end)
    if post is None:
        return False
    following = text[post.end() : post.end() + 1]
    if not following or not is_word_char(following):
        return True
    no_name = following not in TRANSLITERATION and not surname_length(text, post.end())
    if no_name or following in FUNCTION_WORD_SURNAMES:
        return True
    return segmentation.word_class(segmentation.word_at.get(post.end(), ""))[:1] in _NOT_NAME_CLASSES


def _opens_for_act(text: str, segmentation: Segmentation, start: int) -> bool:
    """A name read before a person's act alone may start at ``start``: after punctuation, a particle or preposition
    (了, 的, 由…), or a word of two characters or more jieba knows; not where a place stands (在…, 飞抵…) nor after a
    lone character (·祖|阿比: the end of a longer name)."""
    if not start or not is_word_char(text[start - 1]):
        return True
    if _OPENER.search(text, max(0, start - 2), start):
        return True
    if _PLACE_BEFORE.search(text, max(0, start - 2), start):
        return False
    previous = segmentation.word_at[segmentation.word_start[start - 1]]
    return (len(previous) > 1 and segmentation.is_dictionary_word(previous)) or previous in FUNCTION_CHARS
