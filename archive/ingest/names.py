"""Where a person's name starts and ends in Chinese news text.

Names are often glued to the next word (孙明远作工作部署, 崔浩到…, 钱江首先传达),
so a name is read as a family name plus one or two given-name characters and the
length is chosen from what follows it here, how the same characters end elsewhere
in the text, and how jieba segments them. jieba is loaded once per process; its
dictionary is never changed (the search index depends on it staying as it is).
"""
from __future__ import annotations

import logging
import os
import re
import tempfile
import threading
from collections import Counter
from collections.abc import Set
from functools import cache
from itertools import accumulate, chain, pairwise, repeat
from pathlib import Path

import jieba

from archive.ingest.occurrences import Occurrences
from archive.ingest.surnames import FUNCTION_WORD_SURNAMES, SINGLE_SURNAMES, surname_length
from archive.ingest.titles import is_word_char
from archive.ingest.wordcut import WordCutter

# Words that often follow a name: the name ends right before them.
AFTER_NAME_WORDS: frozenset[str] = frozenset(
    {
        "说", "讲", "称", "问", "答", "表示", "强调", "指出", "要求", "介绍", "认为", "坦言", "感慨", "告诉", "透露",
        "希望", "建议", "提出", "主持", "出席", "参加", "陪同", "一同", "一起", "一行", "等", "等人", "在", "到", "和",
        "与", "及", "同志", "作", "作了", "代表", "率", "率队", "带领", "带队", "先后", "还", "也", "就", "对", "向",
        "为", "是", "的", "了", "首先", "最后", "随后", "又", "认真", "详细", "莅临", "莅会", "深入", "来到", "赴",
        "走进", "看望", "会见", "会上", "听取", "察看", "查看", "调研", "督导", "检查", "考察", "批示", "讲话", "致辞",
        "宣读", "通报", "传达", "感谢", "感觉", "曾", "现", "已", "将", "从", "把", "被", "让", "给", "并", "则",
        "亲切", "分别", "共同", "同时", "当选", "入职", "担任", "接受", "获得", "荣获", "获", "进行", "指导",
        "主讲", "回答", "发言", "汇报", "点评", "总结", "部署", "安排", "签署", "签订", "出发", "一直", "正在",
        "已经", "不仅", "不时", "专题", "专门", "主动", "积极", "亲自", "同", "跟", "对此", "说道", "笑着",
        "摄", "所", "们", "以", "于", "自", "刚", "多次", "前往", "抵达", "带来", "一道", "再次", "充分",
        "慰问", "观摩", "参观", "走访", "实地", "现场", "巡查", "暗访", "接待", "会晤", "约谈", "讲授", "授课", "带头",
        "牵头", "围绕", "结合", "针对", "通过", "按照", "根据", "要", "应", "仍", "便", "即", "才", "正", "表态",
        "作出", "做出", "发表", "送来", "送去", "入户", "登门", "来", "去", "赶到", "冒雨", "顶着",
        "随同", "视察", "指挥", "签字", "揭牌", "剪彩", "颁奖", "颁发", "致信", "寄语", "点赞", "肯定", "宣布",
        "领学", "领誓", "回信", "答复", "亲临", "到场", "获悉", "收到", "接到", "家中", "家里",
        "家", "应邀", "收听", "收看", "今天", "昨天", "当天", "近日",
    }
)
# Any of those words, matched where a name may end; most characters start none of them.
_FOLLOWER = re.compile("|".join(sorted(AFTER_NAME_WORDS)))
_FOLLOWER_FIRSTS = frozenset(word[0] for word in AFTER_NAME_WORDS)

# Places and brands jieba's dictionary tags as people's names (许昌, 博爱, 华为…), as they appear in local news.
NOT_PERSON_WORDS: frozenset[str] = frozenset(
    {
        "许昌", "武陟", "修武", "博爱", "温县", "沁阳", "孟州", "焦作", "郑州", "洛阳", "开封", "安阳", "鹤壁", "新乡",
        "濮阳", "商丘", "周口", "信阳", "南阳", "漯河", "三门峡", "平顶山", "驻马店", "济源", "山阳", "解放", "中站",
        "马村", "华为", "美的", "海尔", "白云", "文明", "许可", "牛鼻子", "万方", "蒙牛", "伊利", "联想", "国美",
        "万达", "华夏", "方正", "长城", "黄河", "太行", "云台", "龙源", "丰收", "高新", "常委", "应邀",
    }
)

