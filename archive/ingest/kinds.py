"""Article kinds (``records.ARTICLE_KINDS``) from how an article opened, its headline and its text.

The segmenter knows how an article opened: a photo credit makes a ``photo``, 本报评论员 a
``commentary``, a feature byline or 编者按 a ``feature``, phone/address blocks an ``ad``, a
front-page pointer to another page (▶▶ 详见今日本报A02版) a ``teaser``, contents tables an
``index``, an item of a brief column a ``brief``; everything else starts as ``news``.

Here an article that opened as news is looked at as a whole. Evidence that holds on any page:
- a headline announcing a notice (关于…的通知, …公示) makes a ``notice``;
- a short text without a headline that says what a picture shows (图为…, a 摄 credit) is a
  ``photo`` caption (``blocks`` also starts a caption at a short 图为… block between articles);
- a headline-length text ending in a pointer to another page (详见第3版, 转A02版) is a ``teaser``;
- text with no sentence in it, made of contact details and sales words (电话、地址、热线、优惠、
  phone numbers) is an ``ad``;
- a very short report is a ``brief`` (unless it continues on, or from, another page).
"""
from __future__ import annotations

import re

from archive.ingest.canonical import canonical

NOTICE_HEADLINE = re.compile(
    r"(^关于.{2,60}的(通知|通告|公告|公示|决定|意见|倡议书?)$)|(通知|通告|公告|启事|公示|倡议书)$"
)
# A news item this short (body characters, no spaces) is a brief.
BRIEF_CHARS = 90
# A caption or teaser is at most this long (body characters, no spaces).
CAPTION_CHARS = 120
# A teaser's own text (before its page pointer) is headline-length.
TEASER_CHARS = 40
# The longest page pointer read after a teaser's text (▶详见今日本报第A12版）and the like): a longer text is no
# teaser, and is not searched (the pointer's leading brackets made the search quadratic on a run of them).
POINTER_CHARS = 40
# How a picture's caption opens (图为…, 上图：…), and a bracketed photographer's credit ending one (（林晓摄）).
CAPTION_OPENING = re.compile(r"^[（(]?(?:上|下|左|右|本版)?图为|^[（(]?[上下左右]图[:：]")
CAPTION_CREDIT = re.compile(r"[（(][^（(）)]{2,20}摄[）)]$")
# A pointer to another page closing a short text: 详见第3版, （见A02版）, ▶转第五版.
PAGE_POINTER = re.compile(
    r"[▶►>》（(\s]*(?:详见|见|请看|转|转至|下转)\s*(?:今日)?(?:本报)?\s*第?\s*[A-Z]?[0-9一二三四五六七八九十]+\s*版[）)]?$"
)
PHONE = re.compile(r"(?<!\d)(?:0\d{2,3}-?\d{7,8}|1[3-9]\d{9}|400-?\d{3}-?\d{4})(?!\d)")
AD_WORDS = re.compile(r"电话|热线|地址|咨询|优惠|特价|促销|报名|招生|微信|联系人|订购|团购|预订|乘车路线")
# This many sales or contact signs in a text without a sentence make it an ad.
AD_SIGNS = 2


def article_kind(opened_as: str, headline: str | None, body: str, continues: bool = False) -> str:
    """The final kind of an article that opened as ``opened_as`` (``body``: its paragraphs joined)."""
    if opened_as != "news":
        return opened_as
    text = re.sub(r"\s+", "", canonical(body))
    if headline and NOTICE_HEADLINE.search(headline):
        return "notice"
    if not continues and is_teaser(text):
        return "teaser"
    if not continues and is_advertisement(text):
        return "ad"
    if not headline and not continues and is_caption(text):
        return "photo"
    if not continues and len(text) < BRIEF_CHARS:
        return "brief"
    return "news"


def is_teaser(text: str) -> bool:
    """A headline-length text without a sentence (spaces removed, canonical punctuation) that points the
    reader to another page."""
    if len(text) > TEASER_CHARS + POINTER_CHARS:
        return False
    pointer = PAGE_POINTER.search(text)
    return pointer is not None and pointer.start() <= TEASER_CHARS and "。" not in text[: pointer.start()]


def is_advertisement(text: str) -> bool:
    """Contact details and sales words with no sentence: no full stop, and phone numbers or ad words
    at least ``AD_SIGNS`` times."""
    if "。" in text:
        return False
    return len(PHONE.findall(text)) + len(AD_WORDS.findall(text)) >= AD_SIGNS


def is_caption(text: str) -> bool:
    """A short text that says what a picture shows (图为…) or carries a photographer's credit."""
    return len(text) <= CAPTION_CHARS and bool(CAPTION_OPENING.search(text) or CAPTION_CREDIT.search(text))
