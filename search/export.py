"""CSV export of a whole result set (up to ``CSV_MAX_ROWS``), for spreadsheets.

UTF-8 with a byte-order mark so Excel reads the Chinese correctly; cells that a
spreadsheet would run as a formula are prefixed with an apostrophe. Each row carries
what a researcher cites or sorts by: dates, edition and page, kind, headline, byline reporters, officials
with the titles the article states, districts, the matching snippet and the link.
"""
from __future__ import annotations

import csv
import io
import re
from dataclasses import replace
from datetime import date
from html import unescape
from urllib.parse import quote

from search import engine
from search.engine import SearchRequest
from search.presentation import RowUrls, article_row

CSV_MAX_ROWS = 5000
CSV_BATCH = 100  # the engine's largest page
CSV_COLUMNS = ("日期", "事件日期", "版别", "版面", "类型", "标题", "记者", "人物及职务", "区县", "摘要", "链接")
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")
TAG = re.compile(r"<[^>]+>")
UNSAFE_IN_NAME = re.compile(r'[\\/:*?"<>|\s]+')


def plain(html: str) -> str:
    """A snippet's text without its <mark> tags and entities."""
    return unescape(TAG.sub("", html))


def person_with_titles(mention) -> str:
    titles = "、".join(mention.titles)
    return f"{mention.person.name}（{titles}）" if titles else mention.person.name


def file_name(request: SearchRequest, today: date) -> str:
    """``检索-<query>-<YYYYMMDD>.csv`` (``检索-全部-…`` without a query), safe on every file system."""
    words = UNSAFE_IN_NAME.sub("_", request.q).strip("_")[:40] or "全部"
    return f"检索-{words}-{today:%Y%m%d}.csv"


def content_disposition(name: str) -> str:
    """An attachment header with an ASCII fallback and the UTF-8 name (RFC 6266)."""
    return f"attachment; filename=\"search-{name[-12:-4]}.csv\"; filename*=UTF-8''{quote(name)}"


def spreadsheet_safe(value: str) -> str:
    return "'" + value if value.startswith(FORMULA_PREFIXES) else value


def export_rows(request: SearchRequest, absolute_url):
    """Return ``(total, rows)``: the matching articles in the request's sort order, at most CSV_MAX_ROWS.

    ``absolute_url`` turns a path into a full link. Raises ``engine.QuerySyntaxError``.
    """
    rows, seen, page, urls = [], 0, 1, RowUrls()
    while True:
        response = engine.run_search(replace(request, page=page, per_page=CSV_BATCH))
        seen += len(response.hits)
        for hit in response.hits[: CSV_MAX_ROWS - len(rows)]:
            article, row = hit.article, article_row(hit.article, hit, urls)
            rows.append(
                [
                    row.publication_date.isoformat(),
                    article.event_date.isoformat() if article.event_date else "",
                    row.edition,
                    row.page,
                    article.get_kind_display(),
                    row.headline,
                    "、".join(row.reporters),
                    "；".join(map(person_with_titles, article.listed_mentions)),
                    "、".join(d.label for d in row.districts),
                    plain(row.snippet_html),
                    absolute_url(row.url),
                ]
            )
        if not response.hits or seen >= min(response.total, CSV_MAX_ROWS):
            return response.total, rows
        page += 1


def render_csv(rows) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(CSV_COLUMNS)
    writer.writerows([spreadsheet_safe(cell) for cell in row] for row in rows)
    return buffer.getvalue().encode("utf-8-sig")
