"""Text fields without positions: the bigram chain as plain postings, phrases checked against the folded text.

Positions made up most of the index (1.17 GB for 110 MB of text at 74k articles) and
Whoosh's phrase matcher reads them for every candidate in Python. A ``ChainText`` field
keeps each chain term's frequency only (BM25 still scores density) and stores the
document's folded text (``analysis.normalize``, layout spaces between Chinese characters
removed) in a column, so a phrase checks at most a few thousand candidates. ``RunPhrase`` intersects
the postings of its chain terms, then keeps the candidates whose folded text holds the phrase: a
byte search for one Chinese run, ``analysis.phrase_pattern`` otherwise, so it matches exactly where a
positional phrase of the chain did.

The folded text is stored as it is (``FoldedColumn``). Compressed with zlib (``FoldedTextColumn``,
what older indexes hold) it took 1.7 times less room, but inflating it was most of a query's time
whenever many candidates were checked: ~25 µs per article on this machine's cores, against ~1 µs
for a byte search of the text itself.

Whoosh pickles ``ChainText``'s and the columns' import paths into the index schema: do not rename or move them.
"""
from __future__ import annotations

import io
import pickle
import re
import struct
import weakref
import zlib
from array import array
from bisect import bisect_left, bisect_right
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from functools import cached_property, partial
from itertools import accumulate, pairwise
from math import log

from whoosh import query as wq
from whoosh.codec.whoosh3 import WHOOSH3_HEADER_MAGIC, W3TermsReader
from whoosh.columns import CompressedBytesColumn, VarBytesColumn
from whoosh.fields import TEXT
from whoosh.formats import Frequency
from whoosh.matching import FilterMatcher, NullMatcher
from whoosh.reading import TermNotFound
from whoosh.scoring import BM25F
from whoosh.system import pack_uint

from search import analysis
from search.whoosh_codec import CachedLengthsReader

_BLOCK_LENGTH = struct.Struct("!i")  # whoosh.system's int, before each postings block
_POSTINGS_MAGIC_SIZE = len(WHOOSH3_HEADER_MAGIC)
_LAYOUT_BETWEEN_CHINESE = re.compile(rf"(?<=[{analysis.CJK_CHARS}])[ \t]+(?=[{analysis.CJK_CHARS}])")
TEXT_READ_GAP = 64 * 1024
TEXT_READ_SPAN = 1024 * 1024
# Postings a request keeps decoded (``decoded_once``): at most some 40 MB of ints, sets and lists.
MEMO_POSTINGS = 500_000
# ``TermPostings.weights`` bisects a block for its wanted documents when fewer than 1/4 of its postings are wanted.
BISECTED_SHARE = 4
# Column readers per segment reader: opening one reads the segment's offsets table.
_columns: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()
_deleted: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()
_held: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


def folded(text: str) -> str:
    """The text a ``RunPhrase`` is checked against: normalized, layout spaces between Chinese characters gone."""
    return _LAYOUT_BETWEEN_CHINESE.sub("", analysis.normalize(text))


class ChainText(TEXT):
    """A text field analysed into the bigram chain, with term frequencies but no positions, and its folded text."""

    def __init__(self, analyzer, stored=False, field_boost=1.0):
        super().__init__(analyzer=analyzer, phrase=False, stored=stored, field_boost=field_boost,
                         sortable=FoldedColumn())
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


class FoldedColumn(VarBytesColumn):
    """A ``ChainText`` field's folded text, UTF-8, as it is (module docstring); a segment without it reads b""."""


