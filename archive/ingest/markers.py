"""Layout markers printed on newspaper pages, shared by the normalize and segment stages.

Datelines open articles (本报讯（记者…）), continuation markers (（下转A02版③）) and
page markers (①5) close them; sentence-final punctuation tells a paragraph's end from
a column break.
"""
from __future__ import annotations

import re

from archive.ingest.canonical import canonical
from archive.ingest.surnames import surname_length

# News agencies and web outlets that file wire copy (新华社北京3月5日电) and credit their reporters (新华社记者).
AGENCY = r"(?:新华社|中新社|中新网|新华网|人民网|央视网|央广网)"
# A reporter posted abroad or to another city (本报驻东京记者, 新华社驻京记者): 驻 and the posting.
POSTED = r"驻[\u4e00-\u9fff]{1,6}?"
# The day of a dateline, in digits or in Chinese numerals (5月14日, 五月十五日).
_DAY = r"(?:\d{1,2}|[一二三四五六七八九十]{1,3})\s*月\s*(?:\d{1,2}|[一二三四五六七八九十]{1,3})\s*日"
# Openings of a reported article: 本报讯, another paper's 河南日报讯, a wire service's
# 新华社北京3月5日电 or 据新华社电.
_NEWS_OPENER = (
    r"(?:本|[\u4e00-\u9fff]{1,6}(?:日|晚|时|商|青年|都市|法制))\s*报\s*讯"
    rf"|据?\s*{AGENCY}(?:[\u4e00-\u9fff]{{2,8}}?\s*{_DAY})?\s*电"
    # The paper's own reporter away from home or in the capital: 本报呼和浩特7月13日电, 本报上海3月8日讯.
    rf"|本\s*报\s*[\u4e00-\u9fff]{{2,8}}?\s*{_DAY}\s*[电讯]"
)
# An opening with its credit in brackets (本报讯（记者…）, 本报（记者…）) or without one.
DATELINE = re.compile(
    rf"^(?:{_NEWS_OPENER}|本\s*报)\s*[（(]\s*([^（()）]{{0,60}}?)\s*[）)]\s*|^(?:{_NEWS_OPENER})\s*"
)
# A dateline that starts a line, or a 本报 one after layout spaces (a headline may share its line).
DATELINE_IN_LINE = re.compile(
    rf"(?:^|(?<=\s))本\s*报\s*(?:讯\s*(?=\S)|[（(]\s*记\s*者)|^(?:{_NEWS_OPENER})"
)

_TARGET = r"([A-Za-z]?[0-9一二三四五六七八九十]+\s*版\s*[①-⑳]?)"
# （下转A02版③）, (转第二版), 下转3版 — the target page without 第.
CONTINUATION = re.compile(
    rf"[（(]\s*(?:下\s*)?转\s*第?\s*{_TARGET}\s*[）)]\s*$|下\s*转\s*第?\s*{_TARGET}\s*$"
)
PAGE_MARKER = re.compile(r"\s*[①-⑳]\s*\d{0,2}\s*$")
# Markers are read in the last this many characters (where a text ends in thousands of them, each
# is found without reading the text from its start again).
END_MARKER_CHARS = 100
CONTINUED_FROM = re.compile(r"^[（(]\s*上\s*接\s*[^）)]{1,12}[）)]\s*")

# "本报记者 刘 璐 摄", "（通讯员 孟凡 摄）", "林晓/摄" closing a photo caption, on its own or after it.
# Names may be separated by a second role (本报记者 甲 本报通讯员 乙 摄), which is not a name.
_CREDIT_ROLE = r"(?:本报)?(?:特约|首席|特派)?(?:记者|通讯员)"
_CREDIT_NAME = r"(?:(?!本报|记者|通讯员)[^\s。，！？：（）()/／]){2,5}"
_CREDIT_NAMES = rf"({_CREDIT_NAME}(?:(?:[\s、]|\s*{_CREDIT_ROLE}\s*){_CREDIT_NAME}){{0,3}})"
_CREDIT_END = rf"{_CREDIT_NAMES}\s*[/／]?\s*摄[）)]?\s*$"
PHOTO_CREDIT = re.compile(
    rf"(?:^|(?<=[\s。！？”]))[（(]?(?:本报|新华社)?\s*(?:特约|首席|特派|{POSTED})?(?:记者|通讯员|摄影)[：:]?\s*"
    + _CREDIT_END
)
# A credit without a role ("李明 摄"): only names that read as family name + one or two characters.
ROLELESS_CREDIT = re.compile(r"(?:^|(?<=[。！？”]))[（(]?" + _CREDIT_END)
ROLELESS_NAME = re.compile(r"[^\s、]+")


def personal_name(word: str) -> bool:
    """Whether ``word`` reads as a family name and a one- or two-character given name."""
    family = surname_length(word, 0)
    return family > 0 and 1 <= len(word) - family <= 2


