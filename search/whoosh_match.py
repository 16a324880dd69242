"""Text fields without positions: the bigram chain as plain postings, phrases checked against the folded text.

Positions made up most of the index (1.17 GB for 110 MB of text at 74k articles) and
Whoosh's phrase matcher reads them for every candidate in Python. A ``ChainText`` field
keeps each chain term's frequency only (BM25 still scores density) and stores the
document's folded text (``analysis.normalize``, layout spaces between Chinese characters
removed) in a column, each document's text compressed (zlib): half the size, and a phrase checks
at most a few thousand candidates. ``RunPhrase`` intersects the postings of its chain
terms, then keeps the candidates whose folded text holds the phrase: a byte search for
one Chinese run, ``analysis.phrase_pattern`` otherwise, so it matches exactly where a
positional phrase of the chain did.

Whoosh pickles ``ChainText``'s import path into the index schema: do not rename or move it.
"""
from __future__ import annotations

import re
import weakref
from bisect import bisect_left
from itertools import pairwise

from whoosh import query as wq
from whoosh.columns import CompressedBytesColumn
from whoosh.fields import TEXT
from whoosh.formats import Frequency
from whoosh.matching import FilterMatcher, NullMatcher
from whoosh.system import pack_uint

from search import analysis

_LAYOUT_BETWEEN_CHINESE = re.compile(rf"(?<=[{analysis.CJK_CHARS}])[ \t]+(?=[{analysis.CJK_CHARS}])")
# Column readers per segment reader: opening one reads the segment's offsets table.
_columns: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


def folded(text: str) -> str:
    """The text a ``RunPhrase`` is checked against: normalized, layout spaces between Chinese characters gone."""
    return _LAYOUT_BETWEEN_CHINESE.sub("", analysis.normalize(text))


class ChainText(TEXT):
    """A text field analysed into the bigram chain, with term frequencies but no positions, and its folded text."""

    def __init__(self, analyzer, stored=False, field_boost=1.0):
        super().__init__(analyzer=analyzer, phrase=False, stored=stored, field_boost=field_boost,
                         sortable=FoldedTextColumn())
        self.multitoken_query = "phrase"

    def index(self, value, **kwargs):
        """(term bytes, frequency, weight, encoded frequency) per distinct term, as Whoosh's ``Frequency``
        format gives them from the analyzer's tokens, counted by ``analysis.term_counts`` instead."""
        if kwargs.get("mode", "index") != "index" or not isinstance(value, str) or type(self.format) is not Frequency:
            yield from super().index(value, **kwargs)
            return
        boost = self.format.field_boost
        for text, frequency in analysis.term_counts(value).items():
            yield text.encode("utf-8"), frequency, float(frequency) * boost, pack_uint(frequency)

    def to_column_value(self, value):
        return folded(value).encode("utf-8")


class FoldedTextColumn(CompressedBytesColumn):
    """Whoosh's compressed bytes column with the default it lacks: a segment without the column reads b""."""

    _default = b""


def chain_text(words) -> str:
    """The text a list of chain terms stands for: overlapping bigrams joined, separate runs split by "，"."""
    text = words[0]
    for previous, word in pairwise(words):
        overlapping = len(previous) == len(word) == 2 and analysis.is_chinese(word) and previous[1] == word[0]
        text += word[1] if overlapping else f"，{word}"
    return text


