"""Whoosh's default codec with field lengths read once per segment, and a compact term table.

Flushing a segment asks for the document's field length for every posting it
writes (≈ 530 per article), and each lookup reads and decodes a column byte: 7% of
a rebuild's time, measured. BM25 scoring asks the same per matched document.
Reading each field's length column into a list the first time it is needed
makes both a list lookup; a segment's lengths never change (segments are immutable).

The term table was a third of a 100k-article index (301 of 957 MB, ≈ 9 million
terms over 8 segments, most of them bigrams found in one or two articles): Whoosh
writes 35 bytes of fixed-width statistics per term and a separate ≈ 97-byte
postings block even for a term found in one document. ``CompactCodec`` writes the
same statistics as varints, inlines the posting of a term found in one document
into its entry (document number and frequency as varints), and pickles integral
weights (frequencies) in postings blocks as ints, not 9-byte floats.

Segments name their codec's class in the index's table of contents: do not rename
or move these classes. Segments written with an older codec stay readable.
"""
from __future__ import annotations

import struct
import zlib
from operator import sub
from pickle import dumps, loads

from whoosh.codec.whoosh3 import (
    LENGTHS_COLUMN,
    WHOOSH3_HEADER_MAGIC,
    W3Codec,
    W3FieldCursor,
    W3FieldWriter,
    W3PerDocReader,
    W3PostingsWriter,
    W3TermInfo,
    W3TermsReader,
    _lenfield,
)
from whoosh.reading import TermNotFound
from whoosh.system import pack_ushort
from whoosh.util.numeric import byte_to_length, length_to_byte

from search.whoosh_storage import FileRange

INLINED, FLOAT_WEIGHT, FLOAT_MAX_WEIGHT, INLINED_VARINTS, VALUES_ARE_FREQUENCIES = 1, 2, 4, 8, 16
_FLOAT = struct.Struct("!f")
_FREQUENCY = struct.Struct("!I")  # whoosh.formats.Frequency's value
_INT = struct.Struct("!i")  # whoosh.system's int: a postings block's length, negative for the last
_KEY_VALUE_LENGTHS = struct.Struct("!ii")  # before each entry of Whoosh's hash table file
_SLOT = struct.Struct("!Iq")  # a slot of its hash tables: the key's hash, its entry's position (0: empty)
_SLOTS_PER_READ = 4
_ENTRY_READ_AHEAD = 48  # value bytes read with an entry's key: most term infos are shorter
_BLOCK_WINDOW_BITS, _BLOCK_MEMORY_LEVEL = 12, 4
_INLINED_FREQUENCIES = bytes([INLINED | INLINED_VARINTS | VALUES_ARE_FREQUENCIES])
_SAME_LENGTHS = [bytes((byte, byte)) for byte in range(256)]  # a term's min and max length byte, when equal
# A postings block whose pickle is shorter is written uncompressed (its header says so; readers look):
# zlib saved under 5% of such blocks (most blocks, a few postings each) and compressing them was a
# twentieth of a rebuild.
MIN_COMPRESSED_BLOCK = 80


class CachedLengthsReader(W3PerDocReader):
    def __init__(self, storage, segment):
        super().__init__(storage, segment)
        self._lengths: dict[str, list | None] = {}

    def field_lengths(self, fieldname) -> list | None:
        """Every document's length of ``fieldname`` (None where it has none), or None for a field without lengths."""
        if fieldname not in self._lengths:
            column = self._cached_reader(_lenfield(fieldname), LENGTHS_COLUMN)
            self._lengths[fieldname] = (
                None if column is None else [byte_to_length(byte) if byte else None for byte in column]
            )
        return self._lengths[fieldname]

    def doc_field_length(self, docnum, fieldname, default=0):
        lengths = self.field_lengths(fieldname)
        return default if lengths is None else lengths[docnum]


class CachedLengthsCodec(W3Codec):
    def per_document_reader(self, storage, segment):
        return CachedLengthsReader(storage, segment)


def _varint(number: int) -> bytes:
    out = bytearray()
    while number >= 0x80:
        out.append(number & 0x7F | 0x80)
        number >>= 7
    out.append(number)
    return bytes(out)


def _read_varint(data: bytes, position: int) -> tuple[int, int]:
    number = shift = 0
    while True:
        byte = data[position]
        position += 1
        number |= (byte & 0x7F) << shift
        if byte < 0x80:
            return number, position
        shift += 7


