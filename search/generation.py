"""One open searcher and the per-document columns facets need, valid for one index generation.

haystack reopens two or three searchers per query (+250–550 ms) and Whoosh's
``groupedby`` facets take 0.6–1.4 s on a broad query. Instead each process keeps
one searcher, refreshed only when another writer has committed, and builds, once
per generation, plain lists indexed by document number: publication day
(YYYYMMDD), official ids and district slugs. A new generation also refreshes jieba's user dictionary (new people
imported). Columns of a segment are reused across generations while the segment
lives (Whoosh segments are immutable; deletions only hide document numbers).
"""
from __future__ import annotations

import threading
from collections import OrderedDict
from dataclasses import dataclass, field

from whoosh.query import Term

from search import dictionary

DAY_FIELD = "publication_day"
VALUE_FIELDS = ("official_ids", "district_slugs")
_lock = threading.RLock()
_generations: dict[str, IndexGeneration] = {}
_columns_by_segment: dict[tuple[str, str], SegmentColumns] = {}


@dataclass
class SegmentColumns:
    """Columns of one segment, in the segment's own document numbers."""

    days: list[int]
    values: dict[str, list[tuple[str, ...]]]


def _segment_columns(reader) -> SegmentColumns:
    count = reader.doc_count_all()
    days = [int(day or 0) for day in reader.column_reader(DAY_FIELD)] if count else []
    values = {}
    for name in VALUE_FIELDS:
        per_doc: list[list[str]] = [[] for _ in range(count)]
        if name in reader.indexed_field_names():
            for term in reader.lexicon(name):
                value = term.decode("utf-8")
                for docnum in reader.postings(name, term).all_ids():
                    per_doc[docnum].append(value)
        values[name] = [tuple(v) for v in per_doc]
    return SegmentColumns(days, values)


@dataclass
class IndexGeneration:
    """The searcher of one generation and its columns in global document numbers."""

    searcher: object
    days: list[int] = field(default_factory=list)
    values: dict[str, list[tuple[str, ...]]] = field(default_factory=dict)
    cache: OrderedDict = field(default_factory=OrderedDict)

    @classmethod
    def build(cls, searcher, index_path: str) -> IndexGeneration:
        generation = cls(searcher, values={name: [] for name in VALUE_FIELDS})
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
        for key in [k for k in _columns_by_segment if k[0] == index_path and k not in live]:
            del _columns_by_segment[key]
        return generation

    def live_docs(self) -> set[int]:
        return set(self.searcher.reader().all_doc_ids())

    def docs_with(self, fieldname: str, value: str) -> set[int]:
        """Live documents whose keyword field ``fieldname`` holds ``value``."""
        return set(self.searcher.docs_for_query(Term(fieldname, value)))

    def remember(self, key, value, size=64):
        """A small LRU of per-query results (matched documents, facets) for this generation."""
        self.cache[key] = value
        self.cache.move_to_end(key)
        while len(self.cache) > size:
            self.cache.popitem(last=False)
        return value


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
