"""The index follows the database, on every engine, and never falls silently behind.

Every change to what an article's index entry holds (imports and corrections through
``archive.signals.articles_changed``, model saves and deletes from the admin) writes a
``PendingChange`` row INSIDE the transaction that makes it. Once the transaction commits
the rows are drained: the articles' current state goes to the engine in one commit and
the rows are deleted. If the process is killed in between, or the engine is down, the
rows stay (with the attempt and the error) and the next drain applies them: every
import, ``warm_up`` of a worker, ``search_status --repair``, and every ``RETRY_SECONDS``
a thread of each gunicorn worker (``keep_retrying``). ``search_status`` reports them.

Drains are serialised (a file lock beside the database, and an advisory lock on
PostgreSQL for several hosts), so an older state can never overwrite a newer one.
Inside ``archive.signals.changes_batched`` (imports of several files, each committed on
its own) the rows wait and are drained once when the batch ends.
"""
from __future__ import annotations

import contextlib
import logging
import threading
from dataclasses import dataclass, field
from pathlib import Path

from django.conf import settings
from django.db import connection, transaction
from django.db.models import F, Min, signals
from django.utils import timezone
from haystack.signals import BaseSignalProcessor

from archive.signals import articles_changed, batch_finished, batch_started
from search.locks import IndexBusyError, file_lock
from search.models import PendingChange

log = logging.getLogger(__name__)

DRAIN_CHUNK = 5000
DRAIN_LOCK_TIMEOUT = 120.0
RETRY_SECONDS = 30.0
QUERY_CHUNK = 500
ADVISORY_LOCK_KEY = 0x5EA2C4  # PostgreSQL advisory lock id of the drain
_batch = threading.local()


class IndexLagging(RuntimeError):
    """The engine did not take pending changes; they stay recorded and are retried."""


def article_index():
    from haystack import connections

    from archive.models import Article

    return connections["default"].get_unified_index().get_index(Article)


def backend():
    from haystack import connections

    return connections["default"].get_backend()


def record(changed=(), deleted=()):
    """Record that the index entries of these articles are out of date (inside the current transaction)."""
    ids = {int(pk) for pk in (*changed, *deleted)}
    if not ids:
        return
    PendingChange.objects.bulk_create([PendingChange(article_id=pk) for pk in sorted(ids)])
    if not getattr(_batch, "depth", 0):
        transaction.on_commit(drain_quietly)


def apply_changes(article_ids):
    """Give the engine the current state of ``article_ids``: re-index those that exist, remove the others."""
    index = article_index()
    ids = sorted(set(article_ids))
    articles = []
    for start in range(0, len(ids), QUERY_CHUNK):
        articles.extend(index.index_queryset().filter(pk__in=ids[start : start + QUERY_CHUNK]))
    removed = set(ids) - {article.pk for article in articles}
    backend().apply(index, articles, [f"archive.article.{pk}" for pk in sorted(removed)])


@contextlib.contextmanager
def drain_lock(timeout=DRAIN_LOCK_TIMEOUT):
    """One drain at a time: a file lock on this host, and PostgreSQL's advisory lock across hosts."""
    with file_lock(Path(settings.DATA_DIR) / "search-drain.lock", timeout):
        if connection.vendor != "postgresql":
            yield
            return
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_lock(%s)", [ADVISORY_LOCK_KEY])
        try:
            yield
        finally:
            with connection.cursor() as cursor:
                cursor.execute("SELECT pg_advisory_unlock(%s)", [ADVISORY_LOCK_KEY])


def drain(timeout=DRAIN_LOCK_TIMEOUT) -> int:
    """Apply every pending change; returns the number of articles applied.

    Raises IndexLagging when the engine fails (the rows keep the attempt and the error),
    IndexBusyError when another drain holds the lock longer than ``timeout``.
    """
    applied = 0
    with drain_lock(timeout):
        while True:
            rows = list(PendingChange.objects.order_by("pk").values_list("pk", "article_id")[:DRAIN_CHUNK])
            if not rows:
                return applied
            keys = [pk for pk, _ in rows]
            try:
                apply_changes(article_id for _, article_id in rows)
            except Exception as error:
                PendingChange.objects.filter(pk__in=keys).update(
                    attempts=F("attempts") + 1, last_error=f"{type(error).__name__}: {error}"[:2000],
                    last_attempt_at=timezone.now(),
                )
                raise IndexLagging(f"{len(keys)} 条索引更新未能写入：{error}") from error
            PendingChange.objects.filter(pk__in=keys).delete()
            applied += len({article_id for _, article_id in rows})


def drain_quietly(timeout=DRAIN_LOCK_TIMEOUT) -> int:
    """``drain`` for hooks that must not fail the caller (the change itself is committed): failures are logged."""
    try:
        return drain(timeout)
    except (IndexLagging, IndexBusyError) as error:
        log.warning("search index behind the database, changes kept for the next drain: %s", error)
    except Exception:
        log.exception("search index drain failed; changes kept for the next drain")
    return 0


def keep_retrying(interval=RETRY_SECONDS, stop: threading.Event | None = None) -> threading.Thread:
    """Start a daemon thread draining changes an earlier drain could not apply (engine down), every ``interval``
    seconds until ``stop`` is set; returns the thread."""
    stop = stop or threading.Event()

    def loop():
        while not stop.wait(interval):
            try:
                if PendingChange.objects.exists():
                    drain_quietly(timeout=1.0)
            except Exception:
                log.exception("search index retry failed")
            finally:
                connection.close()

    thread = threading.Thread(target=loop, name="search-index-retry", daemon=True)
    thread.start()
    return thread


