"""Titles of officials and office holders, and how to read them in Chinese news text.

A stated title is an organisation prefix plus a core title (市委 + 副书记,
华中锦程集团 + 董事长, 省工信厅电子信息处 + 二级调研员). ``find_titles`` finds every
core title and extends it leftwards over its organisation prefix, stopping at
punctuation and at words that cannot belong to an organisation's name (verbs,
particles, time words). A prefix is kept only when it ends like an organisation
or place does; otherwise the core title stands alone.
"""
from __future__ import annotations

import re
from collections.abc import Container, Sequence
from dataclasses import dataclass
from functools import lru_cache

# Titles that name their level themselves: an organisation prefix stated before
# another person's title is never carried over to them (市长, not 市委市长).
SELF_CONTAINED_TITLES: frozenset[str] = frozenset(
    {
        "总书记", "国家主席", "总理", "副总理", "国务委员", "委员长", "副委员长",
        "省长", "副省长", "常务副省长", "市长", "副市长", "常务副市长", "县长", "副县长", "常务副县长",
        "区长", "副区长", "常务副区长", "镇长", "副镇长", "乡长", "副乡长", "村长", "村支书", "村主任",
        "省领导", "市领导", "县领导", "区领导", "镇领导", "乡领导",
        "五大班子领导", "四大班子领导", "五大家领导", "四大家领导",
        "宣传部长", "组织部长", "统战部长", "政法委书记", "纪委书记", "纪工委书记",
        "人大代表", "政协委员", "党代表", "院士", "省长助理", "市长助理", "县长助理", "区长助理",
        "代省长", "代市长", "代县长", "代区长", "代镇长", "代乡长",
        # collective titles of a roll call (市党政军领导甲、乙, 县五大班子领导…)
        "党政军领导", "党政领导", "军分区领导",
    }
)

_GENERIC_TITLES = (
    # party and government (up to 监察官: the posts that make their holder an official)
    "书记", "副书记", "常务副书记", "第一书记", "党组书记", "党组副书记", "党委书记", "党委副书记",
    "党支部书记", "党支部副书记", "党总支书记", "支部书记", "支书", "党组成员", "纪检组长",
    "常委", "委员", "主任", "副主任", "常务副主任", "主任委员", "副主任委员", "主委", "副主委",
    "秘书长", "副秘书长", "常务副秘书长", "部长", "副部长", "常务副部长", "局长", "副局长", "常务副局长",
    "厅长", "副厅长", "处长", "副处长", "科长", "副科长", "股长", "督查专员",
    "调研员", "副调研员", "一级调研员", "二级调研员", "三级调研员", "四级调研员",
    "巡视员", "副巡视员", "一级巡视员", "二级巡视员", "主席", "副主席", "常务副主席",
    "组长", "副组长", "团长", "副团长", "队长", "副队长", "站长", "副站长", "所长", "副所长", "主任科员",
    "总队长", "支队长", "大队长", "中队长", "指导员", "护士长",
    "政委", "副政委", "政治委员", "教导员", "司令员", "副司令员", "参谋长", "副参谋长",
    "检察长", "副检察长", "院长", "副院长", "庭长", "副庭长",
    "审判长", "监察官",
    # institutions
    "校长", "副校长", "馆长", "副馆长", "社长", "副社长", "总编辑", "副总编辑", "台长", "副台长",
    "行长", "副行长", "会长", "副会长", "常务副会长", "理事长", "副理事长", "秘书",
    "教授", "副教授", "研究员", "副研究员", "主任医师", "园长", "网格长", "河长",
    "工程师", "高级工程师", "政工师", "高级政工师", "经济师", "高级经济师", "会计师", "高级会计师", "会员",
    # companies
    "董事长", "副董事长", "董事", "执行董事", "总经理", "副总经理", "常务副总经理", "经理", "副经理",
    "总裁", "副总裁", "总监", "总工程师", "总经济师", "总会计师", "监事长", "监事会主席",
    "厂长", "副厂长", "矿长", "副矿长", "场长", "店长", "董秘", "总经理助理", "创始人", "首席执行官",
    # status a person is introduced by (退休干部甲, 某公司员工乙)
    "退休干部", "离休干部", "军休干部", "员工",
    # rank of cadres named together (市（厅）级干部甲、乙)
    "市（厅）级干部", "市(厅)级干部", "县（处）级干部", "县(处)级干部", "厅级干部", "处级干部", "县级干部", "科级干部",
    # people visited or helped, introduced by their circumstances (困难党员甲, 贫困户乙)
    "困难党员", "困难职工", "特困职工", "下岗职工", "困难群众", "困难户", "特困户", "贫困户", "低保户", "五保户",
    "困难残疾人", "特困残疾人", "残疾人", "复员军人", "退伍军人", "退役军人", "伤残军人", "病退军人", "军烈属",
    "留守儿童", "孤寡老人", "空巢老人",
)

