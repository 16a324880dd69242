"""Event dates: 昨日/昨天/前日/今日/X月X日/去年X月X日/ranges, resolved against the issue date,
with how precisely they are known (day, month, approximate).

A news item states when its main event happened in the dateline or first sentence
("昨日上午，…", "8月3日，…", "本报讯 2022年8月3日…"). Only the lead is read: dates
further down are background. The first date phrase in the lead decides; a vague one
(近日, 日前, 连日来 …) means the item has no event date, and a date that opens or
bounds a period ("从9月1日开始", "自…起", "截至…") is not an event.
A feature often opens with a quotation or a scene and dates it a few sentences on
("“2号餐好了！”…。7月8日20时许，…"). Dates inside an opening quotation are the
speaker's, not the event's; when the lead names no date at all and the text opens with
a quotation or an undated first sentence, the next sentences are read too. A feature
recalls the past before it reaches its event: a first date months before the issue,
followed in the opening by one close to it, gives way to the later one.

Precision: a stated day is "day"; 上旬/中旬/下旬/初/底 of a month is "month" (its first
day); 日前, 近日, 前不久 and 上周 are "approximate" (the day before the issue, or a week
before it) unless the same sentence goes on to state the day (近日…昨日…). Campaign
phrases (连日来, 近年来, 目前 …) date nothing. ``read_event_date`` gives the date and its
precision; ``resolve_event_date`` only a stated day.
"""
from __future__ import annotations

import re
from datetime import date, timedelta
from typing import NamedTuple

from archive.ingest.sentences import sentences

LEAD_SENTENCES = 2
FEATURE_LEAD_SENTENCES = 4
# Words someone says, ending with their own sentence punctuation ("“2号餐好了！”"), not a quoted term.
OPENING_QUOTATION = re.compile(r'^\s*(?:“[^”]*[。！？!?…]”|「[^」]*[。！？!?…]」|"[^"]*[。！？!?…]")')
# A month/day later than the issue by more than this belongs to the previous year.
FUTURE_TOLERANCE = timedelta(days=31)

