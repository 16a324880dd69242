"""Read Whoosh's compound segment files with ``os.pread``, not through a memory map.

Whoosh maps each compound segment file (``.seg``) with mmap. Pages of a map that a
worker touches count in its resident memory: after 1,000 queries at 100k articles each
gunicorn worker showed 960 MB, of which only 240 MB were its own (the rest was index
pages), against a budget of 300 MB. Reading the byte ranges a query needs with
``os.pread`` leaves those pages in the OS page cache, shared and reclaimable, and
never in a worker's RSS. A file inside the segment is a ``RangeFile`` whose bytes are
fetched on demand (``get`` is one ``pread``); nothing is copied per process up front.
"""
from __future__ import annotations

import os

from whoosh.codec import base
from whoosh.filedb.compound import CompoundStorage
from whoosh.filedb.structfile import BufferFile

NEWLINE = b"\n"
READLINE_CHUNK = 256
# Small reads (a term's hash-table probes, a postings block's pickled header read opcode by opcode) come
# in runs over neighbouring bytes: one pread of this many bytes answers a run.
WINDOW = 4096


class FileRange:
    """``length`` bytes of the open file ``fd`` from ``offset``, sliced like bytes.

    A slice shorter than ``WINDOW`` is answered from the last ``WINDOW`` bytes read, or reads
    ``WINDOW`` bytes from its start with one ``os.pread``; a longer one is one ``os.pread``.
    """

    def __init__(self, fd: int, offset: int, length: int):
        self._fd, self._offset, self._length = fd, offset, length
        self._window_start, self._window = 0, b""

    def __len__(self):
        return self._length

    def read_at(self, start: int, length: int) -> bytes:
        """Up to ``length`` bytes from ``start`` with one ``os.pread``, the window left alone (a term table's
        probes jump between its hash slots and its entries)."""
        return os.pread(self._fd, max(0, min(length, self._length - start)), self._offset + start)

    def __getitem__(self, key):
        if not isinstance(key, slice):
            raise TypeError("FileRange supports slices only")
        start, stop, _ = key.indices(self._length)
        if stop <= start:
            return b""
        if stop - start >= WINDOW:
            return os.pread(self._fd, stop - start, self._offset + start)
        if not (self._window_start <= start and stop <= self._window_start + len(self._window)):
            self._window_start = start
            self._window = os.pread(self._fd, min(WINDOW, self._length - start), self._offset + start)
        return self._window[start - self._window_start : stop - self._window_start]


class SliceReader:
    """The read side of a binary file over anything sliced like bytes (what StructFile and pickle call)."""

    def __init__(self, data):
        self._data = data
        self._position = 0

    def read(self, size=-1):
        if self._position >= len(self._data):
            return b""
        end = len(self._data) if size is None or size < 0 else min(len(self._data), self._position + size)
        chunk = bytes(self._data[self._position : end])
        self._position = end
        return chunk

    def peek(self, size=0):
        """Bytes from the position on without consuming them: pickle's loader reads a postings block's
        header through one ``peek`` and one ``read`` instead of a ``read`` per opcode."""
        return bytes(self._data[self._position : min(len(self._data), self._position + min(max(size, 1), WINDOW))])

    def readinto(self, buffer):
        data = self.read(len(buffer))
        buffer[: len(data)] = data
        return len(data)

    def readline(self, size=-1):
        """Up to and including the next newline (pickle asks for it only for its text opcodes)."""
        limit = len(self._data) if size is None or size < 0 else min(len(self._data), self._position + size)
        line = b""
        while self._position < limit:
            chunk = self.read(min(READLINE_CHUNK, limit - self._position))
            found = chunk.find(NEWLINE)
            if found >= 0:
                self._position -= len(chunk) - found - 1
                return line + chunk[: found + 1]
            line += chunk
        return line

    def seek(self, offset, whence=os.SEEK_SET):
        base_position = {os.SEEK_SET: 0, os.SEEK_CUR: self._position, os.SEEK_END: len(self._data)}[whence]
        self._position = max(0, base_position + offset)
        return self._position

    def tell(self):
        return self._position

    def close(self):
        self._data = b""


class RangeFile(BufferFile):
    """A file inside a compound segment, read on demand from its ``FileRange``."""

    def __init__(self, buf, name=None, onclose=None):
        super().__init__(b"", name=name, onclose=onclose)
        self._buf = buf
        self.file = SliceReader(buf)


class PreadCompoundStorage(CompoundStorage):
    """A compound segment file whose member files are ``RangeFile``s over its open file, never mapped."""

    def __init__(self, dbfile, use_mmap=True, basepos=0):
        super().__init__(dbfile, use_mmap=False, basepos=basepos)

    def open_file(self, name, *args, **kwargs):
        offset, length = self.range(name)
        return RangeFile(FileRange(self._file.fileno(), offset, length), name=name)


def install():
    """Make segments open their compound files as ``PreadCompoundStorage``."""
    base.CompoundStorage = PreadCompoundStorage
