"""Article kinds (``records.ARTICLE_KINDS``) from how an article opened, its headline and length.

The segmenter knows how an article opened: a photo credit makes a ``photo``, 本报评论员 a
``commentary``, a feature byline or 编者按 a ``feature``, phone/address blocks an ``ad``,
teaser tables an ``index``, an item of a brief column a ``brief``; everything else starts
as ``news``. Here a news article
whose headline announces a notice becomes a ``notice``, and a very short one a ``brief``
(unless it continues on, or from, another page).
"""
from __future__ import annotations

import re

NOTICE_HEADLINE = re.compile(r"(^关于.{2,60}的(通知|通告|公告|决定|意见|倡议书?)$)|(通知|通告|公告|启事|公示|倡议书)$")
# A news item this short (body characters, no spaces) is a brief.
BRIEF_CHARS = 90


def article_kind(opened_as: str, headline: str | None, body: str, continues: bool = False) -> str:
    """The final kind of an article that opened as ``opened_as``."""
    if opened_as != "news":
        return opened_as
    if headline and NOTICE_HEADLINE.search(headline):
        return "notice"
    if not continues and len(re.sub(r"\s+", "", body)) < BRIEF_CHARS:
        return "brief"
    return "news"