RELATIVE_DAYS = {"昨日": -1, "昨天": -1, "昨晚": -1, "前日": -2, "前天": -2, "今日": 0, "今天": 0, "今晨": 0}
# Phrases placing the event shortly before the issue: how many days before, roughly.
APPROXIMATE_DAYS = {"日前": 1, "近日": 1, "前不久": 3, "不久前": 3, "上周": 7}
# Phrases of campaigns and states of affairs: no event date.
CAMPAIGN = ("连日来", "近期", "近来", "近年来", "目前", "这几天", "最近")
VAGUE = (*APPROXIMATE_DAYS, *CAMPAIGN)
WEEKDAYS = {"一": 0, "二": 1, "三": 2, "四": 3, "五": 4, "六": 5, "日": 6, "天": 6}
MONTH_PARTS = {"上旬": 1, "初": 1, "中旬": 11, "下旬": 21, "底": 21, "末": 21}
# A first date older than this, followed in the opening by a more recent one, is background.
STALE = timedelta(days=60)
CN_DIGITS = {"〇": 0, "零": 0, "一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}

NUMBER = r"[0-9〇零一二三四五六七八九十]{1,4}"
S = r"\s*"
DATE_RE = re.compile(
    rf"(?P<year>(?:{NUMBER}){S}年|去年|前年|今年)?{S}"
    rf"(?P<month>{NUMBER}){S}月{S}(?P<day>{NUMBER}){S}[日号]"
    rf"|(?P<part_year>(?:{NUMBER}){S}年|去年|今年)?{S}(?P<part_month>{NUMBER}){S}月{S}"
    rf"(?P<month_part>{'|'.join(MONTH_PARTS)})(?![\u4e00-\u9fff]{{0,2}}(?:以来|开始|起))"
    rf"|上周(?P<weekday>[一二三四五六日天])"
    rf"|(?P<month_ref>本月|上月){S}(?P<ref_day>{NUMBER}){S}[日号]"
    rf"|(?P<lone_day>(?<![0-9〇零一二三四五六七八九十月年]){NUMBER}){S}日(?=[上中下凌傍晚早夜]|[，,])"
    rf"|(?P<relative>{'|'.join(RELATIVE_DAYS)})"
    rf"|(?P<vague>{'|'.join(VAGUE)})"
)
# Text just before / after a date that makes it the bound of a period or background (曾), not the event.
PERIOD_BEFORE = re.compile(r"(?:从|自|截至|截止|截止到|至|到|直到)\s*$")
# A range's first day (从1月15日至17日) is the event's day after all.
RANGE_START_BEFORE = re.compile(r"(?:从|自)\s*$")
RANGE_AFTER = re.compile(r"^\s*(?:至|到|—|－|-|～|~)")
PERIOD_AFTER = re.compile(r"^\s*(?:开始|起|以来|前|之前|以前|之后|以后|后|至今|期间|为止|截止|曾)")
# 今日 in "详见今日本报" or "今日六、七版推出" is the issue, not an event.
NOT_EVENT_AFTER = re.compile(r"^\s*(?:本报|出版|起|[A-Z]?[0-9一二三四五六七八九十、]{1,8}版)")
# A day counted down to (再有11天，7月2日是…纪念日) is still to come: not the event reported.
COUNTDOWN_BEFORE = re.compile(rf"(?:再有|还有|再过){S}{NUMBER}{S}天{S}[，,]?{S}$")
# A sentence citing a newspaper's report (8月1日，《焦作日报》头版以…为题…进行了报道) dates the report,
# not the event: web copies open with one before the article itself.
PRESS_CITATION = re.compile(r"《[^》]{0,12}报》[^。！？]*(?:报道|刊发|刊登|转载|为题)")
QUESTION_MARKS = ("？", "?")
FULL_WIDTH = str.maketrans("０１２３４５６７８９", "0123456789")


class EventDate(NamedTuple):
    """An event's date and how precisely the text gives it: "day", "month" or "approximate"."""

    date: date
    precision: str


def resolve_event_date(text: str, issue_date: date) -> date | None:
    """The day of the main event when the text states it (see ``read_event_date``), else None."""
    found = read_event_date(text, issue_date)
    return found.date if found and found.precision == "day" else None


def read_event_date(text: str, issue_date: date) -> EventDate | None:
    """The date of the main event the text reports and its precision, or None for undated items.

    ``text`` is the normalized article body; ``issue_date`` the publication date
    that relative phrases and year-less dates are resolved against. Line breaks end
    sentences in the lead: a lead rarely breaks before its date, while lists of teasers
    (index boxes) put a date on every line.
    """
    text = text.translate(FULL_WIDTH)
    quotation = OPENING_QUOTATION.match(text)
    if quotation:
        text = text[quotation.end() :].lstrip()
    lead = _without_opening_questions(_without_press_citations(sentences(text, join_breaks=False)))[:LEAD_SENTENCES]
    decided, found = _first_date("".join(lead), issue_date)
    if found and found.precision == "day" and issue_date - found.date > STALE:
        recent = _later_recent(sentences(text)[:FEATURE_LEAD_SENTENCES + 1], found, issue_date)
        return recent or found
    if decided or not lead or not (quotation or not DATE_RE.search(lead[0])):
        return found
    opening = sentences(text)[LEAD_SENTENCES:FEATURE_LEAD_SENTENCES]
    decided, found = _first_date("".join(opening), issue_date)
    if found and found.precision == "day" and issue_date - found.date > STALE:
        return _later_recent(opening, found, issue_date) or found
    return found


def _later_recent(opening: list[str], stale: EventDate, issue_date: date) -> EventDate | None:
    """A stated day after ``stale`` in ``opening`` and within STALE of the issue: the feature's event."""
    for sentence in opening:
        for match in DATE_RE.finditer(sentence):
            if match["month"] is None or _is_period_bound(sentence, match):
                continue
            day = _absolute(match, issue_date)
            if day and stale.date < day <= issue_date and issue_date - day <= STALE:
                return EventDate(day, "day")
    return None


def _without_press_citations(lead: list[str]) -> list[str]:
    """The lead after the sentences that cite a newspaper's report of the story (see PRESS_CITATION)."""
    start = next((i for i, sentence in enumerate(lead) if not PRESS_CITATION.search(sentence)), len(lead))
    return lead[start:]


def _without_opening_questions(lead: list[str]) -> list[str]:
    """The lead after the questions a story may open with ("…进展如何？4月21日，…"): they ask, the
    report answers, so a 目前 in them dates nothing."""
    start = next((i for i, sentence in enumerate(lead) if not sentence.endswith(QUESTION_MARKS)), len(lead))
    return lead[start:]


def _first_date(lead: str, issue_date: date) -> tuple[bool, EventDate | None]:
    """Whether ``lead`` settles the event date (a date or a vague phrase), and that date."""
    approximate: EventDate | None = None
    approximate_sentence_end = -1
    for match in DATE_RE.finditer(lead):
        before, after = lead[: match.start()], lead[match.end() :]
        if approximate and match.start() > approximate_sentence_end:
            return True, approximate
        if match["vague"]:
            if approximate:
                continue
            if match["vague"] in CAMPAIGN:
                return True, None
            day = _days_after(issue_date, -APPROXIMATE_DAYS[match["vague"]])
            if day is None:
                return True, None
            approximate = EventDate(day, "approximate")
            approximate_sentence_end = _sentence_end(lead, match.end())
            continue
        if match["relative"]:
            if NOT_EVENT_AFTER.match(after) or PERIOD_BEFORE.search(before) or PERIOD_AFTER.match(after):
                continue
            return True, _on_day(_days_after(issue_date, RELATIVE_DAYS[match["relative"]]))
        if match["weekday"]:
            monday = _days_after(issue_date, -(issue_date.weekday() + 7))
            return True, _on_day(monday and _days_after(monday, WEEKDAYS[match["weekday"]]))
        if match["month_part"]:
            found = _month_part(match, issue_date)
            if found and not PERIOD_BEFORE.search(before):
                return True, found
            continue
        if _is_period_bound(lead, match):
            continue
        found = _absolute(match, issue_date)
        if found:
            return True, EventDate(found, "day")
    return approximate is not None, approximate


def _is_period_bound(text: str, match: re.Match) -> bool:
    """The date bounds a period (从9月1日开始, 截至…, …以来) rather than dating an event; a range's
    first day (从1月15日至17日) does date it."""
    before, after = text[: match.start()], text[match.end() :]
    if RANGE_START_BEFORE.search(before) and RANGE_AFTER.match(after):
        return False
    return bool(PERIOD_BEFORE.search(before) or PERIOD_AFTER.match(after) or COUNTDOWN_BEFORE.search(before))


def _sentence_end(text: str, position: int) -> int:
    ends = [i for i in (text.find(mark, position) for mark in "。！？；") if i >= 0]
    return min(ends, default=len(text))


def _month_part(match: re.Match, issue_date: date) -> EventDate | None:
    """上旬/中旬/下旬 of a month: its first, eleventh or twenty-first day, known to the month."""
    month = _number(match["part_month"])
    year_text = (match["part_year"] or "").replace(" ", "")
    year = issue_date.year - 1 if year_text == "去年" else issue_date.year
    if year_text and year_text not in ("去年", "今年"):
        year = _number(year_text[:-1]) or 0
    elif not year_text and month and month > issue_date.month:
        year -= 1
    found = _safe_date(year, month, MONTH_PARTS[match["month_part"]])
    return EventDate(found, "month") if found else None


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


def _on_day(day: date | None) -> EventDate | None:
    return EventDate(day, "day") if day else None


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
