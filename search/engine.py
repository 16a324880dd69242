"""The search contract between the index (search engine) and the pages/API that show results.

``run_search(SearchRequest) -> SearchResponse`` parses the user's query, applies
filters, sorts, paginates and counts facets over the whole matching set.
Facet values are raw keys; the views turn them into labels and toggle links.
"""
from __future__ import annotations

import calendar
import heapq
from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from itertools import chain

from search import generation, query, snippets
from search.query import QuerySyntaxError
from search.search_indexes import day_number

SORTS = ("relevance", "date_desc", "date_asc")
MAX_PER_PAGE = 100

__all__ = ["SORTS", "Hit", "QuerySyntaxError", "SearchRequest", "SearchResponse", "run_search"]


@dataclass
class SearchRequest:
    q: str = ""
    officials: list[int] = field(default_factory=list)  # Person ids; several combine with AND
    districts: list[str] = field(default_factory=list)  # District slugs; several combine with AND
    year: int | None = None
    month: int | None = None  # only with year
    date_from: date | None = None
    date_to: date | None = None
    sort: str = "relevance"
    page: int = 1
    per_page: int = 20


@dataclass
class Hit:
    article_id: int
    score: float
    snippet_html: str  # HTML-escaped text with only the matched terms wrapped in <mark>
    headline_html: str = ""  # the headline, escaped, matches marked


@dataclass
class SearchResponse:
    total: int
    hits: list[Hit]
    # "year": [(2016, n)], "month": [(9, n)] (months of the selected year only),
    # "official": [(person_id, n)] (most frequent first), "district": [(slug, n)]
    facets: dict[str, list[tuple]]
    query_terms: list[str] = field(default_factory=list)  # the repaired query's terms, for display


def run_search(request: SearchRequest) -> SearchResponse:
    """Run ``request`` against the index. Raises QuerySyntaxError for queries that cannot be repaired."""
    parsed = query.parse(request.q)
    sort = request.sort if request.sort in SORTS else "relevance"
    if not parsed.highlight:
        sort = "date_desc" if sort == "relevance" else sort
    per_page = min(max(1, request.per_page), MAX_PER_PAGE)
    start = (max(1, request.page) - 1) * per_page
    with generation.lock():
        current = generation.current()
        key = (parsed.key, *_filter_key(request))
        matched = current.results.get_or_compute(key, lambda: _Matched(_matching(current, parsed, request)))
        facets = matched.facets(current, request)
        ranked = _rank(current, parsed, matched, sort, start + per_page)[start:]
        ids = [int(current.searcher.stored_fields(docnum)["django_id"]) for docnum, _ in ranked]
    return SearchResponse(
        total=len(matched.docs),
        hits=_hits(ids, [score for _, score in ranked], parsed.highlight),
        facets=facets,
        query_terms=parsed.terms,
    )


@dataclass
class _Matched:
    """The documents a query and its filters match, with facets and date orders computed on demand."""

    docs: set[int]
    facet_counts: dict | None = None
    orders: dict[str, list[int]] = field(default_factory=dict)

    def facets(self, current, request) -> dict[str, list[tuple]]:
        if self.facet_counts is None:
            self.facet_counts = _count_facets(current, self.docs, request.year)
        return self.facet_counts


def _filter_key(request):
    return (
        tuple(sorted(set(request.officials))), tuple(sorted(set(request.districts))),
        request.year, request.month if request.year else None, request.date_from, request.date_to,
    )


def _day_range(request) -> tuple[int, int] | None:
    """The YYYYMMDD bounds of the request's year/month and from/to filters, or None if unfiltered."""
    low, high = [], []
    if request.year:
        first_month, last_month = (request.month, request.month) if request.month else (1, 12)
        low.append(request.year * 10000 + first_month * 100 + 1)
        high.append(request.year * 10000 + last_month * 100 + calendar.monthrange(request.year, last_month)[1])
    if request.date_from:
        low.append(day_number(request.date_from))
    if request.date_to:
        high.append(day_number(request.date_to))
    if not low and not high:
        return None
    return max(low, default=0), min(high, default=99999999)


def _matching(current, parsed, request) -> set[int]:
    """The query's documents that pass every filter: cached sets intersected, smallest first."""
    sets = [current.docs_with("official_ids", str(pk)) for pk in set(request.officials)]
    sets += [current.docs_with("district_slugs", slug) for slug in set(request.districts)]
    bounds = _day_range(request)
    if bounds:
        sets.append(current.docs_between(*bounds))
    if parsed.query is not None:
        sets.append(current.docs_for(repr(parsed.query), parsed.query))
    sets.sort(key=len)
    docs = set(sets[0] if sets else current.live_docs())
    for other in sets[1:]:
        docs &= other
    if parsed.excluded is not None:
        docs.difference_update(current.docs_for(repr(parsed.excluded), parsed.excluded))
    return docs


def _count_facets(current, docs, year) -> dict[str, list[tuple]]:
    days = current.days
    years = Counter(days[docnum] // 10000 for docnum in docs)
    months = Counter(days[docnum] // 100 % 100 for docnum in docs if days[docnum] // 10000 == year) if year else {}
    officials = Counter(chain.from_iterable(map(current.values["official_ids"].__getitem__, docs)))
    districts = Counter(chain.from_iterable(map(current.values["district_slugs"].__getitem__, docs)))
    return {
        "year": sorted(years.items()),
        "month": sorted(months.items()),
        "official": sorted(((int(pk), n) for pk, n in officials.items()), key=lambda item: (-item[1], item[0])),
        "district": sorted(districts.items(), key=lambda item: (-item[1], item[0])),
    }


def _rank(current, parsed, matched, sort, limit) -> list[tuple[int, float]]:
    """(docnum, score) of the first ``limit`` documents in ``sort`` order."""
    if not matched.docs:
        return []
    if sort == "relevance":
        results = current.searcher.search(parsed.query, filter=matched.docs, limit=limit)
        return [(hit.docnum, hit.score) for hit in results]
    order = matched.orders.get(sort)
    if order is None or len(order) < limit:
        days = current.days
        newest = sort == "date_desc"
        keyed = (lambda d: (days[d], d)) if newest else (lambda d: (-days[d], -d))
        order = matched.orders[sort] = heapq.nlargest(max(limit, 200), matched.docs, key=keyed)
    return [(docnum, 0.0) for docnum in order[:limit]]


def _hits(ids, scores, pieces) -> list[Hit]:
    from archive.models import Article

    articles = Article.objects.only("headline", "body").in_bulk(ids)
    hits = []
    for pk, score in zip(ids, scores, strict=True):
        article = articles.get(pk)
        if article is None:
            continue
        hits.append(Hit(
            article_id=pk,
            score=score,
            snippet_html=snippets.snippet(article.body, pieces),
            headline_html=snippets.highlight(article.headline, pieces),
        ))
    return hits
