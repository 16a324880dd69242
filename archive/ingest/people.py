"""People named in an article, each with every title stated for them there.

People are found by these readings of the text, strongest first:

- titles before names (县委副书记、县长孙明远), with name lists sharing them
  (副县长杜海涛、林晓燕) and an organisation carried along a roll call
  (县人大常委会主任蒋国栋，党组书记韩立群 → 县人大常委会党组书记);
- titles after names (周立新省长, 蔡文杰市长), or in a clause of their own after a name opening its sentence
  (卢某，北京某厂厂长，…);
- untitled names confirmed by a cue right after them, or after an adverb (…说, …还说, …告诉记者, …表示 when
  jieba does not know the word as something else; …本人, …执导; a list summed up as
  甲、乙二人 or 丙、丁父子) or heading a "姓名：…" headline;
- appointments (正式入职…管委会副主任) give their title to the person just named;
- names with no title or cue at all, from the shape of the name itself: a three-character
  name jieba knows or makes up (family name + two given-name characters that may end a name),
  also inside a phrase when its given-name characters are name-like and a word names are
  followed by comes next (…的, …获悉), or after a particle (的甲, 与乙) when jieba's lexicon knows it
  as a name its corpus seldom uses; a two-character one right before an honorific, a speech verb or
  a rank (…九段, …院士), after a role, or made up by jieba with a name-like given-name character
  before such a word or closing a phrase a 的 opened; a transliterated one after a role or title
  (大使…, 国务卿…) or before a speech verb, or opening its clause before an act (…今天, …称), a
  post, a predicate or a preposition (…多次攻击, …决定, …从); a name jieba knows or made up of name
  characters right before a head of state's post, an honorific or a photo caption's place (…副总统, …女士,
  …（左）); and foreign names joined by "·" (an initial too: 拉·甘地);
- names after a role, a village or a verb whose object is a person (裁判…, 某某村…, 会见…, 嫁给了…) however jieba
  cut them; three-character names opening a phrase (从…的经历, 来到…跟前) that jieba cuts as names;
  Japanese names, by a table of family names, whole or by family name alone (…首相, …还表示);
- names in lists: a name jieba reads as one listed right before or after someone found (甲和乙), a
  transliterated one too, and two names jieba reads as such joined as a list joins names (丙、丁); a name of
  any shape in a roll call of people found (甲、某某、乙; 甲、乙、某某等) or paired with one by a slash (甲／某某);
- a family name that is mostly a function word (和, 于) opening a clause before a given name jieba knows and a
  predicate (，和某某还帮助…).

Names the caller's archive already knows as people's (``known``) are people where they stand bare as whole words
and where a person may stand (see ``_Extraction.read_known_names``).

Bylines and credits (记者…, …摄) are not people (a reporter is kept in the article's
byline), nor is a name that is the whole title of a work (《白鹿原》). Every later mention
of a name found once is the same person; ``text`` may still hold layout spaces and line wraps.
"""
from __future__ import annotations

import bisect
import re
from collections import defaultdict
from collections.abc import Container, Set
from dataclasses import dataclass, field
from functools import cache, lru_cache
from typing import NamedTuple

from archive.ingest.foreign import COUNTRIES, SELDOM_ALONE, foreign_names, function_word_ends
from archive.ingest.foreign import TRANSLITERATION as _TRANSLITERATION
from archive.ingest.gazetteer import Gazetteer
from archive.ingest.names import (
    AFTER_NAME_WORDS,
    FUNCTION_CHARS,
    NOT_IN_NAMES,
    NOT_PERSON_WORDS,
    NameReader,
    Segmentation,
    given_name_odds,
)
from archive.ingest.records import PersonMention
from archive.ingest.surnames import (
    COMPOUND_SURNAMES,
    FUNCTION_WORD_SURNAMES,
    JAPANESE_SURNAMES,
    SINGLE_SURNAMES,
    surname_length,
)
from archive.ingest.titles import (
    CORE_TITLES,
    PARTY_ORGANS,
    PARTY_TITLES,
    POST_NAME_TITLES,
    STATUS_TITLES,
    TitleMatch,
    after_appointment_verb,
    find_titles,
    is_official_title,
    is_word_char,
)

_NEWLINE = re.compile("\n")
_LAYOUT = re.compile(r"(?<=[^\s，。、；：！？,.;:!?])\s+(?=[^\s，。、；：！？,.;:!?])")
_LIST_SEPARATOR = "、"
_ET_CETERA = "等"
# Before a post, "former" (前总理).
_FORMER = "前"
_ET_CETERA_BEFORE_CUE = ("等领导", "等同志", _ET_CETERA)
# What joins the names of a list: the enumeration comma, and a conjunction before the last name.
_LIST_WORDS = (_LIST_SEPARATOR, "以及", "和", "及", "与")
# Titles of one person are separated by a comma or 兼 (副秘书长兼交通局局长).
_CHAIN_SEPARATORS = "，,、兼"
_SENTENCE_END = "。！？!?；;"