CORE_TITLES: tuple[str, ...] = tuple(sorted(set(_GENERIC_TITLES) | SELF_CONTAINED_TITLES, key=len, reverse=True))
# The longest core a title ends with, found by looking up its endings, longest first.
_CORE_SET = frozenset(CORE_TITLES)
_CORE_LENGTHS = sorted({len(core) for core in CORE_TITLES}, reverse=True)

# Posts in the party, government, legislature, courts and forces: whoever holds one is an official
# (the archive's officials facet); institution, company and status titles make no official, nor does
# a post in a company or school (集团党委书记 is an official of no government).
OFFICIAL_CORES: frozenset[str] = (
    frozenset(_GENERIC_TITLES[: _GENERIC_TITLES.index("监察官") + 1]) | SELF_CONTAINED_TITLES
) - {"人大代表", "政协委员", "党代表", "院士", "秘书"}
_NON_GOVERNMENT_ORG = re.compile("(?:集团|公司|企业|厂|矿|银行|分行|支行|学校|大学|学院|中学|小学|医院|协会|学会|商会)")


@lru_cache(maxsize=4096)
def is_official_title(title: str) -> bool:
    """Whether ``title`` (as stated: organisation prefix + core) is a party or government post; remembered, as
    the people of a page hold the same few titles."""
    core = next((title[-n:] for n in _CORE_LENGTHS if n <= len(title) and title[-n:] in _CORE_SET), None)
    if core is None or core not in OFFICIAL_CORES:
        return False
    return not _NON_GOVERNMENT_ORG.search(title[: -len(core)])


# Circumstances of people visited or helped: words of their own in a sentence too (贫困户和贫困人口),
# so a name after one must not start with a function word.
STATUS_TITLES: frozenset[str] = frozenset(_GENERIC_TITLES[_GENERIC_TITLES.index("困难党员") :])

# Core titles that are words of their own in a sentence, never written after a name (王刚常委 is not said).
_NOT_AFTER_NAME = frozenset({"常委", "委员", "秘书", "董事", "支书", "主委", "创始人", "会员"})
POST_NAME_TITLES: frozenset[str] = frozenset(CORE_TITLES) - _NOT_AFTER_NAME

# Party organs inside an organisation, and the titles held in them: a roll call carries
# 市人民医院党委 to the next 副书记 but only 市人民医院 to the next 副院长.
PARTY_ORGANS: tuple[str, ...] = ("党工委", "纪工委", "党委", "党组", "党总支", "党支部", "总支", "支部")
PARTY_TITLES: frozenset[str] = frozenset(
    {"书记", "副书记", "常务副书记", "第一书记", "常委", "委员", "党组书记", "党组副书记"}
)

# Whole titles as commonly printed, for other stages' dictionaries (e.g. jieba user words).
TITLES: frozenset[str] = frozenset(CORE_TITLES) | frozenset(
    {
        "市委书记", "市委副书记", "市委常委", "县委书记", "县委副书记", "区委书记", "省委书记", "省委副书记",
        "党工委书记", "党工委副书记", "管委会主任", "管委会副主任", "市人大常委会主任", "市政协主席",
        "市纪委书记", "市监委主任", "村委会主任", "居委会主任",
    }
)