# Characters that end a sentence part, not a given name: a three-character reading ending in one is unlikely.
FUNCTION_CHARS = frozenset("在到说的了等是和与及为对就向从将把被让给也还又都已并则作率带同一讲称赴曾现获地")

# Punctuation that ends a name in a roll call.
_NAME_SEPARATORS = frozenset("、，,。；;")

# Characters that can end a clause after a name (王刚说，, 看望了王刚家，): only these make a name before a
# comma shorter.
CLAUSE_FINAL_CHARS = frozenset("说讲称问答等了的们道家时后")

# Word classes of characters that are no given name's last character when jieba leaves them alone:
# verbs, prepositions, adverbs, conjunctions, particles, pronouns, numerals.
_NOT_GIVEN_TAGS = frozenset("vpdcurm")
# Given-name odds (see ``given_name_odds``) of a character common in names, and below which a character is a word's.
_NAME_LIKE_CHAR, _WORD_LIKE_GIVEN = 0.1, 0.03
# jieba's tags of places and organisations.
_PLACE_CLASSES = ("ns", "nt")

# Each other mention of a name ending cleanly adds this to its reading's score, up to this many mentions: the
# most they can change the difference between two readings' scores.
_EVIDENCE_WEIGHT, _MOST_EVIDENCE = 2, 2
_EVIDENCE_SWING = _EVIDENCE_WEIGHT * _MOST_EVIDENCE

# Below this jieba corpus frequency a dictionary noun may well be a name (苏平, 许国, 黄海).
_RARE = 1000
# A dictionary word is a given name (see ``Segmentation.is_given_name_word``) when at least this many lexicon names
# have it, and they are at least this share of its corpus uses.
_LEAST_GIVEN_NAMES, _GIVEN_WORD_SHARE = 1, 0.003

# Function words that are given-name characters too (王在富, 李和平, 张同心): the first of two given-name
# characters may be one where jieba reads the whole name as one word it does not know, or where it
# splits the name apart (寇|在|富, 李在|田) and the longer reading ends cleanly.
_FUNCTION_NAME_CHARS = frozenset("在和于同与及从")
_NAME_FINAL_ZHI = "之"

# What jieba segments as one block (its ``re_han_default``), and the longest run of it segmented at once.
_JIEBA_BLOCK = re.compile(r"[\u4E00-\u9FD5a-zA-Z0-9+#&\._%\-]++")
_JIEBA_RUN = 400

# What a given name is made of: the word characters (``is_word_char``) that are not ASCII.
_GIVEN_NAME = re.compile("[\u3400-\u9fff]+")
# Characters never found in a given name (punctuation aside).
NOT_IN_NAMES = frozenset(
    "的了着过们这那之其或某该个些啥吗呢吧啊年月日时分秒各每此诸等被把让从在与及县市省镇乡村街寨屯堡庄局厅委届次项要"
)


# Of those, the characters of times, which some names have (金正日, 李时珍, 潘汉年).
_TIME_NAME_CHARS = frozenset("年日时")
# jieba's tags of a word that may be a person's name: a name's (nr, nrfg, nrt) or a proper noun's (nz, 金正日).
_NAME_CLASSES = frozenset({"nr", "nrfg", "nrt", "nz"})