def _number(value: float, flag: int) -> tuple[int, bytes]:
    """(flag if stored as a float, bytes): an integral non-negative weight as a varint, any other as a float."""
    if value >= 0 and value == int(value):
        return 0, _varint(int(value))
    return flag, _FLOAT.pack(value)


def _read_number(data: bytes, position: int, is_float: bool) -> tuple[float, int]:
    if is_float:
        return _FLOAT.unpack_from(data, position)[0], position + _FLOAT.size
    return _read_varint(data, position)


def _inlined_bytes(flags: int, ids, weights, values) -> tuple[int, bytes]:
    """(flags, bytes) of inlined postings: ids and integral weights as varints when the values are empty or
    each posting's frequency (``Frequency`` format, weight = frequency), else the pickle Whoosh would write."""
    if not all(isinstance(weight, int) and weight >= 0 for weight in weights):
        return flags, dumps((tuple(ids), tuple(weights), tuple(values)), 2)
    if all(value == _FREQUENCY.pack(weight) for value, weight in zip(values, weights, strict=True)):
        flags |= VALUES_ARE_FREQUENCIES
    elif any(values):
        return flags, dumps((tuple(ids), tuple(weights), tuple(values)), 2)
    parts, previous = [_varint(len(ids))], 0
    for docnum, weight in zip(ids, weights, strict=True):
        parts += [_varint(docnum - previous), _varint(weight)]
        previous = docnum
    return flags | INLINED_VARINTS, b"".join(parts)


def _read_inlined(data: bytes, position: int, values_are_frequencies: bool) -> tuple[tuple, tuple, tuple]:
    count, position = _read_varint(data, position)
    ids, weights, docnum = [], [], 0
    for _ in range(count):
        delta, position = _read_varint(data, position)
        weight, position = _read_varint(data, position)
        docnum += delta
        ids.append(docnum)
        weights.append(weight)
    values = tuple(map(_FREQUENCY.pack, weights)) if values_are_frequencies else (b"",) * count
    return tuple(ids), tuple(weights), values


class CompactTermInfo(W3TermInfo):
    """``W3TermInfo`` written as varints: flags, doc frequency, weight, min/max length bytes, max weight,
    first id and span to the last, then the postings' offset and length (or the inlined postings).

    Only a term with postings is ever written, so it always has a first and last id.
    """

    def to_bytes(self):
        flags = INLINED if self.is_inlined() else 0
        weight_flag, weight = _number(self._weight, FLOAT_WEIGHT)
        max_flag, max_weight = _number(self._maxweight, FLOAT_MAX_WEIGHT)
        flags |= weight_flag | max_flag
        minlength = 0 if self._minlength is None else length_to_byte(self._minlength)
        parts = [bytes([flags]), _varint(self._df), weight, bytes([minlength, length_to_byte(self._maxlength)]),
                 max_weight, _varint(self._minid), _varint(self._maxid - self._minid)]
        if self.is_inlined():
            flags, inlined = _inlined_bytes(flags, *self._inlined)
            parts[0] = bytes([flags])
            parts.append(inlined)
        else:
            parts += [_varint(self._offset), _varint(self._length)]
        return b"".join(parts)

    @classmethod
    def from_bytes(cls, s):
        info = cls()
        flags = s[0]
        info._df, position = _read_varint(s, 1)
        info._weight, position = _read_number(s, position, flags & FLOAT_WEIGHT)
        info._minlength = byte_to_length(s[position])
        info._maxlength = byte_to_length(s[position + 1])
        info._maxweight, position = _read_number(s, position + 2, flags & FLOAT_MAX_WEIGHT)
        info._minid, position = _read_varint(s, position)
        span, position = _read_varint(s, position)
        info._maxid = info._minid + span
        if flags & INLINED_VARINTS:
            info._inlined = _read_inlined(s, position, flags & VALUES_ARE_FREQUENCIES)
        elif flags & INLINED:
            info._inlined = loads(s[position:])
        else:
            info._offset, position = _read_varint(s, position)
            info._length, _ = _read_varint(s, position)
        return info


