"""The Whoosh index's single writer: one at a time across processes, forked writers for bulk batches.

A second ``ix.writer()`` raises LockError at once, and haystack's ``remove()`` then logged
the error and left deleted articles in the index; here every write waits for a
cross-process ``flock`` instead. Bulk batches are analysed by one forked writer process
per core; those children die with their parent (``PR_SET_PDEATHSIG``), so a killed
import leaves no writer hanging on a pipe with the index's temporary files.
"""
from __future__ import annotations

import contextlib
import ctypes
import os
import shutil
import signal
import threading
from pathlib import Path

from search.locks import file_lock
from search.whoosh_codec import CompactCodec

LOCK_TIMEOUT = 120.0
# Whoosh spills postings to pickled temp runs above this (≈180 bytes per posting with positions, less
# without, ~530 postings per article): a 30,000-article batch (settings' BATCH_SIZE) fits; spilling
# made indexing 40% slower.
WRITER_MEMORY_MB = 3072
PARALLEL_MIN_DOCUMENTS = 1000
MAX_WRITER_PROCESSES = 4
_held = threading.local()
_forking_writers = {"parent": None}


def _side_file(backend, suffix):
    return Path(f"{os.path.normpath(backend.path)}.{suffix}")


@contextlib.contextmanager
def writer_lock(backend, timeout=None):
    """The cross-process writer lock; re-entrant within a thread."""
    timeout = LOCK_TIMEOUT if timeout is None else timeout
    if getattr(_held, "depth", 0):
        _held.depth += 1
        try:
            yield
        finally:
            _held.depth -= 1
        return
    with file_lock(_side_file(backend, "lock"), timeout):
        _held.depth = 1
        try:
            yield
        finally:
            _held.depth = 0


def writer_processes(documents: int) -> int:
    """How many processes should analyse ``documents`` new documents: one per core for bulk batches.

    Whoosh's pure-Python posting work costs about three times jieba's tokenizing
    (profiled: add_document and the segment flush, not the analysis), so only
    spreading it over the cores brings a rebuild near jieba's own speed. Forked
    writers each finish a segment of their own (no merge at commit); below
    ``PARALLEL_MIN_DOCUMENTS`` the fork and the extra segments cost more than they save.
    """
    cores = len(os.sched_getaffinity(0))
    return min(cores, MAX_WRITER_PROCESSES) if documents >= PARALLEL_MIN_DOCUMENTS else 1


@contextlib.contextmanager
def index_writer(backend, mergetype=None, timeout=None, processes=1):
    """A Whoosh writer held under ``writer_lock``; committed on success, cancelled on error.

    ``processes`` > 1 gives Whoosh's multiprocessing writer (forked children: the
    parent's jieba dictionary comes along), each child with its share of the memory.
    """
    timeout = LOCK_TIMEOUT if timeout is None else timeout
    with writer_lock(backend, timeout), _children_die_with(processes > 1):
        _remove_stale_job_folders(backend.path)
        backend.index = backend.index.refresh()
        options = {"timeout": timeout, "codec": CompactCodec()}
        if processes > 1:
            writer = backend.index.writer(
                procs=processes, multisegment=True, limitmb=WRITER_MEMORY_MB // processes, **options
            )
        else:
            writer = backend.index.writer(limitmb=WRITER_MEMORY_MB, **options)
        try:
            yield writer
        except BaseException:
            writer.cancel()
            raise
        if mergetype is None:
            writer.commit()
        else:
            writer.commit(mergetype=mergetype)


PR_SET_PDEATHSIG = 1


def _remove_stale_job_folders(path):
    """Delete the ``*.tmp`` job folders a killed multiprocessing writer left in the index folder.

    Whoosh's forked writers read their documents from pickled job files in such folders and
    delete them when done; under the writer lock no writer is running, so any left are stale.
    """
    for folder in Path(path).glob("*.tmp"):
        if folder.is_dir():
            shutil.rmtree(folder, ignore_errors=True)


def _die_with_parent():
    """In a forked writer: ask the kernel for SIGKILL when the parent dies (or exit if it already has)."""
    parent = _forking_writers["parent"]
    if parent is None:
        return
    _forking_writers["parent"] = None
    libc = ctypes.CDLL(None, use_errno=True)
    libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL)
    if os.getppid() != parent:
        os._exit(1)


os.register_at_fork(after_in_child=_die_with_parent)


@contextlib.contextmanager
def _children_die_with(forking: bool):
    """Processes forked inside the block (Whoosh's writer children) are killed when this process dies."""
    if not forking:
        yield
        return
    _forking_writers["parent"] = os.getpid()
    try:
        yield
    finally:
        _forking_writers["parent"] = None
