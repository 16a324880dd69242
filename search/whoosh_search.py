"""The embedded engine's side of the contract: a parsed query, filters and sorts over the Whoosh index.

Queries become phrases of the bigram chain (``search.analysis``, checked by ``search.whoosh_match.RunPhrase``);
filters intersect the per-generation document sets of ``search.generation`` (cached, smallest first); facets are
counted from per-document columns over the whole match set without scoring; only the
relevance sort scores, and only within the match set.
"""
from __future__ import annotations

import heapq
from collections import Counter

from whoosh import query as wq

from search import analysis, generation
from search.engine import SORTS, Ranked, SearchRequest
from search.query import Item, ParsedQuery
from search.schema import BODY_FIELD, EVENT_DAY_FIELD, FACETS, PAGE_NUMBER_FIELD, SCOPES_BY_NAME
from search.whoosh_body import InBody
from search.whoosh_lone import LoneChar
from search.whoosh_match import RunPhrase, decoded_once, held_texts, match_within, scores

# Relevance scores at most this many matches per tier, the newest: a word found in 30,000 articles is
# ranked among its newest 2,000 (every match when there are fewer). Whoosh scores each match in Python,
# so this bounds the cost of a frequent word instead of growing with the archive.
RANK_WINDOW = 2000
# Documents of each sort order kept with a cached match set (``_rank``): five pages of 20, a page of the most.
ORDER_KEPT = 100
TEXT_FIELD = "text"
HEADLINE_FIELD = "headline"
WHOLE_RUN_BOOST = 2.0
# Matches at most this many have their headlines checked one by one for the headline tier (``_in_title``): a
# headline kept in memory (``whoosh_match.held_texts``) is checked in ~0.7 µs, while the headline match set of the
# whole index (the terms looked up in every segment, their postings decoded) took ~1–2 ms at 100k articles
# whatever the number of matches.
HEADLINE_CHECKS = 2000
# Below the rounded score of a ranking's last hit by more than any score that rounds to it (``_scored``).
ROUNDING_MARGIN = 1e-6


def piece_query(text: str, fieldname: str = TEXT_FIELD, boost: float = 1.0) -> wq.Query | None:
    """``text`` as a phrase of the chain; a lone Chinese character also matches bigrams starting with it (``LoneChar``).

    The index has no body field: in ``BODY_FIELD`` a piece is looked up in the whole text, then checked in the body.
    """
    if fieldname == BODY_FIELD:
        query = piece_query(text, TEXT_FIELD, boost)
        return None if query is None else InBody(query, text)
    chain_terms = [term.text for term in analysis.terms(text, indexing=False)]
    if not chain_terms:
        return None
    if len(chain_terms) > 1:
        return RunPhrase(fieldname, chain_terms, boost=boost)
    if len(chain_terms[0]) == 1 and analysis.is_chinese(chain_terms[0]):
        return LoneChar(fieldname, chain_terms[0], boost=boost)
    return wq.Term(fieldname, chain_terms[0], boost=boost)


def _all(queries: list[wq.Query | None]) -> wq.Query | None:
    queries = [q for q in queries if q is not None]
    if not queries:
        return None
    return queries[0] if len(queries) == 1 else wq.And(queries)


def required(item: Item, split: bool, fieldname: str = TEXT_FIELD) -> wq.Query | None:
    """What a matching document must contain for ``item``."""
    return _all([piece_query(piece, fieldname) for piece in item.pieces(split)])


def scored(item: Item, split: bool, fieldname: str = TEXT_FIELD) -> wq.Query | None:
    """``required``, plus, split, a boost for the item as typed (its words next to each other rank first)."""
    must = required(item, split, fieldname)
    if must is None or not (split and item.splits()):
        return must
    return wq.AndMaybe(must, piece_query(item.text, fieldname, boost=WHOLE_RUN_BOOST))