class CompactPostingsWriter(W3PostingsWriter):
    def _mini_weights(self):
        weights = super()._mini_weights()
        if isinstance(weights, tuple) and all(weight == int(weight) for weight in weights):
            return tuple(map(int, weights))
        return weights

    def finish_postings(self):
        """Inline postings shorter than ``inlinelimit`` into the term info (Whoosh's own path calls a method
        its term info lacks)."""
        if self.written() or len(self) >= self._inlinelimit:
            return super().finish_postings()
        terminfo, self._terminfo = self._terminfo, None
        terminfo.add_block(self)
        weights = [int(weight) if weight == int(weight) else weight for weight in self._weights]
        # Whoosh's list matcher hands a merge str '' (or nothing) for absent values: keep b"" per posting.
        terminfo.set_inlined(self._ids, weights, self._values or [b""] * len(self._ids))
        return terminfo


    def add_postings_of_term(self, ids, weights, values, lengths):
        """Buffer a term's postings block by block, as ``add_posting`` one at a time would, with list operations.

        ``lengths`` is each posting's document field length (None or 0 for none).
        """
        limit = self._blocklimit
        for start in range(0, len(ids), limit):
            if self._ids:
                self._write_block()
            end = start + limit
            block_weights = weights[start:end]
            self._ids.extend(ids[start:end])
            self._weights.extend(block_weights)
            heaviest = max(block_weights)
            if heaviest > self._maxweight:
                self._maxweight = heaviest
            block_values = values[start:end]
            self._values.extend(block_values if all(block_values) else filter(None, block_values))
            present = [length for length in lengths[start:end] if length]
            if present:
                shortest = min(present)
                if self._minlength is None or shortest < self._minlength:
                    self._minlength = shortest
                self._maxlength = max(self._maxlength, *present)


class CompactFieldWriter(W3FieldWriter):
    def start_term(self, btext):
        self._btext = btext
        self._postwriter.start_postings(self._fieldobj.format, CompactTermInfo())

    def add_field_terms(self, fieldname, fieldobj, field_lengths, counted, terms):
        """Write one field's pooled postings (``search.whoosh_writer.TermPool.fields``).

        ``field_lengths`` are the documents' lengths of the field (None without lengths);
        ``counted`` is (term text, [doc, freq, doc, freq, …]) in term order, for a field
        whose postings are frequencies (or None); ``terms`` gives the field's other
        postings, ((fieldname, term bytes), (ids, weights, values)) in term order.
        """
        self.start_field(fieldname, fieldobj)
        if counted:
            _write_counted(self, counted, field_lengths)
        for (_, btext), (ids, weights, values) in terms:
            self.start_term(btext)
            self._postwriter.add_postings_of_term(
                ids, weights, values, [0] * len(ids) if field_lengths is None else [field_lengths[i] for i in ids]
            )
            self.finish_term()
        self.finish_field()