# What closes a clause: after a name opening its sentence, a clause of a title between two of them is the name's
# title (某某，某厂厂长，…).
_APPOSITION_ENDS = "，,。"
# Words after which a name is a byline or credit, not a person of the story.
_CREDIT_WORDS = ("记者", "通讯员", "实习生", "评论员", "编辑", "摄影", "责编", "校对", "报道员")
# What joins two names of a list.
_LIST_JOINERS = ("、", "和", "与", "及")
_LIST_JOINER_RE = re.compile(f"[{''.join(_LIST_JOINERS)}]")
# A credit word earlier in the same clause: the names after it are the credit's (通讯员 李霞 王秋生).
_CREDIT_REACH = 16
# A byline's 报道 ends the credit (记者甲报道：乙…): the names after it are the story's.
_CREDITED = re.compile(f"(?:{'|'.join(_CREDIT_WORDS)})(?:(?!报道)[^，。；！？,;!?\n“”])*$")
# A list of names summed up as people (甲、乙等队员, 丙等艺术大师).
_PEOPLE_ET_CETERA = "等(?:队员|球员|选手|运动员|艺术家|艺术大师|大师|名家|专家|学者|作家|画家|诗人|同学|老同志|人士)"
# A list of names summed up as two people or a family (甲、乙二人, 丙、丁父子): a cue only people take.
_SUMMED_UP = re.compile("(?:二|两)人|夫妇|父子|母子|父女|母女|兄弟|姐妹")
# What only a person is or does right after being named: 甲本人, 乙之子, 丙执导, 丁主演.
_ONLY_PEOPLE = "本人|之子|之女|之妻|之父|之母|执导|主演"
# A spouse after a name (甲的妻子): a person's, but also after what the spouse suffers from (患有高血压的老伴).
_SPOUSE_OF = re.compile("的(?:妻子|丈夫|爱人|老伴|遗孀)")
# Honorifics after a name that only people take (甲大娘, 乙师傅, 丙烈士): no profession's, which a field of
# study takes too (皮肤学教授).
_PEOPLE_HONORIFICS = "大娘|大爷|大妈|阿姨|老汉|师傅|烈士"
# A match's result between its sides (甲以3比1战胜乙, 丙以2∶0击败丁): a player or a team on either side.
_SCORE = "[0-9０-９零一二三四五六七八九十]{1,2}(?:比|:|∶|：)[0-9０-９零一二三四五六七八九十]{1,2}"
_RESULT = re.compile(
    f"以{_SCORE}(?:、{_SCORE})*(?:的(?:总)?比分)?(?:战胜|击败|打败|力克|险胜|负于|输给|败给|淘汰|逼平|战平|胜)了?"
)
# Words after a name that show it is a person being reported on.
_CUE_RE = re.compile(
    f"{_PEOPLE_ET_CETERA}|"
    "说|表示|强调|指出|要求|介绍|认为|坦言|告诉|透露|同志|先生|女士|一行|等人|感觉|感慨|主持|出席|讲话|回忆|笑着|曾在|曾任"
    f"|{_PEOPLE_HONORIFICS}"
    f"|{_SUMMED_UP.pattern}|{_ONLY_PEOPLE}|{_SPOUSE_OF.pattern}"
    "|[，,][男女][，,]|在主席台(?:前排)?就座|致辞|家中|家里"
    # a roll call of winners or honourees: 甲、乙、丙10人当选…, 甲、乙获得…奖
    # (a count is read from its first digit only, so a long run of digits is scanned once, not from each digit)
    "|(?<![0-9一二三四五六七八九十])[0-9一二三四五六七八九十]++(?:名|位)?(?:人|同志)(?:当选|获得|荣获|入选|被评为|被授予)"
    "|当选|荣获|获得|入选|被评为|被授予"
    f"|{_RESULT.pattern}"
)
# A list of at least this many names before a cue is a roll call of people, whatever the cue.
_ROLL_CALL = 3
# Where the speakers were, between their names and the cue: 甲、乙等在座谈中指出.
_SCENE_BEFORE_CUE = re.compile(r"在[\u4e00-\u9fff]{1,8}?(?:中|上|时)$")
# An adverb between the speakers and the cue (甲还说, 乙也表示, 丙进一步指出), unless a locative closes a scene before
# it (讲话中还说).
_ADVERB_BEFORE_CUE = re.compile("(?:还|也|又|则|亦|进一步|当即|随即|一再|同样)$")
_LOCATIVES = frozenset("中上里内外时后")
# How far before a cue a name read for it may start: a scene (12), an adverb (3), 等领导 (3) and a name (4) back.
_CUE_REACH = 22
# Characters a family name starts with: without one in reach, no name is read before a cue.
_NAME_STARTS = SINGLE_SURNAMES | frozenset(surname[0] for surname in COMPOUND_SURNAMES)
# A character a family name starts with that is no function word (和, 于…), where a phrase may open (see
# ``_PHRASE_OPENER``): after no word character, a particle or a preposition; found by the regular expression
# engine, as most family-name characters of a text stand elsewhere.
_PHRASE_FULL_NAME_START = re.compile(
    "(?:(?<![\u3400-\u9fff0-9A-Za-z])|(?<=[而但可当的是由把对给向让被像和与及跟找为从在将使同])|(?<=关于|来到))"
    f"[{''.join(sorted(_NAME_STARTS - FUNCTION_WORD_SURNAMES))}]"
)
# Cues only people take (an organisation 表示 or 强调 too, but does not 说 or 感慨).
_PERSON_CUE_RE = re.compile(
    f"{_PEOPLE_ET_CETERA}|"
    "说|告诉|感慨|坦言|回忆|笑着|同志|先生|女士|一行|等人|感觉|曾在|曾任|[，,][男女][，,]"
    f"|{_PEOPLE_HONORIFICS}"
    f"|{_ONLY_PEOPLE}"
)
_HONORIFICS = frozenset(
    {"女士", "先生", "同志", "老师", "师傅", "大爷", "大妈", "阿姨", "老汉", "大姐", "大哥", "大娘"}
)
_HEADLINE_COLONS = ("：", ":")
# Last characters of what reads as a name before a cue but ends a clause (满意地说, 方面有要求, 有位智者说).
_CLAUSE_FINALS = frozenset("地有者")
# Characters that end places, things and events jieba tags as names (雷阵雨, 尤伯杯, 石家庄), never a given name.
_NOT_NAME_FINALS = frozenset(
    "雨雪风云杯赛庄区镇县市村乡省州港湾岛城站路街馆院所局会部厂队车塔林性词章法式型率量价类业场山河湖江海"
    "宫殿寺庙桥园厅处室科组团社报刊节日月年届期周号家们人者员说去出是及和与在了的着过来六七八九百千第有晚越籍地感委营"
)
# Of those, the ones given names end in too (阴衍江, 姜天云, 刘昌业): a three-character name jieba does not know,
# or knows as a seldom used name, may end in one where more evidence than usual says it is a name.
_GIVEN_NAME_FINALS = frozenset("云雪江山城业越章林")
# Right after a two-character name, what only a person takes: an honorific or a speech verb.
_PERSON_AFTER = re.compile(
    "(?:先生|女士|同志|老师|教授|博士|师傅|大爷|大妈|阿姨|老汉|夫妇|说|表示|指出|强调|认为|介绍|告诉|透露|坦言"
    "|感慨|回忆|说道|笑着|写道|谈到|烈士|小姐|大夫|大娘|主演|执导)"
)
# Honorifics only a person takes right after a name (甲大夫, 乙烈士).
_HONORIFIC_AFTER = re.compile("(?:先生|女士|同志|老师|教授|博士|师傅|大夫|烈士|小姐|大娘|大爷|大妈|阿姨|老汉|夫妇)")
# A post, rank or honour written after a name (甲总统, 乙首相, 丙少将, 丁九段, 戊院士); after a country a post is
# followed by the name.
_POST_AFTER = re.compile(
    "(?:总统|总理|首相|议长|外长|大使|将军|上将|中将|少将|元帅|亲王|国王|天皇|院士|[一二三四五六七八九]段)"
)
# How a person is addressed by family name alone (李先生, 陈小姐, 唐外长, 彭姥姥): no full name.
_ADDRESSED_AS = _HONORIFICS | frozenset(CORE_TITLES) | frozenset(
    {
        "小姐", "外长", "总", "老", "爷爷", "奶奶", "姥姥", "姥爷", "外公", "外婆", "婆婆", "伯伯", "大伯", "叔叔",
        "大叔", "大婶", "大嫂", "嫂子", "哥哥", "姐姐", "弟弟", "妹妹", "妈妈", "爸爸", "太太", "老爷",
    }
)
# What a person does right after being named (甲主持…, 甲今天会见…), beyond speaking.
_ACTS_AFTER = re.compile("(?:等人|一行|主持|出席|会见|宣布|提出|今天|昨天|日前|近日|首先|随后|率|带领|亲自)")
# What a foreign name (all transliteration characters) does right after being named, beyond a person's acts
# (甲今天抵达, 乙称, 丙当选…, 丁还表示).
_FOREIGN_ACTS_AFTER = re.compile(f"{_ACTS_AFTER.pattern}|称|当选|还(?:表示|说|强调|指出)")
# Words a name is joined to others by, or governed by (甲和乙, 甲的, 甲在…): weak evidence.
_JOINS_AFTER = re.compile("[、和与及的在对向是也还就被将又则已曾）)]")
# Before a place, not a person: 在…, 到…, 赴…, 首都….
_PLACE_BEFORE = re.compile("(?:在|到|从|赴|于|往|至|飞抵|访问|抵达|首都|城市|州|省|市|县)$")
# Particles and prepositions a noun phrase starts after (…的甲, 由乙, 把丙): a name may start there as after a comma.
_OPENS_PHRASE = re.compile("(?:的|是|由|把|对|给|向|让|被|像|和|与|及|跟|找|为|帮助|看来|来看)$")
# How often jieba's corpus uses a lexicon name at most for it to be read as a person's after a particle.
_SELDOM = 20
# Of those, the conjunctions that join things as often as people (甲和乙国).
_JOINS_THINGS = ("和", "及")
# Least evidence for a three-character name (see _name_evidence), and given-name odds that count.
_NAME_EVIDENCE = 2
_NAME_LIKE, _WORD_LIKE = 0.1, 0.03
# A phrase a 的 opened and a comma or full stop closes: a two-character word jieba made up there is a name.
_OF, _CLAUSE_ENDS = "的", "，。"
# The copula, after which places and things stand as people do (某地是…).
_COPULA = "是"
# Given-name odds a two-character word jieba made up needs to be read as a name with no other evidence.
_NEW_NAME_LIKE = 0.2
# Before a name: a role that only people have (村民甲, 志愿者乙, 时任…的丙). Every alternative opens with a
# character (a lookbehind follows its word), so the regular expression engine skips to where one may start.
_ROLE_BEFORE = re.compile(
    "(?:村民|居民|市民|农民|工人|职工|员工|群众|志愿者|劳模|企业家|负责人|选手|运动员|队员|教练|主教练|作家|画家"
    "|诗人|演员|导演|歌手|学者|专家|院士|学生|同学|战士|民警|医生|护士|老人|老板|店主|司机|创始人|总统|总理"
    "|首相|国王|王子|公主|夫人|大使|议长|外长|总督|将军|主席|部长|大臣|总裁|经理|董事长|秘书长|记者|"
    "发言人|主任|书记|委员|市长|省长|县长|局长|校长|院长|厂长|代表"
    "|前锋|后卫|中锋|门将|外援|老将|名将|新秀|冠军|棋手|队友|作者(?<!工作者)|男友|女友|丈夫|妻子|议员|会长|行长|大臣|司令|司令员"
    "|教授|老师|教师|营业员|工作人员|党员|科学家|艺术家|书法家|夫人|遗孀|之子|之女|儿子|女儿|父亲|母亲|老伴|船工|厂主|裁判"
    "|裁判员|主帅|嘉宾|技师|班长|警卫员|航天员|宇航员|声乐家|音乐家|球员|单打|双打|棋手|指挥"
    "|国务卿|国务委员|领袖|署长|财长|参议员|众议员|专员|协调员|候选人|侨领|元老|秘书|投机家|姑娘|编剧|主演"
    "|学家|戏剧家|剧作家|文学家|思想家|政治家|革命家|军事家|教育家|外交家|美术家|歌唱家|钢琴家|小说家|评论家"
    "|少女|少年|男孩|女孩|小伙子|毒枭|歹徒|罪犯|嫌疑人|被告人|凶手)$"
)
# The same roles anywhere in a text: a name may follow each (村民甲, 外援乙丙丁).
_ROLE = re.compile(_ROLE_BEFORE.pattern.removesuffix("$"))
# Verbs whose object is a person (会见甲, 嫁给了乙, 任命了丙, 他叫丁): a name may follow each as it follows a role.
_PERSON_OBJECT = re.compile(
    "(?:会见|会晤|接见|看望|探望|慰问|拜访|采访|嫁给|提名|任命|判处|抓获|擒获|逮捕|表彰|聘请|邀请|陪同|接待|见到|"
    "怀念|纪念|悼念|告诉|找|名叫|叫做|叫作|叫(?<=[他她]叫)|叫(?<=孩子叫)|师从|处决|释放|营救|追授|表扬|称赞|赞扬"
    "|批评|辞退|解雇|提拔|收养|领养|照顾|照料|护送|押送)了?"
)
# What a noun phrase, and so a name, may open after: a conjunction opening a clause (，而甲…, 。但乙…), a
# particle or a preposition (…的甲, 从乙…, 在丙的…, 来到丁…).
_PHRASE_OPENER = re.compile(
    "(?:(?:^|[^\u4e00-\u9fff])[而但可当]|的|是|由|把|对|给|向|让|被|像|和|与|及|跟|找|为|从|在|将|使|同|关于|来到)$"
)
# Given-name odds (see ``given_name_odds``) a name read from its place alone needs (after a role, opening a
# phrase): above a word's.
_GIVEN_LIKE = 0.05
# Weather in a forecast's table (莫斯科晴, 卡拉奇多云): what follows a city, not a person.
_WEATHER = re.compile("晴|阴|多云|[小中大暴阵]雨|雷阵雨|[小中大暴]雪|雨夹雪|雾")
# Numbers a person's deed may start with (甲8日晨去世, 乙多次攻击, 丙一记重拳), unlike a date line's (…8日电) or
# a thing's (切尔诺贝利4号机组).
_COUNT_AFTER_NAME = re.compile("[0-9０-９]{1,2}日(?!电)|多次|一[记举再]")
# Between two people: one facing the other in a match's draw (甲对乙), or speaking to the other (丙对丁说); a
# foreign name is not read there, where places are as often (甲对托斯卡纳的访问).
_FACING = "对"
# When, after meeting someone named: 见到甲时, 会见乙后 (a role's or a verb's object ends there).
_WHEN_AFTER_NAME = re.compile("[时后]")
# Characters jieba glues to the end of a name it makes up (甲时, 乙以3比1…): those following names.
_GLUED_AFTER_NAME = FUNCTION_CHARS | frozenset("时后以")
# jieba's classes of a word that starts a predicate after its subject: verbs, adverbs, adjectives, descriptives.
_PREDICATE_CLASSES = frozenset("vdaz")
# jieba's tags of names and places (nr, nrt, nrfg, ns).
_NAME_OR_PLACE_CLASSES = ("nr", "ns")
# jieba's classes of numbers and measure words.
_COUNT_CLASSES = frozenset("mq")
# jieba's classes of a character that is no foreign name's syllable when alone: numbers, measure words, prepositions,
# conjunctions, particles, adverbs, pronouns and places in relation (两, 个, 于, 而, 的, 都, 他, 上).
_NOT_SYLLABLE_CLASSES = frozenset("mqpcudrf")
# jieba's classes of common words: nouns, verbs, adverbs, adjectives.
_COMMON_WORD_CLASSES = frozenset("nvda")
# A Japanese family name, the longer ones tried first (佐佐木, 长谷川, 中曾根).
_JAPANESE_FAMILY = re.compile("|".join(sorted(JAPANESE_SURNAMES, key=len, reverse=True)))
# A Japanese given name has one to three characters (正义, 龙太郎); a family name alone before a predicate is read
# as a name from two characters on.
_LONGEST_JAPANESE_GIVEN = 3
# A Japanese given name may end in this function word's character (健一, 洋一): a numeral elsewhere.
_JAPANESE_GIVEN_FINAL = "一"
_SHORTEST_NAME_BEFORE_PREDICATE = 2
# What opens a photo caption's place after a name (甲（左）).
_OPENING_BRACKETS = "（("
# Prepositions a clause's subject is followed by (甲在…, 乙从…手中), which jieba's word classes do not count as a
# predicate's start.
_SUBJECT_FOLLOWERS = frozenset({"在", "从"})
# Marks a clause's subject follows (，琼斯堪称…), unlike quotation marks and brackets, which terms open as well.
_CLAUSE_MARKS = "，,。；;！？!?："
# A dash joins a name to another into a thing's (道—琼斯指数): no person opens a clause there.
_DASHES = ("—", "-", "－")
# A player's shirt number before a foreign name (9号甲): apart from the roles, whose search a character class slows.
_SHIRT_NUMBER = re.compile("(?<![0-9０-９])[0-9０-９]{1,2}号$")
# A head of state's post or an honorific written right after a name (甲总理, 乙副总统, 丙女士), or where a photo's
# caption places someone (甲（左）、乙（中）): after a word shaped like a name, the word is a person's name.
_NAMED_BEFORE_POST = re.compile(
    "副?(?:总统|总理|首相)|外长|国王|天皇|亲王|女王|先生|女士|同志|烈士|[一二三四五六七八九]段"
    "|[（(][左右中前后][一二三四五六七八九]?[）)]"
)
# The longest word read as a name before a post (库马拉通加总统).
_LONGEST_NAME_BEFORE_POST = 5
# jieba's tags of places and organisations (ns, nt), and of words no name starts (times, verbs, adverbs,
# prepositions).
_PLACE_CLASSES = ("ns", "nt")
_NOT_NAME_CLASSES = frozenset("tvdp")
_LONGEST_TRANSLITERATION = 8
# Longer than any run of transliteration characters read as a name: where none is read.
_NO_FOREIGN_NAME = _LONGEST_TRANSLITERATION + 1
# What a name read by its shape alone opens with, unless jieba's lexicon knows it as a name: a family name
# (a Chinese name) or a transliteration character (a foreign one).
_SHAPED_NAME_STARTS = _NAME_STARTS | _TRANSLITERATION
# Transliteration characters too common in Chinese words to mark a name alone, but in a part of a name
# joined by "·" (芭芭拉·弗兰克林, 约翰·马吉) they are the name's.
_DOTTED_ONLY = frozenset("芭士得佛沙延圭旺猜春廉思烈卜")
_IN_DOTTED_NAME = _TRANSLITERATION | _DOTTED_ONLY
# Words a foreign name's last character may be glued into (安南|希望 read as 安南希|望).
_FOLLOWERS_GLUED = ("希望", "表示", "指出", "说")
_DOTS = ("·", "•", "・")
# What joins a name's parts, or a name to another (约翰—格伦, 道—琼斯): a name read before one is only a part.
_JOINED_PARTS = (*_DOTS, *_DASHES)
# What a foreign name names when it is followed by one of these (约翰斯·霍普金斯大学), its transliteration
# characters read into the name or not (…基金会): no person.
_INSTITUTIONS = ("大学", "学院", "公司", "集团", "基金", "医院", "研究", "中心", "协会", "奖")
# Last characters of two-character words jieba makes up that are no names: someone unnamed (王某), a
# country's side or its relations (巴方, 哈中关系), a function word (曾于).
_NOT_NEW_NAME_FINALS = frozenset("某方中于")
_ARMY = "军"
# What joins the two names of a pair (a doubles pair: 甲／乙).
_PARTNERS = ("／", "/")
_VILLAGE = "村"
# Words for a village that name none (某地的小山村…).
_ANY_VILLAGE = ("山村", "农村", "乡村", "渔村", "村村")
# A character never in names that some given names have (张之洞, 龚育之).
_NAME_FINAL_ZHI = "之"
_DOTTED_NAME = re.compile(r"[\u4e00-\u9fff]{1,6}(?:[·•・][\u4e00-\u9fff]{1,6})+")
# No name has more parts than this (穆罕默德·本·拉希德·阿勒马克图姆): a longer chain is not one.
_MOST_NAME_PARTS = 4
_PLACE_LEVEL = re.compile("(?:街道|县|市|区|镇|乡)$")
# What makes a foreign name before it a team's, a party's or a country's (冠军某某队): no person.
_UNIT_AFTER = re.compile("[队党国省州市县区镇乡村街路岛港城军团]")
_HAN = re.compile("[\u4e00-\u9fff]")
# The marks around the title of a book, a play or a film.
_WORK_OPENS, _WORK_CLOSES = "《", "》"
# What follows a name heading a doctrine rather than naming its person (邓小平理论, 毛泽东思想, 马克思主义).
_DOCTRINE = re.compile("(?:党建|建党|党的建设)?(?:理论|思想|主义)")
# A name the archive knows is read across this many jieba words at most (a foreign name cut apart, 卡洛斯|·|阿马特),
# and this many characters.
_KNOWN_NAME_WORDS, _LONGEST_KNOWN_NAME = 5, 12
# Words jieba cuts before a place a person goes to (赴某地, 飞抵某地), never before a person; unlike 在, 从 or 于,
# which a person may follow (在某人的带领下).
_TO_A_PLACE = frozenset({"到", "赴", "往", "至", "前往", "飞抵", "抵达", "首都"})
# jieba's class of pronouns, which end no name (祝贺|他).
_PRONOUN = "r"
# Words after a place that name its area (某地地区, 某地一带): no person stands before them.
_PLACE_AFTER = re.compile("地区|一带|境内|边境|前线|方向")
# Family names that are a conjunction or a preposition of place and time (和, 于) as function words: neither opens a
# clause that goes on with a person's name and a predicate (，和某某还帮助…), unless the name is someone the
# clause does something with (和某某相比, 和某某一起…).
_CLAUSE_OPENING_FAMILY = frozenset("和于")
_WITH_SOMEONE = re.compile(
    "相比|比较|一起|一道|一样|相同|不同|见面|握手|合作|交谈|交流|联系|会谈|会面|通话|相处|结婚|商量"
)


