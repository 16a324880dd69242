"""Event dates: 昨日/昨天/前日/今日/X月X日/去年X月X日/ranges, resolved against the issue date.

A news item states when its main event happened in the dateline or first sentence
("昨日上午，…", "8月3日，…", "本报讯 2022年8月3日…"). Only the lead is read: dates
further down are background. The first date phrase in the lead decides; a vague one
(近日, 日前, 连日来 …) means the item has no event date, and a date that opens or
bounds a period ("从9月1日开始", "自…起", "截至…") is not an event.
A feature often opens with a quotation or a scene and dates it a few sentences on
("“2号餐好了！”…。7月8日20时许，…"). Dates inside an opening quotation are the
speaker's, not the event's; when the lead names no date at all and the text opens with
a quotation or an undated first sentence, the rest of the first paragraph is read too.
"""
from __future__ import annotations

import re
from datetime import date, timedelta

from archive.ingest.sentences import sentences

LEAD_SENTENCES = 2
FEATURE_LEAD_SENTENCES = 4
# Words someone says, ending with their own sentence punctuation ("“2号餐好了！”"), not a quoted term.
OPENING_QUOTATION = re.compile(r'^\s*(?:“[^”]*[。！？!?…]”|「[^」]*[。！？!?…]」|"[^"]*[。！？!?…]")')
# A month/day later than the issue by more than this belongs to the previous year.
FUTURE_TOLERANCE = timedelta(days=31)