@dataclass
class IndexReport:
    """The index against the database: what ``search_status`` prints and monitoring reads."""

    engine: str
    database: int
    indexed: int
    missing: list[int] = field(default_factory=list)  # in the database, not in the index
    extra: list[int] = field(default_factory=list)  # in the index, not in the database
    pending: int = 0
    failing: int = 0  # pending changes the engine has refused at least once
    oldest_pending: object = None
    last_error: str = ""
    outdated: bool = False  # the index was built with another schema: it must be rebuilt

    @property
    def consistent(self) -> bool:
        return not (self.missing or self.extra or self.pending or self.outdated)

    def as_json(self) -> dict:
        return {
            "engine": self.engine, "database": self.database, "indexed": self.indexed,
            "missing": len(self.missing), "extra": len(self.extra), "pending": self.pending,
            "failing": self.failing, "oldest_pending": self.oldest_pending.isoformat() if self.oldest_pending else None,
            "last_error": self.last_error, "outdated": self.outdated, "consistent": self.consistent,
        }


def report() -> IndexReport:
    """Compare the database's articles with the engine's documents; raises what the engine raises when down."""
    from archive.models import Article

    engine = backend()
    in_database = set(Article.objects.values_list("pk", flat=True))
    in_index = engine.indexed_ids()
    pending = PendingChange.objects.aggregate(oldest=Min("created_at"))
    failing = PendingChange.objects.filter(attempts__gt=0)
    last = failing.order_by("-last_attempt_at").values_list("last_error", flat=True).first()
    return IndexReport(
        engine=type(engine).__name__,
        database=len(in_database),
        indexed=len(in_index),
        missing=sorted(in_database - in_index),
        extra=sorted(in_index - in_database),
        pending=PendingChange.objects.count(),
        failing=failing.count(),
        oldest_pending=pending["oldest"],
        last_error=last or "",
        outdated=engine.schema_outdated(),
    )


def repair() -> IndexReport:
    """Bring the index up to date and return the new report.

    An index of another schema is emptied first; then pending changes are drained, what
    is missing is indexed and what is extra removed (an empty index is filled this way).
    """
    if backend().schema_outdated():
        with drain_lock():
            backend().clear()
    drain()
    found = report()
    if found.missing or found.extra:
        with drain_lock():
            for start in range(0, len(found.missing), DRAIN_CHUNK):
                apply_changes(found.missing[start : start + DRAIN_CHUNK])
            if found.extra:
                apply_changes(found.extra)
    return report()


def _on_batch_started(sender, **kwargs):
    _batch.depth = getattr(_batch, "depth", 0) + 1


def _on_batch_finished(sender, **kwargs):
    _batch.depth -= 1
    if not _batch.depth:
        drain_quietly()


def _on_articles_changed(sender, changed=(), deleted=(), **kwargs):
    record(changed, deleted)


def _on_article_saved(sender, instance, **kwargs):
    record(changed=[instance.pk])


def _on_article_deleted(sender, instance, **kwargs):
    record(deleted=[instance.pk])


def _on_mention_changed(sender, instance, **kwargs):
    record(changed=[instance.article_id])


def _on_person_saved(sender, instance, created=False, **kwargs):
    if not created:
        record(changed=list(instance.mentions.values_list("article_id", flat=True)))


def _on_district_saved(sender, instance, created=False, **kwargs):
    if not created:
        record(changed=list(instance.articles.values_list("pk", flat=True)))


def _on_district_deleting(sender, instance, **kwargs):
    record(changed=list(instance.articles.values_list("pk", flat=True)))


def _on_issue_saved(sender, instance, created=False, **kwargs):
    if not created:
        record(changed=[pk for pk in instance.pages.values_list("articles__pk", flat=True) if pk is not None])


def _on_page_saved(sender, instance, created=False, **kwargs):
    """An editor's new page label changes its articles' page number (the page_number filter)."""
    if not created:
        record(changed=list(instance.articles.values_list("pk", flat=True)))


def _on_article_districts_changed(sender, instance, action, reverse, pk_set, **kwargs):
    if action.startswith("post_"):
        record(changed=(pk_set or ()) if reverse else [instance.pk])


class IndexFollowsDatabase(BaseSignalProcessor):
    """haystack signal processor (``HAYSTACK_SIGNAL_PROCESSOR``): wires the receivers above."""

    def _receivers(self):
        from archive.models import Article, District, Issue, Mention, Page, Person

        return [
            (articles_changed, _on_articles_changed, None),
            (batch_started, _on_batch_started, None),
            (batch_finished, _on_batch_finished, None),
            (signals.post_save, _on_article_saved, Article),
            (signals.post_delete, _on_article_deleted, Article),
            (signals.post_save, _on_mention_changed, Mention),
            (signals.post_delete, _on_mention_changed, Mention),
            (signals.post_save, _on_person_saved, Person),
            (signals.post_save, _on_district_saved, District),
            (signals.pre_delete, _on_district_deleting, District),
            (signals.post_save, _on_issue_saved, Issue),
            (signals.post_save, _on_page_saved, Page),
            (signals.m2m_changed, _on_article_districts_changed, Article.districts.through),
        ]

    def setup(self):
        for signal, receiver, sender in self._receivers():
            signal.connect(receiver, sender=sender, dispatch_uid=f"search.{receiver.__name__}")

    def teardown(self):
        for signal, receiver, sender in self._receivers():
            signal.disconnect(receiver, sender=sender, dispatch_uid=f"search.{receiver.__name__}")