class Segmentation:
    """jieba's precise-mode words of one text, with where each character's word begins."""

    def __init__(self, text: str):
        self.text = text
        cut = _cutter().cut
        words = [word for piece in _jieba_pieces(text) for word in cut(piece)]
        lengths = list(map(len, words))
        ends = list(accumulate(lengths))
        starts = [0, *ends][:-1]
        self.words: list[tuple[str, int, int]] = list(zip(words, starts, ends, strict=True))
        self.word_at: dict[int, str] = dict(zip(starts, words, strict=True))
        self.word_start: list[int] = list(chain.from_iterable(map(repeat, starts, lengths)))
        # jieba's corpus frequencies and word tags, asked about for every candidate name
        self._freq = _tokenizer().FREQ
        self._tags = _word_tags()

    def is_name_word(self, word: str) -> bool:
        """jieba knows ``word`` as a person's name, or it is a new word jieba's HMM made up (often a name)."""
        tag = self._tags.get(word)
        if tag is None:
            return self._freq.get(word, 0) == 0
        return tag.startswith("nr")

    def is_known_name(self, word: str) -> bool:
        """jieba's lexicon knows ``word`` as a person's name (tagged nr, nrt, nrfg …)."""
        return self._tags.get(word, "").startswith("nr")

    def is_transliterated_name(self, word: str) -> bool:
        """jieba's lexicon knows ``word`` as a transliterated (foreign) person's name (科尔, 库克)."""
        return self._tags.get(word) == "nrt"

    def is_noun(self, word: str) -> bool:
        return self._tags.get(word, "")[:1] == "n"

    def word_class(self, word: str) -> str:
        """jieba's part-of-speech tag of ``word`` (ns a place, nt an organisation, t a time, v a verb…), "" when
        its lexicon does not know it."""
        return self._tags.get(word, "")

    def is_rare(self, word: str) -> bool:
        """Rarely used in jieba's corpus (苏平, 许国): after a title and before a verb, likely a name."""
        return self._freq.get(word, 0) < _RARE

    def frequency(self, word: str) -> int:
        """How often jieba's corpus uses ``word`` (0 when its lexicon does not know it)."""
        return self._freq.get(word, 0)

    def is_dictionary_word(self, word: str) -> bool:
        return self._freq.get(word, 0) > 0

    def is_given_name_word(self, word: str) -> bool:
        """jieba's lexicon knows ``word`` as a word and as the given name of some of its names, often against
        how much its corpus uses the word (建平, 国庆, 宏伟; not 文化, 起来): a family name jieba cut off before it
        (施|建平) may well start a name. One name is enough for a word its corpus seldom uses (朝晖)."""
        uses = self._freq.get(word, 0)
        return uses > 0 and _given_name_words().get(word, 0) >= max(_LEAST_GIVEN_NAMES, _GIVEN_WORD_SHARE * uses)


def _jieba_pieces(text: str) -> list[str]:
    """``text`` cut into the pieces jieba segments apart: whole, unless a run of characters jieba segments as one
    block is longer than ``_JIEBA_RUN`` (no clause of a printed page is), which is cut every ``_JIEBA_RUN`` characters.

    jieba's HMM keeps a copy of the path so far at every character of a run of unknown characters,
    so segmenting a run takes time quadratic in its length; the cut bounded that time for any input.
    ``wordcut`` is linear, and cuts the same pieces so that its words stay jieba's.
    """
    cuts = [
        cut
        for run in _JIEBA_BLOCK.finditer(text)
        for cut in range(run.start() + _JIEBA_RUN, run.end(), _JIEBA_RUN)
    ]
    bounds = [0, *cuts, len(text)]
    return [text[start:end] for start, end in pairwise(bounds)]