class _Stated(NamedTuple):
    """A title as stated for someone: its text, its core title, and where the statement begins."""

    text: str
    core: str
    at: int


@dataclass
class _Person:
    name: str
    titles: list[_Stated] = field(default_factory=list)

    def add(self, titles: list[_Stated]) -> None:
        for title in titles:
            if all(title[:2] != known[:2] for known in self.titles):
                self.titles.append(title)

    def normalized_titles(self) -> list[str]:
        """Titles in order, without one restated shorter elsewhere (锦程集团董事长 beside 华中锦程集团董事长)."""
        return [
            title.text
            for title in self.titles
            if not any(
                other.core == title.core and other.text != title.text and other.text.endswith(title.text)
                and other.at != title.at
                for other in self.titles
            )
        ]


class _Extraction:
    """The state of reading one text: its segmentation, titles, and the people found so far."""

    def __init__(self, text: str):
        self.text, self.breaks = _flatten(text)
        self.segmentation = Segmentation(self.text)
        self.titles = find_titles(self.text, self.segmentation.word_start, self.breaks)
        self.title_at = {t.start: t for t in self.titles}
        title_starts = {t.start for t in self.titles} | {t.core_start for t in self.titles}
        self.reader = NameReader(self.text, self.segmentation, title_starts)
        self.occurrences = self.reader.occurrences
        self.people: dict[str, _Person] = {}
        self.appointments: list[TitleMatch] = []
        # what ``_covered`` found last time: the names it looked up, and the positions inside their mentions
        self._covered_names: set[str] = set()
        self._covered_positions: set[int] = set()

    def add(self, name: str, titles: list[_Stated]) -> None:
        person = self.people.get(name)
        if person is None:
            person = self.people[name] = _Person(name)
        person.add(titles)

    def read_title_chains(self) -> set[int]:
        """Titles followed by names; returns the start of every title that was read with a name."""
        used: set[int] = set()
        carried = ""
        k = 0
        while k < len(self.titles):
            chain = self._chain(k)
            k += len(chain)
            end = chain[-1].end
            name = self.reader.read(end) if end < len(self.text) else None
            if name:
                name = self._foreign_tail(end, name)
            if name and chain[-1].core in STATUS_TITLES and name[0] in FUNCTION_WORD_SURNAMES:
                name = None
            if name is None:
                if after_appointment_verb(self.text, chain[0]):
                    self.appointments.append(chain[-1])
                carried = ""
                continue
            titles, carried = _resolve(chain, carried)
            used.update(t.start for t in chain)
            self.add(name, titles)
            end = self._read_list(end + len(name), titles)
            if not (end < len(self.text) - 1 and self.text[end] in _CHAIN_SEPARATORS and end + 1 in self.title_at):
                carried = ""
        return used

    def _foreign_tail(self, start: int, name: str) -> str:
        """A name read at ``start`` that jieba's words carry on in transliteration characters (部长贾斯|蒂卡,
        主席谢列兹|尼奥夫), or that starts a longer foreign name jieba knows (谢列兹尼奥夫): the whole foreign
        name; any other name as read."""
        segmentation = self.segmentation
        word = segmentation.word_at.get(start, "")
        if len(word) > len(name) and word.startswith(name) and segmentation.is_transliterated_name(word):
            name = word
        if not _TRANSLITERATION.issuperset(name):
            return name
        end = start + len(name)
        while end < len(self.text) and end - start < _LONGEST_TRANSLITERATION:
            word_start = segmentation.word_start[end]
            word = segmentation.word_at[word_start]
            rest = self.text[end : word_start + len(word)]
            if not _TRANSLITERATION.issuperset(rest) or not segmentation.is_name_word(word):
                break
            end = word_start + len(word)
        return self.text[start:end]

    def _chain(self, k: int) -> list[TitleMatch]:
        chain = [self.titles[k]]
        for title in map(self.titles.__getitem__, range(k + 1, len(self.titles))):
            last = chain[-1]
            if title.start != last.end + 1 or self.text[last.end] not in _CHAIN_SEPARATORS:
                break
            chain.append(title)
        return chain

    def _read_list(self, end: int, titles: list[_Stated]) -> int:
        """Names after the first sharing its titles (副主任曹美玲、彭建华和姚远); returns where the list ends.

        A conjunction only joins the last name of a list that has an enumeration comma already:
        市长甲与乙 may well be two people's meeting.
        """
        text = self.text
        words = (_LIST_SEPARATOR,)
        while end < len(text) - 1 and end + 1 not in self.title_at:
            separator = next((word for word in words if text.startswith(word, end)), None)
            if separator is None or self._inside_dictionary_word(end, separator):
                break
            start = end + len(separator)
            name = self.reader.read(start) if start < len(text) else None
            if name is None or not self.reader.ends_at(start + len(name)):
                break
            self.add(name, titles)
            end = start + len(name)
            if separator != _LIST_SEPARATOR:
                break
            words = _LIST_WORDS
        return end

    def _inside_dictionary_word(self, start: int, word: str) -> bool:
        """``word`` at ``start`` is part of a longer dictionary word (及 in 及时, 和 in 和平)."""
        segmentation = self.segmentation
        found = segmentation.word_at[segmentation.word_start[start]]
        return found != word and segmentation.is_dictionary_word(found)

    def read_post_name_titles(self, used: set[int]) -> None:
        """Titles written after a name or a list of names: 周立新省长, 蔡文杰市长, 马文斌、黄丽萍等县领导
        (a name stated with its own title keeps only that: 市长甲等市领导)."""
        for title in self.titles:
            if title.start in used or title.prefix or title.core not in POST_NAME_TITLES:
                continue
            stated = [_Stated(title.core, title.core, title.start)]
            if self.text.endswith(_ET_CETERA, 0, title.core_start):
                for name in self._names_listed_before(title.core_start - len(_ET_CETERA)):
                    if not self._titled(name):
                        self.add(name, stated)
                continue
            name = self._name_before(title.core_start)
            if name:
                self.add(name, stated)

    def read_appositive_titles(self, used: set[int]) -> None:
        """A name opening its sentence that a comma and a whole clause of its title follow (某某，北京某厂厂长，…):
        the clause is the name's title. A name the reader reads up to the comma, jieba's lexicon knows as a
        person's or as no word, with given-name characters at least a little name-like."""
        text = self.text
        segmentation = self.segmentation
        for title in self.titles:
            if title.start in used or text[title.end : title.end + 1] not in _APPOSITION_ENDS:
                continue
            comma = title.start - 1
            if comma < 2 or text[comma] not in _APPOSITION_ENDS[:2]:
                continue
            start = next(
                (start for start in range(comma - 2, comma - 5, -1) if start >= 0 and self._opens_sentence(start)),
                None,
            )
            if start is None:
                continue
            name = text[start:comma]
            if (
                self.reader.read(start) != name or name[0] in FUNCTION_WORD_SURNAMES
                or given_name_odds(name) < _GIVEN_LIKE or name[surname_length(name, 0) :] in _ADDRESSED_AS
                or (segmentation.is_dictionary_word(name) and not segmentation.is_known_name(name))
            ):
                continue
            self.add(name, [_Stated(title.title, title.core, title.start)])

    def _opens_sentence(self, start: int) -> bool:
        """``start`` opens the text, a line or a sentence."""
        return not start or start in self.breaks or self.text[start - 1] in (*_SENTENCE_END, "\n")

    def _titled(self, name: str) -> bool:
        """``name`` was read with titles of its own: a collective 等市领导 after it only sums up the list."""
        return name in self.people and bool(self.people[name].titles)

    def _name_before(self, end: int) -> str | None:
        """The name written right before a title at ``end``, if one starts at a word boundary there; none where
        jieba reads 前 on its own right before the title (某国前总理: a former post, after a country)."""
        if self.segmentation.word_at.get(end - len(_FORMER)) == _FORMER:
            return None
        for length in (4, 3, 2):
            start = end - length
            if start < 0:
                continue
            candidate = self.text[start:end]
            if candidate in self.people:
                return candidate
            if candidate[0] in FUNCTION_WORD_SURNAMES or not self._word_may_start(start):
                continue
            if self.reader.read(start) == candidate:
                return candidate
        return None

    def _names_listed_before(self, end: int, covered: Set[int] = frozenset()) -> list[str]:
        """The names of a list ending at ``end`` (马文斌、黄丽萍|等), last first; [] if none ends there."""
        names = []
        while True:
            name = self._name_ending_at(end, covered)
            if name is None:
                return names
            names.append(name)
            end -= len(name)
            if not self.text.endswith(_LIST_SEPARATOR, 0, end):
                return names
            end -= 1

    def read_untitled(self) -> None:
        """Names right before a cue (…说, …表示, …告诉记者) and at the head of a "姓名：…" headline line."""
        text = self.text
        covered = self._covered()
        for cue in _CUE_RE.finditer(text):
            end = cue.start()
            if _NAME_STARTS.isdisjoint(text[max(0, end - _CUE_REACH) : max(0, end - 1)]):
                continue
            scene = _SCENE_BEFORE_CUE.search(text, max(0, end - 12), end)
            if scene:
                end = scene.start()
            end = self._before_adverb(end)
            for et_cetera in _ET_CETERA_BEFORE_CUE:
                if text.endswith(et_cetera, 0, end):
                    end -= len(et_cetera)
                    break
            person_cue, summed_up, result, spouse = _cue_kinds(cue.group())
            listed = self._names_listed_before(end, covered)
            if summed_up:
                # one name before 夫妇 may start earlier (来|国峰夫妇): only a list is summed up here
                listed = listed if len(listed) > 1 else []
                person_cue = True
            person_cue = person_cue or len(listed) >= _ROLL_CALL
            for name in listed:
                if name not in self.people and (
                    self._untitled_name(name, person_cue) or (result and self._player_before_result(name))
                    or (spouse and self._untitled_name(name, True) and self._no_other_word(name))
                ):
                    self.add(name, [])
        line_starts = {0, *self.breaks} | {newline.end() for newline in _NEWLINE.finditer(text)}
        for start in sorted(line_starts):
            # a name is two to four characters: without a colon there, no "姓名：" line starts here
            if not any(colon in text[start + 2 : start + 5] for colon in _HEADLINE_COLONS):
                continue
            name = self.reader.read(start) if start < len(text) else None
            if name and text.startswith(_HEADLINE_COLONS, start + len(name)) and self._untitled_name(name, True):
                self.add(name, [])

    def _before_adverb(self, end: int) -> int:
        """Where the speakers before a cue at ``end`` end: before an adverb there (甲还说, 乙进一步指出), unless a
        locative closes a scene before it (讲话中还说) or a pronoun ends the word before it (祝贺她也当选)."""
        adverb = _ADVERB_BEFORE_CUE.search(self.text, max(0, end - 3), end)
        if adverb is None or adverb.start() < 1 or self.text[adverb.start() - 1] in _LOCATIVES:
            return end
        segmentation = self.segmentation
        previous = segmentation.word_at[segmentation.word_start[adverb.start() - 1]]
        return end if segmentation.word_class(previous) == _PRONOUN else adverb.start()

    def _no_other_word(self, name: str) -> bool:
        """jieba's lexicon knows ``name`` as a person's name or not at all (患有高血压的老伴: an illness)."""
        return self.segmentation.is_known_name(name) or not self.segmentation.is_dictionary_word(name)

    def _player_before_result(self, name: str) -> bool:
        """A two-character name before a match's result (甲以3比1战胜…) that jieba's lexicon does not know (a team
        or a country it does: 巴西以2比0…), of a name-like given-name character (see ``_NEW_NAME_LIKE``)."""
        return (
            len(name) == surname_length(name, 0) + 1 and not self.segmentation.is_dictionary_word(name)
            and given_name_odds(name) >= _NEW_NAME_LIKE and name[-1] not in _NOT_NEW_NAME_FINALS
            and self._untitled_name(name, True)
        )

    def _untitled_name(self, name: str, person_cue: bool) -> bool:
        """A name with no title, before a cue: not a place, and before a cue organisations share (表示, 强调)
        only a three-character name jieba does not know as a word (伊赛表示 is a company)."""
        if name[0] in FUNCTION_WORD_SURNAMES or name in _place_words():
            return False
        if name[-1] in _CLAUSE_FINALS and not self.segmentation.is_known_name(name):
            return False
        if name[surname_length(name, 0) :] in _ADDRESSED_AS:
            return False
        if person_cue:
            return True
        return len(name) > 2 and not self.segmentation.is_dictionary_word(name)

    def _covered(self) -> set[int]:
        """Positions inside a mention of someone already found, as a new set (callers add to theirs).

        Asked again by each later stage: the positions of the names found by the stages before are kept, and
        only the names found since are looked up (all again if one was dropped meanwhile)."""
        if not self._covered_names <= self.people.keys():
            self._covered_names, self._covered_positions = set(), set()
        positions = self._covered_positions
        for name in self.people.keys() - self._covered_names:
            length = len(name)
            for start in self.occurrences.separate_starts(name):
                positions.update(range(start, start + length))
        self._covered_names = set(self.people)
        return set(positions)

    def _name_ending_at(self, end: int, covered: Set[int]) -> str | None:
        text = self.text
        for length in (4, 3, 2):
            start = end - length
            if start < 0:
                continue
            # the reader reads a family name and one or two given-name characters, nothing else
            family = surname_length(text, start)
            if not family or length - family > 2 or not covered.isdisjoint(range(start, end)):
                continue
            if text.endswith(_CREDIT_WORDS, 0, start) or text[start + 1 : end] in _HONORIFICS:
                continue
            if self._word_may_start(start) and self.reader.read(start) == text[start:end]:
                return text[start:end]
        return None

    def _word_may_start(self, start: int) -> bool:
        """A name may start after punctuation, at a jieba word, or where jieba glued it to one character (由|王)."""
        if start == 0 or not is_word_char(self.text[start - 1]):
            return True
        segmentation = self.segmentation
        word_start = segmentation.word_start[start]
        if word_start == start:
            return True
        word = segmentation.word_at[word_start]
        return word_start == start - 1 and len(word) == 2 and not segmentation.is_dictionary_word(word)

    def read_name_words(self, known: frozenset[str] = frozenset()) -> None:
        """Names known by their shape alone (see the module docstring), or to the archive (``known``: see
        ``read_known_names``); each found once, bylines excepted."""
        text = self.text
        segmentation = self.segmentation
        covered = self._covered()
        for start, name in _dotted_names(text):
            if name[1] in _DOTS and segmentation.word_start[start] != start:
                continue
            first_part = next((found for found in self.people if name.startswith(found) and found != name), None)
            if first_part is not None:
                self.add(name, self.people.pop(first_part).titles)
            elif any(i in covered for i in range(start, start + len(name))) and not any(
                found in name for found in self.people
            ):
                continue
            self._add_shaped(name, start)
            covered.update(range(start, start + len(name)))
        for index, (word, start, _end) in enumerate(segmentation.words):
            # neither reading takes a word jieba reads as no name, nor one opening with neither a family name
            # nor a transliteration character that jieba's lexicon does not know as a name
            if start in covered or word in self.people:
                continue
            if word[0] not in _SHAPED_NAME_STARTS and not segmentation.is_known_name(word):
                continue
            if not segmentation.is_name_word(word):
                continue
            name = self._shaped_name(word, start) or self._name_run_after_role(index)
            if name:
                self._add_shaped(name, start)  # which leaves out names in a byline or credit
        self._read_names_before_posts(covered)
        self._read_names_after_roles(covered)
        self._read_names_opening_phrases(covered)
        self._read_japanese_names(covered)
        self._read_foreign_names()
        self._read_function_word_family_names(covered)
        self._read_name_pairs(covered)
        self.read_known_names(known)
        self._read_list_neighbours(covered)
        self._read_roll_call_gaps()
        self._read_partners()

    def read_known_names(self, known: frozenset[str]) -> None:
        """Names the archive knows as people's (``known``) where they stand as whole words: jieba starts a word
        where one starts and ends one where it ends (罗斯 is not read inside 俄罗斯), and where a person may stand
        (see ``_known_name_here``: not 明白, 邓小平理论, 《回忆某某》…). The longest known name of a run of jieba
        words is read; positions inside names found before are skipped.
        """
        if not known:
            return
        text = self.text
        initials = _initials(known)
        covered = self._covered()
        words = self.segmentation.words
        ends = [end for _word, _start, end in words]
        for index, (_word, start, _end) in enumerate(words):
            if text[start] not in initials or start in covered:
                continue
            found = None
            for end in ends[index : index + _KNOWN_NAME_WORDS]:
                if end - start > _LONGEST_KNOWN_NAME or end - 1 in covered:
                    break
                if text[start:end] in known:
                    found = text[start:end]
            if found and found not in self.people and self._known_name_here(found, start):
                self._add_shaped(found, start)

    def _known_name_here(self, name: str, start: int) -> bool:
        """A name the archive knows is a person's at ``start`` (see ``read_known_names``): more than a family name;
        no word jieba's corpus uses often (its tags call 明白 and 乌克兰 names too: see ``_seldom_name``); not
        opening with a family name that is a function word (都会) nor ending in a function character (家是) or a
        pronoun (祝贺他); not counted (5位全国); not part of a longer name (joined by "·", or one jieba
        cut the head off: 丁|薛祥, 克里沃伊|罗格); not where places stand (飞抵…, …地区, …市) nor before an
        institution (…大学) or a doctrine (…理论); not inside the title of a work (``_add_shaped`` leaves out
        bylines and 焦作's places)."""
        text = self.text
        end = start + len(name)
        if surname_length(name, 0) == len(name) or not all(map(is_word_char, name)) or not self._seldom_name(name):
            return False
        if name[0] in FUNCTION_WORD_SURNAMES or name[-1] in FUNCTION_CHARS or self._counted(start):
            return False
        segmentation = self.segmentation
        if segmentation.word_class(segmentation.word_at[segmentation.word_start[end - 1]]) == _PRONOUN:
            return False
        if text.startswith(_DOTS, end) or text[start - 1 : start] in _DOTS or self._glued_after(start):
            return False
        previous = segmentation.word_at[segmentation.word_start[start - 1]] if start else ""
        if previous in _TO_A_PLACE:
            return False
        if _UNIT_AFTER.match(text, end) or _PLACE_AFTER.match(text, end) or text.startswith(_INSTITUTIONS, end):
            return False
        return not _DOCTRINE.match(text, end) and not self._inside_a_work_title(start)

    def _inside_a_work_title(self, start: int) -> bool:
        """``start`` is inside the title of a book, a play or a film (《邓小平文选》)."""
        text = self.text
        opens = text.rfind(_WORK_OPENS, 0, start)
        return opens >= 0 and text.rfind(_WORK_CLOSES, opens, start) < 0 and text.find(_WORK_CLOSES, start) >= 0

    def _read_names_after_roles(self, covered: Container[int]) -> None:
        """A name right after a role only people have (外援甲, 裁判乙, 发言人丙), a village (某某村丁, see
        ``_village_ends``) or a verb whose object is a person (会见甲, 嫁给了乙), however jieba cut it: see
        ``_name_after_role``; after a match's result (以3比1战胜乙), where a team may stand as well (东道主), only a
        name jieba's corpus seldom uses (see ``_seldom_name``).
        ``covered``: positions inside names found before."""
        text = self.text
        found = [(role.end(), 2) for role in _ROLE.finditer(text)]
        found += [(verb.end(), 3) for verb in _PERSON_OBJECT.finditer(text)]
        results = {result.end() for result in _RESULT.finditer(text)}
        found += [(end, 3) for end in sorted(results)]
        facing_starts = self.occurrences.starts(_FACING)
        mention_ends = self._mention_ends() if facing_starts else set()
        facing = [start + len(_FACING) for start in facing_starts if start in mention_ends]
        found += [(start, _NO_FOREIGN_NAME) for start in facing]
        found += [(start, _NO_FOREIGN_NAME) for start in self._village_ends()]
        for start, shortest_foreign in found:
            if start >= len(text) or start in covered or start - 1 in covered or not self._may_be_named_here(start):
                continue
            name = self._name_after_role(start, shortest_foreign)
            if name and start in results and not self._seldom_name(name):
                continue
            if name and name not in self.people:
                self._add_shaped(name, start)

    def _village_ends(self) -> list[int]:
        """Where a village's name ends, as jieba cut it (某某村|, 某某|村|), not a word for any village (小山村): a
        villager is named right after it (回龙村某某，30多岁…)."""
        if _VILLAGE not in self.text:
            return []
        return [
            end for word, start, end in self.segmentation.words
            if word.endswith(_VILLAGE) and start > 0 and not self.text.endswith(_ANY_VILLAGE, 0, end)
        ]

    def _mention_ends(self) -> set[int]:
        """Where the mentions of the people found so far end."""
        return {
            start + len(name) for name in self.people for start in self.occurrences.separate_starts(name)
        }

    def _name_after_role(self, start: int, shortest_foreign: int) -> str | None:
        """The name at ``start``, right after a role: a Chinese one as the name reader reads it, with given-name
        characters at least a little name-like and cut by jieba as a name (see ``_cut_as_name``), or else the run
        of transliteration characters there (``shortest_foreign`` at least; of two, a word jieba reads as a name);
        either ending where a name may end or before a word jieba knows (甲出示), and not a place's, a team's or an
        institution's, nor a country's before its leader's post (会见某国总理乙). A name opening with a family name
        that is mostly a function word (署长于某某) only as jieba's lexicon knows it (see
        ``_function_word_family_name``)."""
        text = self.text
        segmentation = self.segmentation
        word_start = segmentation.word_start
        if word_start[start] != start and segmentation.is_dictionary_word(segmentation.word_at[word_start[start]]):
            return None
        family = surname_length(text, start)
        name = None
        word = segmentation.word_at.get(start, "")
        # a word jieba knows as no name starting here (安全, 廉政) leaves no Chinese name to cut as one
        known_word = segmentation.is_dictionary_word(word) and not segmentation.is_name_word(word)
        if family and text[start] in FUNCTION_WORD_SURNAMES:
            if self._function_word_family_name(word, family):
                name = word
        elif family and not (known_word and len(word) > family):
            name = self.reader.read(start)
            if name and (
                name[family:] in _ADDRESSED_AS or name[-1] in _NOT_NAME_FINALS or name[-1] in FUNCTION_CHARS
                or given_name_odds(name) < _GIVEN_LIKE or not self._cut_as_name(name, start, family)
            ):
                return None
        if name is None:
            end = start
            while end < len(text) and text[end] in _TRANSLITERATION and end - start < _LONGEST_TRANSLITERATION:
                end += 1
            if len(word) > end - start and self._foreign_word(word, start):
                end = start + len(word)
            if end - start < shortest_foreign:
                return None
            name = text[start:end]
            if len(name) == 2 and not segmentation.is_name_word(segmentation.word_at.get(start, "")):
                return None
        end = start + len(name)
        # a foreign name of three characters or more ends where jieba starts a word of two or more (…里贝罗|各为)
        foreign_at_word = family == 0 and len(name) >= 3 and len(segmentation.word_at.get(end, "")) > 1
        if (
            not self.reader.ends_at(end) and not self._word_follows(end) and not _COUNT_AFTER_NAME.match(text, end)
            and not foreign_at_word and not _WHEN_AFTER_NAME.match(text, end)
        ):
            return None
        if _UNIT_AFTER.match(text, end) or text.startswith(_INSTITUTIONS, end) or text.startswith(_JOINED_PARTS, end):
            return None
        if end in self.title_at or _POST_AFTER.match(text, end):
            return None
        if name in _place_words():
            return None
        if segmentation.word_class(name)[:2] in _PLACE_CLASSES and not self._acts_after(end):
            return None
        return name

    def _function_word_family_name(self, word: str, family: int) -> bool:
        """``word``, opening with a family name that is mostly a function word (于, 和), is a name jieba's lexicon
        knows and its corpus seldom uses (see ``_seldom_name``), of two name-like given-name characters that are no
        word of the lexicon (its names hold phrases too: 和亨利, 于东海)."""
        segmentation = self.segmentation
        return (
            len(word) == family + 2 and segmentation.is_known_name(word) and self._seldom_name(word)
            and given_name_odds(word) >= _NAME_LIKE and not segmentation.is_dictionary_word(word[family:])
        )

    def _acts_after(self, end: int) -> bool:
        """What follows ``end`` is what a person does right after being named: speaks, acts, or does so on a day
        (…说, …今天会见, …8日抵达); no place does."""
        text = self.text
        return bool(
            _PERSON_AFTER.match(text, end) or _FOREIGN_ACTS_AFTER.match(text, end) or _COUNT_AFTER_NAME.match(text, end)
        )

    def _read_names_opening_phrases(self, covered: Container[int]) -> None:
        """Three-character names (a family name and two given-name characters at least a little name-like, not
        one doubled: 水灵灵) that open a phrase (see ``_phrase_opens``: 从甲的经历, 在乙的胸中, 来到丙跟前,
        ，丁独立办厂) where jieba cuts them as a name (see ``_cut_as_name``) and the name reader reads the same
        name: jieba's lexicon tags names there that do not end as places and things do (…林, …镇), and words it
        made up there are names most of the time; a name jieba cut into a family name and a given-name word only
        where what follows says it is a person's (see ``_cut_off_name_opens``), which also says it ends there. Not
        before a list's joiner: places are listed so too (夏威夷和西雅图), and the list readers judge a list's names
        together. ``covered``: positions inside names found before."""
        text = self.text
        segmentation = self.segmentation
        for first in _PHRASE_FULL_NAME_START.finditer(text):
            start = first.start()
            if start in covered:
                continue
            family = surname_length(text, start)
            end = start + family + 2
            name = text[start:end]
            # a name opens at a word jieba starts, or one it cut off a family name glued to the opener (由施|建平)
            if start not in segmentation.word_at and not self._cut_off_given_name(name, start, family):
                continue
            if (
                not family or len(name) != family + 2 or name[-1] in _NOT_NAME_FINALS or name[-1] in FUNCTION_CHARS
                or name[-1] == name[-2] or text[end : end + 1] in _LIST_JOINERS or not self._phrase_opens(start)
                or name in self.people or name[family:] in _ADDRESSED_AS or _TRANSLITERATION.issuperset(name)
                or given_name_odds(name) < _GIVEN_LIKE or segmentation.word_class(name)[:2] in _PLACE_CLASSES
                or self._common_word_given(name[family:]) or not self._cut_as_name(name, start, family)
            ):
                continue
            cut_off = self._cut_off_given_name(name, start, family)
            if cut_off and not self._cut_off_name_opens(start, end):
                continue
            if (cut_off or self.reader.ends_at(end) or self._word_follows(end)) and self.reader.read(start) == name:
                self._add_shaped(name, start)

    def _cut_off_name_opens(self, start: int, end: int) -> bool:
        """A name from ``start`` to ``end`` that jieba cut into its family name and a given-name word (see
        ``_cut_off_given_name``), opening a phrase, is a person's there: no place's (after 在, 到, 从…), and a
        predicate or a person's act follows it (施建平又安排…, 施建平下岗后), it closes a phrase a 的 opened
        (…的施建平，) or it opens its clause before a 的 (，施建平的…); not the copula, which places and things
        take as well (某地是…). A word of the lexicon is weaker evidence of a name than one jieba made up."""
        text = self.text
        if _PLACE_BEFORE.search(text, max(0, start - 4), start):
            return False
        if text.endswith(_OF, 0, start) and text[end : end + 1] in _CLAUSE_ENDS:
            return True
        if self._opens_clause(start) and self.segmentation.word_at.get(end) == _OF:
            return True
        if self.segmentation.word_at.get(end) == _COPULA:
            return False
        return self._predicate_follows(start, end) or self._acts_after(end)

    def _read_japanese_names(self, covered: Container[int]) -> None:
        """Japanese names (see ``JAPANESE_SURNAMES`` and ``_japanese_name``), which no Chinese family name starts,
        nor a thing counted (8口新井). ``covered``: positions inside names found before."""
        text = self.text
        for family in _JAPANESE_FAMILY.finditer(text):
            start = family.start()
            if start in covered or not self._word_may_start(start) or self._counted(start):
                continue
            name = self._japanese_name(start, family.end())
            if name and name not in self.people:
                self._add_shaped(name, start)

    def _read_foreign_names(self) -> None:
        """Foreign names a post, a country or a person's cue around a run of transliteration characters makes
        people (see ``foreign_names``), outside the names found before."""
        for start, name in foreign_names(self.text, self.segmentation, self._covered()):
            if name not in self.people:
                self._add_shaped(name, start)

    def _read_function_word_family_names(self, covered: Container[int]) -> None:
        """Names of a family name that is mostly a function word (see ``_CLAUSE_OPENING_FAMILY``) which jieba cut off
        a given name its lexicon knows as a name its corpus seldom uses (和|万春; see ``_seldom_name``), opening a
        clause before a predicate (，和万春还帮助…, 和万春离开…): the function word would open no clause there.
        ``covered``: positions inside names found before."""
        segmentation = self.segmentation
        for index, (word, start, end) in enumerate(segmentation.words[:-1]):
            if word not in _CLAUSE_OPENING_FAMILY or start in covered or not self._after_clause_mark(start):
                continue
            given = segmentation.words[index + 1][0]
            name = word + given
            if (
                len(given) != 2 or not segmentation.is_known_name(given) or not self._seldom_name(given)
                or segmentation.is_transliterated_name(given) or given in _ADDRESSED_AS or name in self.people
            ):
                continue
            name_end = end + len(given)
            if self._predicate_follows(start, name_end) and not _WITH_SOMEONE.match(self.text, name_end):
                self._add_shaped(name, start)

    def _counted(self, start: int) -> bool:
        """jieba reads the word right before ``start`` as a number or a measure word (8|口|新井): a thing is counted."""
        segmentation = self.segmentation
        if not start:
            return False
        previous = segmentation.word_at[segmentation.word_start[start - 1]]
        return previous.isdigit() or segmentation.word_class(previous)[:1] in _COUNT_CLASSES

    def _japanese_name(self, start: int, family_end: int) -> str | None:
        """The Japanese name whose family name spans ``start`` to ``family_end``: with the fewest given-name
        characters (none to three) before a post or an honorific (桥本|首相), or after which a name may end at a jieba
        word (桥本龙太郎|在, 武村正义|说) and a speech verb, an act or a predicate follows (桥本还表示, 而桥本则…) or,
        with a given name, where the name opens a phrase or follows a role. Not before a unit (松本市); no given name
        where jieba reads a word it knows as no name after the family name (野田|政权; see ``_common_word_at``), nor one
        ending in an adverb or a particle jieba reads alone (野田佳彦|不|同意)."""
        text = self.text
        if _UNIT_AFTER.match(text, family_end):
            return None
        opens = self._phrase_opens(start) or _ROLE_BEFORE.search(text, max(0, start - 4), start) is not None
        longest = 0 if self._common_word_at(family_end) else _LONGEST_JAPANESE_GIVEN
        for end in range(family_end, min(family_end + longest, len(text)) + 1):
            given = text[end - 1]
            if end > family_end and (not _HAN.fullmatch(given) or given in NOT_IN_NAMES):
                return None
            if end > family_end and function_word_ends(self.segmentation, end):
                continue
            post = _POST_AFTER.match(text, end) or _HONORIFIC_AFTER.match(text, end)
            if not post and (
                (end > family_end and given in FUNCTION_CHARS and not self._japanese_given_ending(family_end, end))
                or not self.reader.ends_at(end)
                or (end < len(text) and self.segmentation.word_start[end] != end)
            ):
                continue
            person_after = bool(
                post or _PERSON_AFTER.match(text, end) or _FOREIGN_ACTS_AFTER.match(text, end)
                or self._predicate_follows(start, end, _SHORTEST_NAME_BEFORE_PREDICATE)
            )
            if person_after or (opens and end > family_end):
                return text[start:end]
        return None

    def _japanese_given_ending(self, family_end: int, end: int) -> bool:
        """The given name from ``family_end`` to ``end`` ends in 一 after another character (健一, 洋一, 俊一), as
        many Japanese men's names do, though 一 ends no Chinese given name."""
        return end - family_end >= 2 and self.text[end - 1] == _JAPANESE_GIVEN_FINAL

    def _common_word_at(self, start: int) -> bool:
        """jieba reads a word of two characters or more at ``start`` that its corpus uses often and its lexicon knows as
        a noun, a verb, an adverb or an adjective, neither a name nor a given name (政权, 未能; not 纯一, a
        distinguishing word, nor 正雄, seldom used), and no speech verb follows it (武村|正义|说 is a name)."""
        segmentation = self.segmentation
        word = segmentation.word_at.get(start, "")
        end = start + len(word)
        return (
            len(word) > 1 and segmentation.word_class(word)[:1] in _COMMON_WORD_CLASSES
            and not segmentation.is_rare(word) and not segmentation.is_name_word(word)
            and not segmentation.is_given_name_word(word)
            and not _PERSON_AFTER.match(self.text, end)
        )

    def _phrase_opens(self, start: int) -> bool:
        """A phrase may open at ``start``: a clause does, or a particle, preposition or conjunction stands
        before it (see ``_PHRASE_OPENER``); not a list's item (高起点、高水平), which the list readers judge."""
        text = self.text
        if self._opens_clause(start):
            return text[start - 1 : start] != _LIST_SEPARATOR
        return bool(_PHRASE_OPENER.search(text, max(0, start - 2), start))

    def _predicate_follows(self, start: int, end: int, shortest: int = 3) -> bool:
        """A word starting a predicate follows a name read from ``start`` to ``end`` (甲多次攻击, 乙决定, 丙郑重地,
        丁8日晨去世), for a name of ``shortest`` characters or more not joined by a dash to another (道—琼斯),
        and no weather follows (莫斯科晴): the name is the clause's subject, a person rather than a place."""
        text = self.text
        following = self.segmentation.word_at.get(end, "")
        if end - start < shortest or not following or _WEATHER.match(text, end):
            return False
        if start and text[start - 1] in _DASHES:
            return False
        word_class = self.segmentation.word_class(following)[:1]
        if word_class == "m" or following.isdigit():
            return bool(_COUNT_AFTER_NAME.match(text, end))
        return word_class in _PREDICATE_CLASSES

    def _cut_as_name(self, name: str, start: int, family: int) -> bool:
        """jieba cuts ``name`` (``family`` characters of family name) at ``start`` as a name: as one word it
        reads as a name (see ``is_name_word``), as a new word and the rest of the name (金志|贤), or as the family
        name alone, possibly glued to the character before it (当许|传音), and a name word or a word its lexicon
        knows as a given name (施|建平, see ``is_given_name_word``); never with the name's end inside a word of its
        lexicon (王怡|后来); a new word that is the name and a character following names (季晓岚时, 赵永祥以) is
        the name glued to what follows it."""
        segmentation = self.segmentation
        word = segmentation.word_at.get(start)
        if word is None:
            glued = segmentation.word_at.get(start - 1, "")
            if len(glued) != 2 or segmentation.is_dictionary_word(glued) or family != 1:
                return False
            word = name[:family]
        if word == name:
            return segmentation.is_name_word(word)
        end = start + len(name)
        if len(word) == len(name) + 1 and word.startswith(name) and word[-1] in _GLUED_AFTER_NAME:
            return not segmentation.is_dictionary_word(word)
        straddling = segmentation.word_at.get(segmentation.word_start[end - 1], "")
        if segmentation.word_start[end - 1] + len(straddling) > end and segmentation.is_dictionary_word(straddling):
            return False
        if len(word) < len(name) and name.startswith(word) and len(word) > family:
            return not segmentation.is_dictionary_word(word)
        if len(word) == family:
            rest = segmentation.word_at.get(start + family, "")
            return start + family + len(rest) <= start + len(name) and (
                segmentation.is_name_word(rest) or self._cut_off_given_name(name, start, family)
            )
        return False

    def _cut_off_given_name(self, name: str, start: int, family: int) -> bool:
        """jieba cut ``name`` at ``start`` into its family name (``family`` characters) and a word its lexicon knows
        as no name but as a given name (施|建平, 韦|国庆: see ``is_given_name_word``), not an honorific (张|大娘), nor
        the syllables of a foreign name or place (巴|德鲁)."""
        segmentation = self.segmentation
        given = name[family:]
        return (
            segmentation.word_at.get(start + family) == given and not segmentation.is_name_word(given)
            and segmentation.is_given_name_word(given) and given not in _ADDRESSED_AS
            and not _TRANSLITERATION.issuperset(name)
        )

    def _word_follows(self, end: int) -> bool:
        """A word of two characters or more that jieba's lexicon knows as no name starts at ``end``."""
        segmentation = self.segmentation
        following = segmentation.word_at.get(end, "")
        return (
            len(following) > 1 and segmentation.is_dictionary_word(following)
            and not segmentation.is_name_word(following)
        )

    def _read_names_before_posts(self, covered: Container[int]) -> None:
        """A word right before a head of state's post or an honorific only a person takes (甲总理, 乙副总统,
        丙女士, 丁烈士) that is shaped like a name (see ``_named_before_post``), the post not followed by a name
        of its own (某国总统乙, 某国总统、某国总理)."""
        text = self.text
        segmentation = self.segmentation
        for post in _NAMED_BEFORE_POST.finditer(text):
            end = post.start()
            if end < 2 or end - 1 in covered:
                continue
            start = segmentation.word_start[end - 1]
            word = segmentation.word_at[start]
            if start + len(word) != end or word in self.people or not self._named_before_post(word, start):
                continue
            always = post.group() in _HONORIFICS or post.group()[0] in _OPENING_BRACKETS
            if always or self._no_name_after_post(post.end()):
                self._add_shaped(word, start)

    def _no_name_after_post(self, end: int) -> bool:
        """No name follows a post ending at ``end``, nor another post of a list (某国总统乙, 某国总统、某国总理):
        punctuation does, or a word starting with no family name nor transliteration character, or a time,
        a verb, an adverb or a preposition (总理周三表示, 总统要求)."""
        following = self.text[end : end + 1]
        if following in _LIST_JOINERS:
            return False
        if not is_word_char(following or "。"):
            return True
        if following not in _TRANSLITERATION and not surname_length(self.text, end):
            return True
        return self.segmentation.word_class(self.segmentation.word_at.get(end, ""))[:1] in _NOT_NAME_CLASSES

    def _named_before_post(self, word: str, start: int) -> bool:
        """``word`` may be a name before a post: a name jieba's lexicon knows, or a word it made up of a family
        name and one or two given-name characters or of transliteration characters; not a place or an
        organisation (美国, 国务院), nor ending as places and function words do, nor glued to the end of a
        longer name (丁|薛祥)."""
        segmentation = self.segmentation
        if not 2 <= len(word) <= _LONGEST_NAME_BEFORE_POST or not all(map(_HAN.fullmatch, word)):
            return False
        if word[-1] in _NOT_NAME_FINALS or word[-1] in FUNCTION_CHARS or self._glued_after(start):
            return False
        if segmentation.word_class(word)[:2] in _PLACE_CLASSES or word in _place_words() or word in NOT_PERSON_WORDS:
            return False
        family = surname_length(self.text, start)
        if family and (word[0] in FUNCTION_WORD_SURNAMES or word[family:] in _ADDRESSED_AS):
            return False
        if segmentation.is_known_name(word):
            return True
        shaped = len(word) - family in (1, 2) if family else _TRANSLITERATION.issuperset(word)
        return shaped and not segmentation.is_dictionary_word(word)

    def _read_name_pairs(self, covered: Container[int]) -> None:
        """Two words jieba reads as names, joined as a list joins names (甲和乙, 丙、丁), each found already or
        shaped like a name on its own (see ``_pair_shaped``) where it stands (see ``_ends_a_listed_name``): two
        names side by side are people where one alone is not evidence enough. ``covered``: positions inside
        names found before (a roll call's). Each word's shape is judged once (a page may list thousands)."""
        text = self.text
        word_at, word_start = self.segmentation.word_at, self.segmentation.word_start
        people = self.people
        # whether a word is someone found or shaped like a name: once per word, a name found later was shaped
        listed: dict[str, bool] = {}
        # pairs of two-character names without support, until someone is found (see ``_short_name_unsupported``)
        unsupported: set[tuple[str, str]] = set()
        for joiner in _LIST_JOINER_RE.finditer(text, 1, len(text) - 1):
            at = joiner.start()
            second = word_at.get(at + 1)
            if second is None or listed.get(second) is False or (at - 1 in covered and at + 1 in covered):
                continue
            first_start = word_start[at - 1]
            first = word_at[first_start]
            if listed.get(first) is False or word_at.get(at) != joiner.group() or (first, second) in unsupported:
                continue
            pair = ((first, first_start), (second, at + 1))
            for word, _start in pair:
                if word not in listed:
                    listed[word] = word in people or self._pair_shaped(word)
            if all(listed[word] and (word in people or self._ends_a_listed_name(word, start)) for word, start in pair):
                if self._short_name_unsupported(first, second):
                    unsupported.add((first, second))
                    continue
                for word, start in pair:
                    if word not in people:
                        self._add_shaped(word, start)
                        unsupported.clear()

    def _short_name_unsupported(self, first: str, second: str) -> bool:
        """Of two words listed, one not found yet is a family name and one given-name character, and the other is
        transliterated (查谟和克什米尔: places are listed so) or neither is someone found or a name jieba's lexicon
        knows (山青、水秀: words it made up of a family-name character are not always names)."""
        pair = (first, second)
        if not any(word not in self.people and len(word) == surname_length(word, 0) + 1 for word in pair):
            return False
        if any(_TRANSLITERATION.issuperset(word) for word in pair):
            return True
        return not any(word in self.people or self.segmentation.is_known_name(word) for word in pair)

    def _pair_shaped(self, word: str) -> bool:
        """A transliterated name (see ``_foreign_list_shaped``), or a family name with one or two given-name characters
        jieba reads as a name, not ending as places and function words do: one given-name character only of a name
        its corpus seldom uses or one it made up (see ``_seldom_name``), and name-like (see ``_NEW_NAME_LIKE``)."""
        if self._foreign_list_shaped(word):
            return True
        family = surname_length(word, 0)
        if not family or not self.segmentation.is_name_word(word) or word[0] in FUNCTION_WORD_SURNAMES:
            return False
        if word[-1] in _NOT_NAME_FINALS or word[-1] in FUNCTION_CHARS:
            return False
        if len(word) == family + 1:
            return (
                self._seldom_name(word) and given_name_odds(word) >= _NEW_NAME_LIKE
                and word[-1] not in _NOT_NEW_NAME_FINALS and word[family:] not in _ADDRESSED_AS
            )
        return len(word) == family + 2 and given_name_odds(word) >= _WORD_LIKE

    def _ends_a_listed_name(self, word: str, start: int) -> bool:
        """Where it stands, ``word`` shaped like a name (see ``_pair_shaped``) is not an institution's (…集团), and
        a transliterated one not a team's or a country's (…队, …国), nor part of a name joined by "·", nor the
        head of a longer name jieba cut apart (赫里斯|坚科), nor one jieba left a syllable of alone after it
        (尼格|买|提)."""
        text = self.text
        end = start + len(word)
        if text.startswith(_INSTITUTIONS, end):
            return False
        if not _TRANSLITERATION.issuperset(word):
            # a name of one given-name character ends where a name may end or a word follows (not 李培|之, nor
            # 魏凤|和、), and is not the end of a longer name (丁|薛祥)
            return len(word) > surname_length(word, 0) + 1 or (
                (self.reader.ends_at(end) or self._word_follows(end)) and not self._glued_after(start)
                and not self._joiner_ends_list_item(end)
            )
        return (
            not _UNIT_AFTER.match(text, end) and not text.startswith(_DOTS, end)
            and text[start - 1 : start] not in _DOTS and self._ends_before_a_word(end)
            and not self._lone_syllable_at(end)
        )

    def _lone_syllable_at(self, start: int) -> bool:
        """jieba left one character alone at ``start`` that no name is followed by nor joined by, nor a function
        word, a number or a measure word (尼格|买|提, not 甲和乙|两兄弟): a syllable of a foreign name it cut apart."""
        word = self.segmentation.word_at.get(start, "")
        return (
            len(word) == 1 and is_word_char(word) and word not in _LIST_JOINERS and word not in AFTER_NAME_WORDS
            and word not in FUNCTION_CHARS and self.segmentation.word_class(word)[:1] not in _NOT_SYLLABLE_CLASSES
        )

    def _name_run_after_role(self, index: int) -> str | None:
        """A foreign name right after a role or post (总理甲乙丙, 教练甲乙丙丁): the run of words jieba reads as
        names or makes up, transliteration characters it leaves alone included, when three characters or
        more, not a Chinese name (those are read by their shape), not the first part of a name joined by
        "·" (read whole by ``_dotted_names`` when it can be), not opening with what follows names
        (应邀出席, a name to jieba), and opening with a name jieba knows or made of transliteration
        characters only."""
        segmentation = self.segmentation
        words = segmentation.words
        first, start, end = words[index]
        if len(first) == 1 and first not in _TRANSLITERATION:
            return None
        if not _ROLE_BEFORE.search(self.text, max(0, start - 4), start):
            return None
        end = start
        while index < len(words) and end - start < _LONGEST_TRANSLITERATION:
            word, _start, word_end = words[index]
            if not all(map(_HAN.fullmatch, word)) or not segmentation.is_name_word(word):
                break
            if len(word) == 1 and word not in _TRANSLITERATION:
                break
            end, index = word_end, index + 1
        name = self.text[start:end]
        if len(name) < 3 or (len(name) == 3 and surname_length(self.text, start)) or _UNIT_AFTER.match(self.text, end):
            return None
        if self.text.startswith(_DOTS, end):
            return None
        if any(name[:length] in AFTER_NAME_WORDS for length in range(1, 5)):
            return None
        if not segmentation.is_known_name(first) and not _TRANSLITERATION.issuperset(name):
            return None
        return name

    def _read_list_neighbours(self, covered: Container[int]) -> None:
        """A name listed right beside someone found (甲、乙 / 甲和乙, on either side) is a person too when jieba
        reads it as a name, or cut it into a family name and a given-name word (see ``_name_word_at``), and it has
        a family name or is transliterated: lists name people together (names in lists need no verb).
        ``covered``: positions inside names found before (none to look for there)."""
        if not self._lists_anything():
            return
        text = self.text
        segmentation = self.segmentation
        pending = list(self.people)
        examined = set(pending)
        while pending:
            name = pending.pop()
            for start in self.occurrences.separate_starts(name):
                end = start + len(name)
                for neighbour_start in (end + 1, end + 2):
                    joiner = text[end:neighbour_start]
                    if joiner not in _LIST_JOINERS or neighbour_start not in segmentation.word_at:
                        continue
                    word = self._name_word_at(neighbour_start)
                    if self._listed_name(word, neighbour_start):
                        self._add_shaped(word, neighbour_start)
                        if word not in examined:
                            examined.add(word)
                            pending.append(word)
                for neighbour in () if start - 2 in covered else self._listed_before(start):
                    self._add_shaped(*neighbour)
                    if neighbour[0] not in examined:
                        examined.add(neighbour[0])
                        pending.append(neighbour[0])

    def _lists_anything(self) -> bool:
        """The text holds a list joiner (、, 和…): without one, no name is listed beside another."""
        return any(joiner in self.text for joiner in _LIST_JOINERS)

    def _read_roll_call_gaps(self) -> None:
        """A name of any shape in a roll call of people found (甲、乙、丙): between two of them (甲、某某、乙), last
        after two of them, before 等 or punctuation (甲、乙、某某等), or joined to one before an honorific only people
        take (甲和某某同志); first before two of them (某某、甲、乙): a list of people goes on with people,
        whatever the characters of the name (…之…, …地) or how jieba cut it. A family name and one or two
        given-name characters, no place's nor organisation's word; one gap at a time, no gap read from another."""
        if not self._lists_anything():
            return
        text = self.text
        found_at = {
            start: name for name in self.people for start in self.occurrences.separate_starts(name)
        }
        found_ends = {start + len(name): start for start, name in found_at.items()}
        for end, start in sorted(found_ends.items()):
            joiner = text[end : end + 1]
            if joiner not in _LIST_JOINERS or self._inside_dictionary_word(end, joiner):
                continue
            listed_before = start - 1 in found_ends and text[start - 1] == _LIST_SEPARATOR
            gap = end + 1
            # no gap where someone found is listed next
            for length in () if gap in found_at else (2, 3):
                after = text[gap + length : gap + length + 1]
                # between two people, the conjunction only before the last (甲、某某和乙)
                between = gap + length + 1 in found_at and (
                    after == _LIST_SEPARATOR or (joiner == _LIST_SEPARATOR and after in _LIST_JOINERS)
                )
                closes = after == _ET_CETERA or (after not in _LIST_JOINERS and not is_word_char(after or "。"))
                # beside one person found, an honorific only people take after it (甲和某某同志)
                honoured = _HONORIFIC_AFTER.match(text, gap + length) is not None
                name = text[gap : gap + length]
                if (between or (listed_before and closes) or honoured) and self._roll_call_shaped(name):
                    self._add_shaped(name, gap)
                    break
            # the first of a roll call, before two people found (某某、甲、乙)
            if start and text[start - 1] == _LIST_SEPARATOR and end + 1 in found_at and start - 1 not in found_ends:
                self._read_gap_opening_before(start - 1)

    def _read_partners(self) -> None:
        """The partner of someone found in a pair written with a slash (甲／某某: a doubles pair, a pair of skaters),
        of any shape (see ``_roll_call_shaped``): before the slash opening its phrase after no family name it may
        start with, after it ending where a name may end or before a word jieba knows."""
        text = self.text
        if not any(partner in text for partner in _PARTNERS):
            return
        for found in list(self.people):
            for start in self.occurrences.separate_starts(found):
                end = start + len(found)
                if text[end : end + 1] in _PARTNERS:
                    gap = end + 1
                    for length in (2, 3):
                        name = text[gap : gap + length]
                        ends = self.reader.ends_at(gap + length) or self._word_follows(gap + length)
                        if ends and self._roll_call_shaped(name):
                            self._add_shaped(name, gap)
                            break
                if start and text[start - 1] in _PARTNERS:
                    self._read_gap_opening_before(start - 1)

    def _read_gap_opening_before(self, end: int) -> None:
        """A name of any shape (see ``_roll_call_shaped``) ending at ``end``, where a list's first name or a pair's
        stands: opening its phrase, after no family name it may start with (张平、向某某、…)."""
        text = self.text
        for length in (3, 2):
            gap = end - length
            name = text[max(gap, 0) : end]
            after_family_name = gap > 0 and surname_length(text, gap - 1) > 0
            if gap >= 0 and not after_family_name and self._roll_call_shaped(name) and self._phrase_opens(gap):
                self._add_shaped(name, gap)
                return

    def _roll_call_shaped(self, name: str) -> bool:
        """``name`` may be a name in a roll call: a family name (no function word) and one or two given-name
        characters, none of those never in names but 之 (张之洞), no place's, organisation's or honorific's."""
        if name in self.people:
            return False
        family = surname_length(name, 0)
        return (
            bool(family) and len(name) - family in (1, 2) and name[0] not in FUNCTION_WORD_SURNAMES
            and all(map(_HAN.fullmatch, name)) and NOT_IN_NAMES.isdisjoint(name.replace(_NAME_FINAL_ZHI, ""))
            and name[family:] not in _ADDRESSED_AS
            and self.segmentation.word_class(name)[:2] not in _PLACE_CLASSES and name not in _place_words()
        )

    def _listed_before(self, start: int) -> list[tuple[str, int]]:
        """The name listed right before a mention at ``start`` (乙、甲 / 乙和甲), as (name, start), if jieba
        reads the word there as a name (see ``_listed_name``), or the words there as a name it cut apart (see
        ``_name_word_at``), or glued the conjunction to its last character (see ``_name_glued_to_joiner``); not the
        end of a longer name jieba cut apart otherwise (范|明政)."""
        if start < 2 or self.text[start - 1] not in _LIST_JOINERS:
            return []
        segmentation = self.segmentation
        word_start = segmentation.word_start[start - 2]
        word = segmentation.word_at[word_start]
        if word_start == start - 2 and len(word) == 2 and segmentation.is_dictionary_word(word):
            return self._name_glued_to_joiner(start - 1)
        if word_start:
            family_start = segmentation.word_start[word_start - 1]
            if self._name_word_at(family_start) == self.text[family_start : start - 1]:
                word_start, word = family_start, self.text[family_start : start - 1]
            elif self._glued_after(word_start):
                return []
        if word in self.people or word_start + len(word) != start - 1 or not self._listed_name(word, word_start):
            return []
        return [(word, word_start)]

    def _name_glued_to_joiner(self, end: int) -> list[tuple[str, int]]:
        """The three-character name ending at ``end``, right before a conjunction jieba read as a word with the name's
        last character (赵永|祥和|乙, 孔令|平和|乙), as [(name, start)]: as the name reader reads it there, in no
        lexicon, with name-like given-name characters, not ending as places and function words do; [] if none."""
        start = end - 3
        if start < 0 or surname_length(self.text, start) != 1 or not self._word_may_start(start):
            return []
        name = self.text[start:end]
        if (
            name in self.people or name[0] in FUNCTION_WORD_SURNAMES or name[-1] in _NOT_NAME_FINALS
            or name[-1] in FUNCTION_CHARS or self.segmentation.is_dictionary_word(name)
            or given_name_odds(name) < _NAME_LIKE or self.reader.read(start) != name
        ):
            return []
        return [(name, start)]

    def _name_word_at(self, start: int) -> str:
        """The word jieba cut at ``start``, or with the given-name word after it where that word is a family name jieba
        cut off a name (施|建平, see ``_cut_off_given_name``)."""
        segmentation = self.segmentation
        word = segmentation.word_at.get(start, "")
        family = surname_length(self.text, start)
        if family and len(word) == family:
            name = word + segmentation.word_at.get(start + family, "")
            if self._cut_off_given_name(name, start, family):
                return name
        return word

    def _listed_name(self, word: str, start: int) -> bool:
        """``word`` at ``start`` is a name as a list names people: transliterated, or a family name and one or two
        given-name characters jieba reads as a name or knows as a word its corpus seldom uses (see
        ``_rare_word_as_name``), not ending in a function character unless jieba's lexicon
        knows the whole as a person's name (陈希同: not a name glued to a verb), ending where a name may end but
        not before a conjunction that punctuation follows (魏凤|和、: the conjunction is the name's last character)."""
        if word in self.people:
            return False
        if self._listed_foreign_name(word, start):
            return True
        family = surname_length(self.text, start)
        end = start + len(word)
        segmentation = self.segmentation
        return (
            bool(family) and len(word) in (family + 1, family + 2)
            and (segmentation.is_name_word(word) or self._rare_word_as_name(word))
            and word[0] not in FUNCTION_WORD_SURNAMES
            and word[-1] not in _NOT_NAME_FINALS
            and (word[-1] not in FUNCTION_CHARS or segmentation.is_known_name(word))
            and self.reader.ends_at(end) and not self._joiner_ends_list_item(end)
        )

    def _joiner_ends_list_item(self, end: int) -> bool:
        """A conjunction at ``end`` that punctuation follows (魏凤|和、): the last character of a name, no joiner."""
        after = self.text[end : end + 2]
        return after[:1] in _LIST_JOINERS and not is_word_char(after[1:] or "。")

    def _rare_word_as_name(self, word: str) -> bool:
        """``word`` is a word jieba's lexicon knows as no name but its corpus seldom uses (see ``_SELDOM``), of
        name-like given-name characters and no place's or organisation's (严良, an adjective to jieba): beside
        someone in a list, it is a name as well."""
        segmentation = self.segmentation
        return (
            segmentation.frequency(word) < _SELDOM and given_name_odds(word) >= _NAME_LIKE
            and segmentation.word_class(word)[:2] not in _PLACE_CLASSES
        )

    def _listed_foreign_name(self, word: str, start: int) -> bool:
        """A transliterated name in a list (甲和乙, see ``_foreign_list_shaped``) where it stands (see
        ``_ends_a_listed_name``)."""
        return self._foreign_list_shaped(word) and self._ends_a_listed_name(word, start)

    def _foreign_list_shaped(self, word: str) -> bool:
        """A name jieba's lexicon knows as foreign, or one of three transliteration characters or more it made up
        or knows as a seldom used name (places it tags as names are used more: 夏威夷, 西雅图)."""
        segmentation = self.segmentation
        return (
            bool(word) and _TRANSLITERATION.issuperset(word) and segmentation.is_name_word(word)
            and (segmentation.is_transliterated_name(word) or (len(word) >= 3 and self._seldom_name(word)))
        )

    def _ends_before_a_word(self, end: int) -> bool:
        """What follows ``end`` is punctuation or a word jieba knows as no name: a name read up to ``end`` is
        not the head of a longer one jieba cut apart (赫里斯|坚科)."""
        if end >= len(self.text) or not is_word_char(self.text[end]):
            return True
        following = self.segmentation.word_at.get(end)
        return following is not None and not self.segmentation.is_name_word(following)

    def _shaped_name(self, word: str, start: int) -> str | None:
        """``word`` (a jieba word at ``start``) as a name, if its shape and surroundings say it is one."""
        segmentation = self.segmentation
        if not segmentation.is_name_word(word) or not all(map(is_word_char, word)):
            return None
        text = self.text
        if (len(word) > 3 or not surname_length(text, start)) and not self._foreign_word(word, start):
            return None  # neither a Chinese name nor a foreign one
        word = self._transliteration_run(word, start)
        if _TRANSLITERATION.issuperset(word) and self._after_transliteration(start):
            return None  # the end of a longer foreign name or place jieba cut apart (雷西斯|滕西亚)
        family = 0 if len(word) > 3 else surname_length(text, start)
        end = start + len(word)
        before, after = text[max(0, start - 4) : start], text[end : end + 3]
        if family and word[0] in FUNCTION_WORD_SURNAMES and not _PERSON_AFTER.match(after):
            return None
        if family and len(word) == family + 2:
            if word[-1] in FUNCTION_CHARS or word[family:] in _ADDRESSED_AS or self._glued_to_result(word, start):
                return None
            if word[-1] in _NOT_NAME_FINALS and (
                word[-1] not in _GIVEN_NAME_FINALS or not self._seldom_name(word)
            ):
                return None
            needed = (
                _NAME_EVIDENCE + (word[-1] in _NOT_NAME_FINALS and not self.segmentation.is_known_name(word))
                + self._common_word_given(word[family:])
            )
            if self._name_evidence(word, start, before, after) >= needed:
                return word
        elif family and len(word) == family + 1:
            if word[family:] in _ADDRESSED_AS:
                return None
            honoured = _HONORIFIC_AFTER.match(after) and not self._read_from_before(start)
            if (
                _PERSON_CUE_RE.match(after) or honoured or self._post_after(end)
                or self._role_then_name(word, before, after)
            ):
                return word
            if self._new_two_character_name(word, start, before, after):
                return word
        # one opening with a family name jieba's corpus uses often is a Chinese word, not a foreign name (马拉松)
        transliterated = self._foreign_word(word, start) and (
            (len(word) >= 3 and (not family or self._seldom_name(word)))
            or self.segmentation.is_transliterated_name(word)
        )
        if transliterated and (
            _PERSON_AFTER.match(after) or self._post_after(end) or _ROLE_BEFORE.search(before)
            or _SHIRT_NUMBER.search(before)
            or (self._opens_clause(start) and (
                _FOREIGN_ACTS_AFTER.match(after) or self._post_after(end, True)
                or self._predicate_follows(start, end, 2 if self._short_foreign_subject(word, start) else 3)
                or (
                    len(word) >= 3 and self.segmentation.word_at.get(end) in _SUBJECT_FOLLOWERS
                    and self._after_clause_mark(start) and self._seldom_name(word)
                )
            ))
        ):
            return word
        return None

    def _foreign_word(self, word: str, start: int) -> bool:
        """``word`` at ``start`` is made of transliteration characters, or jieba's lexicon knows it as a person's name
        of three characters or more, made of those and of the ones common in Chinese words (基里延科), that no other
        name word follows (阿卜杜|洛耶夫: the head of a longer name)."""
        return _TRANSLITERATION.issuperset(word) or (
            len(word) >= 3 and _IN_DOTTED_NAME.issuperset(word) and self.segmentation.is_known_name(word)
            and self._ends_before_a_word(start + len(word))
        )

    def _common_word_given(self, given: str) -> bool:
        """``given`` is a word jieba's corpus uses often, seldom as a given name, and its lexicon tags as neither a
        name nor a place (水平, 建筑; not 卫星, 长江, which parents name children after): after a family-name character
        it reads as a phrase (高水平, 把古建筑…) more often than as a name."""
        segmentation = self.segmentation
        return (
            not segmentation.is_rare(given) and not segmentation.is_given_name_word(given)
            and not segmentation.word_class(given).startswith(_NAME_OR_PLACE_CLASSES)
        )

    def _glued_to_result(self, word: str, start: int) -> bool:
        """``word`` is a new word jieba made of a shorter name and the 以 of a match's result (季岚|以3比1战胜…)."""
        return not self.segmentation.is_dictionary_word(word) and bool(_RESULT.match(self.text, start + len(word) - 1))

    def _new_two_character_name(self, word: str, start: int, before: str, after: str) -> bool:
        """A two-character word jieba made up (in no lexicon) of a family name and a name-like given-name
        character, before a word names are followed by (…的, …是, …认为) or closing a phrase that a 的
        opened (以修鞋为生的甲，): names are the words jieba makes up most, but not parts of a foreign or
        longer name (…·哈努, 丁|薛祥), a place after 在, 到…, a quantity (75万升), a side or an army (甲方,
        甲中关系, 乌军) nor someone left unnamed (王某)."""
        end = start + len(word)
        return (
            not self.segmentation.is_dictionary_word(word) and word[0] not in FUNCTION_WORD_SURNAMES
            and word[-1] not in _NOT_NAME_FINALS and word[-1] not in FUNCTION_CHARS
            and given_name_odds(word) >= _NEW_NAME_LIKE and bool(after)
            and (is_word_char(after[0]) or (after[0] in _CLAUSE_ENDS and before.endswith(_OF)))
            and after[0] not in _LIST_JOINERS
            and self.reader.ends_at(end) and not before.endswith(_DOTS) and not after.startswith(_DOTS)
            and not _PLACE_BEFORE.search(before) and not before[-1:].isdigit() and not self._glued_after(start)
            and word[-1] not in _NOT_NEW_NAME_FINALS and not (word[-1] == _ARMY and word[0] in _TRANSLITERATION)
        )

    def _read_from_before(self, start: int) -> bool:
        """The word before ``start`` is a lone family name or one jieba made up (丁|薛祥, 为来|国峰夫妇): the
        name may well start before ``start``."""
        if not start or not is_word_char(self.text[start - 1]):
            return False
        segmentation = self.segmentation
        previous = segmentation.word_at[segmentation.word_start[start - 1]]
        if len(previous) == 1:
            return bool(surname_length(previous, 0))
        return not segmentation.is_dictionary_word(previous)

    def _after_transliteration(self, start: int) -> bool:
        """The jieba word right before ``start`` is made of transliteration characters (雷西斯|滕西亚)."""
        segmentation = self.segmentation
        previous = segmentation.word_at.get(segmentation.word_start[start - 1], "") if start else ""
        return bool(previous) and _TRANSLITERATION.issuperset(previous)

    def _glued_after(self, start: int) -> bool:
        """jieba left a family name alone right before ``start``, or a word of transliteration characters
        (丁|薛祥, 斯卡|武佐): the word is the end of a longer name."""
        if self._after_transliteration(start):
            return True
        segmentation = self.segmentation
        previous = segmentation.word_at.get(segmentation.word_start[start - 1], "") if start else ""
        return len(previous) == 1 and bool(surname_length(previous, 0)) and previous not in FUNCTION_WORD_SURNAMES

    def _short_foreign_subject(self, word: str, start: int) -> bool:
        """A two-character foreign name may be the subject of a predicate following it: it opens its clause after a
        clause mark and its first character is no word its corpus often uses alone (多, 切, 里 open Chinese words)."""
        return self._after_clause_mark(start) and self.segmentation.frequency(word[0]) < SELDOM_ALONE

    def _after_clause_mark(self, start: int) -> bool:
        """The text, a comma or a sentence's end is right before ``start``: no quotation mark or bracket, after
        which a term stands as often as a subject (“科普宣传…”)."""
        return not start or self.text[start - 1] in _CLAUSE_MARKS

    def _opens_clause(self, start: int) -> bool:
        """``start`` opens a clause: the text or a punctuation mark is right before it."""
        return not start or not is_word_char(self.text[start - 1])

    def _post_after(self, end: int, lenient: bool = False) -> bool:
        """A post follows ``end`` and neither a name nor another post of a list follows it (甲总统访华, not
        某国总统乙 or 某国总统、某国总理); ``lenient``: a word jieba knows as no name after the post is no name
        either (丙总理满意地说, for a name opening its clause)."""
        post = _POST_AFTER.match(self.text, end)
        if post is None:
            return False
        following = self.text[post.end() : post.end() + 1]
        if following in _LIST_JOINERS:
            return False
        if not following or (following not in _TRANSLITERATION and not surname_length(self.text, post.end())):
            return True
        segmentation = self.segmentation
        word = segmentation.word_at.get(post.end(), "")
        known_word = segmentation.is_dictionary_word(word) and not segmentation.is_name_word(word)
        return lenient and len(word) > 1 and known_word

    def _role_then_name(self, word: str, before: str, after: str) -> bool:
        """A two-character name right after a role only people have (村民甲, 前锋乙), closing its phrase or
        joined to the next one by a particle: a phrase there would have been cut otherwise."""
        return (
            bool(_ROLE_BEFORE.search(before)) and word[-1] not in _NOT_NAME_FINALS and word[-1] not in FUNCTION_CHARS
            and (not after or not is_word_char(after[0]) or bool(_JOINS_AFTER.match(after) or _ACTS_AFTER.match(after)))
        )

    def _transliteration_run(self, word: str, start: int) -> str:
        """A transliterated word with the transliteration characters or words jieba cut off its end, alone
        or glued to a speech verb (马尔蒂|诺说 → 马尔蒂诺, 贾亚拉|莉达), up to an institution's word (施罗德|基金); any
        other word as it is."""
        if not _TRANSLITERATION.issuperset(word):
            return word
        end = start + len(word)
        while (
            self.text[end : end + 1] in _TRANSLITERATION and end - start < _LONGEST_TRANSLITERATION
            and not self.text.startswith(_INSTITUTIONS, end)
        ):
            following = self.segmentation.word_at.get(end, "")
            if len(following) == 1 or _PERSON_AFTER.fullmatch(following[1:]):
                end += 1
            elif following and _TRANSLITERATION.issuperset(following):
                end += len(following)
            else:
                break
        return self.text[start:end]

    def _name_evidence(self, word: str, start: int, before: str, after: str) -> float:
        """Evidence that a three-character word is a name: jieba's reading, the given-name characters,
        and what stands before and after it (weights from the rates of names among such words).
        Inside a phrase (a word character before it, no role) only a person's act or speech after it,
        a name from jieba's lexicon closing the phrase, or name-like given-name characters, not one doubled
        (水灵灵), before a word names are followed by (…的诗, …获悉) other than a list's conjunction, let it
        be one."""
        known = self.segmentation.is_dictionary_word(word)
        evidence = 1.0 if known else 1.5
        odds = given_name_odds(word)
        evidence += 1 if odds >= _NAME_LIKE else -1 if odds < _WORD_LIKE else 0
        transliterated = _TRANSLITERATION.issuperset(word)
        if transliterated:
            evidence -= 1
        opens = not before or not is_word_char(before[-1]) or (
            not transliterated and _OPENS_PHRASE.search(before) is not None
            and (not known or self._known_name_after_particle(word, start, odds))
        )
        closes = not after or not is_word_char(after[0])
        if _ROLE_BEFORE.search(before):
            evidence += 2
        elif opens:
            evidence += 0.5
        if _PERSON_AFTER.match(after) or _ACTS_AFTER.match(after) or _POST_AFTER.match(after):
            evidence += 2
        elif not opens and not _ROLE_BEFORE.search(before) and not (closes and known):
            if (
                odds < _NAME_LIKE or closes or after[0] in _LIST_JOINERS or word[-1] == word[-2]
                or not self.reader.ends_at(start + len(word))
            ):
                return 0
            evidence += 0.5
        elif closes or _JOINS_AFTER.match(after):
            evidence += 0.5
        if _PLACE_BEFORE.search(before):
            evidence -= 2
        return evidence

    def _seldom_name(self, word: str) -> bool:
        """jieba's lexicon does not know ``word``, or knows it as a name its corpus seldom uses (places and
        things it tags as names are used more: 夏威夷, 白玉兰, 红树林)."""
        segmentation = self.segmentation
        known = segmentation.is_dictionary_word(word)
        return not known or (segmentation.is_known_name(word) and segmentation.frequency(word) < _SELDOM)

    def _known_name_after_particle(self, word: str, start: int, odds: float) -> bool:
        """A three-character name jieba's lexicon knows and its corpus seldom uses (see ``_seldom_name``), with
        name-like given-name characters not doubled (水灵灵), may open a phrase after a particle jieba reads
        as a word of its own (的甲, 与乙; not 参与…), other than a conjunction that joins things as often as
        people (和, 及)."""
        segmentation = self.segmentation
        previous = segmentation.word_at[segmentation.word_start[start - 1]]
        return (
            segmentation.is_known_name(word) and self._seldom_name(word) and odds >= _NAME_LIKE and word[-1] != word[-2]
            and _OPENS_PHRASE.fullmatch(previous) is not None and previous not in _JOINS_THINGS
        )

    def _may_be_named_here(self, start: int) -> bool:
        """Not in a byline or credit (记者甲, 通讯员乙 丙, 记者甲、乙报道): those are not people of the story."""
        return _CREDITED.search(self.text, max(0, start - _CREDIT_REACH), start) is None

    def _add_shaped(self, name: str, start: int) -> None:
        if (
            name not in NOT_PERSON_WORDS and name not in _place_words() and name not in COUNTRIES
            and self._may_be_named_here(start)
            and not self._titles_a_work(start, start + len(name)) and not self._foreign_part(name, start)
        ):
            self.add(name, [])

    def _foreign_part(self, name: str, start: int) -> bool:
        """A transliterated name read by its shape that a dash joins to another (约翰—格伦, 道—琼斯), or a dot to
        the family name after it where the whole was not read (阿卜杜拉·居尔): a part of a longer name, or a thing's
        name. A family name after a dot is how the person is named (…·内塔尼亚胡 → 内塔尼亚胡)."""
        return _IN_DOTTED_NAME.issuperset(name) and (
            self.text.startswith(_JOINED_PARTS, start + len(name)) or self.text[start - 1 : start] in _DASHES
        )

    def _titles_a_work(self, start: int, end: int) -> bool:
        """A name by its shape alone that is the whole title of a work (《白鹿原》, 《蓬莱阁》): a book, a play or
        a film, not a person named."""
        return self.text[start - 1 : start] == _WORK_OPENS and self.text[end : end + 1] == _WORK_CLOSES

    def read_appointments(self) -> None:
        """正式入职…副主任: the title goes to the last person named before it in the same sentence."""
        if not self.appointments:
            return
        sentence_ends = [i for i, ch in enumerate(self.text) if ch in _SENTENCE_END or ch == "\n"]
        mentions = sorted((start, name) for name in self.people for start in self.occurrences.starts(name))
        for title in self.appointments:
            ends_before = bisect.bisect_left(sentence_ends, title.start)
            sentence_start = sentence_ends[ends_before - 1] + 1 if ends_before else 0
            # the latest mention that ends before the title, inside its sentence
            i = bisect.bisect_left(mentions, (title.start,)) - 1
            while i >= 0 and mentions[i][0] >= sentence_start:
                start, name = mentions[i]
                if start + len(name) <= title.start:
                    self.add(name, [_Stated(title.title, title.core, title.start)])
                    break
                i -= 1

    def mentions(self) -> list[PersonMention]:
        """People in order of first mention, a short reading merged into a longer one it always is."""
        people = dict(self.people)
        containing: dict[str, list[str]] = defaultdict(list)
        for name in people:
            for part in {name[i:j] for i in range(len(name)) for j in range(i + 1, len(name) + 1)} - {name}:
                containing[part].append(name)
        for short in list(people):
            for name in containing.get(short, ()):
                if name in people and self._always_within(short, name):
                    people[name].add(people.pop(short).titles)
                    break
        ordered = sorted(people.values(), key=lambda p: next(iter(self.occurrences.starts(p.name)), -1))
        return [_mention(p.name, p.normalized_titles()) for p in ordered]

    def _always_within(self, short: str, name: str) -> bool:
        """Every mention of ``short`` is part of a mention of ``name`` (a misread of its start or end)."""
        offset = name.find(short)
        return all(self.text.startswith(name, start - offset) for start in self.occurrences.separate_starts(short))


