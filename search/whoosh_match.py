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

import io
import pickle
import re
import struct
import weakref
import zlib
from bisect import bisect_left
from collections.abc import Iterator
from functools import partial
from itertools import accumulate, pairwise

from whoosh import query as wq
from whoosh.codec.whoosh3 import WHOOSH3_HEADER_MAGIC, W3LeafMatcher
from whoosh.columns import CompressedBytesColumn
from whoosh.fields import TEXT
from whoosh.formats import Frequency
from whoosh.matching import FilterMatcher, NullMatcher
from whoosh.scoring import BM25FScorer
from whoosh.system import pack_uint

from search import analysis

_BLOCK_LENGTH = struct.Struct("!i")  # whoosh.system's int, before each postings block
_POSTINGS_MAGIC_SIZE = len(WHOOSH3_HEADER_MAGIC)
_LAYOUT_BETWEEN_CHINESE = re.compile(rf"(?<=[{analysis.CJK_CHARS}])[ \t]+(?=[{analysis.CJK_CHARS}])")
TEXT_READ_GAP = 64 * 1024
TEXT_READ_SPAN = 1024 * 1024
INFLATE_STEP = 1024  # bytes of folded text inflated at a time while looking for a run
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

    def term_counts(self, value) -> dict[str, int] | None:
        """How often each term text occurs in ``value`` when its postings are just that (``Frequency``, no
        field boost): what ``index`` yields, for a writer that pools a document's terms at once; else None."""
        if not isinstance(value, str) or type(self.format) is not Frequency or self.format.field_boost != 1.0:
            return None
        return analysis.term_counts(value)

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

    def _verified(self, searcher, within: set[int] | None = None) -> set[int]:
        """Document numbers of ``searcher`` (one segment) holding the phrase: postings intersected as sets,
        then each candidate's folded text checked (Whoosh's intersection matcher steps through ids in Python);
        with ``within``, candidates outside it are left out unchecked."""
        reader = searcher.reader()
        sets = []
        for word in dict.fromkeys(self.words):
            if (self.fieldname, word) not in reader:
                return set()
            sets.append(posting_ids(reader, self.fieldname, word))
        sets.sort(key=len)
        found = sets[0].intersection(*sets[1:])
        if len(self.words) == 1:
            return found
        known = self._indexed_word_docs(reader)
        unknown = found - known if within is None else (found & within) - known
        return known | self._holding(reader, unknown)

    def _indexed_word_docs(self, reader) -> set[int]:
        """Documents of ``reader`` whose terms include the phrase itself as a jieba word: they hold it.

        ``search.analysis`` adds words of three or more characters to the chain, so a name
        such as 习近平 is usually a term of its own; a term that long is never a bigram, so
        only a run of the folded text makes it. Only the other candidates need their text checked.
        """
        runs = list(analysis.runs(self.text))
        if len(runs) != 1 or not runs[0].chinese or len(runs[0].text) < analysis.MIN_WORD_LENGTH:
            return set()
        if (self.fieldname, runs[0].text) not in reader:
            return set()
        return posting_ids(reader, self.fieldname, runs[0].text)

    def _holding(self, reader, docnums: set[int]) -> set[int]:
        """Those of ``docnums`` (documents of ``reader``, a segment) whose folded text holds the phrase.

        A frequent string that is no jieba word (视网消 in a news archive) has tens of thousands of
        candidates: their compressed texts are read in ranges of neighbouring documents
        (``compressed_texts``) and a Chinese run is looked for while a text is inflated, so a
        text holding it early is not inflated whole.
        """
        if not docnums:
            return set()
        column = folded_column(reader, self.fieldname)
        runs = list(analysis.runs(self.text))
        if len(runs) == 1 and runs[0].chinese and len(runs[0].text) > 1:
            needle = runs[0].text.encode("utf-8")
            holds = partial(_inflated_holds, needle=needle)
        else:
            holds = partial(_inflated_matches, pattern=analysis.phrase_pattern(self.text))
        return {docnum for docnum, data in compressed_texts(column, sorted(docnums)) if data and holds(data)}


