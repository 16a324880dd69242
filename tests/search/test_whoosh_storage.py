"""Whoosh's compound segment files are read with pread on demand: never mapped, never copied per process."""
import io
import os
import pickle
import random

import pytest
from haystack import connections
from whoosh.codec import base

from search.whoosh_storage import FileRange, PreadCompoundStorage, RangeFile, SliceReader


@pytest.fixture
def engine(search_index):
    """Seed articles go into the Whoosh index only."""
    return search_index


def test_the_reader_behaves_like_an_in_memory_file(tmp_path):
    rng = random.Random(4)
    data = bytes(rng.randrange(256) for _ in range(10000)) + b"line one\nline two\n" + pickle.dumps({"k": [1, 2]})
    path = tmp_path / "data"
    path.write_bytes(b"head" + data + b"tail")
    fd = os.open(path, os.O_RDONLY)
    ours, theirs = SliceReader(FileRange(fd, 4, len(data))), io.BytesIO(data)
    for _ in range(300):
        operation = rng.choice(["read", "seek", "seek_cur", "seek_end", "readline", "readinto"])
        size = rng.choice([-1, 0, 1, 7, 100, 5000])
        if operation == "read":
            assert ours.read(size) == theirs.read(size)
        elif operation == "seek":
            position = rng.randrange(len(data) + 10)
            assert ours.seek(position) == theirs.seek(position)
        elif operation == "seek_cur":
            assert ours.seek(3, os.SEEK_CUR) == theirs.seek(3, os.SEEK_CUR)
        elif operation == "seek_end":
            assert ours.seek(-20, os.SEEK_END) == theirs.seek(-20, os.SEEK_END)
        elif operation == "readline":
            assert ours.readline(size) == theirs.readline(size)
        else:
            mine, other = bytearray(max(size, 0)), bytearray(max(size, 0))
            assert ours.readinto(mine) == theirs.readinto(other) and mine == other
        assert ours.tell() == theirs.tell()
    start = data.index(b"\x80", len(data) - 40)
    ours.seek(start)
    assert pickle.load(ours) == {"k": [1, 2]}
    os.close(fd)


def test_segment_files_are_read_on_demand_without_a_map(seed_articles):
    assert base.CompoundStorage is PreadCompoundStorage
    backend = connections["default"].get_backend()
    with backend.index.refresh().searcher() as searcher:
        reader = searcher.reader().leaf_readers()[0][0]
        storage = reader.storage().a  # the segment's own compound storage, overlaid on the index folder
        assert isinstance(storage, PreadCompoundStorage) and storage._source is None
        name = max(storage.list(), key=storage.file_length)
        opened = storage.open_file(name)
        assert isinstance(opened, RangeFile) and isinstance(opened.file, SliceReader)
        with open(backend.index.storage._fpath(reader.segment().make_filename(".seg")), "rb") as whole:
            offset, length = storage.range(name)
            whole.seek(offset)
            expected = whole.read(length)
        assert opened.get(0, length) == expected and opened.get(length - 9, 20) == expected[-9:]
        assert opened.file.read(4) == expected[:4]