def _mention(name: str, titles: list[str]) -> PersonMention:
    """A person as found, of kind "official" when a party or government post is stated for them."""
    return PersonMention(name, titles, kind="official" if any(map(is_official_title, titles)) else "other")


@lru_cache(maxsize=1024)
def _cue_kinds(cue: str) -> tuple[bool, bool, bool, bool]:
    """What a cue matched by ``_CUE_RE`` says of the names before it: whether only people take it, whether it sums
    up a list (夫妇), whether it states a match's result, whether it names a spouse. A page repeats a few cues
    thousands of times: each is classified once."""
    return (
        _PERSON_CUE_RE.fullmatch(cue) is not None, _SUMMED_UP.fullmatch(cue) is not None,
        _RESULT.fullmatch(cue) is not None, _SPOUSE_OF.fullmatch(cue) is not None,
    )


@lru_cache(maxsize=1)
def _initials(known: frozenset[str]) -> frozenset[str]:
    """The first characters of the names ``known``, found once for the articles of a page (which share one)."""
    return frozenset(name[0] for name in known)


@cache
def _place_words() -> frozenset[str]:
    """焦作's place names from the gazetteer, also without their 县/镇/街道 (许良镇 → 许良): villages and towns
    read like names."""
    names = Gazetteer.default().places
    return frozenset(names) | frozenset(re.sub(_PLACE_LEVEL, "", name) for name in names)


