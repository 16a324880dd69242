"""A lone Chinese character as one query: its documents read from the term table in one pass, scored as a unigram.

The index has no unigram of a character that stands inside a run (``search.analysis``): a
lone character of a query matches where it stands alone (the term ``李``) or starts a bigram
(``李X``), as Whoosh's ``Prefix`` over the chain would, but ``Prefix`` makes a matcher per
term, thousands for a common character (李 强 took 12–17 s at 100k articles). ``LoneChar``
walks the term table's range of the character once per segment and unions the document
numbers of every term in it (an inlined posting is in its entry, a list is one read), and
keeps the union per segment in a bounded cache.

Score: BM25F of the character as if it were a term of its own, as a unigram index (the Solr
engine's) scores it: its frequency is the number of places the folded text holds it where it
matches (alone or starting a bigram), its document frequency the number of documents it
matches; only the ranked window's documents are counted, from their folded text.
"""
from __future__ import annotations

import re
import weakref
from math import log

from whoosh import query as wq
from whoosh.codec.whoosh3 import W3TermsReader
from whoosh.matching import ListMatcher, NullMatcher
from whoosh.scoring import BM25F, BaseScorer, bm25

from search import analysis
from search.generation import LRU
from search.whoosh_match import folded_column, posting_ids, postings_blocks

SEGMENT_CACHE_BYTES = 4 * 2**20  # the unions of one segment's recent characters, per worker
# reader -> LRU of (fieldname, character, live count) -> documents; and -> their counts (ints, never evicted)
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
    for (field, text), info in terms.items_from(fieldname, start):
        if field != fieldname or not text.startswith(start):
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
    """Documents whose ``fieldname`` holds the Chinese character ``text`` alone or starting a bigram."""

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
        cache = _docs.get(reader)
        if cache is None:
            cache = _docs[reader] = LRU(SEGMENT_CACHE_BYTES)
        key = (self.fieldname, self.text, reader.doc_count())
        docs = cache.get_or_compute(key, lambda: prefix_docs(reader, self.fieldname, self.text))
        _counts.setdefault(reader, {})[key] = len(docs)
        return docs

    def docs(self, searcher):
        return self.segment_docs(searcher.reader())

    def document_frequency(self, searcher) -> int:
        """How many live documents of the whole index (``searcher``'s parent) this character matches."""
        total = 0
        for leaf, _offset in searcher.get_parent().leaf_searchers():
            reader = leaf.reader()
            count = _counts.get(reader, {}).get((self.fieldname, self.text, reader.doc_count()))
            total += len(self.segment_docs(reader)) if count is None else count
        return total

    def bulk_scores(self, searcher, wanted: list[int], weighting) -> dict[int, float] | None:
        """Scores of the ``wanted`` documents of ``searcher`` (one segment) that match (module docstring)."""
        if not isinstance(weighting, BM25F):
            return None
        docs = self.segment_docs(searcher.reader())
        score = self._scorer(searcher, weighting)
        return {docnum: score(docnum) for docnum in wanted if docnum in docs}

    def _scorer(self, searcher, weighting):
        """The score of a matching document of ``searcher`` (one segment) by its number."""
        parent, fieldname = searcher.get_parent(), self.fieldname
        idf = log(parent.doc_count_all() / (self.document_frequency(searcher) + 1)) + 1
        avgfl = parent.avg_field_length(fieldname) or 1
        b, k1 = weighting._field_B.get(fieldname, weighting.B), weighting.K1
        field_boost = searcher.schema[fieldname].format.field_boost
        column, pattern = folded_column(searcher.reader(), fieldname), lone_char_pattern(self.text)

        def score(docnum: int) -> float:
            frequency = len(pattern.findall(column[docnum].decode("utf-8"))) * field_boost
            return bm25(idf, frequency, searcher.doc_field_length(docnum, fieldname, 1), avgfl, b, k1) * self.boost

        return score

    def matcher(self, searcher, context=None):
        """Whoosh's matcher of the segment ``searcher``: each document scored when asked (``scores`` skips)."""
        docs = sorted(self.segment_docs(searcher.reader()))
        if not docs:
            return NullMatcher()
        weighting = searcher.weighting if context is None else context.weighting
        if not isinstance(weighting, BM25F):
            return ListMatcher(docs, weights=[self.boost] * len(docs))
        return ListMatcher(docs, scorer=_OnDemand(self._scorer(searcher, weighting)))


class _OnDemand(BaseScorer):
    def __init__(self, score):
        self._score = score

    def score(self, matcher):
        return self._score(matcher.id())


def lone_char_pattern(char: str) -> re.Pattern:
    """Where ``char`` matches in folded text as a lone character of a query: alone, or followed by another."""
    escaped, cjk = re.escape(char), f"[{analysis.CJK_CHARS}]"
    return re.compile(f"{escaped}(?={cjk})|(?<!{cjk}){escaped}")