def compile_query(parsed: ParsedQuery, fieldname: str = TEXT_FIELD) -> tuple[wq.Query | None, wq.Query | None]:
    """(what must match, what is excluded) in ``fieldname`` (the scope's field); None for "every document" and
    "nothing excluded"."""
    clauses = []
    for group in parsed.groups:
        queries = [q for q in (scored(item, parsed.split, fieldname) for item in group) if q is not None]
        if queries:
            clauses.append(queries[0] if len(queries) == 1 else wq.Or(queries))
    excluded = [q for q in (required(item, False, fieldname) for item in parsed.excluded) if q is not None]
    return _all(clauses), (wq.Or(excluded) if excluded else None)


def rank(request: SearchRequest, parsed: ParsedQuery) -> Ranked:
    """The contract's ``rank`` on the default Whoosh index (see ``search.engine.ArchiveBackend``)."""
    sort = request.sort if request.sort in ("relevance", "date_desc", "date_asc") else "relevance"
    limit = request.first + request.size
    with generation.lock(), decoded_once():
        current = generation.current()
        key = (parsed.key, *_filter_key(request))
        must, excluded = compile_query(parsed, SCOPES_BY_NAME[request.scope].field)
        matched = current.results.get_or_compute(key, lambda: _Matched(_matching(current, must, excluded, request)))
        facets = matched.facets(current, request)
        ranked = _rank(current, parsed, must, matched, sort, limit)[request.first :]
        ids = [(current.article_id(docnum), score) for docnum, score in ranked]
    return Ranked(total=len(matched.docs), ids=ids, facets=facets)


class _Matched:
    """The documents a query and its filters match, with facets and the first documents of each sort order
    ((docnum, score), see ``_rank``) computed on demand."""

    def __init__(self, docs: set[int]):
        self.docs = docs
        self.facet_counts: dict | None = None
        self.orders: dict[str, list[tuple[int, float]]] = {}

    @property
    def extra_bytes(self) -> int:
        """What its kept orders may cost in memory beyond the match set (``generation.estimated_bytes``)."""
        return len(SORTS) * min(len(self.docs), ORDER_KEPT) * generation.BYTES_PER_RANKED_HIT

    def facets(self, current, request) -> dict[str, list[tuple]]:
        if self.facet_counts is None:
            self.facet_counts = _count_facets(current, self.docs, request.year)
        return self.facet_counts


def _filter_key(request):
    return (
        tuple(sorted((name, tuple(sorted(set(values)))) for name, values in request.filters.items() if values)),
        request.year, request.month if request.year else None, request.date_from, request.date_to,
        request.scope, request.event_range(), request.page_number,
    )


def _matching(current, must, excluded, request) -> set[int]:
    """The query's documents that pass every filter: cached sets intersected, smallest first."""
    sets = [
        current.docs_with(facet.field, value) for facet in FACETS for value in set(request.selected(facet.name))
    ]
    bounds = request.day_range()
    if bounds:
        sets.append(current.docs_between(*bounds))
    events = request.event_range()
    if events:
        sets.append(current.docs_numbered(EVENT_DAY_FIELD, *events))
    if request.page_number:
        sets.append(current.docs_numbered(PAGE_NUMBER_FIELD, request.page_number, request.page_number))
    if must is not None:
        sets.append(current.docs_for(repr(must), must))
    sets.sort(key=len)
    docs = set(sets[0] if sets else current.live_docs())
    for other in sets[1:]:
        docs &= other
    if excluded is not None:
        docs.difference_update(current.docs_for(repr(excluded), excluded))
    return docs