def photo_credit(text: str) -> re.Match | None:
    """The photo credit closing ``text`` (canonical); group 1 holds the names."""
    if "摄" not in text:
        return None
    match = PHOTO_CREDIT.search(text)
    if match is None:
        match = ROLELESS_CREDIT.search(text)
        if match is None or not all(map(personal_name, ROLELESS_NAME.findall(match.group(1)))):
            return None
    return match


# A brief's byline printed at its end: ……。（记者 林晓）
TRAILING_CREDIT = re.compile(r"[（(]((?:本报)?(?:记者|通讯员|见习记者|实习生)[^（）()]{2,30})[）)]\s*$")
# A brief's correspondent credited by name alone at its end: ……。（林晓） or on its own line.
ROLELESS_TRAILING_CREDIT = re.compile(r"[（(]\s*([^\s、（）()]{2,4}(?:[\s、]+[^\s、（）()]{2,4}){0,2})\s*[）)]\s*$")


def roleless_trailing_credit(text: str) -> re.Match | None:
    """The (name) credit closing ``text`` (canonical) when every word in it reads as a personal name."""
    match = ROLELESS_TRAILING_CREDIT.search(text)
    if match is None or not all(map(personal_name, ROLELESS_NAME.findall(match.group(1).replace("、", " ")))):
        return None
    before = text[: match.start()].rstrip()
    return match if not before or before[-1] in SENTENCE_END + CLOSERS else None


# A byline with 文/图 closing the last paragraph: ……。本报记者 林晓 文/图
CLOSING_CREDIT = re.compile(
    r"(?:^|(?<=[。！？”]))((?:本报)?(?:特约|首席|见习|实习)?(?:记者|通讯员)[^。！？”]{2,30}?文\s*[/／]\s*图)\s*$"
)
# Section headings inside a body: 一、… （二）… 3. …
ENUMERATOR = re.compile(r"^(?:[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十\d]+[）)]|\d+[、.．])")

SENTENCE_END = "。！？…；!?;"
CLOSERS = "”’」』）)》"


def _end_marker(text: str, end: int) -> re.Match | None:
    """The page or continuation marker ending ``text[:end]``, read in its last ``END_MARKER_CHARS`` characters."""
    start = max(0, end - END_MARKER_CHARS)
    return PAGE_MARKER.search(text, start, end) or CONTINUATION.search(text, start, end)


def has_end_marker(text: str) -> bool:
    """Whether ``text`` ends in a page or continuation marker."""
    last = text.rstrip()[-1:]
    if last not in _MARKER_END_CHARS and not last.isdecimal():
        return False
    return _end_marker(text, len(text)) is not None


# The last character of every marker, digits aside: ①…⑳ of a page marker, a continuation's bracket or 版.
_MARKER_END_CHARS = frozenset("）)版" + "".join(map(chr, range(ord("①"), ord("⑳") + 1))))


def strip_end_markers(text: str) -> tuple[str, str | None, bool]:
    """``text`` without trailing page/continuation markers, the continuation target, and whether any was found.

    Markers are stripped by moving an end offset back, so a text ending in thousands of them is not copied
    once for each."""
    end = len(text)
    continuation = None
    marker = _end_marker(text, end)
    if marker is None:
        return text, None, False
    while marker is not None:
        if marker.re is CONTINUATION:
            continuation = marker
        end = marker.start()
        while end and text[end - 1].isspace():
            end -= 1
        marker = _end_marker(text, end)
    continued_to = re.sub(r"\s+", "", continuation.group(1) or continuation.group(2)) if continuation else None
    return text[:end], continued_to, True


# The last character of any text ``ends_article`` accepts, digits aside: a marker's (版, ③), a bracket closing a
# credit or marker, or 文/图's 图. Checked first, so the many blocks ending otherwise cost one look.
_ARTICLE_END_CHARS = _MARKER_END_CHARS | {"图"}


def ends_article(text: str) -> bool:
    """Whether ``text`` closes its article: a continuation or page marker, or a byline printed at the end."""
    text = text.rstrip()
    # canonical keeps a character in or out of this test (）for ), ASCII digits for full-width ones)
    if text[-1:] not in _ARTICLE_END_CHARS and not text[-1:].isdecimal():
        return False
    text = canonical(text)
    if has_end_marker(text) or CLOSING_CREDIT.search(text):
        return True
    credit = TRAILING_CREDIT.search(text) or roleless_trailing_credit(text)
    if credit is None:
        return False
    before = text[: credit.start()].rstrip()
    return not before or before[-1] in SENTENCE_END + CLOSERS


def ends_sentence(text: str) -> bool:
    """Whether ``text`` ends a sentence (ignoring closing quotes and trailing markers)."""
    if ends_article(text):
        return True
    text = strip_end_markers(canonical(text).rstrip())[0]
    if photo_credit(text):
        return True
    text = text.rstrip(CLOSERS + " ")
    return bool(text) and text[-1] in SENTENCE_END
