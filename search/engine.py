"""The search contract between the engines and everything that shows results.

Pages, the JSON/CSV API, feeds and person cards call ``run_search(SearchRequest) ->
SearchResponse`` and nothing else. The engine is haystack's default connection
(``HAYSTACK_CONNECTIONS``, chosen from the environment in settings): a haystack backend
that also implements ``ArchiveBackend`` below. Both engines (``search.backend`` for the
embedded jieba-Whoosh index, ``search.solr_backend`` for SolrCloud) are run through the
same contract tests.

What is common to every engine lives here: parsing the reader's query, the fallback to
a run's words when nothing contains it as typed, and snippets with the matched strings
marked (cut from the database text, so both engines highlight exactly the same way).
"""
from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date
from typing import TYPE_CHECKING, Protocol

from search import query, snippets
from search.query import ParsedQuery, QuerySyntaxError

if TYPE_CHECKING:
    from archive.models import Article

SORTS = ("relevance", "date_desc", "date_asc")
MAX_PER_PAGE = 100

__all__ = [
    "SORTS", "ArchiveBackend", "Hit", "QuerySyntaxError", "Ranked", "SearchRequest", "SearchResponse",
    "SearchUnavailable", "run_search",
]


class SearchUnavailable(RuntimeError):
    """The engine cannot answer now (a cluster down); pages say ``UNAVAILABLE`` with HTTP 503."""


UNAVAILABLE = "搜索暂不可用，请稍后再试。浏览页面不受影响。"


@dataclass
class SearchRequest:
    q: str = ""
    # facet name (``search.schema.FACETS``) -> selected values; values of one facet and of
    # several facets all combine with AND
    filters: dict[str, list[str]] = field(default_factory=dict)
    year: int | None = None
    month: int | None = None  # only with year
    date_from: date | None = None
    date_to: date | None = None
    # advanced search (``search.schema``): where the words must occur, the event-date range, the page number
    scope: str = "all"
    event_from: date | None = None
    event_to: date | None = None
    page_number: int | None = None
    sort: str = "relevance"
    page: int = 1
    per_page: int = 20

    def selected(self, facet: str) -> list[str]:
        return self.filters.get(facet, [])

    def day_range(self) -> tuple[int, int] | None:
        """The YYYYMMDD bounds of the year/month and from/to filters, or None when unfiltered."""
        low, high = [], []
        if self.year:
            first_month, last_month = (self.month, self.month) if self.month else (1, 12)
            low.append(self.year * 10000 + first_month * 100 + 1)
            high.append(self.year * 10000 + last_month * 100 + 31)
        return _bounds([*low, day_number(self.date_from)], [*high, day_number(self.date_to)])

    def event_range(self) -> tuple[int, int] | None:
        """The YYYYMMDD bounds of the event-date filter, or None when unfiltered (undated events never match it)."""
        return _bounds([day_number(self.event_from)], [day_number(self.event_to)])

    @property
    def first(self) -> int:
        """Index of the first hit of the page in the whole ranking."""
        return (max(1, self.page) - 1) * self.size

    @property
    def size(self) -> int:
        return min(max(1, self.per_page), MAX_PER_PAGE)


def _bounds(lows: list[int | None], highs: list[int | None]) -> tuple[int, int] | None:
    """The tightest (low, high) day range of the given bounds (None: open), or None when all are open."""
    low, high = [day for day in lows if day], [day for day in highs if day]
    if not low and not high:
        return None
    return max(low, default=1), min(high, default=99999999)


def day_number(value: date | None) -> int | None:
    """A date as the integer YYYYMMDD, the form the index stores and ranges compare."""
    return value.year * 10000 + value.month * 100 + value.day if value else None


@dataclass
class Hit:
    article_id: int
    score: float
    snippet_html: str  # HTML-escaped text with only the matched strings wrapped in <mark>
    headline_html: str = ""  # the headline, escaped, matches marked
    # The article as ``archive.queries.listed_articles`` loads it (issue, people, districts): one load per page.
    article: Article | None = field(default=None, repr=False, compare=False)


@dataclass
class Ranked:
    """What an engine answers: the page's article ids in order with their scores, the total and facet counts.

    ``facets``: "year" -> [(2016, n)], "month" -> [(9, n)] (months of the selected year only),
    and for each keyword facet its name -> [(value, n)], most frequent first, ties by value.
    """

    total: int
    ids: list[tuple[int, float]]
    facets: dict[str, list[tuple]]


@dataclass
class SearchResponse:
    total: int
    hits: list[Hit]
    facets: dict[str, list[tuple]]  # as ``Ranked.facets``
    query_terms: list[str] = field(default_factory=list)  # the repaired query's items, for display
    notices: list[str] = field(default_factory=list)  # what the engine did that the reader should know


class ArchiveBackend(Protocol):
    """What an engine's haystack backend implements beyond haystack's own API."""

    def rank(self, request: SearchRequest, parsed: ParsedQuery) -> Ranked:
        """Filter, count facets over the whole match set and sort; raises SearchUnavailable."""

    def apply(self, index, objects, removed_ids) -> None:
        """Add or replace ``objects`` and delete ``removed_ids`` ("archive.article.12") in one commit."""

    def indexed_ids(self) -> set[int]:
        """The primary keys of every article in the index (for consistency reports)."""

    def schema_outdated(self) -> bool:
        """Whether the index was built with another schema than the current one (it must be rebuilt)."""


def backend() -> ArchiveBackend:
    """The default haystack connection's backend."""
    from haystack import connections

    return connections["default"].get_backend()


def generation_cache() -> dict:
    """A dict this worker keeps until the index changes, for what pages read from the database about what
    the index holds (facet labels, person cards, the advanced form's editions): renaming a person or a
    district, or a new mention, re-indexes their articles, so a new generation starts with an empty dict.

    An engine that cannot tell when its index changes (Solr) gives a new dict each call: nothing is kept.
    """
    cache = getattr(backend(), "generation_cache", None)
    return cache() if cache else {}


def fallback_notice(parsed: ParsedQuery) -> str:
    return f"没有找到完全匹配“{parsed.unsplit_text}”的结果，以下结果包含其中全部词语。"


def run_search(request: SearchRequest) -> SearchResponse:
    """Run ``request``; raises QuerySyntaxError (query cannot be repaired) or SearchUnavailable.

    A run typed without spaces is looked for as typed; when that finds nothing, its words are
    (see ``search.query``), and the response says so.
    """
    parsed = query.parse(request.q)
    if parsed.empty and request.sort == "relevance":
        request = replace(request, sort="date_desc")
    engine = backend()
    ranked = engine.rank(request, parsed)
    notices = []
    if not ranked.total and parsed.can_split():
        notices.append(fallback_notice(parsed))
        parsed = parsed.split_words()
        ranked = engine.rank(request, parsed)
    return SearchResponse(
        total=ranked.total,
        hits=_hits(ranked.ids, parsed.highlight),
        facets=ranked.facets,
        query_terms=parsed.terms,
        notices=notices,
    )


def _hits(ranked: list[tuple[int, float]], pieces: list[str]) -> list[Hit]:
    """Hits with their articles and snippets from the database text; articles deleted since indexing are left out."""
    from archive.queries import listed_articles

    articles = listed_articles(pk for pk, _ in ranked)
    return [
        Hit(
            article_id=pk,
            score=score,
            snippet_html=snippets.snippet(articles[pk].body, pieces),
            headline_html=snippets.highlight(articles[pk].headline, pieces),
            article=articles[pk],
        )
        for pk, score in ranked
        if pk in articles
    ]
