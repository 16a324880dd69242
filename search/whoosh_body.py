"""The body-only scope on the Whoosh index without a body field: whole-text matches checked against the body.

The ``text`` field indexes headline, subtitles and body joined by newlines
(``search.search_indexes``) and stores their folded text in a column
(``search.whoosh_match.ChainText``), as the ``headline`` and ``subtitles`` fields store
theirs. A second copy of the body in the index would cost as much as the text itself, so
``InBody`` matches a piece of the query in ``text`` and keeps the documents whose folded
text past the headline and subtitles (their columns' lengths) holds the piece, as
``RunPhrase`` checks phrases: the same postings, the same test, on the body only.
"""
from __future__ import annotations

from whoosh.query.wrappers import WrappingQuery

from search import analysis
from search.whoosh_match import bulk_scores, folded_column, match_set

_TEXT, _BEFORE_BODY = "text", ("headline", "subtitles")


def body_test(piece: str):
    """A test of a document's folded body (bytes): does it hold ``piece`` where the text field's chain matches it?"""
    runs = list(analysis.runs(piece))
    if len(runs) == 1 and runs[0].chinese:
        needle = runs[0].text.encode("utf-8")
        return lambda body: needle in body
    pattern = analysis.phrase_pattern(piece)
    return lambda body: pattern.search(body.decode("utf-8")) is not None


class InBody(WrappingQuery):
    """Documents matching ``child`` (a piece's query on ``text``) whose body holds ``piece``; scores as ``child``."""

    def __init__(self, child, piece: str):
        super().__init__(child)
        self.piece = piece

    def __repr__(self):
        return f"InBody({self.child!r}, {self.piece!r})"

    def __eq__(self, other):
        return other.__class__ is self.__class__ and (other.child, other.piece) == (self.child, self.piece)

    def __hash__(self):
        return hash((self.child, self.piece))

    def _rewrap(self, child):
        return InBody(child, self.piece)

    def bulk_scores(self, searcher, wanted: list[int], weighting) -> dict[int, float] | None:
        """As ``child`` scores them (``search.whoosh_match.bulk_scores``): ``wanted`` are known to match."""
        return bulk_scores(searcher, self.child, wanted, weighting)

    def docs(self, searcher):
        """Document numbers of ``searcher`` (one segment, as ``search.whoosh_match.match_set`` passes it)."""
        reader = searcher.reader()
        text, headline, subtitles = (folded_column(reader, name) for name in (_TEXT, *_BEFORE_BODY))
        holds = body_test(self.piece)
        # text is "headline\nsubtitles\nbody" (no subtitles: "headline\nbody"); a leading newline is no match
        return sorted(docnum for docnum in match_set(searcher, self.child)
                      if holds(text[docnum][len(headline[docnum]) + 1 + len(subtitles[docnum]):]))