def _dotted_names(text: str) -> list[tuple[int, str]]:
    """Foreign names joined by "·" (…司法部长卡洛斯·阿马特在… → 卡洛斯·阿马特), with where each starts.

    The name's first part is the run of transliteration characters before the first dot (one
    character is an initial: 拉·甘地), its last part the run after the last one, at least two
    characters; parts in between must be transliterations too.
    """
    found = []
    for match in _DOTTED_NAME.finditer(text):
        parts = re.split("[·•・]", match.group())
        if len(parts) > _MOST_NAME_PARTS:
            continue
        head = len(parts[0])
        while head > 0 and parts[0][head - 1] in _IN_DOTTED_NAME:
            head -= 1
        tail = 0
        while tail < len(parts[-1]) and parts[-1][tail] in _IN_DOTTED_NAME:
            tail += 1
        if tail > 2 and parts[-1][tail - 1 :].startswith(_FOLLOWERS_GLUED):
            tail -= 1
        middle = "".join(parts[1:-1])
        first = parts[0][head:]
        if len(first) == 1 and (first not in _TRANSLITERATION or len(parts) > 2):
            continue
        if not first or tail < 2 or not _IN_DOTTED_NAME.issuperset(middle):
            continue
        name_end = match.end() - (len(parts[-1]) - tail)
        if _UNIT_AFTER.match(text, name_end) or any(
            parts[-1].startswith(_INSTITUTIONS, end) for end in range(2, tail + 1)
        ):
            continue
        found.append((match.start() + head, text[match.start() + head : name_end]))
    return found