class RunPhrase(wq.Query):
    """Documents whose ``fieldname`` holds the chain terms ``words`` in a row (Whoosh's ``Phrase`` needs positions).

    Takes the arguments Whoosh's query parser gives its phrase class (``slop`` and
    ``char_ranges`` are ignored: chain terms are always adjacent).
    """

    def __init__(self, fieldname, words, boost=1.0, **_parser_options):
        self.fieldname = fieldname
        self.words = list(words)
        self.boost = boost
        self.text = chain_text(self.words)

    def __repr__(self):
        return f"RunPhrase({self.fieldname!r}, {self.text!r}, boost={self.boost})"

    def __eq__(self, other):
        return (other.__class__ is self.__class__ and (other.fieldname, other.words, other.boost)
                == (self.fieldname, self.words, self.boost))

    def __hash__(self):
        return hash((self.fieldname, tuple(self.words), self.boost))

    def has_terms(self):
        return True

    def terms(self, phrases=True):
        for word in self.words:
            yield self.fieldname, word

    def estimate_size(self, ixreader):
        return min(ixreader.doc_frequency(self.fieldname, word) for word in self.words)

    def candidates(self) -> wq.Query:
        """The documents holding every chain term, adjacent or not: scores as the phrase would (BM25 of its terms)."""
        terms = [wq.Term(self.fieldname, word, boost=self.boost) for word in dict.fromkeys(self.words)]
        return terms[0] if len(terms) == 1 else wq.And(terms)

    def docs(self, searcher):
        return sorted(self._verified(searcher))

    def matcher(self, searcher, context=None):
        if len(self.words) == 1:
            return self.candidates().matcher(searcher, context)
        ids = self._verified(searcher)
        if not ids:
            return NullMatcher()
        return FilterMatcher(self.candidates().matcher(searcher, context), frozenset(ids))

    def _verified(self, searcher) -> set[int]:
        """Document numbers of ``searcher`` (one segment) holding the phrase: postings intersected as sets,
        then each candidate's folded text checked (Whoosh's intersection matcher steps through ids in Python)."""
        reader = searcher.reader()
        sets = []
        for word in dict.fromkeys(self.words):
            if (self.fieldname, word) not in reader:
                return set()
            sets.append(reader.postings(self.fieldname, word).all_ids())
        sets = sorted(map(set, sets), key=len)
        found = sets[0].intersection(*sets[1:])
        if len(self.words) == 1:
            return found
        return set(filter(self._checker(reader), found))

    def _checker(self, reader):
        """A test of one document number of ``reader`` (a segment): does its folded text hold the phrase?"""
        columns = _columns.setdefault(reader, {})
        column = columns.get(self.fieldname)
        if column is None:
            column = columns[self.fieldname] = reader.column_reader(self.fieldname, translate=False)
        runs = list(analysis.runs(self.text))
        if len(runs) == 1 and runs[0].chinese and len(runs[0].text) > 1:
            needle = runs[0].text.encode("utf-8")
            return lambda docnum: needle in column[docnum]
        pattern = analysis.phrase_pattern(self.text)
        return lambda docnum: pattern.search(column[docnum].decode("utf-8")) is not None


def match_set(searcher, query) -> set[int]:
    """Document numbers of ``searcher`` matching ``query``, combined as Python sets.

    And, Or, AndMaybe and AndNot of phrases and terms are the queries the engine builds;
    Whoosh's matchers would step through every candidate in Python to combine them.
    """
    docs = set()
    for leaf, offset in searcher.leaf_searchers():
        found = _leaf_set(leaf, query)
        docs.update(found if not offset else (docnum + offset for docnum in found))
    return docs


def _leaf_set(searcher, query) -> set[int]:
    if isinstance(query, RunPhrase):
        return query._verified(searcher)
    if isinstance(query, wq.And):
        found = _leaf_set(searcher, query.subqueries[0])
        for sub in query.subqueries[1:]:
            if not found:
                break
            found &= _leaf_set(searcher, sub)
        return found
    if isinstance(query, wq.Or):
        return set().union(*(_leaf_set(searcher, sub) for sub in query.subqueries))
    if isinstance(query, wq.AndMaybe):
        return _leaf_set(searcher, query.a)
    if isinstance(query, wq.AndNot):
        return _leaf_set(searcher, query.a) - _leaf_set(searcher, query.b)
    return set(query.docs(searcher))


def scores(searcher, query, docs) -> list[tuple[int, float]]:
    """(docnum, score) of ``docs``, all known to match ``query``, each scored by skipping to it.

    Whoosh's collector steps through every match of the query to find the best; a frequent
    word matches tens of thousands of articles but only a bounded window of them is ranked.
    Phrases score as their candidates (``RunPhrase.candidates``): ``docs`` are already verified.
    """
    scoring = query.accept(lambda q: q.candidates() if isinstance(q, RunPhrase) else q)
    context = searcher.context()
    wanted = sorted(docs)
    hits = []
    for leaf, offset in searcher.leaf_searchers():
        first, end = bisect_left(wanted, offset), bisect_left(wanted, offset + leaf.doc_count_all())
        if first == end:
            continue
        matcher = scoring.matcher(leaf, context)
        for docnum in wanted[first:end]:
            local = docnum - offset
            if matcher.is_active() and matcher.id() < local:
                matcher.skip_to(local)
            matched = matcher.is_active() and matcher.id() == local
            hits.append((docnum, matcher.score() if matched else 0.0))
    return hits