def _write_counted(fieldwriter: CompactFieldWriter, counted, field_lengths):
    """Write terms whose postings are (document, frequency) pairs, bytes for bytes as ``add_postings_of_term``
    and ``CompactTermInfo`` write them (weight = frequency, value = the frequency packed), building each
    entry and postings block directly: a term's calls and objects were most of a segment's flush. Unlike
    them, a block shorter than ``MIN_COMPRESSED_BLOCK`` is left uncompressed.
    """
    postwriter = fieldwriter._postwriter
    limit, compression, inline_below = postwriter._blocklimit, postwriter._compression, postwriter._inlinelimit
    length_bytes = None if field_lengths is None else [length_to_byte(length) for length in field_lengths]
    prefix = pack_ushort(fieldwriter._fieldid)
    table, postfile = fieldwriter._tindex, postwriter._postfile
    table_out, posts_out = bytearray(), bytearray()
    table_start, posts_start = table.dbfile.tell(), postfile.tell()
    positions, buckets, hash_key = table.index, table.buckets, table.hashfn
    varint = _varint_bytes
    key = None
    for text, flat in counted:
        if len(flat) == 2 and inline_below > 1:  # most terms: one inlined posting, written without lists
            docnum, frequency = flat
            frequency_bytes, docnum_bytes = varint(frequency), varint(docnum)
            value = b"".join((_INLINED_FREQUENCIES, b"\1", frequency_bytes,
                              _SAME_LENGTHS[0 if length_bytes is None else length_bytes[docnum]], frequency_bytes,
                              docnum_bytes, b"\0", b"\1", docnum_bytes, frequency_bytes))
        else:
            ids, frequencies = flat[::2], flat[1::2]
            count, first = len(ids), ids[0]
            lengths = [0] * count if length_bytes is None else [length_bytes[docnum] for docnum in ids]
            statistics = (varint(count), varint(sum(frequencies)), bytes((min(lengths), max(lengths))),
                          varint(max(frequencies)), varint(first), varint(ids[-1] - first))
            if count < inline_below:
                value = b"".join((_INLINED_FREQUENCIES, *statistics, varint(count),
                                  *map(varint, _deltas_and_frequencies(ids, frequencies))))
            else:
                offset = posts_start + len(posts_out)
                posts_out += WHOOSH3_HEADER_MAGIC
                for block_start in range(0, count, limit):
                    block_end = block_start + limit
                    block_ids, block_frequencies = ids[block_start:block_end], frequencies[block_start:block_end]
                    block_lengths = lengths[block_start:block_end]
                    data = dumps((tuple(map(sub, block_ids, [0, *block_ids[:-1]])),  # deltas within the block
                                  _mini_weights(block_frequencies),
                                  struct.pack(f"!{len(block_ids)}I", *block_frequencies)), 2)
                    block_compression = compression if len(data) >= MIN_COMPRESSED_BLOCK else 0
                    if block_compression:
                        data = _compress(data, block_compression)
                    header = dumps((len(block_ids), block_ids[-1], float(max(block_frequencies)), block_compression,
                                    min(block_lengths), max(block_lengths)), 2)
                    size = len(header) + len(data)
                    posts_out += _INT.pack(-size if block_end >= count else size)
                    posts_out += header
                    posts_out += data
                extent = posts_start + len(posts_out) - offset
                value = b"".join((b"\0", *statistics, varint(offset), varint(extent)))
        key = prefix + text.encode("utf-8")
        position = table_start + len(table_out)
        positions.append(position)
        hashed = hash_key(key)
        buckets[hashed & 255].append((hashed, position))
        table_out += _KEY_VALUE_LENGTHS.pack(len(key), len(value))
        table_out += key
        table_out += value
    table.dbfile.write(bytes(table_out))
    postfile.write(bytes(posts_out))
    if key is not None:
        table.lastkey = key


def _compress(data: bytes, level: int) -> bytes:
    """``zlib.compress(data, level)`` for a postings block (≤ a few KB), with a 4 KB window and little memory.

    ``zlib.compress`` sets up 256 KB of state per call: for the ≈ 100,000 small blocks of a
    3,000-article segment that set-up was most of their writing. A smaller window only
    changes the stream's header; ``zlib.decompress`` reads it as before.
    """
    compressor = zlib.compressobj(level, zlib.DEFLATED, _BLOCK_WINDOW_BITS, _BLOCK_MEMORY_LEVEL)
    return compressor.compress(data) + compressor.flush()


def _deltas_and_frequencies(ids, frequencies):
    """Each posting's document number as a delta from the previous one, then its frequency."""
    previous = 0
    for docnum, frequency in zip(ids, frequencies, strict=True):
        yield docnum - previous
        yield frequency
        previous = docnum


def _mini_weights(frequencies):
    """A block's weights as ``CompactPostingsWriter._mini_weights`` writes them: None when all are 1, the one
    weight (a float) when all are equal, else the tuple of ints."""
    first = frequencies[0]
    if all(frequency == first for frequency in frequencies):
        return None if first == 1 else float(first)
    return tuple(frequencies)


_VARINTS = [bytes([number]) for number in range(0x80)] + [
    bytes([number & 0x7F | 0x80, number >> 7]) for number in range(0x80, 0x4000)]


def _varint_bytes(number: int) -> bytes:
    """``_varint``, looked up for numbers below 2**14."""
    return _VARINTS[number] if number < 0x4000 else _varint(number)


class CompactFieldCursor(W3FieldCursor):
    def term_info(self):
        if self._pos is None:
            return None
        return CompactTermInfo.from_bytes(self._tindex.dbfile.get(self._datapos, self._datalen))


