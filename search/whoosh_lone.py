"""A lone Chinese character as one query: its documents read from the term table in one pass, scored as a unigram.

Every place a character stands starts an index term (``search.analysis``): the character
itself where it stands alone or ends a run, a bigram (``李X``) or a word elsewhere. A lone
character of a query matches every document holding it, as Whoosh's ``Prefix`` over the
chain would, but ``Prefix`` makes a matcher per term, thousands for a common character
(李 强 took 12–17 s at 100k articles). ``LoneChar`` walks the term table's range of the
character once per segment and unions the document numbers of every term in it (an inlined
posting is in its entry, a list is one read), and keeps the union per segment in a bounded cache.

Score: BM25F of the character as if it were a term of its own, as a unigram index (the Solr
engine's) scores it: its frequency is the number of places the folded text holds it, its
document frequency the number of documents it matches; only the ranked window's documents are
counted, from their folded text, and the counts are kept with the segment's documents. Whoosh
scored the old ``Term`` OR ``Prefix`` as the sum of every matching bigram's BM25F, which ranked a
document by how many different characters follow this one.
"""
from __future__ import annotations

import weakref
from dataclasses import dataclass, field
from math import log

from whoosh import query as wq
from whoosh.codec.whoosh3 import W3TermsReader
from whoosh.matching import ListMatcher, NullMatcher
from whoosh.scoring import BM25F, BaseScorer, bm25

from search.generation import BYTES_PER_DOCUMENT, LRU
from search.whoosh_match import folded_column, posting_ids, postings_blocks, stored_bytes

# The recent characters of one segment, per worker: a character's documents (estimated at 64 bytes each, see
# ``search.generation.estimated_bytes``) and the frequencies of those already scored, at most as many. A segment
# keeps room for this many characters found in every one of its documents (≈ 25 MB at 100k articles, however
# many segments), so a merged index keeps 中 and 国 as eight segments do.
CHARACTERS_CACHED = 4
# reader -> LRU of (fieldname, character, live count) -> _Matches; reader -> their counts (ints, never evicted)
_docs: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()
_counts: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


def prefix_docs(reader, fieldname: str, prefix: str) -> frozenset[int]:
    """The live document numbers of ``reader`` (one segment) holding a ``fieldname`` term starting with ``prefix``."""
    terms = getattr(reader, "_terms", None)
    if not isinstance(terms, W3TermsReader):
        return frozenset().union(*(posting_ids(reader, fieldname, text)
                                   for text in reader.expand_prefix(fieldname, prefix)))
    start = prefix.encode("utf-8")
    ids: set[int] = set()
    for (name, text), info in terms.items_from(fieldname, start):
        if name != fieldname or not text.startswith(start):
            break
        if info.is_inlined():
            ids.update(info.inlined_postings()[0])
        else:
            for block_ids, _weights in postings_blocks(terms._postfile, *info.extent()):
                ids.update(block_ids)
    if reader.has_deletions():
        ids.difference_update(reader._perdoc.deleted_docs())
    return frozenset(ids)


class LoneChar(wq.Query):
    """Documents whose ``fieldname`` holds the Chinese character ``text``."""

    def __init__(self, fieldname: str, text: str, boost: float = 1.0):
        self.fieldname = fieldname
        self.text = text
        self.boost = boost

    def __repr__(self):
        return f"LoneChar({self.fieldname!r}, {self.text!r}, boost={self.boost})"

    def __eq__(self, other):
        return (other.__class__ is self.__class__
                and (other.fieldname, other.text, other.boost) == (self.fieldname, self.text, self.boost))

    def __hash__(self):
        return hash((self.fieldname, self.text, self.boost))

    def has_terms(self):
        return True

    def terms(self, phrases=True):
        yield self.fieldname, self.text

    def estimate_size(self, ixreader):
        return sum(len(self.segment_docs(reader)) for reader, _offset in ixreader.leaf_readers())

    def segment_docs(self, reader) -> frozenset[int]:
        """This character's live documents in ``reader`` (one segment), cached per segment reader."""
        return self._matches(reader).docs

    def _matches(self, reader) -> _Matches:
        cache = _docs.get(reader)
        if cache is None:
            cache = _docs[reader] = LRU(CHARACTERS_CACHED * BYTES_PER_DOCUMENT * max(1, reader.doc_count_all()))
        key = self._key(reader)
        matches = cache.get_or_compute(key, lambda: _Matches(prefix_docs(reader, self.fieldname, self.text)))
        _counts.setdefault(reader, {})[key] = len(matches.docs)
        return matches

    def _key(self, reader) -> tuple:
        return self.fieldname, self.text, reader.doc_count()

    def docs(self, searcher):
        return self.segment_docs(searcher.reader())

    def document_frequency(self, searcher) -> int:
        """How many live documents of the whole index (``searcher``'s parent) this character matches."""
        total = 0
        for leaf, _offset in searcher.get_parent().leaf_searchers():
            reader = leaf.reader()
            count = _counts.get(reader, {}).get(self._key(reader))
            total += len(self.segment_docs(reader)) if count is None else count
        return total

    def bulk_scores(self, searcher, wanted: list[int], weighting) -> dict[int, float] | None:
        """Scores of the ``wanted`` documents (sorted) of ``searcher`` (one segment) that match (module docstring);
        their texts are read in ranges of neighbouring documents."""
        if not isinstance(weighting, BM25F):
            return None
        reader = searcher.reader()
        matches = self._matches(reader)
        docs, frequencies = matches.docs, matches.frequencies
        unknown = [docnum for docnum in wanted if docnum in docs and docnum not in frequencies]
        needle = self.text.encode("utf-8")
        for docnum, text in stored_bytes(folded_column(reader, self.fieldname), unknown):
            frequencies[docnum] = text.count(needle)
        score = self._scorer(searcher, weighting)
        return {docnum: score(docnum, frequencies[docnum]) for docnum in wanted if docnum in docs}

    def _scorer(self, searcher, weighting):
        """score(document number, how often it holds the character) of a matching document of ``searcher``."""
        parent, fieldname = searcher.get_parent(), self.fieldname
        idf = log(parent.doc_count_all() / (self.document_frequency(searcher) + 1)) + 1
        avgfl = parent.avg_field_length(fieldname) or 1
        b, k1 = weighting._field_B.get(fieldname, weighting.B), weighting.K1
        field_boost = searcher.schema[fieldname].format.field_boost

        def score(docnum: int, frequency: int) -> float:
            length = searcher.doc_field_length(docnum, fieldname, 1)
            return bm25(idf, frequency * field_boost, length, avgfl, b, k1) * self.boost

        return score

    def matcher(self, searcher, context=None):
        """Whoosh's matcher of the segment ``searcher``: each document scored when asked (``scores`` skips)."""
        docs = sorted(self.segment_docs(searcher.reader()))
        if not docs:
            return NullMatcher()
        weighting = searcher.weighting if context is None else context.weighting
        if not isinstance(weighting, BM25F):
            return ListMatcher(docs, weights=[self.boost] * len(docs))
        column = folded_column(searcher.reader(), self.fieldname)
        needle = self.text.encode("utf-8")
        score = self._scorer(searcher, weighting)
        return ListMatcher(docs, scorer=_OnDemand(lambda docnum: score(docnum, column[docnum].count(needle))))


@dataclass
class _Matches:
    """A character's live documents in one segment, and how often each document scored so far holds it."""

    docs: frozenset[int]
    frequencies: dict[int, int] = field(default_factory=dict)


class _OnDemand(BaseScorer):
    def __init__(self, score):
        self._score = score

    def score(self, matcher):
        return self._score(matcher.id())