def _count_facets(current, docs, year) -> dict[str, list[tuple]]:
    days = current.days
    years = current.value_counts(generation.YEAR, docs)
    in_year = docs & current.docs_with(generation.YEAR, year) if year else ()
    months = Counter(days[docnum] // 100 % 100 for docnum in in_year)
    counts = {"year": sorted(years.items()), "month": sorted(months.items())}
    for facet in FACETS:
        values = current.value_counts(facet.field, docs)
        counts[facet.name] = sorted(values.items(), key=lambda item: (-item[1], item[0]))
    return counts


def _rank(current, parsed, must, matched, sort, limit) -> list[tuple[int, float]]:
    """(docnum, score) of the first ``limit`` documents in ``sort`` order.

    The first ``ORDER_KEPT`` (or ``limit``, if more) are kept with the match set, for its index
    generation: the relevance window is scored once per query and filters, not on every request
    (a frequent word's warm request spent ~40 % of its time re-scoring). Every order is a prefix of
    a longer one of the same sort, so a kept order answers any smaller ``limit``.
    """
    if not matched.docs:
        return []
    order = matched.orders.get(sort)
    if order is None or len(order) < min(limit, len(matched.docs)):
        kept = max(limit, ORDER_KEPT)
        if sort == "relevance" and must is not None:
            order = _by_relevance(current, parsed, must, matched.docs, kept)
        else:
            order = [(docnum, 0.0) for docnum in current.newest(matched.docs, kept, oldest=sort == "date_asc")]
        matched.orders[sort] = order
    return order[:limit]


def _by_relevance(current, parsed, must, docs, limit) -> list[tuple[int, float]]:
    """Headline matches of the whole query first, then the others; each by BM25F score (density), ties newest first.

    The headline tier is a plain set intersection, so an exact title match is never buried
    under long articles that repeat the words. Each tier scores its ``RANK_WINDOW`` newest matches.
    """
    titled = _all([_headline(group) for group in parsed.groups])
    in_title = _in_title(current, titled, docs) if titled is not None else set()
    ranked = _tier(current, must, in_title, limit)
    if len(ranked) < limit:
        ranked += _tier(current, must, docs - in_title, limit - len(ranked))
    return ranked


def hold_headlines(current):
    """Read the headlines ``_in_title`` checks into memory now (worker warm-up, ~80 ms at 100k articles),
    not in a reader's request."""
    for leaf, _offset in current.searcher.leaf_searchers():
        held_texts(leaf.reader(), HEADLINE_FIELD)


def _in_title(current, titled, docs) -> set[int]:
    """Those of ``docs`` whose headline matches ``titled``: few are checked one by one (``match_within``), more
    are intersected with the headline matches of the whole index (kept for the generation)."""
    if len(docs) <= HEADLINE_CHECKS:
        return match_within(current.searcher, titled, docs)
    return docs & current.docs_for(repr(titled), titled)


def _tier(current, must, docs, limit) -> list[tuple[int, float]]:
    """The first ``limit`` of ``docs``: the ``RANK_WINDOW`` newest by score, then the older ones newest first."""
    if len(docs) <= RANK_WINDOW:
        return _scored(current, must, docs, limit)
    by_date = current.newest(docs, RANK_WINDOW + limit)
    ranked = _scored(current, must, set(by_date[:RANK_WINDOW]), limit)
    return ranked + [(docnum, 0.0) for docnum in by_date[RANK_WINDOW : RANK_WINDOW + limit - len(ranked)]]


def _headline(group) -> wq.Query | None:
    queries = [_all([piece_query(piece, HEADLINE_FIELD) for piece in item.pieces()]) for item in group]
    queries = [q for q in queries if q is not None]
    return (queries[0] if len(queries) == 1 else wq.Or(queries)) if queries else None


def _scored(current, must, docs, limit) -> list[tuple[int, float]]:
    """The first ``limit`` of ``docs`` by score (to 6 decimals), ties newest first, then by document number.

    Only hits scoring about as much as the ``limit``-th best raw score or more can be among them
    (rounding never lowers a higher score below a lower one's): the others are not given a sort key.
    """
    if not docs or limit <= 0:
        return []
    days = current.days
    hits = scores(current.searcher, must, docs)
    if len(hits) > limit:
        bound = round(heapq.nlargest(limit, [score for _docnum, score in hits])[-1], 6) - ROUNDING_MARGIN
        hits = [hit for hit in hits if hit[1] >= bound]
    return heapq.nsmallest(limit, hits, key=lambda hit: (-round(hit[1], 6), -days[hit[0]], -hit[0]))