class FoldedTextColumn(CompressedBytesColumn):
    """The folded text compressed with zlib, as indexes written before ``FoldedColumn`` hold it; no longer written.

    Kept so that such an index's schema still loads: the backend opens every index with the current
    schema, so ``schema_outdated`` (the column type differs) has ``search_status --repair`` rebuild it.
    """

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
        return self._verify(reader, self._candidates(reader, within))

    def _doc_frequency(self, reader) -> int:
        """The fewest documents of ``reader`` (one segment) holding one of the chain terms: 0 if one is missing."""
        frequencies = [getattr(term_postings(reader, self.fieldname, word), "doc_frequency", 0) for word in self.words]
        return min(frequencies)

    def _candidates(self, reader, within: set[int] | None = None) -> set[int]:
        """Documents of ``reader`` (one segment; of ``within`` if given) holding every chain term, adjacent or not:
        the rarest term's documents, then those of them each other term holds (``TermPostings.among``)."""
        postings = [term_postings(reader, self.fieldname, word) for word in dict.fromkeys(self.words)]
        if None in postings:
            return set()
        postings.sort(key=lambda term: term.doc_frequency)
        found = within
        for term in postings:
            found = set(term.ids()) if found is None else term.among(found)
            if not found:
                break
        return found

    def _verify(self, reader, candidates: set[int]) -> set[int]:
        """Those of ``candidates`` (``_candidates``) whose folded text holds the phrase."""
        if len(self.words) == 1 or not candidates:
            return candidates
        known = self._indexed_word_docs(reader, candidates)
        return known | self._holding(reader, candidates - known)

    def _indexed_word_docs(self, reader, candidates: set[int]) -> set[int]:
        """Those of ``candidates`` whose terms include the phrase itself as a jieba word: they hold it.

        ``search.analysis`` adds words of three or more characters to the chain, so a name
        such as 习近平 is usually a term of its own; a term that long is never a bigram, so
        only a run of the folded text makes it. Only the other candidates need their text checked.
        """
        runs = self._runs
        if len(runs) != 1 or not runs[0].chinese or len(runs[0].text) < analysis.MIN_WORD_LENGTH:
            return set()
        word = term_postings(reader, self.fieldname, runs[0].text)
        return set() if word is None else word.among(candidates)

    def _holding(self, reader, docnums: set[int]) -> set[int]:
        """Those of ``docnums`` (documents of ``reader``, a segment) whose folded text holds the phrase.

        A frequent string that is no jieba word (视网消 in a news archive) has tens of thousands of
        candidates: their texts are read in ranges of neighbouring documents (``stored_bytes``).
        """
        if not docnums:
            return set()
        column = folded_column(reader, self.fieldname)
        needle = self._needle()
        if needle is not None:
            holds = partial(_text_holds, needle=needle)
        else:
            holds = partial(_text_matches, pattern=analysis.phrase_pattern(self.text))
        return {docnum for docnum, text in stored_bytes(column, sorted(docnums)) if text and holds(text)}

    def _holding_held(self, reader, docnums: set[int]) -> set[int]:
        """``_holding``, the texts searched where ``held_texts`` keeps them: a byte search per document, no read."""
        if not docnums:
            return set()
        texts, starts = held_texts(reader, self.fieldname)
        needle = self._needle()
        if needle is not None:
            find = texts.find
            return {docnum for docnum in docnums if find(needle, starts[docnum], starts[docnum + 1]) >= 0}
        search = analysis.phrase_pattern(self.text).search
        return {docnum for docnum in docnums if search(texts[starts[docnum] : starts[docnum + 1]].decode("utf-8"))}

    @cached_property
    def _runs(self) -> list[analysis.Run]:
        """The phrase's runs, which every segment's check asks for."""
        return list(analysis.runs(self.text))

    def _needle(self) -> bytes | None:
        """The phrase as the bytes its folded text holds when it is one Chinese run; None when only
        ``analysis.phrase_pattern`` tells (runs that must be separate, latin words that must be whole)."""
        runs = self._runs
        if len(runs) == 1 and runs[0].chinese and len(runs[0].text) > 1:
            return runs[0].text.encode("utf-8")
        return None