class NameReader:
    """Reads the name starting at a position of one text, consistently for every mention."""

    def __init__(self, text: str, segmentation: Segmentation, title_starts: Set[int]):
        self.text = text
        self.segmentation = segmentation
        self.title_starts = title_starts
        self.occurrences = Occurrences(text)
        self._clean_followers: dict[str, tuple[int, dict[str, int]]] = {}
        self._ends: dict[int, bool] = {}
        self._names: dict[int, str | None] = {}

    def read(self, pos: int) -> str | None:
        """The person's name beginning at ``text[pos]``, or None if no plausible name starts there.

        Title chains, lists and cues ask about the same positions again: answered once per position."""
        if pos in self._names:
            return self._names[pos]
        name = self._names[pos] = self._read(pos)
        return name

    def _read(self, pos: int) -> str | None:
        surname = surname_length(self.text, pos)
        if not surname:
            return None
        short, long = surname + 1, surname + 2
        if not self._possible(pos, surname, short):
            if not self._possible(pos, surname, long):
                return None
            best = long
        elif self._possible(pos, surname, long):
            best = long if self._longer_reads_better(pos, surname) else short
        else:
            best = short
        name = self.text[pos : pos + best]
        if name in NOT_PERSON_WORDS or self._inside_word(pos, surname, best):
            return None
        return name

    def _longer_reads_better(self, pos: int, surname: int) -> bool:
        """The name at ``pos`` with two given-name characters scores at least as well as with one.

        How the other mentions end (``_evidence_score``) is counted only where it can change the
        outcome: it moves the difference of two scores by ``_EVIDENCE_SWING`` at most."""
        short, long = surname + 1, surname + 2
        word = self.segmentation.word_at.get(pos)
        lead = self._score(pos, surname, long, word) - self._score(pos, surname, short, word)
        if -_EVIDENCE_SWING <= lead < _EVIDENCE_SWING:
            lead += self._evidence_score(pos, long) - self._evidence_score(pos, short)
        return lead >= 0

    def _inside_word(self, pos: int, surname: int, length: int) -> bool:
        """The family name is really inside a common word (关于国企, 领导班子成员) or a lone function word (和幸福)."""
        segmentation = self.segmentation
        word_start = segmentation.word_start[pos]
        if word_start < pos:
            word = segmentation.word_at[word_start]
            return word_start + len(word) > pos + 1 and not segmentation.is_name_word(word)
        word = segmentation.word_at[pos]
        if segmentation.is_name_word(word):
            return False
        if len(word) > 1:
            if len(word) == length and (
                self._noun_as_name(word, pos + length) or self._titled_word_as_name(word, surname, pos + length)
            ):
                return False
            last = self.text[pos + length - 1]
            return len(word) >= length or last in FUNCTION_CHARS or not self.ends_at(pos + length)
        if word not in FUNCTION_WORD_SURNAMES:
            return False
        given = segmentation.word_at.get(pos + surname, "")
        if len(given) > length - surname and segmentation.is_dictionary_word(given):
            return True  # the name would end inside a word (和|第一批)
        return given == self.text[pos + surname : pos + length] and len(given) > 1 and not self.ends_at(pos + length)

    def ends_at(self, end: int) -> bool:
        """Whether a name may end right before ``text[end]`` (end of text, punctuation, a follower word, a title).

        Asked for the same position by every candidate and mention ending there: answered once per position."""
        known = self._ends.get(end)
        if known is None:
            text = self.text
            known = self._ends[end] = (
                end >= len(text) or not is_word_char(text[end]) or end in self.title_starts
                or (text[end] in _FOLLOWER_FIRSTS and _FOLLOWER.match(text, end) is not None)
            )
        return known

    def _possible(self, pos: int, surname: int, length: int) -> bool:
        if pos + length > len(self.text):
            return False
        given = self.text[pos + surname : pos + length]
        if not _GIVEN_NAME.fullmatch(given):
            return False
        if not NOT_IN_NAMES.isdisjoint(given) and not (
            self._one_new_word(pos, length, given) or self._lexicon_name_of_time_chars(pos, length, given)
        ):
            return False
        return self.title_starts.isdisjoint(range(pos + 1, pos + length))

    def _one_new_word(self, pos: int, length: int, given: str) -> bool:
        """``given`` holds a function character names use only as its first of two characters (王在富), and
        jieba reads the name as one unknown word or splits it without gluing its end to what follows;
        or it ends in 之 (龚育之) and jieba reads the whole name as a name. Not where jieba reads the given name as a
        word of its lexicon (占|在册: a verb after a family-name character)."""
        segmentation = self.segmentation
        word = segmentation.word_at.get(pos)
        if len(given) == 2 and given[1] == _NAME_FINAL_ZHI and given[0] not in NOT_IN_NAMES:
            return word is not None and len(word) == length and segmentation.is_name_word(word)
        if len(given) != 2 or given[0] not in _FUNCTION_NAME_CHARS or given[1] in NOT_IN_NAMES:
            return False
        if word is not None and len(word) == length:
            return not segmentation.is_dictionary_word(word)
        end = pos + length
        if segmentation.word_at.get(end - len(given)) == given and segmentation.is_dictionary_word(given):
            return False
        return segmentation.word_start[end - 1] != end - 1 or (end in segmentation.word_at and self.ends_at(end))

    def _lexicon_name_of_time_chars(self, pos: int, length: int, given: str) -> bool:
        """``given`` holds no character never found in names but those of times (金正日, 李时珍, 潘汉年; not 月, of
        phrases such as 明月照), and jieba's lexicon knows the whole name at ``pos`` as one word, a person's name or a
        proper noun."""
        word = self.segmentation.word_at.get(pos, "")
        return (
            len(word) == length and _TIME_NAME_CHARS.issuperset(NOT_IN_NAMES.intersection(given))
            and self.segmentation.word_class(word) in _NAME_CLASSES
        )

    def _score(self, pos: int, surname: int, length: int, word: str | None) -> int:
        """How well the name at ``pos`` of ``length`` characters ends there, apart from its other mentions
        (``_evidence_score``): what follows it, its last character, how jieba reads it (``word``: jieba's word
        starting at ``pos``, None where none starts there)."""
        text = self.text
        end = pos + length
        score = 0
        clause_ends = False
        # a clause's end is one of the ends ``ends_at`` remembers per position: looked for only there
        name_ends = self._ends.get(end)
        if name_ends is None:
            name_ends = self.ends_at(end)
        if name_ends:
            clause_ends = end >= len(text) or not is_word_char(text[end])
            score += 3 if clause_ends else 2
        last = text[end - 1]
        if length - surname == 2 and last in FUNCTION_CHARS:
            score -= 0 if clause_ends and last not in CLAUSE_FINAL_CHARS else 3
        if not clause_ends and self._dangles(pos, end):
            score -= 3
        if word is not None and len(word) == length and self._jieba_name(word):
            score += 2
        return score

    def _evidence_score(self, pos: int, length: int) -> int:
        """What the other clean mentions of the name at ``pos`` of ``length`` characters add to its score: how
        many other mentions of it end cleanly (punctuation or a follower word after them), up to
        ``_MOST_EVIDENCE``.

        A mention followed by the character that continues this one here (郝磊 in 郝磊刚说) is evidence for the
        longer reading, not for this one. Where the name is met once, the one mention is this one (its own
        follower is not counted): nothing to count."""
        end = pos + length
        follower = self.text[end : end + 1]
        if not follower:
            return 0
        name = self.text[pos:end]
        known = self._clean_followers.get(name)
        if known is None:
            if len(self.occurrences.starts(name)) == 1:
                return 0
            known = self._followers_of_clean_mentions(name)
        total, followers = known
        return _EVIDENCE_WEIGHT * min(total - followers.get(follower, 0), _MOST_EVIDENCE)

    def _noun_as_name(self, word: str, end: int) -> bool:
        """A noun that is a name here: a rare one before a follower word, any before a list comma or full stop."""
        segmentation = self.segmentation
        if not segmentation.is_noun(word):
            return False
        if self.text[end : end + 1] in _NAME_SEPARATORS:
            return True
        return segmentation.is_rare(word) and self.ends_at(end)

    def _titled_word_as_name(self, word: str, surname: int, end: int) -> bool:
        """A word of a family name and two given-name characters that jieba's lexicon tags as no noun (周恩来 is a
        time word to it) is a name right before a title (…总理), unless it is a place's or an organisation's, a
        number's or a verb's (2万多名留守儿童), or its given-name characters are a word's rather than a name's."""
        word_class = self.segmentation.word_class(word)
        return (
            end in self.title_starts and len(word) == surname + 2
            and word_class[:2] not in _PLACE_CLASSES and word_class[:1] not in _NOT_GIVEN_TAGS
            and given_name_odds(word) >= _WORD_LIKE_GIVEN
        )

    def _dangles(self, pos: int, end: int) -> bool:
        """A lone character would be left between the name read from ``pos`` to ``end`` and a comma
        (曾亮|刚，), or jieba read that name as one word and left one name-like character alone between it
        and the next word (汪明|新|经常, 赵国|钧|少将): it belongs to the name."""
        text = self.text
        lone_end = end + 1 >= len(text) or not is_word_char(text[end + 1])
        if lone_end:
            return text[end] not in CLAUSE_FINAL_CHARS
        segmentation = self.segmentation
        char = text[end]
        return (
            segmentation.word_at.get(end) == char and segmentation.word_at.get(pos, "") == text[pos:end]
            and char not in FUNCTION_CHARS and _word_tags().get(char, "")[:1] not in _NOT_GIVEN_TAGS
            and "\u4e00" <= char <= "\u9fff" and given_name_odds(text[pos] + char) >= _NAME_LIKE_CHAR
        )

    def _jieba_name(self, word: str) -> bool:
        """jieba reads ``word`` as a name; a new word ending in a function character is a name glued to a verb."""
        segmentation = self.segmentation
        if word[-1] in FUNCTION_CHARS and not segmentation.is_dictionary_word(word):
            return False
        return segmentation.is_name_word(word)

    def _followers_of_clean_mentions(self, name: str) -> tuple[int, dict[str, int]]:
        """How many mentions of ``name`` end cleanly, and the character after each of them ("" at the end of
        the text), counted.

        Read once per name from the text's ``Occurrences``, so reading the names of a text stays linear in
        its length however many mentions and candidate names it has.
        """
        known = self._clean_followers.get(name)
        if known is None:
            text, end, ends_at = self.text, len(name), self.ends_at
            total, followers = 0, {}
            for start in self.occurrences.starts(name):
                if ends_at(start + end):
                    follower = text[start + end : start + end + 1]
                    followers[follower] = followers.get(follower, 0) + 1
                    total += 1
            known = self._clean_followers[name] = total, followers
        return known