def compressed_texts(column, docnums: list[int]) -> Iterator[tuple[int, bytes]]:
    """(document number, its compressed folded text) for the sorted ``docnums`` of a ``FoldedTextColumn`` reader.

    Whoosh reads one document's bytes through four Python calls and a ``pread``; here a range
    of neighbouring documents (gaps under ``TEXT_READ_GAP``, at most ``TEXT_READ_SPAN`` bytes) is one read.
    """
    offsets, lengths, base, dbfile = column._offsets, column._lengths, column._basepos, column._dbfile
    position = 0
    while position < len(docnums):
        first = offsets[docnums[position]]
        end = position
        stop = first
        while end < len(docnums):
            docnum = docnums[end]
            start = offsets[docnum]
            if end > position and (start - stop > TEXT_READ_GAP or start + lengths[docnum] - first > TEXT_READ_SPAN):
                break
            stop = max(stop, start + lengths[docnum])
            end += 1
        data = dbfile.get(base + first, stop - first) if stop > first else b""
        for docnum in docnums[position:end]:
            start = offsets[docnum] - first
            yield docnum, data[start : start + lengths[docnum]]
        position = end


def _inflated_matches(data: bytes, pattern) -> bool:
    return pattern.search(zlib.decompress(data).decode("utf-8")) is not None


def _inflated_holds(data: bytes, needle: bytes) -> bool:
    """Whether the zlib-compressed ``data`` inflates to bytes holding ``needle``, inflating only as far as needed."""
    inflater = zlib.decompressobj()
    keep = len(needle) - 1
    text = inflater.decompress(data, INFLATE_STEP)
    while True:
        if needle in text:
            return True
        if not inflater.unconsumed_tail:
            rest = inflater.flush()
            return bool(rest) and needle in text[-keep:] + rest
        text = text[-keep:] + inflater.decompress(inflater.unconsumed_tail, INFLATE_STEP)


def folded_column(reader, fieldname: str):
    """``fieldname``'s column of ``reader`` (one segment), untranslated (a ``ChainText`` field: its folded text as
    bytes); opened once per segment, since opening one reads the segment's offsets table."""
    columns = _columns.setdefault(reader, {})
    column = columns.get(fieldname)
    if column is None:
        column = columns[fieldname] = reader.column_reader(fieldname, translate=False)
    return column


def posting_ids(reader, fieldname: str, text: str) -> set[int]:
    """The live document numbers of ``reader`` (one segment) whose ``fieldname`` holds the term ``text``.

    Whoosh's ``all_ids`` yields a posting at a time through three Python calls and reads
    each block with several small reads; ``_blocks`` reads the list at once, a block's ids whole.
    """
    matcher = reader.postings(fieldname, text)
    deleted = frozenset()
    if isinstance(matcher, FilterMatcher) and matcher._exclude:
        deleted, matcher = matcher._ids, matcher.child
    if not isinstance(matcher, W3LeafMatcher) or matcher._byteids:
        return set(matcher.all_ids()) - deleted
    ids = set()
    for block_ids, _weights in _blocks(matcher):
        ids.update(block_ids)
    return ids - deleted if deleted else ids


def _blocks(matcher: W3LeafMatcher, wanted: list[int] | None = None) -> Iterator[tuple[list[int], list]]:
    """(document numbers, weights) of each postings block of a fresh ``W3LeafMatcher``'s term, as its
    ``id()`` and ``weight()`` would give them; with ``wanted`` (sorted document numbers) only the blocks
    that may hold one of them."""
    return postings_blocks(matcher._postfile, matcher._startoffset, matcher._length, wanted)


