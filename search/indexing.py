"""The index follows the database, through one writer at a time.

Changes arrive from the loader's ``articles_changed`` signal and from model
saves/deletes (admin corrections, merges). They are collected per transaction
and, once it commits, appended to a queue file next to the index; whoever holds
the writer lock drains the whole queue with ONE Whoosh writer. A process that
cannot get the lock in time leaves its entries queued for the next drain
(``drain_queue``, also run by ``warm_up``), so no update is lost and no
LockError reaches a reader. Inside ``drain_after`` (imports of several files,
each committed on its own) the entries are queued as usual and drained once at
the end: a Whoosh commit costs far more than the few articles of one page.
"""
from __future__ import annotations

import contextlib
import fcntl
import json
import logging
import os
import threading
import time
from pathlib import Path

from django.db import transaction
from django.db.models import signals
from haystack.signals import BaseSignalProcessor

from archive.signals import articles_changed
from search.whoosh_codec import CachedLengthsCodec

log = logging.getLogger(__name__)

LOCK_TIMEOUT = 120.0
# Whoosh spills postings to pickled temp runs above this (≈180 bytes per posting, ~530 postings per
# article): a 10,000-article batch (settings' BATCH_SIZE) fits; spilling made indexing 40% slower.
WRITER_MEMORY_MB = 2048
PARALLEL_MIN_DOCUMENTS = 1000
MAX_WRITER_PROCESSES = 4
QUERY_CHUNK = 500
_pending = threading.local()
_held = threading.local()
_deferred = threading.local()


class IndexBusyError(RuntimeError):
    """Another process kept the index writer longer than ``LOCK_TIMEOUT``."""


def _side_file(backend, suffix):
    return Path(f"{os.path.normpath(backend.path)}.{suffix}")


@contextlib.contextmanager
def _flock(path: Path, timeout: float):
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "a+") as handle:
        deadline = time.monotonic() + timeout
        while True:
            try:
                fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() > deadline:
                    raise IndexBusyError(f"index lock {path} busy for {timeout:.0f}s") from None
                time.sleep(0.02)
        try:
            yield handle
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


@contextlib.contextmanager
def writer_lock(backend, timeout=None):
    """The cross-process writer lock; re-entrant within a thread (draining the queue writes under it)."""
    timeout = LOCK_TIMEOUT if timeout is None else timeout
    if getattr(_held, "depth", 0):
        _held.depth += 1
        try:
            yield
        finally:
            _held.depth -= 1
        return
    with _flock(_side_file(backend, "lock"), timeout):
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
    with writer_lock(backend, timeout):
        backend.index = backend.index.refresh()
        options = {"timeout": timeout, "codec": CachedLengthsCodec()}
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


def _article_index():
    from haystack import connections

    from archive.models import Article

    return connections["default"].get_unified_index().get_index(Article)


def _backend():
    from haystack import connections

    return connections["default"].get_backend()


def apply_changes(changed, deleted):
    """Re-index ``changed`` article ids (those no longer in the database are removed) and remove ``deleted``."""
    index, backend = _article_index(), _backend()
    changed, deleted = set(changed), set(deleted)
    articles = []
    ids = sorted(changed)
    for start in range(0, len(ids), QUERY_CHUNK):
        articles.extend(index.index_queryset().filter(pk__in=ids[start : start + QUERY_CHUNK]))
    deleted |= changed - {article.pk for article in articles}
    backend.write(index, articles, [f"archive.article.{pk}" for pk in sorted(deleted)])


def _read_entries(paths):
    changed, deleted = set(), set()
    for path in paths:
        for line in path.read_text().splitlines():
            if line.strip():
                entry = json.loads(line)
                changed.update(entry.get("changed", ()))
                deleted.update(entry.get("deleted", ()))
    return changed - deleted, deleted


def drain_queue(timeout=None):
    """Apply every queued change with one writer; returns the number of articles touched.

    The queue file is renamed (under its own short lock, so no append is cut in
    half) and the renamed batches are deleted only after the index commit, so a
    failed or killed drain leaves them for the next one.
    """
    timeout = LOCK_TIMEOUT if timeout is None else timeout
    backend = _backend()
    backend.ready()
    queue = _side_file(backend, "queue")
    with writer_lock(backend, timeout):
        with _flock(_side_file(backend, "queue.lock"), timeout):
            if queue.exists() and queue.stat().st_size:
                queue.rename(queue.with_name(f"{queue.name}.{time.time_ns()}.batch"))
        batches = sorted(queue.parent.glob(f"{queue.name}.*.batch"))
        changed, deleted = _read_entries(batches)
        if changed or deleted:
            apply_changes(changed, deleted)
        for batch in batches:
            batch.unlink()
    return len(changed) + len(deleted)