_lock = threading.Lock()


def _tokenizer() -> jieba.Tokenizer:
    """jieba's default tokenizer, initialised once with its cache outside the shared /tmp file."""
    tokenizer = jieba.dt
    if not tokenizer.initialized:
        with _lock:
            if not tokenizer.initialized:
                jieba.setLogLevel(logging.WARNING)
                if tokenizer.tmp_dir is None:
                    tokenizer.tmp_dir = str(_cache_dir())
                tokenizer.initialize()
    return tokenizer


_word_cutter: WordCutter | None = None


def _cutter() -> WordCutter:
    """jieba's words in linear time (``wordcut``), over the tokenizer of ``_tokenizer``."""
    global _word_cutter
    if _word_cutter is None:
        _word_cutter = WordCutter(_tokenizer())
    return _word_cutter


def _cache_dir() -> Path:
    data_dir = os.environ.get("ARCHIVE_DATA_DIR")
    folder = Path(data_dir) / "jieba" if data_dir else Path(tempfile.gettempdir()) / f"jieba-{os.getuid()}"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def load_dictionaries() -> None:
    """Load jieba's dictionary and word tags now (a second or more, once per process) rather than
    during the first text read, e.g. before a parse's time budget starts."""
    _given_name_table()
    _given_name_words()
    _cutter()


