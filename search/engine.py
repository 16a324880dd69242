"""The search contract between the index (search engine) and the pages/API that show results.

``run_search(SearchRequest) -> SearchResponse`` parses the user's query, applies
filters, sorts, paginates and counts facets over the whole matching set.
Facet values are raw keys; the views turn them into labels and toggle links.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

SORTS = ("relevance", "date_desc", "date_asc")


class QuerySyntaxError(ValueError):
    """A query that cannot be repaired; ``str(error)`` is a Chinese message for the reader."""


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
    return SearchResponse(total=0, hits=[], facets={"year": [], "month": [], "official": [], "district": []})