# How an organisation or place ends: a prefix must end with one of these to belong to the title.
ORG_SUFFIXES: tuple[str, ...] = (
    "委", "会", "局", "厅", "处", "科", "室", "办", "部", "院", "所", "组", "队", "站", "馆", "社", "台",
    "行", "校", "园", "区", "县", "市", "省", "州", "镇", "乡", "村", "街道", "社区", "司", "署", "府",
    "厂", "矿", "场", "团", "庭", "中心", "党组", "支部", "总支", "集团", "公司", "银行", "大学", "学院",
    "中学", "小学", "人大", "协", "联", "盟", "中央", "国家", "关", "报", "网",
)
PLACE_SUFFIXES: tuple[str, ...] = ("省", "市", "县", "区", "州", "镇", "乡", "村")
# Schools known by their abbreviation (焦作一中, 沁阳一高, 焦作师专): organisations too, though they end like no other.
_SCHOOL_ABBREVIATION = re.compile(r"(?:[一二三四五六七八九十]+[中高小]|[师医高职卫]专|师院)$")
# 原 (former) written between an organisation and a title, or before either: 市委原副书记, 原村党支部书记.
FORMER = "原"

# Words (whole jieba words) right before an organisation prefix that are not part of it.
PREFIX_STOPS: frozenset[str] = frozenset(
    {
        "了", "的", "在", "与", "和", "及", "同", "向", "对", "由", "是", "为", "给", "请", "被", "将", "把", "让",
        "等", "即", "并", "兼", "经",
        "到", "见", "于", "从", "据", "称", "系", "原", "前", "也", "还", "都", "时", "该",
        "入职", "担任", "出任", "任职", "兼任", "现任", "升任", "调任", "改任", "当选", "任命", "选举", "聘任",
        "聘请", "会见", "看望", "慰问", "陪同", "邀请", "落实", "贯彻", "贯彻落实", "学习", "听取", "接见",
        "带领", "率领", "宣布", "来自", "包括", "感谢", "欢迎", "会同", "联合", "作为", "以及", "其中", "分别",
        "先后", "一行", "特邀", "介绍", "指出", "表示", "说", "强调", "要求", "主持", "出席", "参加", "传达",
        "批示", "精神", "正式", "同志", "昨日", "昨天", "今日", "今天", "近日", "日前", "上午", "下午", "晚上",
        "中午", "凌晨", "本报讯", "记者", "通讯员", "实习生",
    }
)
_LONG_STOPS = tuple(word for word in PREFIX_STOPS if len(word) > 1)
# The last characters of those words: where the text ends otherwise, no ``endswith`` over the whole list is needed.
_LONG_STOP_FINALS = frozenset(word[-1] for word in _LONG_STOPS)
APPOINTMENT_VERBS: tuple[str, ...] = (
    "入职", "担任", "出任", "任职", "兼任", "现任", "升任", "调任", "改任", "当选", "当选为", "任命为", "聘为",
    "聘任为",
)
_APPOINTMENT_FINALS = frozenset(verb[-1] for verb in APPOINTMENT_VERBS)

_MAX_PREFIX = 40
_OPENERS = {"）": "（", ")": "(", "”": "“", "》": "《", "’": "‘"}
_CORE_RE = re.compile("|".join(map(re.escape, CORE_TITLES)))
_ASCII_WORD_CHARS = frozenset("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz")


@dataclass(frozen=True)
class TitleMatch:
    """One stated title: ``text[start:end]`` is ``prefix + core``; the core starts at ``core_start``."""

    start: int
    core_start: int
    end: int
    prefix: str
    core: str

    @property
    def title(self) -> str:
        return self.prefix + self.core

    @property
    def self_contained(self) -> bool:
        return self.core in SELF_CONTAINED_TITLES