class CompactTermsReader(W3TermsReader):
    """Whoosh 3's term table reader with a term's entry found by ``entry``, not Whoosh's ``HashReader``."""

    def __init__(self, codec, dbfile, length, postfile):
        super().__init__(codec, dbfile, length, postfile)
        buffer = getattr(dbfile, "_buf", None)
        self._read = buffer.read_at if isinstance(buffer, FileRange) else dbfile.get

    def entry(self, key: bytes) -> bytes | None:
        """The term table's value for ``key`` (field number and term bytes), or None if the segment lacks it.

        Whoosh's ``HashReader`` answers through two generators and six layered ``get`` calls (each a
        slice of the segment file), and a query looks ≈ 40 terms up across the segments of a 100k index.
        This reads the same hash table (slots of hash and entry position, probed linearly from the
        key's slot) with one read per few slots and one for the entry's lengths, key and value:
        half the CPU per lookup (4.9 µs, Whoosh's 9.5 µs, on a 100k index in the page cache).
        """
        table = self._tindex
        keyhash = table.hashfn(key)
        start, slots = table.tables[keyhash & 255]
        if not slots:
            return None
        read, end = self._read, start + slots * _SLOT.size
        slot, unread = start + (keyhash >> 8) % slots * _SLOT.size, slots
        while unread:
            count = min(_SLOTS_PER_READ, unread, (end - slot) // _SLOT.size)
            for slothash, position in _SLOT.iter_unpack(read(slot, count * _SLOT.size)):
                if not position:
                    return None
                if slothash == keyhash:
                    value = self._entry_value(position, key)
                    if value is not None:
                        return value
            unread -= count
            slot += count * _SLOT.size
            if slot == end:
                slot = start
        return None

    def _entry_value(self, position: int, key: bytes) -> bytes | None:
        """The value of the table entry at ``position`` if its key is ``key``."""
        chunk = self._read(position, _KEY_VALUE_LENGTHS.size + len(key) + _ENTRY_READ_AHEAD)
        keylength, valuelength = _KEY_VALUE_LENGTHS.unpack_from(chunk)
        value_start = _KEY_VALUE_LENGTHS.size + keylength
        if keylength != len(key) or chunk[_KEY_VALUE_LENGTHS.size:value_start] != key:
            return None
        if len(chunk) >= value_start + valuelength:
            return chunk[value_start : value_start + valuelength]
        return self._read(position + value_start, valuelength)

    def __contains__(self, term):
        return self.entry(self._keycoder(*term)) is not None

    def cursor(self, fieldname, fieldobj):
        return CompactFieldCursor(self._tindex, fieldname, self._keycoder, self._keydecoder, fieldobj)

    def items(self):
        return ((self._keydecoder(key), CompactTermInfo.from_bytes(value)) for key, value in self._tindex.items())

    def items_from(self, fieldname, prefix):
        return ((self._keydecoder(key), CompactTermInfo.from_bytes(value))
                for key, value in self._tindex.items_from(self._keycoder(fieldname, prefix)))

    def term_info(self, fieldname, tbytes):
        value = self.entry(self._keycoder(fieldname, tbytes))
        if value is None:
            raise TermNotFound(f"No term {fieldname}:{tbytes!r}")
        return CompactTermInfo.from_bytes(value)

    def _found_info(self, fieldname, tbytes) -> CompactTermInfo:
        """Raises KeyError for a term not in this segment (the segment reader counts it as 0)."""
        key = self._keycoder(fieldname, tbytes)
        value = self.entry(key)
        if value is None:
            raise KeyError(key)
        return CompactTermInfo.from_bytes(value)

    def frequency(self, fieldname, tbytes):
        return self._found_info(fieldname, tbytes).weight()

    def doc_frequency(self, fieldname, tbytes):
        return self._found_info(fieldname, tbytes).doc_frequency()


class CompactCodec(CachedLengthsCodec):
    def __init__(self, blocklimit=128, compression=3, inlinelimit=2):
        super().__init__(blocklimit=blocklimit, compression=compression, inlinelimit=inlinelimit)

    def field_writer(self, storage, segment):
        return CompactFieldWriter(self, storage, segment)

    def postings_writer(self, dbfile, byteids=False):
        return CompactPostingsWriter(dbfile, blocklimit=self._blocklimit, byteids=byteids,
                                     compression=self._compression, inlinelimit=self._inlinelimit)

    def terms_reader(self, storage, segment):
        name = segment.make_filename(self.TERMS_EXT)
        return CompactTermsReader(self, storage.open_file(name), storage.file_length(name),
                                  segment.open_file(storage, self.POSTS_EXT))