RELATIVE_DAYS = {"昨日": -1, "昨天": -1, "昨晚": -1, "前日": -2, "前天": -2, "今日": 0, "今天": 0, "今晨": 0}
VAGUE = ("近日", "日前", "连日来", "近期", "近来", "近年来", "目前", "前不久", "不久前", "这几天", "最近")
CN_DIGITS = {"〇": 0, "零": 0, "一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}

NUMBER = r"[0-9〇零一二三四五六七八九十]{1,4}"
S = r"\s*"
DATE_RE = re.compile(
    rf"(?P<year>(?:{NUMBER}){S}年|去年|前年|今年)?{S}"
    rf"(?P<month>{NUMBER}){S}月{S}(?P<day>{NUMBER}){S}[日号]"
    rf"|(?P<month_ref>本月|上月){S}(?P<ref_day>{NUMBER}){S}[日号]"
    rf"|(?P<lone_day>(?<![0-9〇零一二三四五六七八九十月年]){NUMBER}){S}日(?=[上中下凌傍晚早夜]|[，,])"
    rf"|(?P<relative>{'|'.join(RELATIVE_DAYS)})"
    rf"|(?P<vague>{'|'.join(VAGUE)})"
)
# Text just before / after a date that makes it the bound of a period or background (曾), not the event.
PERIOD_BEFORE = re.compile(r"(?:从|自|截至|截止|截止到|至|到|直到)\s*$")
PERIOD_AFTER = re.compile(r"^\s*(?:开始|起|以来|前|之前|以前|之后|以后|后|至今|期间|为止|截止|曾)")
# 今日 in "详见今日本报" is the issue, not an event.
NOT_EVENT_AFTER = re.compile(r"^\s*(?:本报|出版|起)")
QUESTION_MARKS = ("？", "?")
FULL_WIDTH = str.maketrans("０１２３４５６７８９", "0123456789")


def resolve_event_date(text: str, issue_date: date) -> date | None:
    """The date of the main event the text reports, or None for undated items.

    ``text`` is the normalized article body; ``issue_date`` the publication date
    that relative phrases and year-less dates are resolved against. Line breaks end
    sentences in the lead: a lead rarely breaks before its date, while lists of teasers
    (index boxes) put a date on every line.
    """
    text = text.translate(FULL_WIDTH)
    quotation = OPENING_QUOTATION.match(text)
    if quotation:
        text = text[quotation.end() :].lstrip()
    lead = _without_opening_questions(sentences(text, join_breaks=False))[:LEAD_SENTENCES]
    decided, found = _first_date("".join(lead), issue_date)
    if decided or not lead or not (quotation or not DATE_RE.search(lead[0])):
        return found
    first_paragraph = sentences(text.split("\n", 1)[0])
    return _first_date("".join(first_paragraph[LEAD_SENTENCES:FEATURE_LEAD_SENTENCES]), issue_date)[1]


def _without_opening_questions(lead: list[str]) -> list[str]:
    """The lead after the questions a story may open with ("…进展如何？4月21日，…"): they ask, the
    report answers, so a 目前 in them dates nothing."""
    start = next((i for i, sentence in enumerate(lead) if not sentence.endswith(QUESTION_MARKS)), len(lead))
    return lead[start:]


def _first_date(lead: str, issue_date: date) -> tuple[bool, date | None]:
    """Whether ``lead`` settles the event date (a date or a vague phrase), and that date."""
    for match in DATE_RE.finditer(lead):
        before, after = lead[: match.start()], lead[match.end() :]
        if match["vague"]:
            return True, None
        if match["relative"]:
            if NOT_EVENT_AFTER.match(after):
                continue
            return True, _days_after(issue_date, RELATIVE_DAYS[match["relative"]])
        if PERIOD_BEFORE.search(before) or PERIOD_AFTER.match(after):
            continue
        found = _absolute(match, issue_date)
        if found:
            return True, found
    return False, None


def _absolute(match: re.Match, issue_date: date) -> date | None:
    """The date a ``X月X日`` / ``本月X日`` / ``X日`` match names, its year taken from the text or the issue."""
    if match["month_ref"]:
        month_start = issue_date.replace(day=1)
        if match["month_ref"] == "上月":
            month_start = _previous_month(month_start)
        return month_start and _safe_date(month_start.year, month_start.month, _number(match["ref_day"]))
    if match["lone_day"]:
        day = _number(match["lone_day"])
        month_start = issue_date.replace(day=1)
        if day is None or day > issue_date.day:
            month_start = _previous_month(month_start)
        return month_start and _safe_date(month_start.year, month_start.month, day)
    month, day = _number(match["month"]), _number(match["day"])
    year_text = (match["year"] or "").replace(" ", "")
    if year_text == "去年":
        return _safe_date(issue_date.year - 1, month, day)
    if year_text == "前年":
        return _safe_date(issue_date.year - 2, month, day)
    if year_text and year_text != "今年":
        year = _number(year_text[:-1])
        return _safe_date(year if year and year >= 1900 else 0, month, day)
    found = _safe_date(issue_date.year, month, day)
    if found and found - issue_date > FUTURE_TOLERANCE:
        found = _safe_date(issue_date.year - 1, month, day)
    return found


def _number(text: str) -> int | None:
    """An Arabic or Chinese numeral (2022, 十二, 二十三, 二〇二二) as an int."""
    text = text.strip()
    if text.isdigit():
        return int(text)
    if "十" not in text:
        digits = [CN_DIGITS.get(ch) for ch in text]
        return None if None in digits else int("".join(map(str, digits)))
    tens, _, ones = text.partition("十")
    tens_value = CN_DIGITS.get(tens) if tens else 1
    ones_value = CN_DIGITS.get(ones) if ones else 0
    if tens_value is None or ones_value is None:
        return None
    return tens_value * 10 + ones_value


def _safe_date(year: int | None, month: int | None, day: int | None) -> date | None:
    try:
        return date(year, month, day)  # type: ignore[arg-type]
    except (TypeError, ValueError, OverflowError):
        return None


def _days_after(day: date, days: int) -> date | None:
    """``day`` moved by ``days`` (negative: earlier), or None past either end of the calendar."""
    try:
        return day + timedelta(days=days)
    except OverflowError:
        return None


def _previous_month(month_start: date) -> date | None:
    """The first day of the month before ``month_start``'s, or None before the calendar begins."""
    last_day = _days_after(month_start, -1)
    return last_day and last_day.replace(day=1)
