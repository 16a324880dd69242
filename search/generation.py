"""One open searcher and the per-document columns facets need, valid for one index generation.

haystack reopens two or three searchers per query (+250–550 ms) and Whoosh's
``groupedby`` facets take 0.6–1.4 s on a broad query. Instead each process keeps
one searcher, refreshed only when another writer has committed, and builds, once
per generation, plain lists indexed by document number: publication day
(YYYYMMDD), event day and page number (0 when unknown), each facet's values
(``search.schema``) and the article each document is (``django_id``'s column). A new
generation also refreshes jieba's user dictionary (new people imported). Columns of a
segment are reused across generations while the segment lives (Whoosh segments are
immutable; deletions only hide document numbers).
"""
from __future__ import annotations

import heapq
import threading
from array import array
from collections import Counter, OrderedDict, defaultdict
from dataclasses import dataclass, field
from itertools import chain, islice

from search import dictionary
from search.schema import DAY_FIELD, EVENT_DAY_FIELD, FACETS, PAGE_NUMBER_FIELD
from search.whoosh_match import match_set, stored_bytes

ARTICLE_ID_FIELD = "django_id"  # haystack's DJANGO_ID
VALUE_FIELDS = tuple(facet.field for facet in FACETS)
NUMBER_FIELDS = (EVENT_DAY_FIELD, PAGE_NUMBER_FIELD)
MISSING_NUMBER = 2**31 - 1  # what Whoosh's int column gives a document without the value
YEAR = "year"
FEW_VALUES = 64  # a column with at most this many values is counted by set intersections
# Looking a document's value up and counting it costs about this many times a document's test in an intersection.
LOOKUP_COST = 8
DENSE_SHARE = 20  # ``newest`` walks the date order for sets of at least 1/20 of the documents
_lock = threading.RLock()
_generations: dict[str, IndexGeneration] = {}
_columns_by_segment: dict[tuple[str, str], SegmentColumns] = {}


@dataclass
class SegmentColumns:
    """Columns of one segment, in the segment's own document numbers."""

    days: list[int]
    values: dict[str, list[tuple[str, ...]]]
    numbers: dict[str, list[int]] = field(default_factory=dict)
    article_ids: array | None = None


def _article_ids(reader, count: int) -> array | None:
    """Each document's ``django_id`` from its column (read in a few long reads), or None when the segment
    has no such column (an index built before it: ``search_status --repair`` rebuilds it)."""
    if ARTICLE_ID_FIELD not in reader.schema or not reader.has_column(ARTICLE_ID_FIELD):
        return None
    column = reader.column_reader(ARTICLE_ID_FIELD, translate=False)
    return array("q", (int(value or 0) for _docnum, value in stored_bytes(column, range(count))))


def _number_column(reader, name: str, count: int) -> list[int]:
    """An int column of the segment, 0 where a document has no value (or the index predates the field)."""
    if name not in reader.schema or not reader.has_column(name):
        return [0] * count
    return [int(value) if value and value != MISSING_NUMBER else 0 for value in reader.column_reader(name)]


def _segment_columns(reader) -> SegmentColumns:
    count = reader.doc_count_all()
    days = [int(day or 0) for day in reader.column_reader(DAY_FIELD)] if count else []
    numbers = {name: _number_column(reader, name, count) if count else [] for name in NUMBER_FIELDS}
    values = {}
    for name in VALUE_FIELDS:
        per_doc: list[list[str]] = [[] for _ in range(count)]
        if name in reader.indexed_field_names():
            for term in reader.lexicon(name):
                value = term.decode("utf-8")
                for docnum in reader.postings(name, term).all_ids():
                    per_doc[docnum].append(value)
        values[name] = [tuple(v) for v in per_doc]
    return SegmentColumns(days, values, numbers, _article_ids(reader, count))


BYTES_PER_DOCUMENT = 64  # a document number in a Python set: the int object and its slot
BYTES_PER_RANKED_HIT = 128  # a (document number, score) tuple in a list: the tuple, int and float objects, the slot
CACHE_BYTES = 24 * 2**20  # each of a generation's two caches, per worker


def estimated_bytes(value) -> int:
    """About what a cached set of document numbers (or an object holding ``docs``, and ``extra_bytes``
    if it keeps more) costs in memory."""
    docs = getattr(value, "docs", value)
    return 1024 + BYTES_PER_DOCUMENT * len(docs) + getattr(value, "extra_bytes", 0)


class LRU(OrderedDict):
    """A least-recently-used map of values computed on demand, bounded by their estimated bytes.

    A worker's memory must not grow with the number of distinct queries it has answered.
    """

    def __init__(self, budget: int = CACHE_BYTES):
        super().__init__()
        self.budget = budget
        self.used = 0
        self._costs: dict = {}

    def get_or_compute(self, key, compute):
        value = self.get(key)
        if value is None:
            value = self[key] = compute()
            self._costs[key] = estimated_bytes(value)
            self.used += self._costs[key]
        self.move_to_end(key)
        while self.used > self.budget and len(self) > 1:
            oldest, _ = self.popitem(last=False)
            self.used -= self._costs.pop(oldest)
        return value