def follow(changed=(), deleted=()):
    """Queue committed changes and drain the queue; failures are logged, queued entries wait for the next drain."""
    changed, deleted = [int(pk) for pk in changed], [int(pk) for pk in deleted]
    if not changed and not deleted:
        return
    try:
        backend = _backend()
        backend.ready()
        with _flock(_side_file(backend, "queue.lock"), LOCK_TIMEOUT), open(_side_file(backend, "queue"), "a") as queue:
            queue.write(json.dumps({"changed": changed, "deleted": deleted}) + "\n")
        if getattr(_deferred, "active", False):
            _deferred.queued = True
        else:
            drain_queue()
    except Exception:
        log.exception("search index update postponed (articles changed %s, deleted %s)", changed, deleted)


@contextlib.contextmanager
def drain_after():
    """Leave changes committed inside the block queued, and drain them with one writer when it ends.

    Each commit's entries reach the queue file at once, so a failure or a kill
    midway loses nothing: the end of the block, or the next drain, applies them.
    Nested blocks drain with the outermost.
    """
    if getattr(_deferred, "active", False):
        yield
        return
    _deferred.active, _deferred.queued = True, False
    try:
        yield
    finally:
        _deferred.active = False
        if _deferred.queued:
            try:
                drain_queue()
            except Exception:
                log.exception("search index update postponed; the queued changes wait for the next drain")


def _flush_pending():
    changed = getattr(_pending, "changed", set())
    deleted = getattr(_pending, "deleted", set())
    _pending.changed, _pending.deleted = set(), set()
    follow(changed - deleted, deleted)


def schedule(changed=(), deleted=()):
    """Remember ids changed in the current transaction; they are indexed once it commits."""
    if not hasattr(_pending, "changed"):
        _pending.changed, _pending.deleted = set(), set()
    _pending.changed.update(changed)
    _pending.deleted.update(deleted)
    transaction.on_commit(_flush_pending)


def _on_articles_changed(sender, changed=(), deleted=(), **kwargs):
    follow(changed, deleted)


def _on_article_saved(sender, instance, **kwargs):
    schedule(changed=[instance.pk])


def _on_article_deleted(sender, instance, **kwargs):
    schedule(deleted=[instance.pk])


def _on_mention_changed(sender, instance, **kwargs):
    schedule(changed=[instance.article_id])


def _on_person_saved(sender, instance, created=False, **kwargs):
    if not created:
        schedule(changed=list(instance.mentions.values_list("article_id", flat=True)))


def _on_district_saved(sender, instance, created=False, **kwargs):
    if not created:
        schedule(changed=list(instance.articles.values_list("pk", flat=True)))


def _on_district_deleting(sender, instance, **kwargs):
    schedule(changed=list(instance.articles.values_list("pk", flat=True)))


def _on_issue_saved(sender, instance, created=False, **kwargs):
    if not created:
        schedule(changed=[pk for pk in instance.pages.values_list("articles__pk", flat=True) if pk is not None])


def _on_article_districts_changed(sender, instance, action, reverse, pk_set, **kwargs):
    if action.startswith("post_"):
        schedule(changed=(pk_set or ()) if reverse else [instance.pk])


class IndexFollowsDatabase(BaseSignalProcessor):
    """haystack signal processor (``HAYSTACK_SIGNAL_PROCESSOR``): wires the receivers above."""

    def _receivers(self):
        from archive.models import Article, District, Issue, Mention, Person

        return [
            (articles_changed, _on_articles_changed, None),
            (signals.post_save, _on_article_saved, Article),
            (signals.post_delete, _on_article_deleted, Article),
            (signals.post_save, _on_mention_changed, Mention),
            (signals.post_delete, _on_mention_changed, Mention),
            (signals.post_save, _on_person_saved, Person),
            (signals.post_save, _on_district_saved, District),
            (signals.pre_delete, _on_district_deleting, District),
            (signals.post_save, _on_issue_saved, Issue),
            (signals.m2m_changed, _on_article_districts_changed, Article.districts.through),
        ]

    def setup(self):
        for signal, receiver, sender in self._receivers():
            signal.connect(receiver, sender=sender, dispatch_uid=f"search.{receiver.__name__}")

    def teardown(self):
        for signal, receiver, sender in self._receivers():
            signal.disconnect(receiver, sender=sender, dispatch_uid=f"search.{receiver.__name__}")