_tags: dict[str, str] | None = None
_given_name_odds: dict[str, float] | None = None
# Smoothing of the given-name odds: a character seen in no name and no word has odds 0.1.
_NAME_PRIOR, _WORD_PRIOR = 0.5, 5
_UNSEEN_ODDS = _NAME_PRIOR / _WORD_PRIOR


def given_name_odds(name: str) -> float:
    """How name-like the given-name characters of a three-character ``name`` are (the least name-like counts).

    Learned from jieba's own lexicon: how often a character is a given-name character of
    the three-character names it tags ``nr`` against how often its other words hold it
    (涛 and 泽 are names' characters, 证 and 剑 words'). Above about 0.1 a character is common
    in names, below 0.03 rare.
    """
    odds = _given_name_table()
    if len(name) == 2:
        return odds.get(name[1], _UNSEEN_ODDS)
    return min(map(odds.get, name[1:], repeat(_UNSEEN_ODDS)))


def _given_name_table() -> dict[str, float]:
    """Every character's given-name odds (see ``given_name_odds``), computed once per process."""
    global _given_name_odds
    if _given_name_odds is None:
        given_names, words = [], []
        for word, tag in _word_tags().items():
            if tag[:2] != "nr":
                words.append(word)
            elif len(word) == 3 and word[0] in SINGLE_SURNAMES:
                given_names.append(word[1:])
        in_names, in_words = Counter("".join(given_names)), Counter("".join(words))
        _given_name_odds = {
            ch: (in_names[ch] + _NAME_PRIOR) / (in_words[ch] + _WORD_PRIOR) for ch in in_names.keys() | in_words.keys()
        }
    return _given_name_odds


@cache
def _given_name_words() -> Counter[str]:
    """How many three-character names of jieba's lexicon, of a family name no function word, have each
    two-character given name (王建平, 李建平 … → 建平), counted once per process."""
    surnames = SINGLE_SURNAMES - FUNCTION_WORD_SURNAMES
    return Counter(
        word[1:] for word, tag in _word_tags().items() if tag[:2] == "nr" and len(word) == 3 and word[0] in surnames
    )


def _word_tags() -> dict[str, str]:
    """jieba's part-of-speech tag of every dictionary word (``nr`` = person's name)."""
    global _tags
    if _tags is None:
        _tokenizer()
        import jieba.posseg

        _tags = jieba.posseg.dt.word_tag_tab
    return _tags