def postings_blocks(postfile, offset: int, extent, wanted: list[int] | None = None) -> Iterator[tuple[list[int], list]]:
    """``_blocks`` of the postings list at ``offset`` of ``postfile`` (a term info's ``extent()``).

    The whole list is one read; a block is its length (negative for the last), a pickled header
    (count, last id, max weight, compression, lengths) and its pickled (ids as deltas, weights,
    values), compressed or not."""
    if isinstance(extent, tuple):  # Whoosh's own W3TermInfo reads it with struct.unpack and keeps the tuple
        extent = extent[0]
    data = postfile.get(offset, extent)
    position, first = _POSTINGS_MAGIC_SIZE, 0
    while position < len(data):
        length = _BLOCK_LENGTH.unpack_from(data, position)[0]
        start, end = position + _BLOCK_LENGTH.size, position + _BLOCK_LENGTH.size + abs(length)
        header = io.BytesIO(data[start:end])
        count, last_id, _, compression, _, _ = pickle.load(header)
        following = 0 if wanted is None else bisect_left(wanted, first)
        if wanted is None or (following < len(wanted) and wanted[following] <= last_id):
            body = data[start + header.tell() : end]
            deltas, weights, _values = pickle.loads(zlib.decompress(body) if compression else body)
            if weights is None or isinstance(weights, float):
                weights = [1.0 if weights is None else weights] * count
            yield list(accumulate(deltas)), weights
        if length < 0:
            return
        position, first = end, last_id + 1


def match_set(searcher, query) -> set[int]:
    """Document numbers of ``searcher`` matching ``query``, combined as Python sets.

    And, Or, AndMaybe and AndNot of phrases and terms are the queries the engine builds;
    Whoosh's matchers would step through every candidate in Python to combine them.
    """
    docs = set()
    for leaf, offset in searcher.leaf_searchers():
        found = _leaf_set(leaf, query)
        docs.update(map(offset.__add__, found) if offset else found)
    return docs


def _leaf_set(searcher, query, within: set[int] | None = None) -> set[int]:
    """Documents of one segment matching ``query``; with ``within``, those outside it may be left out.

    An And takes its plain terms first, so a phrase checks the text only of documents that hold them.
    """
    if isinstance(query, RunPhrase):
        return query._verified(searcher, within)
    if isinstance(query, wq.And):
        found = within
        for sub in sorted(query.subqueries, key=lambda sub: not isinstance(sub, wq.Term)):
            part = _leaf_set(searcher, sub, found)
            found = part if found is None else found & part
            if not found:
                break
        return found
    if isinstance(query, wq.Or):
        return set().union(*(_leaf_set(searcher, sub, within) for sub in query.subqueries))
    if isinstance(query, wq.AndMaybe):
        return _leaf_set(searcher, query.a, within)
    if isinstance(query, wq.AndNot):
        found = _leaf_set(searcher, query.a, within)
        return found - _leaf_set(searcher, query.b, found) if found else found
    if isinstance(query, wq.Term):
        reader = searcher.reader()
        return posting_ids(reader, query.fieldname, query.text) if (query.fieldname, query.text) in reader else set()
    return set(query.docs(searcher))


def scores(searcher, query, docs) -> list[tuple[int, float]]:
    """(docnum, score) of ``docs``, all known to match ``query``, each scored by skipping to it.

    Whoosh's collector steps through every match of the query to find the best; a frequent
    word matches tens of thousands of articles but only a bounded window of them is ranked.
    Phrases score as their candidates (``RunPhrase.candidates``): ``docs`` are already verified.
    Terms and their And, Or and AndMaybe are scored a postings block at a time (``bulk_scores``), a
    query with a ``bulk_scores`` method of its own by that, anything else through Whoosh's matchers.
    """
    scoring = query.accept(lambda q: q.candidates() if isinstance(q, RunPhrase) else q)
    context = searcher.context()
    wanted = sorted(docs)
    hits = []
    for leaf, offset in searcher.leaf_searchers():
        first, end = bisect_left(wanted, offset), bisect_left(wanted, offset + leaf.doc_count_all())
        if first == end:
            continue
        local = [docnum - offset for docnum in wanted[first:end]]
        bulk = bulk_scores(leaf, scoring, local, context.weighting)
        if bulk is not None:
            hits += [(docnum + offset, bulk.get(docnum, 0.0)) for docnum in local]
            continue
        matcher = scoring.matcher(leaf, context)
        for docnum in local:
            if matcher.is_active() and matcher.id() < docnum:
                matcher.skip_to(docnum)
            matched = matcher.is_active() and matcher.id() == docnum
            hits.append((docnum + offset, matcher.score() if matched else 0.0))
    return hits


