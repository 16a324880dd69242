"""What a block of a page is: a dateline opening, a title, a photo credit, an ad, body text…

``classify`` looks at one block (clean lines from ``normalize.page_blocks``) on its own;
``segment`` decides from the sequence of block kinds where articles start and end.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from enum import Enum

from archive.ingest.byline import (
    BULLETS,
    Byline,
    is_closing_byline,
    parse_feature_byline,
    parse_roleless_credit,
    split_dateline,
    split_photo_credit,
)
from archive.ingest.canonical import CJK_CHAR, canonical
from archive.ingest.kinds import CAPTION_CHARS, CAPTION_OPENING
from archive.ingest.markers import CONTINUED_FROM, ENUMERATOR
from archive.ingest.normalize import join_lines, lines_from

# Column headers of a run of short items, each of them a brief.
BRIEF_COLUMNS = frozenset({"简讯", "短讯", "简报", "要闻简报", "新闻简讯", "工作简讯", "要闻简讯"})
# Column headers and page furniture that are not articles.
COLUMN_LABELS = BRIEF_COLUMNS | frozenset(
    {"一周动态", "一周要闻", "要闻", "本版导读", "今日导读", "导读", "图片新闻", "新闻速递", "图片报道", "专题"}
)
EDITOR_NOTE = re.compile(r"^编者按[:：]?\s*")
COMMENTARY = re.compile(r"^本报(特约)?评论员$")
TEASER = re.compile(r"^[▶►>》（(\s]*(详见|见|请看)\s*(今日)?(本报)?\s*第?\s*[A-Z]?[0-9一二三四五六七八九十]+\s*版")
# Masthead and editing credits: 责任编辑：… / 2022年8月4日 星期四.
PAGE_FURNITURE = re.compile(
    r"^(责任编辑|责编|编辑|校对|版式|美编|组版|本版编辑)[：:]|^\d{4}年\d{1,2}月\d{1,2}日\s*(星期|周)[一二三四五六日天]$"
)
# Rows of a teaser/contents table: 扫码更精彩 endings, or page codes (A02 …).
INDEX_ROW = re.compile(r"(扫码更精彩|扫码阅读|扫码看更多|扫码观看)$|^[A-H]\d{2}版?(?=[\s\u4e00-\u9fff“])")
# What every contents row has (扫码…, or a page code in ASCII or full-width letters).
INDEX_ROW_SIGN = re.compile("[扫A-HＡ-Ｈ]")
PHONE = re.compile(r"(?<!\d)(0\d{2,3}-?\d{7,8}|1[3-9]\d{9})(?!\d)")
AD_LINE = re.compile(r"^(电话|热线|地址|联系电话|咨询电话|订餐电话|服务热线|手机|联系人|网址|邮箱|微信)[：:]")
TITLE_FORBIDDEN = re.compile("[，。；,;]")
# A question or exclamation mark before a title's last character ends a sentence inside it.
INNER_MARK = re.compile("[！？!?]")
# A signature's date line (新区管委会 / 2023年10月8日) ends a notice, it is not a title.
FULL_DATE = re.compile(r"^\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日$")
# Characters without which none of classify's readers but the title's finds anything, in the printed text
# (``canonical`` maps none of them to a character outside the set, nor one outside to one inside): a colon of a
# contact label or furniture line, 编 of 编者按, 报 or 电 of an opening or 本报评论员, 记 of a reporter's role, 摄 of a
# photo credit, the closing bracket of a name credit or 上接 marker, 图 of a caption, 版 of a teaser, digits of a
# phone number or date line, 扫 or a page-code letter of a contents row, the tab of a table.
READER_SIGNS = re.compile(r"[:：编报电记摄）)图版扫A-HＡ-Ｈ\t\d]")
TITLE_MAX_LINES = 4
TITLE_MAX_TOTAL = 60
TITLE_MAX_CHARS = 40
COMMA_TITLE_CHARS = 20
STRAY_CHARS = 4


class Kind(Enum):
    SKIP = "skip"
    TITLE = "title"
    DATELINE = "dateline"
    FEATURE_BYLINE = "feature_byline"
    CLOSING_BYLINE = "closing_byline"
    COMMENTARY = "commentary"
    EDITOR_NOTE = "editor_note"
    PHOTO_CREDIT = "photo_credit"
    CAPTION = "caption"
    TEASER = "teaser"
    TABLE = "table"
    AD = "ad"
    CONTINUED = "continued"
    BODY = "body"


@dataclass
class Block:
    """One classified block: its lines, kind, and what the kind carries (byline, the lines of
    body text after an opening, a caption or a teaser)."""

    kind: Kind
    lines: list[str]
    byline: Byline | None = None
    rest: list[str] = field(default_factory=list)


def _comma_title(bare: str) -> bool:
    """A one-line slogan headline with a single comma (稳字当头，进字为先)."""
    return len(bare) <= COMMA_TITLE_CHARS and bare.count("，") == 1 and not re.search("[。；;,]|，$", bare)


def is_title(lines: list[str]) -> bool:
    """Short unpunctuated lines that can only be a headline (not a body paragraph or section heading)."""
    if len(lines) > TITLE_MAX_LINES:
        return False
    for line in map(canonical, lines):
        bare = line.replace(" ", "")
        if len(bare) > TITLE_MAX_CHARS or bare.endswith(("：", ":")):
            return False
        if TITLE_FORBIDDEN.search(bare) and not (len(lines) == 1 and _comma_title(bare)):
            return False
        if INNER_MARK.search(bare, 0, len(bare) - 1) or FULL_DATE.match(bare):
            return False
    text = join_lines(lines)
    return 2 <= len(CJK_CHAR.findall(text)) <= TITLE_MAX_TOTAL and not ENUMERATOR.match(text)


def _stray(text: str) -> bool:
    """A few characters without any Chinese: a page number or a marker split off by extraction."""
    return len(text) <= STRAY_CHARS and not CJK_CHAR.search(text)


def _has_ad_line(lines: list[str]) -> bool:
    """A line opening with a contact label (电话：…); every label ends in a colon."""
    return any(("：" in line or ":" in line) and AD_LINE.match(canonical(line)) for line in lines)


def column_label(line: str) -> str | None:
    """The column header ``line`` prints (``■简讯``), or None."""
    label = canonical(line).strip(BULLETS)
    return label if label in COLUMN_LABELS else None


def classify(lines: list[str]) -> Block:
    """The kind of one block of clean lines; patterns read the canonical copy, ``rest`` stays as printed.

    A block without any of the ``READER_SIGNS`` is a title or body text: no other reader is tried on it."""
    text = join_lines(lines)
    key = canonical(text)
    if column_label(key) or _stray(key):
        return Block(Kind.SKIP, lines)
    if not READER_SIGNS.search(text):
        return Block(Kind.TITLE if is_title(lines) else Kind.BODY, lines)
    return _classify_marked(lines, text, key)


def _classify_marked(lines: list[str], text: str, key: str) -> Block:
    """``classify`` of a block that has one of the ``READER_SIGNS`` (``text`` joined, ``key`` its canonical copy)."""
    if CONTINUED_FROM.fullmatch(key) or PAGE_FURNITURE.match(key):
        return Block(Kind.SKIP, lines)
    if "\t" in text or (
        len(lines) >= 2 and INDEX_ROW_SIGN.search(text)
        and sum(1 for line in lines if INDEX_ROW.search(canonical(line))) >= 2
    ):
        return Block(Kind.TABLE, lines)
    note = EDITOR_NOTE.match(key)
    if note:
        return Block(Kind.EDITOR_NOTE, lines, rest=lines_from(lines, note.end()))
    if COMMENTARY.match(key):
        return Block(Kind.COMMENTARY, lines)
    dateline = split_dateline(text)
    if dateline:
        rest = dateline[1]
        return Block(Kind.DATELINE, lines, byline=dateline[0], rest=lines_from(lines, len(text) - len(rest)))
    credit = split_photo_credit(text)
    if credit:
        kind = Kind.CAPTION if credit[0] else Kind.PHOTO_CREDIT
        return Block(kind, lines, byline=credit[1], rest=[credit[0]] if credit[0] else [])
    roleless = parse_roleless_credit(text)
    if roleless:
        return Block(Kind.CLOSING_BYLINE, lines, byline=roleless)
    feature = parse_feature_byline(text)
    if feature:
        return Block(Kind.CLOSING_BYLINE if is_closing_byline(text) else Kind.FEATURE_BYLINE, lines, byline=feature)
    if CAPTION_OPENING.match(key) and len(key) <= CAPTION_CHARS:
        return Block(Kind.CAPTION, lines, byline=Byline(), rest=lines)
    if TEASER.match(key) and len(text) <= TITLE_MAX_CHARS:
        return Block(Kind.TEASER, lines, rest=[re.sub(r"^[▶►>》（(\s]+|[）)]$", "", text)])
    if "。" not in text and (_has_ad_line(lines) or PHONE.search(key)):
        return Block(Kind.AD, lines)
    if is_title(lines):
        return Block(Kind.TITLE, lines)
    return Block(Kind.CONTINUED if CONTINUED_FROM.match(key) else Kind.BODY, lines)
