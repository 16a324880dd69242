"""The Whoosh index's single writer: one at a time across processes, forked writers for bulk batches.

A second ``ix.writer()`` raises LockError at once, and haystack's ``remove()`` then logged
the error and left deleted articles in the index; here every write waits for a
cross-process ``flock`` instead. Bulk batches are shared between the writer and forked
writer processes (one per core in all); those children die with their parent
(``PR_SET_PDEATHSIG``), so a killed import leaves no writer behind.
"""
from __future__ import annotations

import contextlib
import ctypes
import os
import pickle
import shutil
import signal
import threading
from pathlib import Path

from whoosh.system import pack_uint
from whoosh.writing import SegmentWriter

from archive.ingest.collector import collector_paused
from search.locks import file_lock
from search.whoosh_codec import CompactCodec

LOCK_TIMEOUT = 120.0
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
def index_writer(backend, mergetype=None, timeout=None):
    """A ``PooledSegmentWriter`` held under ``writer_lock``; committed on success, cancelled on error.

    Its ``add_in_child`` analyses shares of a batch in forked processes (the parent's
    jieba dictionary comes along).
    """
    timeout = LOCK_TIMEOUT if timeout is None else timeout
    with writer_lock(backend, timeout):
        _remove_stale_job_folders(backend.path)
        backend.index = backend.index.refresh()
        writer = PooledSegmentWriter(backend.index, timeout=timeout, codec=CompactCodec())
        # a pool's millions of postings lists were walked again and again by collections of the older
        # generations (a tenth of a rebuild's CPU); forked writers inherit the paused collector
        with collector_paused():
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
    """Delete the ``*.tmp`` folders a killed writer left in the index folder.

    Every Whoosh writer makes one and deletes it when it ends; under the writer lock no
    writer is running, so any left are stale.
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


class TermPool:
    """A segment writer's postings grouped by term as documents are added, in place of Whoosh's pool.

    Whoosh's ``PostingPool`` keeps one (field, term, document, weight, value) tuple per
    posting and sorts them all when the segment is written; grouping them by term
    sorts only the terms, and the codec writes each term's postings with list
    operations (``CompactFieldWriter.add_terms``). Everything stays in memory (Whoosh's pool
    spilled to temporary runs, 40% slower): each of two processes sharing a batch (settings'
    BATCH_SIZE) holds ≈ 5 million postings per 15,000 articles of its share.

    A field whose postings are plain term frequencies (``counted``, see
    ``PooledSegmentWriter.add_document``) keeps, per term text, one flat list of document
    numbers and frequencies (``[doc, freq, doc, freq, …]``): two appends per posting, no
    tuple, no encoded value; the codec derives weights and values from the frequencies.
    """

    def __init__(self):
        self.postings: dict[tuple[str, bytes], tuple[list, list, list]] = {}
        self.counted: dict[str, dict[str, list[int]]] = {}
        self.fieldnames: set[str] = set()
        self._unordered: set[tuple[str, bytes]] = set()

    def add(self, item):
        """One posting (fieldname, term bytes, document number, weight, value bytes), as Whoosh's pool takes it."""
        fieldname, btext, docnum, weight, value = item
        key = (fieldname, btext)
        postings = self.postings.get(key)
        if postings is None:
            self.fieldnames.add(fieldname)
            postings = self.postings[key] = ([], [], [])
        elif docnum < postings[0][-1]:
            self._unordered.add(key)
        postings[0].append(docnum)
        postings[1].append(weight)
        postings[2].append(value)

    def add_counts(self, fieldname: str, docnum: int, counts: dict[str, int]):
        """A document's postings in a counted field: how often each term text occurs (``docnum`` increasing)."""
        if not counts:
            return
        terms = self.counted.get(fieldname)
        if terms is None:
            terms = self.counted[fieldname] = {}
        get = terms.get
        for text, frequency in counts.items():
            postings = get(text)
            if postings is None:
                terms[text] = [docnum, frequency]
            else:
                postings.append(docnum)
                postings.append(frequency)

    def fields(self):
        """(fieldname, counted terms or None, ``terms`` of the field's other postings), by field name.

        Counted terms are (term text, flat postings) in term order (a str's order is its UTF-8 bytes').
        """
        for fieldname in sorted(self.fieldnames | self.counted.keys()):
            counted = self.counted.get(fieldname)
            if counted is not None and fieldname in self.fieldnames:
                self._add_counted_as_postings(fieldname, counted)
                counted = None
            ordered = sorted(counted.items()) if counted is not None else None
            yield fieldname, ordered, self.terms(fieldname)

    def _add_counted_as_postings(self, fieldname, counted):
        """Merge a counted field into the general postings (a field some document added otherwise)."""
        for text, flat in counted.items():
            btext = text.encode("utf-8")
            for docnum, frequency in zip(flat[::2], flat[1::2], strict=True):
                self.add((fieldname, btext, docnum, float(frequency), pack_uint(frequency)))
        del self.counted[fieldname]

    def terms(self, fieldname=None):
        """((fieldname, term bytes), (ids, weights, values)) in term order, each term's postings by document;
        with ``fieldname``, that field's only."""
        keys = self.postings if fieldname is None else (key for key in self.postings if key[0] == fieldname)
        for key in sorted(keys):
            postings = self.postings[key]
            if key in self._unordered:
                ordered = sorted(zip(*postings, strict=True), key=lambda posting: posting[0])
                postings = tuple(map(list, zip(*ordered, strict=True)))
            yield key, postings

    def iter_postings(self):
        """Whoosh's pool interface: one (fieldname, term bytes, id, weight, value) per posting, in order."""
        for fieldname in sorted(self.counted):
            self._add_counted_as_postings(fieldname, self.counted[fieldname])
        for (fieldname, btext), postings in self.terms():
            for docnum, weight, value in zip(*postings, strict=True):
                yield fieldname, btext, docnum, weight, value

    def cleanup(self):
        self.postings.clear()
        self.counted.clear()
        self._unordered.clear()


