"""Text fields without positions: the bigram chain as plain postings, phrases checked against the folded text.

Positions made up most of the index (1.17 GB for 110 MB of text at 74k articles) and
Whoosh's phrase matcher reads them for every candidate in Python. A ``ChainText`` field
keeps each chain term's frequency only (BM25 still scores density) and stores the
document's folded text (``analysis.normalize``, layout spaces between Chinese characters
removed) in an uncompressed column. ``RunPhrase`` intersects the postings of its chain
terms, then keeps the candidates whose folded text holds the phrase: a byte search for
one Chinese run, ``analysis.phrase_pattern`` otherwise, so it matches exactly where a
positional phrase of the chain did.

Whoosh pickles ``ChainText``'s import path into the index schema: do not rename or move it.
"""
from __future__ import annotations

import re
import weakref
from itertools import pairwise

from whoosh import query as wq
from whoosh.columns import VarBytesColumn
from whoosh.fields import TEXT
from whoosh.matching import FilterMatcher, NullMatcher

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
                         sortable=VarBytesColumn())
        self.multitoken_query = "phrase"

    def to_column_value(self, value):
        return folded(value).encode("utf-8")


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

    def _candidates(self) -> wq.Query:
        unique = list(dict.fromkeys(self.words))
        terms = [wq.Term(self.fieldname, word, boost=self.boost) for word in unique]
        return terms[0] if len(terms) == 1 else wq.And(terms)

    def matcher(self, searcher, context=None):
        candidates = self._candidates()
        if len(self.words) == 1:
            return candidates.matcher(searcher, context)
        found = candidates.matcher(searcher, context)
        if not found.is_active():
            return NullMatcher()
        ids = frozenset(filter(self._checker(searcher.reader()), found.all_ids()))
        if not ids:
            return NullMatcher()
        return FilterMatcher(candidates.matcher(searcher, context), ids)

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