def _resolve(chain: list[TitleMatch], carried: str) -> tuple[list[_Stated], str]:
    """Each title of a chain as stated, a bare one taking the organisation stated before it in the roll call."""
    titles = []
    at = chain[0].start
    for title in chain:
        if title.prefix:
            carried = title.prefix + next((organ for organ in PARTY_ORGANS if title.core.startswith(organ)), "")
            titles.append(_Stated(title.title, title.core, at))
        elif carried and not title.self_contained:
            organisation = carried if title.core in PARTY_TITLES else _without_party_organ(carried)
            titles.append(_Stated(organisation + title.core, title.core, at))
        else:
            titles.append(_Stated(title.core, title.core, at))
    return titles, carried


def _without_party_organ(prefix: str) -> str:
    """The organisation a party organ belongs to (市人民医院党委 → 市人民医院), for a non-party title."""
    for organ in PARTY_ORGANS:
        if prefix.endswith(organ) and len(prefix) > len(organ):
            return prefix[: -len(organ)]
    return prefix


def _flatten(text: str) -> tuple[str, set[int]]:
    """``text`` without layout spaces and line breaks between words, and where the breaks were."""
    pieces = []
    breaks = set()
    position = 0
    last = 0
    for match in _LAYOUT.finditer(text):
        pieces.append(text[last : match.start()])
        position += match.start() - last
        if "\n" in match.group():
            breaks.add(position)
        last = match.end()
    pieces.append(text[last:])
    return "".join(pieces), breaks


def extract_people(text: str, known: frozenset[str] = frozenset()) -> list[PersonMention]:
    """Every individually named person in ``text`` (an article body), once each, in order of first mention.

    ``known``: names the archive already knows as people's (see ``_Extraction.read_known_names``); a known
    name standing bare as a whole word is a person here too."""
    extraction = _Extraction(text)
    used = extraction.read_title_chains()
    extraction.read_post_name_titles(used)
    extraction.read_appositive_titles(used)
    extraction.read_untitled()
    extraction.read_name_words(known)
    extraction.read_appointments()
    return extraction.mentions()