def is_word_char(ch: str) -> bool:
    """A character that can be part of a name or title (CJK, digit, latin letter)."""
    first = ch[:1]
    return "\u3400" <= first <= "\u9fff" or first in _ASCII_WORD_CHARS


def find_titles(text: str, word_start: Sequence[int], breaks: Container[int] = ()) -> list[TitleMatch]:
    """Every core title in ``text`` with the organisation prefix stated before it, left to right.

    ``word_start[i]`` is where the word (jieba segmentation) holding ``text[i]`` begins:
    the prefix is extended word by word so a stop word is never cut out of a longer word,
    and never across a removed line break (``breaks``) that jieba does not read inside a word.
    """
    matches = []
    for found in _CORE_RE.finditer(text):
        core_start = found.start()
        former = _former_before(text, core_start, word_start)
        org_end = core_start - len(former)
        start = _prefix_start(text, org_end, max(0, org_end - _MAX_PREFIX), word_start, breaks)
        prefix = text[start:org_end]
        if not _is_org(prefix, found.group()):
            start, prefix = org_end, ""
        if not former:
            former = _former_before(text, start, word_start) if prefix else ""
            start -= len(former)
            prefix = former + prefix
        else:
            prefix += former
        matches.append(TitleMatch(start, core_start, found.end(), prefix, found.group()))
    return _outermost(matches)


def _former_before(text: str, end: int, word_start: Sequence[int]) -> str:
    """The 原 (former) right before ``end`` when it starts a word (jieba glues 原副 but never splits 中原), or ""."""
    at = end - len(FORMER)
    return FORMER if at >= 0 and text.startswith(FORMER, at) and word_start[at] == at else ""


def _outermost(matches: list[TitleMatch]) -> list[TitleMatch]:
    """Drop core titles that are part of a later title's organisation (常委 in 省人大常委会主任)."""
    kept: list[TitleMatch] = []
    for match in matches:
        while kept and kept[-1].start >= match.start:
            kept.pop()
        kept.append(match)
    return kept


def _prefix_start(text: str, core_start: int, limit: int, word_start: Sequence[int], breaks: Container[int]) -> int:
    """Where the organisation prefix before ``core_start`` begins (``core_start`` if there is none)."""
    i = core_start
    while i > limit:
        ch = text[i - 1]
        if ch in _OPENERS:
            opened = text.rfind(_OPENERS[ch], limit, i - 1)
            if opened < 0 or not all(map(is_word_char, text[opened + 1 : i - 1])):
                break
            i = opened
            continue
        if not is_word_char(ch) or (i in breaks and word_start[i] == i):
            break
        begin = max(word_start[i - 1], limit)
        if text[begin:i] in PREFIX_STOPS or (ch in _LONG_STOP_FINALS and text.endswith(_LONG_STOPS, begin, i)):
            break
        appointed = _appointment_end(text, limit, begin, i)
        if appointed is not None:
            return appointed
        i = begin
    return i


def _appointment_end(text: str, limit: int, begin: int, end: int) -> int | None:
    """The last position in (``begin``, ``end``] where an appointment verb inside ``text[limit:]`` ends, or None."""
    for j in range(end, begin, -1):
        if text[j - 1] in _APPOINTMENT_FINALS and text.endswith(APPOINTMENT_VERBS, limit, j):
            return j
    return None


def _is_org(prefix: str, core: str) -> bool:
    if not prefix:
        return False
    if core in SELF_CONTAINED_TITLES:
        return prefix.endswith(PLACE_SUFFIXES)
    return prefix.endswith(ORG_SUFFIXES) or _SCHOOL_ABBREVIATION.search(prefix) is not None


def after_appointment_verb(text: str, title: TitleMatch) -> bool:
    """Whether the title is what someone was appointed to (正式入职…副主任), not followed by their name."""
    return text.endswith(APPOINTMENT_VERBS, 0, title.start)