def stored_bytes(column, docnums) -> Iterator[tuple[int, bytes]]:
    """(document number, its value) for the sorted ``docnums`` of a ``VarBytesColumn`` reader (untranslated:
    a ``FoldedColumn``'s folded text as UTF-8, an ``ID`` column's bytes).

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


def held_texts(reader, fieldname: str) -> tuple[bytes, array]:
    """Every document's folded text of ``fieldname`` in ``reader`` (one segment), joined, and where each starts
    (one more: the end), read once per segment reader and kept as long as it lives.

    Meant for a short field only: the headlines of 100k articles are ~5.6 MB; checking 250 of them
    through ``stored_bytes`` took ~1 ms (scattered documents are read in long ranges), a byte
    search each in these texts ~0.2 ms.
    """
    held = _held.setdefault(reader, {})
    found = held.get(fieldname)
    if found is None:
        texts, starts = [], array("q", [0])
        for _docnum, text in stored_bytes(folded_column(reader, fieldname), range(reader.doc_count_all())):
            texts.append(text)
            starts.append(starts[-1] + len(text))
        found = held[fieldname] = (b"".join(texts), starts)
    return found


def _text_holds(text: bytes, needle: bytes) -> bool:
    return needle in text


def _text_matches(text: bytes, pattern) -> bool:
    return pattern.search(text.decode("utf-8")) is not None


def _deleted_docs(reader) -> frozenset[int]:
    """The deleted document numbers of ``reader`` (one segment), read once per reader: its deletions are those of
    the commit it opened, and a segment an archive edits holds many, which every term lookup would copy again."""
    deleted = _deleted.get(reader)
    if deleted is None:
        deleted = _deleted[reader] = frozenset(reader._perdoc.deleted_docs()) if reader.has_deletions() else frozenset()
    return deleted


def folded_column(reader, fieldname: str):
    """``fieldname``'s column of ``reader`` (one segment), untranslated (a ``ChainText`` field: its folded text as
    bytes); opened once per segment, since opening one reads the segment's offsets table."""
    columns = _columns.setdefault(reader, {})
    column = columns.get(fieldname)
    if column is None:
        column = columns[fieldname] = reader.column_reader(fieldname, translate=False)
    return column


class _Memo:
    """The terms looked up during one request (``decoded_once``): (segment reader, field, term bytes) ->
    ``TermPostings`` or None, how many postings their decoded blocks hold, and (index searcher, field, term) ->
    the term's scoring statistics (``_term_statistics``)."""

    def __init__(self):
        self.terms: dict = {}
        self.postings = 0
        self.statistics: dict = {}


_memo: ContextVar[_Memo | None] = ContextVar("whoosh_match_memo", default=None)


@contextmanager
def decoded_once():
    """Within it, a term of a segment is looked up and each of its postings blocks decoded once.

    A request looks a term up in every segment for its match set (phrase terms, the headline
    tier), again for scoring (And of its chain terms) and for its statistics; without this each
    lookup probes the term table and decodes the same blocks again. What is kept is dropped on
    leaving; decoded blocks are kept up to ``MEMO_POSTINGS`` postings (a query of many frequent
    terms decodes the rest again, as before).
    """
    memo = _Memo()
    token = _memo.set(memo)
    try:
        yield
    finally:
        _memo.reset(token)
        memo.terms.clear()  # its postings refer back to it: freed now, not at the next full garbage collection


def term_postings(reader, fieldname: str, text) -> TermPostings | None:
    """The postings of the term ``text`` (str or bytes) of ``fieldname`` in ``reader`` (one segment), or None
    when the segment lacks it; the same object for the same term within ``decoded_once``."""
    if fieldname not in reader.schema:
        return None
    btext = reader.schema[fieldname].to_bytes(text) if isinstance(text, str) else text
    memo = _memo.get()
    key = (reader, fieldname, btext)
    if memo is not None and key in memo.terms:
        return memo.terms[key]
    terms = getattr(reader, "_terms", None)
    if isinstance(terms, W3TermsReader):
        try:
            info = terms.term_info(fieldname, btext)
        except TermNotFound:
            found = None
        else:
            found = TermPostings.of_info(terms._postfile, info, memo, _deleted_docs(reader))
    else:
        found = TermPostings.of_matcher(reader, fieldname, btext, memo) if (fieldname, btext) in reader else None
    if memo is not None:
        memo.terms[key] = found
    return found