@dataclass
class IndexGeneration:
    """The searcher of one generation, its columns in global document numbers, and caches of both.

    ``results`` keeps whole query results (engine); ``_sets`` the live documents of a query or
    a day range; ``_tables`` the live documents of each official, district and year. A new
    combination of filters then only intersects known sets (filter-only faceting at 100k
    articles took ~85 ms when each request rebuilt them, ~6 ms now). ``pages`` holds what
    pages read from the database beside the index (``search.engine.generation_cache``).
    """

    searcher: object
    days: list[int] = field(default_factory=list)
    values: dict[str, list[tuple[str, ...]]] = field(default_factory=dict)
    numbers: dict[str, list[int]] = field(default_factory=dict)
    article_ids: array | None = field(default_factory=lambda: array("q"))
    results: LRU = field(default_factory=LRU)
    _sets: LRU = field(default_factory=LRU)
    pages: dict = field(default_factory=dict)
    _live: frozenset[int] | None = None
    _tables: dict[str, dict] = field(default_factory=dict)
    _present: dict[str, frozenset[int]] = field(default_factory=dict)
    _only: dict[str, list | None] = field(default_factory=dict)
    _by_date: list[int] | None = None

    @classmethod
    def build(cls, searcher, index_path: str) -> IndexGeneration:
        generation = cls(searcher, values={name: [] for name in VALUE_FIELDS}, numbers={n: [] for n in NUMBER_FIELDS})
        live = set()
        for leaf, _offset in searcher.leaf_searchers():
            reader = leaf.reader()
            segment = reader.segment() if hasattr(reader, "segment") else None
            key = None if segment is None else (index_path, segment.segment_id())
            columns = _segment_columns(reader) if key is None else _segment_columns_cached(key, reader)
            live.add(key)
            generation.days.extend(columns.days)
            for name in VALUE_FIELDS:
                generation.values[name].extend(columns.values[name])
            for name in NUMBER_FIELDS:
                generation.numbers[name].extend(columns.numbers[name])
            if columns.article_ids is None:
                generation.article_ids = None
            elif generation.article_ids is not None:
                generation.article_ids.extend(columns.article_ids)
        for key in [k for k in _columns_by_segment if k[0] == index_path and k not in live]:
            del _columns_by_segment[key]
        return generation

    def live_docs(self) -> frozenset[int]:
        """Every live document number; segments without deletions are whole ranges (Whoosh's
        ``all_doc_ids`` asks each document of a multi-segment reader, ~90 ms at 100k articles)."""
        if self._live is None:
            live = set()
            for leaf, offset in self.searcher.leaf_searchers():
                reader = leaf.reader()
                if reader.has_deletions():
                    live.update(offset + docnum for docnum in reader.all_doc_ids())
                else:
                    live.update(range(offset, offset + reader.doc_count_all()))
            self._live = frozenset(live)
        return self._live

    def article_id(self, docnum: int) -> int:
        """The primary key of the article indexed as document ``docnum``: from the ``django_id`` column, or
        from the document's stored fields in an index without that column."""
        if self.article_ids is not None:
            return self.article_ids[docnum]
        return int(self.searcher.stored_fields(docnum)[ARTICLE_ID_FIELD])

    def docs_for(self, key, query) -> frozenset[int]:
        """Live documents matching the Whoosh ``query`` (``key`` identifies it in the cache)."""
        return self._sets.get_or_compute(("query", key), lambda: frozenset(match_set(self.searcher, query)))

    def docs_with(self, fieldname: str, value) -> frozenset[int]:
        """Live documents whose keyword column ``fieldname`` (one of VALUE_FIELDS) holds ``value``
        (``YEAR``: published in the year ``value``)."""
        return self._inverted(fieldname).get(value, frozenset())

    def value_counts(self, name: str, docs: set[int]) -> dict:
        """How many of ``docs`` hold each value of the keyword column ``name`` (``YEAR``: are of each year);
        values none of them hold are left out.

        ``docs`` are live documents. A column of few values (years, kinds, editions) is counted by
        one set intersection per value, in C, except a value every live document holds (a single
        edition): all of ``docs`` hold it, and intersecting a frequent word's 40,000 matches with the
        whole archive took ~2 ms. A column of many values (officials, reporters) is counted only over
        the documents holding any value: those matches are not walked in Python once per facet.
        A column where each document holds one value at most (years, kinds) is counted by looking each of
        ``docs`` up once (``_only_values``) when that walks fewer of them than the intersections would
        (2,000 matches over 20 years: ~0.2 ms against ~1.5 ms).
        """
        table = self._inverted(name)
        if len(table) <= FEW_VALUES:
            column = self._only_values(name)
            if column is not None and len(docs) * LOOKUP_COST < sum(min(len(docs), len(m)) for m in table.values()):
                counts = Counter(map(column.__getitem__, docs))
                counts.pop(None, None)
                return counts
            everywhere = len(self.live_docs())
            counts = (
                (value, len(docs) if len(members) == everywhere else len(docs & members))
                for value, members in table.items()
            )
            return {value: count for value, count in counts if count}
        if name == YEAR:
            days = self.days
            return Counter(days[docnum] // 10000 for docnum in docs)
        present = self._present.get(name)
        if present is None:
            present = self._present[name] = frozenset().union(*table.values())
        column = self.values[name]
        return Counter(chain.from_iterable(map(column.__getitem__, docs & present)))

    def newest(self, docs, count: int, oldest: bool = False) -> list[int]:
        """The ``count`` newest of ``docs`` (``oldest``: the oldest), ties by document number, newest first.

        A large share of the archive (a frequent word's 90,000 matches) is answered by walking
        every live document in date order until ``count`` are found, not by a heap over the
        whole set (~60 ms at 100k articles).
        """
        if len(docs) * DENSE_SHARE < len(self.days):
            days = self.days
            key = (lambda d: (-days[d], -d)) if oldest else (lambda d: (days[d], d))
            return heapq.nlargest(count, docs, key=key)
        if self._by_date is None:
            days = self.days
            self._by_date = sorted(self.live_docs(), key=lambda d: (days[d], d), reverse=True)
        order = reversed(self._by_date) if oldest else self._by_date
        return list(islice(filter(docs.__contains__, order), count))

    def docs_between(self, low: int, high: int) -> frozenset[int]:
        """Live documents published from day ``low`` to day ``high`` (YYYYMMDD, inclusive)."""

        def compute():
            days = self.days
            return frozenset(
                docnum
                for year, docs in self._inverted(YEAR).items()
                if low // 10000 <= year <= high // 10000
                for docnum in docs
                if low <= days[docnum] <= high
            )

        return self._sets.get_or_compute(("days", low, high), compute)

    def docs_numbered(self, name: str, low: int, high: int) -> frozenset[int]:
        """Live documents whose number column ``name`` (one of NUMBER_FIELDS) is from ``low`` to ``high``."""

        def compute():
            column = self.numbers[name]
            return frozenset(docnum for docnum in self.live_docs() if low <= column[docnum] <= high)

        return self._sets.get_or_compute((name, low, high), compute)

    def prepare(self):
        """Build every inverted column, and the value lists ``value_counts`` reads, now (warm-up), not in the
        first filtered request."""
        for name in (*VALUE_FIELDS, YEAR):
            if len(self._inverted(name)) <= FEW_VALUES:
                self._only_values(name)

    def _only_values(self, name: str) -> list | None:
        """The value each document holds in the keyword column ``name`` (``YEAR``: its year) by document number,
        None for a document holding none; None instead of the list when some document holds several.
        Built from ``_inverted`` once per generation."""
        if name not in self._only:
            column = [None] * len(self.days)
            for value, docs in self._inverted(name).items():
                for docnum in docs:
                    if column[docnum] is not None:
                        column = None
                        break
                    column[docnum] = value
                if column is None:
                    break
            self._only[name] = column
        return self._only[name]

    def _inverted(self, name: str) -> dict:
        """Value → live documents of a keyword column, or year → live documents for ``YEAR``.

        Built from the columns in one pass per generation (≈10–40 ms at 100k articles), so a
        filter never walks Whoosh postings (≈8 ms per uncached district, more per segment).
        """
        table = self._tables.get(name)
        if table is None:
            groups = defaultdict(list)
            if name == YEAR:
                days = self.days
                for docnum in self.live_docs():
                    groups[days[docnum] // 10000].append(docnum)
            else:
                column = self.values[name]
                for docnum in self.live_docs():
                    for value in column[docnum]:
                        groups[value].append(docnum)
            table = self._tables[name] = {key: frozenset(docs) for key, docs in groups.items()}
        return table


def _segment_columns_cached(key, reader) -> SegmentColumns:
    columns = _columns_by_segment.get(key)
    if columns is None or len(columns.days) != reader.doc_count_all():
        columns = _columns_by_segment[key] = _segment_columns(reader)
    return columns


def current() -> IndexGeneration:
    """The up-to-date generation of the default index (opening or refreshing the searcher if needed)."""
    from haystack import connections

    backend = connections["default"].get_backend().ready()
    path = backend.path
    with _lock:
        generation = _generations.get(path)
        if generation is not None and generation.searcher.up_to_date():
            return generation
        searcher = backend.index.refresh().searcher() if generation is None else generation.searcher.refresh()
        generation = _generations[path] = IndexGeneration.build(searcher, path)
        dictionary.refresh_user_words()
        return generation


def lock() -> threading.RLock:
    """Held while a search uses the shared searcher (Whoosh readers are not meant for concurrent use)."""
    return _lock


def forget(path: str | None = None):
    """Drop cached searchers (all, or one index path), e.g. after a test swaps the index directory."""
    with _lock:
        for key in [k for k in _generations if path in (None, k)]:
            _generations.pop(key).searcher.close()
        for key in [k for k in _columns_by_segment if path in (None, k[0])]:
            del _columns_by_segment[key]
