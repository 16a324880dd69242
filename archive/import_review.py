"""What an editor should double-check before confirming an import.

``review_warnings`` looks at a parsed page (``archive.ingest.records.ParsedPage``)
and returns Chinese warnings: no articles, suspicious person names, event dates
after publication, a masthead date disagreeing with the chosen one. ``link_warnings``
says what loading it would do with names given no title (linked to an official of
the time, or held for editors under 待核对人物).
``issue_date_from`` finds a page's publication date in its file name or masthead
when the editor left the date empty. ``issue_date_problem`` says why a publication
date is refused: every way a date enters an import (``import_pages --date``, the
seeds' manifest, the admin form, a file name or masthead, ``load_page`` itself)
accepts only ``FIRST_ISSUE_DATE`` (the founding of the People's Republic; the paper
is younger) to one year after today, which also keeps every date computed from it
(昨日, 上月3日, 去年…) far inside the calendar.
"""
from __future__ import annotations

import re
import unicodedata
from datetime import MAXYEAR, date

from django.utils.timezone import localdate

from archive.linking import outlook
from archive.models import Mention

NAME_LENGTHS = range(2, 5)
DATE_IN_FILE_NAME = re.compile(r"(?<!\d)((?:19|20)\d\d)[-_.]?(0[1-9]|1[0-2])[-_.]?(0[1-9]|[12]\d|3[01])(?!\d)")
MASTHEAD_DATE = re.compile(r"((?:19|20)\d\d)\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日\s*(?:[（(]?\s*)?星\s*期")
MASTHEAD_SEARCH_CHARS = 600


FIRST_ISSUE_DATE = date(1949, 10, 1)


def last_issue_date(today=None):
    """The latest publication date accepted: one year after ``today`` (the local date by default)."""
    today = today or localdate()
    if today.year == MAXYEAR:
        return date.max
    return today.replace(year=today.year + 1, day=28 if (today.month, today.day) == (2, 29) else today.day)


def issue_date_problem(issue_date, today=None):
    """Why ``issue_date`` cannot be a publication date (a Chinese sentence), or None when it can."""
    last = last_issue_date(today)
    if FIRST_ISSUE_DATE <= issue_date <= last:
        return None
    return (
        f"出版日期 {issue_date.isoformat()} 不在可接受的范围内"
        f"（{FIRST_ISSUE_DATE.isoformat()} 至 {last.isoformat()}）。"
    )


class IssueDateError(ValueError):
    """A publication date outside the accepted range; ``str(error)`` is the editor's message."""


def check_issue_date(issue_date, today=None):
    """``issue_date`` itself, or IssueDateError saying why it is refused."""
    problem = issue_date_problem(issue_date, today)
    if problem:
        raise IssueDateError(problem)
    return issue_date


def checked_date(year, month, day):
    """The date, or None when the numbers do not form one (2月30日)."""
    try:
        return date(int(year), int(month), int(day))
    except ValueError:
        return None


def masthead_date(text):
    """The publication date printed with its weekday near the top of the page, if any."""
    match = MASTHEAD_DATE.search(text[:MASTHEAD_SEARCH_CHARS])
    return checked_date(*match.groups()) if match else None


def issue_date_from(file_name, text):
    """The publication date from the file name (2016-09-02, 20160902) or else the masthead; None if neither."""
    match = DATE_IN_FILE_NAME.search(file_name)
    return (checked_date(*match.groups()) if match else None) or masthead_date(text)


def suspicious_name_reason(name):
    """Why ``name`` does not look like a Chinese personal name, or None when it does."""
    if any(ch.isdigit() for ch in name):
        return "含数字"
    if any(unicodedata.category(ch)[0] in "PSZ" for ch in name):
        return "含标点或空格"
    if len(name) not in NAME_LENGTHS:
        return f"长度为{len(name)}个字"
    return None


def review_warnings(parsed, issue_date, text):
    """Chinese warnings for one parsed page published on ``issue_date`` (beyond the importer's own)."""
    warnings = []
    if not parsed.articles:
        warnings.append("未识别出任何文章，请检查文件内容。")
    printed = masthead_date(text)
    if printed and printed != issue_date:
        warnings.append(f"版面上印的日期 {printed:%Y-%m-%d} 与所填出版日期 {issue_date:%Y-%m-%d} 不一致。")
    for article in parsed.articles:
        label = article.headline or f"第{article.order}篇"
        if article.event_date and article.event_date > issue_date:
            warnings.append(f"《{label}》的事件日期 {article.event_date:%Y-%m-%d} 晚于出版日期。")
        for person in article.persons:
            reason = suspicious_name_reason(person.name)
            if reason:
                warnings.append(f"《{label}》中的人名“{person.name}”可疑（{reason}）。")
    return warnings


def link_warnings(parsed, issue_date):
    """What importing ``parsed`` would do with names its articles give no title for (``archive.linking``):
    a name linked to the one official of that name reported then, or held for editors to decide."""
    bare = [(article.headline or f"第{article.order}篇", person.name)
            for article in parsed.articles for person in article.persons if not person.titles]
    decisions = outlook({name for _, name in bare}, issue_date)
    warnings = []
    for label, name in bare:
        decision = decisions[name]
        if decision.link == Mention.Link.INFERRED:
            titles = "、".join(decision.linked_titles)
            warnings.append(f"《{label}》中的“{name}”文中未写职务，将按同期报道关联到官员{name}（{titles}）。")
        elif decision.link == Mention.Link.AMBIGUOUS:
            warnings.append(f"《{label}》中的“{name}”文中未写职务，同期有{len(decision.candidates)}位同名官员，"
                            "导入后列入“待核对人物”，请确认是哪一位。")
        elif decision.link == Mention.Link.OUTSIDE:
            warnings.append(f"《{label}》中的“{name}”文中未写职务，同名官员的报道都相隔两年以上，"
                            "导入后列入“待核对人物”，请确认。")
    return warnings