class TermPostings:
    """One term's postings in one segment: its document frequency, its blocks' last document numbers, and
    each block's (document numbers, weights) as Whoosh's matcher would give them, decoded when first asked.

    Deleted documents are in the blocks: ``ids`` leaves them out, scoring never asks for them.
    """

    def __init__(self, doc_frequency: int, lasts: list[int], decode, memo: _Memo | None, deleted=frozenset()):
        self.doc_frequency = doc_frequency
        self._lasts = lasts
        self._decode = decode
        self._blocks: list[tuple[list[int], list] | None] = [None] * len(lasts)
        self._memo = memo
        self._deleted = deleted
        self._ids: set[int] | None = None

    @classmethod
    def of_info(cls, postfile, info, memo: _Memo | None, deleted: frozenset[int]) -> TermPostings:
        """From a ``W3TermInfo``: its inlined postings, or its postings list read at once (``postings_blocks``)."""
        if info.is_inlined():
            ids, weights, _values = info.inlined_postings()
            block = (list(ids), list(weights))
            return cls(info.doc_frequency(), [ids[-1]], lambda _index: block, memo, deleted)
        data = _postings_list(postfile, *info.extent())
        headers = list(_block_headers(data))
        return cls(info.doc_frequency(), [header[0] for header in headers],
                   lambda index: _decode_block(data, headers[index]), memo, deleted)

    @classmethod
    def of_matcher(cls, reader, fieldname: str, btext: bytes, memo: _Memo | None) -> TermPostings:
        """From any reader's matcher (not a Whoosh 3 segment), stepped through once as a single block."""
        matcher = reader.postings(fieldname, btext)
        deleted = frozenset()
        if isinstance(matcher, FilterMatcher) and matcher._exclude:
            deleted, matcher = matcher._ids, matcher.child
        ids, weights = [], []
        while matcher.is_active():
            ids.append(matcher.id())
            weights.append(matcher.weight())
            matcher.next()
        block = (ids, weights)
        return cls(len(ids), [ids[-1]] if ids else [], lambda _index: block, memo, deleted)

    def _block(self, index: int) -> tuple[list[int], list]:
        block = self._blocks[index]
        if block is None:
            block = self._decode(index)
            if self._memo is not None and self._memo.postings < MEMO_POSTINGS:
                self._blocks[index] = block
                self._memo.postings += len(block[0])
        return block

    def ids(self) -> set[int]:
        """The live document numbers holding the term (the same set each time within ``decoded_once``: copy it
        before changing it)."""
        if self._ids is not None:
            return self._ids
        ids = set()
        for index in range(len(self._lasts)):
            ids.update(self._block(index)[0])
        if self._deleted:
            ids -= self._deleted
        if self._memo is not None and self._memo.postings < MEMO_POSTINGS:
            self._ids = ids
            self._memo.postings += len(ids)
        return ids

    def among(self, docs: set[int]) -> set[int]:
        """Those of ``docs`` holding the term, decoding only the blocks that may hold one of them."""
        if self._ids is not None:
            return docs & self._ids
        found, wanted = set(), sorted(docs)
        first, position = 0, 0
        for index, last in enumerate(self._lasts):
            position = bisect_left(wanted, first, position)
            if position == len(wanted):
                break
            if wanted[position] <= last:
                found.update(docs.intersection(self._block(index)[0]))
            first = last + 1
        return found - self._deleted if self._deleted else found

    def weights(self, wanted: list[int]) -> list[tuple[int, object]]:
        """(document number, weight) of each of ``wanted`` (sorted) holding the term, decoding only the blocks
        that may hold one of them.

        Only the blocks holding a wanted document are visited. A block few of them fall in (a frequent
        term scored for a phrase's matches) has each looked up by bisection; one many fall in is read into a dict.
        """
        found, lasts, position = [], self._lasts, 0
        while position < len(wanted):
            index = bisect_left(lasts, wanted[position])
            if index == len(lasts):
                break
            end = bisect_right(wanted, lasts[index], position)
            ids, weights = self._block(index)
            if (end - position) * BISECTED_SHARE < len(ids):
                for docnum in wanted[position:end]:
                    at = bisect_left(ids, docnum)
                    if at < len(ids) and ids[at] == docnum:
                        found.append((docnum, weights[at]))
            else:
                weight = dict(zip(ids, weights, strict=True)).get
                found += [(docnum, tf) for docnum in wanted[position:end] if (tf := weight(docnum)) is not None]
            position = end
        return found


def posting_ids(reader, fieldname: str, text: str) -> set[int]:
    """The live document numbers of ``reader`` (one segment) whose ``fieldname`` holds the term ``text``.

    Whoosh's ``all_ids`` yields a posting at a time through three Python calls and reads
    each block with several small reads; ``TermPostings`` reads the list at once, a block's ids whole.
    """
    postings = term_postings(reader, fieldname, text)
    return set() if postings is None else set(postings.ids())


