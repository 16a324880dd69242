"""CSV export of a whole result set (up to ``CSV_MAX_ROWS``), for spreadsheets.

UTF-8 with a byte-order mark so Excel reads the Chinese correctly; cells that a
spreadsheet would run as a formula are prefixed with an apostrophe.
"""
from __future__ import annotations

import csv
import io
from dataclasses import replace

from search import engine
from search.engine import SearchRequest
from search.presentation import article_row, load_articles

CSV_MAX_ROWS = 5000
CSV_BATCH = 100  # the engine's largest page
CSV_COLUMNS = ("日期", "版别", "版面", "标题", "人物", "区县", "链接")
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_safe(value: str) -> str:
    return "'" + value if value.startswith(FORMULA_PREFIXES) else value


def export_rows(request: SearchRequest, absolute_url):
    """Return ``(total, rows)``: the matching articles in the request's sort order, at most CSV_MAX_ROWS.

    ``absolute_url`` turns a path into a full link. Raises ``engine.QuerySyntaxError``.
    """
    rows, seen, page = [], 0, 1
    while True:
        response = engine.run_search(replace(request, page=page, per_page=CSV_BATCH))
        articles = load_articles(hit.article_id for hit in response.hits)
        seen += len(response.hits)
        for hit in response.hits[: CSV_MAX_ROWS - len(rows)]:
            if hit.article_id in articles:
                row = article_row(articles[hit.article_id])
                rows.append(
                    [
                        row.publication_date.isoformat(),
                        row.edition,
                        row.page,
                        row.headline,
                        "、".join(o.label for o in row.officials),
                        "、".join(d.label for d in row.districts),
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