def _term_counts(field, value) -> dict[str, int] | None:
    """How often each term text occurs in ``value``, if ``field`` counts its terms so (else None)."""
    count = getattr(field, "term_counts", None)
    return count(value) if count is not None else None


class PooledSegmentWriter(SegmentWriter):
    """Whoosh's segment writer with a ``TermPool``, and shares of a batch analysed by forked children.

    ``add_in_child`` forks a process that writes the documents given to it as a segment of
    its own and sends the segment back through a pipe; ``commit`` adds those segments to
    the index beside this writer's (as Whoosh's multiprocessing writer does with
    ``multisegment``, without pickling every document to a job file).
    """

    def __init__(self, ix, **kwargs):
        super().__init__(ix, **kwargs)
        self.pool = TermPool()
        self._index = ix
        self._children: list[tuple[int, int]] = []
        self._child_segments = []
        self._indexed: dict[tuple, list] = {}

    def add_document(self, **fields):
        """Whoosh's ``add_document``, with the terms of a field that counts them (``term_counts``) pooled whole.

        Whoosh hands the pool one tuple per posting through a generator of encoded terms
        (a sixth of a rebuild); a field with ``term_counts(value)`` (``ChainText``) gives
        the document's term frequencies at once, pooled by ``TermPool.add_counts``, unless
        the document boosts the field.
        """
        self._check_state()
        perdocwriter, schema, docnum = self.perdocwriter, self.schema, self.docnum
        docboost = self._doc_boost(fields)
        fieldnames = sorted(name for name in fields if not name.startswith("_"))
        self._check_fields(schema, fieldnames)
        perdocwriter.start_doc(docnum)
        for fieldname in fieldnames:
            value = fields[fieldname]
            if value is None:
                continue
            field = schema[fieldname]
            length = 0
            if field.indexed:
                fieldboost = self._field_boost(fields, fieldname, docboost)
                counts = _term_counts(field, value) if fieldboost == 1.0 else None
                if counts is not None:
                    self.pool.add_counts(fieldname, docnum, counts)
                    length = sum(counts.values()) if field.scorable else 0
                else:
                    for tbytes, freq, weight, vbytes in self._field_terms(fieldname, field, value):
                        if field.scorable:
                            length += freq
                        self.pool.add((fieldname, tbytes, docnum, weight * fieldboost, vbytes))
            if field.separate_spelling():
                spellfield = field.spelling_fieldname(fieldname)
                for word in field.spellable_words(value):
                    self.pool.add((spellfield, word.encode("utf-8"), 0, 1, b""))
            if field.vector:
                vitems = sorted((text, weight, vbytes) for text, _, weight, vbytes
                                in field.vector.word_values(value, field.analyzer, mode="index"))
                perdocwriter.add_vector_items(fieldname, field, vitems)
            customval = fields.get(f"_stored_{fieldname}", value)
            perdocwriter.add_field(fieldname, field, customval if field.stored else None, length)
            if field.column_type and customval is not None:
                perdocwriter.add_column_value(fieldname, field.column_type, field.to_column_value(customval))
        perdocwriter.finish_doc()
        self._added = True
        self.docnum += 1

    def _field_terms(self, fieldname, field, value) -> list:
        """``field.index(value)`` as a list, remembered per value in this writer.

        The fields without ``term_counts`` (dates, numbers, identifiers, facet keywords) mostly
        repeat a few values (a day's articles share its date and edition), and Whoosh analyses
        each through generators of tokens: a twentieth of a rebuild. An unhashable value (a
        list) is analysed every time.
        """
        key = (fieldname, type(value), value)
        try:
            terms = self._indexed.get(key)
        except TypeError:
            return list(field.index(value))
        if terms is None:
            terms = self._indexed[key] = list(field.index(value))
        return terms

    def _flush_segment(self):
        self.perdocwriter.close()
        lengths = self.per_document_reader() if self.codec.length_stats else None
        if hasattr(self.fieldwriter, "add_field_terms"):
            for fieldname, counted, terms in self.pool.fields():
                field_lengths = lengths.field_lengths(fieldname) if lengths else None
                self.fieldwriter.add_field_terms(fieldname, self.schema[fieldname], field_lengths, counted, terms)
        else:
            self.fieldwriter.add_postings(self.schema, lengths, self.pool.iter_postings())
        self.fieldwriter.close()
        if lengths:
            lengths.close()

    def add_in_child(self, documents):
        """Fork a process writing ``documents`` (an iterable of dicts of ``add_document`` fields, iterated in
        the child) as its own segment."""
        read_end, write_end = os.pipe()
        with _children_die_with(True):
            pid = os.fork()
        if pid:
            os.close(write_end)
            self._children.append((pid, read_end))
            return
        os.close(read_end)
        status = 1
        try:
            child = PooledSegmentWriter(self._index, _lk=False, codec=self.codec)
            for fields in documents:
                child.add_document(**fields)
            result = ("segment", child._finalize_segment())
            status = 0
        except BaseException as error:  # reported to the parent, which raises it
            result = ("error", f"{type(error).__name__}: {error}")
        with os.fdopen(write_end, "wb") as pipe:
            pipe.write(pickle.dumps(result))
        os._exit(status)

    def _collect_children(self):
        """Wait for every forked child; raises RuntimeError if one failed (after all have ended)."""
        errors = []
        for pid, read_end in self._children:
            with os.fdopen(read_end, "rb") as pipe:
                data = pipe.read()
            _, status = os.waitpid(pid, 0)
            kind, value = pickle.loads(data) if data else ("error", f"writer process ended with status {status}")
            if kind == "segment" and status == 0:
                self._child_segments.append(value)
            else:
                errors.append(value)
        self._children = []
        if errors:
            raise RuntimeError(f"index writer process failed: {errors[0]}")

    def commit(self, mergetype=None, optimize=None, merge=None):
        """Whoosh's commit, with the forked writers' segments added in document order.

        This writer's own segment is written before waiting for the forked writers, so it is
        written while they write theirs; it still goes after theirs in the index (its share is
        a batch's last), so document numbers are those of a serial rebuild.
        """
        self._check_state()
        segments = self._merge_segments(mergetype, optimize, merge)
        own = []
        try:
            if self._added:
                own.append(self._finalize_segment())
            else:
                self._close_segment()
            self._collect_children()
        except BaseException:
            self.cancel()
            raise
        self._commit_toc(segments + self._child_segments + own)
        self._finish()

    def cancel(self):
        try:
            self._collect_children()
        except RuntimeError:
            pass
        finally:
            super().cancel()