def _block_headers(data: bytes) -> Iterator[tuple[int, int, int, int, int]]:
    """(last id, count, compression, body start, body end) of each block of a postings list read whole.

    A block is its length (negative for the last), a pickled header (count, last id, max weight,
    compression, lengths) and its pickled (ids as deltas, weights, values), compressed or not."""
    stream = io.BytesIO(data)
    position = _POSTINGS_MAGIC_SIZE
    while position < len(data):
        length = _BLOCK_LENGTH.unpack_from(data, position)[0]
        start = position + _BLOCK_LENGTH.size
        end = start + abs(length)
        stream.seek(start)
        count, last_id, _, compression, _, _ = pickle.load(stream)
        yield last_id, count, compression, stream.tell(), end
        if length < 0:
            return
        position = end


def _decode_block(data: bytes, header: tuple[int, int, int, int, int]) -> tuple[list[int], list]:
    """(document numbers, weights) of the block at ``header`` (``_block_headers``), as the matcher's
    ``id()`` and ``weight()`` would give them."""
    _, count, compression, start, end = header
    body = memoryview(data)[start:end]
    deltas, weights, _values = pickle.loads(zlib.decompress(body) if compression else body)
    if weights is None or isinstance(weights, float):
        weights = [1.0 if weights is None else weights] * count
    return list(accumulate(deltas)), weights


def _postings_list(postfile, offset: int, extent) -> bytes:
    """The postings list at ``offset`` of ``postfile`` (a term info's ``extent()``), in one read."""
    if isinstance(extent, tuple):  # Whoosh's own W3TermInfo reads it with struct.unpack and keeps the tuple
        extent = extent[0]
    return postfile.get(offset, extent)


def postings_blocks(postfile, offset: int, extent) -> Iterator[tuple[list[int], list]]:
    """(document numbers, weights) of each block of the postings list at ``offset`` of ``postfile`` (a term
    info's ``extent()``), the list read at once."""
    data = _postings_list(postfile, offset, extent)
    for header in _block_headers(data):
        yield _decode_block(data, header)


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


def match_within(searcher, query, docs) -> set[int]:
    """Those of ``docs`` (document numbers of ``searcher``) matching ``query``, its phrases checked against the
    folded text of these documents alone (``RunPhrase`` and their And and Or; any other part through its postings).

    For the documents of a short field (headlines) searching their texts, kept in memory
    (``held_texts``), is cheaper than looking each chain term up in every segment and decoding its
    postings; the text test is exact either way.
    """
    found = set()
    wanted = sorted(docs)
    for leaf, offset in searcher.leaf_searchers():
        first, end = bisect_left(wanted, offset), bisect_left(wanted, offset + leaf.doc_count_all())
        if first < end:
            local = {docnum - offset for docnum in wanted[first:end]}
            found.update(offset + docnum for docnum in _checked(leaf, query, local))
    return found


def _checked(searcher, query, docs: set[int]) -> set[int]:
    """Those of ``docs`` (of one segment) matching ``query`` (``match_within``)."""
    if isinstance(query, RunPhrase):
        return query._holding_held(searcher.reader(), docs)
    if isinstance(query, wq.And):
        for sub in query.subqueries:
            docs = _checked(searcher, sub, docs)
            if not docs:
                break
        return docs
    if isinstance(query, wq.Or):
        return set().union(*(_checked(searcher, sub, docs) for sub in query.subqueries))
    return docs & _leaf_set(searcher, query, docs)


def _leaf_set(searcher, query, within: set[int] | None = None) -> set[int]:
    """Documents of one segment matching ``query``; with ``within``, those outside it may be left out
    (an And: ``_and_set``)."""
    if isinstance(query, RunPhrase):
        return query._verified(searcher, within)
    if isinstance(query, wq.And):
        return _and_set(searcher, query.subqueries, within)
    if isinstance(query, wq.Or):
        return set().union(*(_leaf_set(searcher, sub, within) for sub in query.subqueries))
    if isinstance(query, wq.AndMaybe):
        return _leaf_set(searcher, query.a, within)
    if isinstance(query, wq.AndNot):
        found = _leaf_set(searcher, query.a, within)
        return found - _leaf_set(searcher, query.b, found) if found else found
    if isinstance(query, wq.Term):
        return _term_docs(searcher.reader(), query, within)
    return set(query.docs(searcher))