def bulk_scores(searcher, query, wanted: list[int], weighting) -> dict[int, float] | None:
    """Scores of the ``wanted`` documents (sorted, of ``searcher``'s one segment) that ``query`` matches, as
    Whoosh's matchers add them up (And, Or: sum of the matching parts; AndMaybe: the second part when
    it matches; a compound's boost multiplies), or as a query with a ``bulk_scores(searcher, wanted,
    weighting)`` method of its own scores itself; None when a part of ``query`` is none of these."""
    if isinstance(query, wq.Term):
        found = _term_scores(searcher, query, wanted, weighting)
    elif isinstance(query, (wq.And, wq.Or)):
        parts = [bulk_scores(searcher, sub, wanted, weighting) for sub in query.subqueries]
        if not parts or any(part is None for part in parts):
            return None
        if len(parts) == 1:
            return parts[0]
        if isinstance(query, wq.And):
            keys = set(parts[0]).intersection(*parts[1:])
            found = {docnum: sum(part[docnum] for part in parts) for docnum in keys}
        else:
            found = {}
            for part in parts:
                for docnum, score in part.items():
                    found[docnum] = found.get(docnum, 0.0) + score
    elif isinstance(query, wq.AndMaybe):
        first, second = (bulk_scores(searcher, sub, wanted, weighting) for sub in (query.a, query.b))
        if first is None or second is None:
            return None
        return {docnum: score + second[docnum] if docnum in second else score for docnum, score in first.items()}
    elif hasattr(query, "bulk_scores"):
        return query.bulk_scores(searcher, wanted, weighting)
    else:
        return None
    if query.boost != 1.0:
        found = {docnum: score * query.boost for docnum, score in found.items()}
    return found


def _term_scores(searcher, query, wanted: list[int], weighting) -> dict[int, float] | None:
    """BM25F scores of the ``wanted`` documents holding the term, reading only postings blocks that may hold one."""
    reader = searcher.reader()
    if query.fieldname not in reader.schema:
        return {}
    text = reader.schema[query.fieldname].to_bytes(query.text)
    if (query.fieldname, text) not in reader:
        return {}
    scorer = weighting.scorer(searcher, query.fieldname, text)
    if not isinstance(scorer, BM25FScorer):
        return None
    matcher = reader.postings(query.fieldname, text)
    if isinstance(matcher, FilterMatcher) and matcher._exclude:
        matcher = matcher.child  # deleted documents are never wanted
    length, score = scorer.dfl, scorer._score
    found = {}
    if not isinstance(matcher, W3LeafMatcher):
        wanted_set = set(wanted)
        while matcher.is_active():
            if matcher.id() in wanted_set:
                found[matcher.id()] = score(matcher.weight(), length(matcher.id()))
            matcher.next()
        return found
    for ids, weights in _blocks(matcher, wanted):
        in_block = dict(zip(ids, weights, strict=True))
        for docnum in wanted[bisect_left(wanted, ids[0]) : bisect_left(wanted, ids[-1] + 1)]:
            if docnum in in_block:
                found[docnum] = score(in_block[docnum], length(docnum))
    return found