def _and_set(searcher, subqueries, within: set[int] | None) -> set[int]:
    """Documents of one segment matching every one of ``subqueries`` (and in ``within`` if given, or not).

    Terms and phrases first intersect their postings, rarest first, decoding only the blocks that may
    hold a document left; phrases then check the folded text of the documents left after all of them;
    any other part is matched last, within what is left.
    """
    reader = searcher.reader()
    postings = [sub for sub in subqueries if isinstance(sub, (wq.Term, RunPhrase))]
    found = within
    for sub in sorted(postings, key=partial(_doc_frequency, reader)):
        found = sub._candidates(reader, found) if isinstance(sub, RunPhrase) else _term_docs(reader, sub, found)
        if not found:
            return set()
    for sub in postings:
        if isinstance(sub, RunPhrase):
            found = sub._verify(reader, found)
            if not found:
                return set()
    for sub in subqueries:
        if not isinstance(sub, (wq.Term, RunPhrase)):
            part = _leaf_set(searcher, sub, found)
            found = part if found is None else found & part
            if not found:
                return set()
    return set() if found is None else found


def _doc_frequency(reader, query) -> int:
    """How many documents of ``reader`` (one segment) at most a term or phrase matches."""
    if isinstance(query, RunPhrase):
        return query._doc_frequency(reader)
    return getattr(term_postings(reader, query.fieldname, query.text), "doc_frequency", 0)


def _term_docs(reader, query: wq.Term, within: set[int] | None) -> set[int]:
    """Documents of ``reader`` (one segment; of ``within`` if given) holding the term ``query``."""
    postings = term_postings(reader, query.fieldname, query.text)
    if postings is None:
        return set()
    return set(postings.ids()) if within is None else postings.among(within)


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
            found = dict.fromkeys(set(parts[0]).intersection(*parts[1:]), 0)
            for part in parts:  # added part by part, as Whoosh's matchers and sum() add them
                found = {docnum: score + part[docnum] for docnum, score in found.items()}
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
    """BM25F scores of the ``wanted`` documents holding the term, reading only postings blocks that may hold one.

    Scores as Whoosh's ``BM25FScorer`` does (the index's idf and average length, the document's field
    length, ``whoosh.scoring.bm25``'s arithmetic in its order), from the request's term lookups
    (``term_postings``): Whoosh's scorer looks the term up again in this segment, and in every segment for
    its document frequency."""
    reader = searcher.reader()
    postings = term_postings(reader, query.fieldname, query.text)
    if postings is None:
        return {}
    if type(weighting) is not BM25F or not searcher.schema[query.fieldname].scorable:
        return None
    parent, fieldname = searcher.get_parent(), query.fieldname
    idf, avgfl = _term_statistics(parent, fieldname, query.text)
    b, k1 = weighting._field_B.get(fieldname, weighting.B), weighting.K1
    perdoc = getattr(reader, "_perdoc", None)
    lengths = perdoc.field_lengths(fieldname) if isinstance(perdoc, CachedLengthsReader) else None
    length = lengths.__getitem__ if lengths is not None else partial(
        searcher.doc_field_length, fieldname=fieldname, default=1
    )
    k1_plus_1, one_minus_b = k1 + 1, 1 - b
    return {docnum: idf * ((tf * k1_plus_1) / (tf + k1 * (one_minus_b + b * length(docnum) / avgfl)))
            for docnum, tf in postings.weights(wanted)}


def _term_statistics(parent, fieldname: str, text) -> tuple[float, float]:
    """(idf, average field length) of a term in the whole index ``parent`` (Whoosh's ``WeightingModel.idf``),
    summed over its segments once per term within ``decoded_once``, not again for every segment scored."""
    memo = _memo.get()
    key = (parent, fieldname, text)
    if memo is not None and key in memo.statistics:
        return memo.statistics[key]
    frequency = sum(getattr(term_postings(leaf, fieldname, text), "doc_frequency", 0)
                    for leaf, _offset in parent.reader().leaf_readers())
    statistics = log(parent.doc_count_all() / (frequency + 1)) + 1, parent.avg_field_length(fieldname) or 1
    if memo is not None:
        memo.statistics[key] = statistics
    return statistics
