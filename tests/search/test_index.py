"""The embedded engine's own index: schema, parallel writers, one writer across processes, searcher reuse.

What every engine must do (haystack commands, following the database) is in ``test_contract``.
"""
import io
import json
import subprocess
import sys
import threading
import time
from datetime import date

import pytest
from django.core.management import call_command
from haystack import connections
from whoosh.fields import ID as WHOOSH_ID
from whoosh.fields import Schema

from archive.models import Article, Issue, Mention, Page, Person
from search import backend as backend_module
from search import generation, indexing, whoosh_writer
from search.analysis import JiebaBigramTokenizer
from search.engine import SearchRequest, run_search
from search.models import PendingChange


def ids_for(q="", **filters):
    return {hit.article_id for hit in run_search(SearchRequest(q=q, per_page=100, **filters)).hits}


def doc_count():
    return generation.current().searcher.doc_count()


@pytest.fixture
def engine(search_index):
    """These tests are about the Whoosh index itself: seed articles go into it only."""
    return search_index


@pytest.fixture
def page(db):
    issue = Issue.objects.create(date=date(2021, 5, 6))
    return Page.objects.create(issue=issue, source_file="p.txt", raw_text="", sha256="0" * 64)


def test_schema_uses_the_analysis_everywhere_and_stores_no_body(search_index):
    schema = search_index.index.schema
    for name in ("text", "headline", "subtitles"):
        assert isinstance(schema[name].analyzer, JiebaBigramTokenizer)
    assert not schema["text"].stored and schema["headline"].stored
    assert not schema["text"].spelling


def test_bulk_writes_in_parallel_processes_match_a_serial_rebuild(seed_articles, monkeypatch):
    """Inside the test's transaction, as inside one of the database's: the batch is read before forking."""
    check_parallel_rebuild_matches_serial(monkeypatch)


@pytest.mark.django_db(transaction=True)
def test_forked_writers_read_their_own_share_and_match_a_serial_rebuild(seed_articles, monkeypatch):
    check_parallel_rebuild_matches_serial(monkeypatch)


def check_parallel_rebuild_matches_serial(monkeypatch):
    def searchable():
        generation.forget()
        with connections["default"].get_backend().index.refresh().searcher() as searcher:
            stored = sorted((doc["django_id"], doc["headline"]) for doc in searcher.all_stored_fields())
        return stored, {q: ids_for(q) for q in ("会议", "全市", "示范区", '"城乡一体化"')}

    serial = searchable()
    monkeypatch.setattr(backend_module, "writer_processes", lambda documents: 2)
    forks = []
    add_in_child = whoosh_writer.PooledSegmentWriter.add_in_child
    monkeypatch.setattr(whoosh_writer.PooledSegmentWriter, "add_in_child",
                        lambda writer, documents: forks.append(writer) or add_in_child(writer, documents))
    call_command("rebuild_index", interactive=False, verbosity=0)
    half = -(-Article.objects.count() // 2)
    segments = connections["default"].get_backend().index.refresh()._segments()
    assert forks and [segment.doc_count_all() for segment in segments] == [half, Article.objects.count() - half]
    assert searchable() == serial
    call_command("update_index", verbosity=0)
    assert searchable() == serial and doc_count() == Article.objects.count()


def test_bulk_batches_use_one_writer_process_per_core(monkeypatch):
    monkeypatch.setattr(whoosh_writer.os, "sched_getaffinity", lambda pid: {0, 1})
    assert whoosh_writer.writer_processes(whoosh_writer.PARALLEL_MIN_DOCUMENTS - 1) == 1
    assert whoosh_writer.writer_processes(whoosh_writer.PARALLEL_MIN_DOCUMENTS) == 2


@pytest.mark.django_db
def test_index_batches_load_people_of_thousands_of_articles_in_three_queries(django_assert_num_queries):
    """A 5,000-article rebuild batch mentions thousands of people; SQLite must not see one OR per person."""
    from search.search_indexes import ArticleIndex

    page = Page.objects.create(
        issue=Issue.objects.create(date=date(2020, 1, 2)), source_file="many.txt", raw_text="", sha256="0" * 64
    )
    articles = Article.objects.bulk_create(
        [Article(page=page, order=n, body="正文", publication_date=page.issue.date) for n in range(1500)]
    )
    people = Person.objects.bulk_create([Person(name=f"人物{n}") for n in range(1500)])
    pairs = zip(articles, people, strict=True)
    Mention.objects.bulk_create([Mention(article=a, person=p, position=0) for a, p in pairs])
    with django_assert_num_queries(3):
        loaded = list(ArticleIndex().index_queryset())
    index = ArticleIndex()
    assert [index.prepare_officials(a) for a in loaded[:2]] == [["人物0"], ["人物1"]]


def test_update_index_batches_hold_ids_that_the_writers_read_whole_chunk_by_chunk(
    seed_articles, monkeypatch, django_assert_num_queries
):
    from search import search_indexes

    index = search_indexes.ArticleIndex()
    batch = list(index.build_queryset()[:5])
    assert [article.pk for article in batch] == sorted(article.pk for article in seed_articles)[:5]
    assert "body" in batch[0].get_deferred_fields()
    Article.objects.filter(pk=batch[1].pk).delete()
    monkeypatch.setattr(search_indexes, "LOAD_CHUNK", 2)
    with django_assert_num_queries(9):
        loaded = list(index.load(batch))
    assert [article.pk for article in loaded] == [article.pk for article in batch if article.pk != batch[1].pk]
    assert [index.full_prepare(article)["text"] for article in loaded] == [
        index.full_prepare(article)["text"] for article in index.index_queryset().filter(pk__in=[a.pk for a in loaded])
    ]
    with django_assert_num_queries(0):
        assert index.load(loaded) == loaded


HOLD_LOCK = """
import fcntl, sys, time
with open(sys.argv[1], "a+") as handle:
    fcntl.flock(handle, fcntl.LOCK_EX)
    print("locked", flush=True)
    time.sleep(float(sys.argv[2]))
"""


def hold_writer_lock(backend, seconds):
    """Another process holding the writer lock, as a second gunicorn worker or a running command would."""
    process = subprocess.Popen(
        [sys.executable, "-c", HOLD_LOCK, f"{backend.path}.lock", str(seconds)], stdout=subprocess.PIPE, text=True,
    )
    assert process.stdout.readline().strip() == "locked"
    return process


def follow(*article_ids):
    """What a committed change does: record the articles as pending and drain."""
    indexing.record(changed=article_ids)
    return indexing.drain()


def test_a_second_writer_waits_instead_of_failing(seed_articles, search_index):
    article = seed_articles[0]
    Article.objects.filter(pk=article.pk).update(headline="等待写锁的标题")
    holder = hold_writer_lock(search_index, 1.5)
    started = time.monotonic()
    follow(article.pk)
    assert time.monotonic() - started >= 1.0
    holder.wait()
    assert ids_for("等待写锁") == {article.pk}


def refused_while_busy(article, headline, backend, monkeypatch, busy_seconds):
    """``article`` retitled while another process holds the writer lock: the change is committed, the index
    refuses it (``IndexLagging``); returns the process holding the lock for ``busy_seconds``."""
    Article.objects.filter(pk=article.pk).update(headline=headline)
    monkeypatch.setattr(whoosh_writer, "LOCK_TIMEOUT", 0.2)
    holder = hold_writer_lock(backend, busy_seconds)
    with pytest.raises(indexing.IndexLagging):
        follow(article.pk)
    return holder


def test_a_busy_writer_leaves_changes_pending_with_the_error_not_lost(seed_articles, search_index, monkeypatch):
    article = seed_articles[0]
    holder = refused_while_busy(article, "排队中的标题", search_index, monkeypatch, 1.0)
    assert ids_for("排队中") == set()
    pending = PendingChange.objects.get()
    assert pending.article_id == article.pk and pending.attempts == 1 and "busy" in pending.last_error
    holder.wait()
    assert indexing.drain() == 1
    assert ids_for("排队中") == {article.pk}
    assert indexing.drain() == 0 and not PendingChange.objects.exists()


@pytest.mark.django_db(transaction=True)
def test_a_workers_retry_thread_applies_changes_left_pending_once_the_engine_is_back(
    seed_articles, search_index, monkeypatch,
):
    article = seed_articles[0]
    holder = refused_while_busy(article, "重试线程补写的标题", search_index, monkeypatch, 1.5)
    stop = threading.Event()
    retrying = indexing.keep_retrying(interval=0.1, stop=stop)
    try:
        holder.wait()
        deadline = time.monotonic() + 30
        while PendingChange.objects.exists() and time.monotonic() < deadline:
            time.sleep(0.1)
    finally:
        stop.set()
        retrying.join(10)
    assert not retrying.is_alive()
    assert not PendingChange.objects.exists()
    assert ids_for("重试线程") == {article.pk}


def test_warm_up_loads_jieba_and_opens_the_searcher(seed_articles, search_index):
    from search import dictionary
    from search.warmup import warm_up

    generation.forget()
    warm_up()
    assert dictionary.tokenizer().initialized
    assert {g.searcher.doc_count() for g in generation._generations.values()} == {Article.objects.count()}


def test_searcher_is_reused_until_another_writer_commits(seed_articles, search_index):
    first = generation.current()
    assert generation.current() is first
    other_process_index = search_index.storage.open_index()
    writer = other_process_index.writer()
    writer.delete_by_term("django_id", str(seed_articles[0].pk))
    writer.commit()
    refreshed = generation.current()
    assert refreshed is not first
    assert seed_articles[0].pk not in ids_for()


def test_segments_use_the_cached_lengths_codec_with_whoosh_lengths(seed_articles, search_index):
    from whoosh.codec.whoosh3 import W3PerDocReader

    from search.whoosh_codec import CachedLengthsCodec

    index = search_index.index.refresh()
    segments = index._segments()
    assert segments and all(isinstance(segment.codec(), CachedLengthsCodec) for segment in segments)
    for segment in segments:
        cached = segment.codec().per_document_reader(index.storage, segment)
        plain = W3PerDocReader(index.storage, segment)
        for fieldname in ("text", "headline", "officials", "no_such_field"):
            assert [cached.doc_field_length(n, fieldname) for n in range(segment.doc_count_all())] == [
                plain.doc_field_length(n, fieldname) for n in range(segment.doc_count_all())
            ]


def test_an_index_without_the_article_id_column_finds_the_same_articles_until_repaired(seed_articles, search_index):
    queries = ("会议", "全市", "示范区")
    expected = {q: ids_for(q) for q in queries}
    assert all(expected.values()) and generation.current().article_ids is not None
    old = Schema(**{name: WHOOSH_ID(stored=True) if name == "django_id" else field
                    for name, field in search_index.schema.items()})
    haystack_index = connections["default"].get_unified_index().get_index(Article)
    with search_index.storage.create_index(old).writer() as writer:
        for article in Article.objects.all():
            writer.add_document(**search_index.prepare_document(haystack_index, article))
    generation.forget()
    assert search_index.schema_outdated() and generation.current().article_ids is None
    assert {q: ids_for(q) for q in queries} == expected
    assert search_index.indexed_ids() == set(Article.objects.values_list("pk", flat=True))
    indexing.repair()
    generation.forget()
    assert not search_index.schema_outdated() and generation.current().article_ids is not None
    assert {q: ids_for(q) for q in queries} == expected


def search_status(*args):
    """(exit status, output) of ``manage.py search_status`` run in this process."""
    out = io.StringIO()
    try:
        call_command("search_status", *args, stdout=out, stderr=out)
    except SystemExit as exit_:
        return exit_.code, out.getvalue()
    return 0, out.getvalue()


def test_search_status_names_a_lagging_index_and_repair_levels_it(seed_articles, search_index):
    """An index that lost one document and kept one of a deleted article (their queued changes lost, as when
    an import is killed): ``search_status`` exits 1 naming both, ``--repair`` fixes them, then it exits 0."""
    lost, deleted = seed_articles[0], seed_articles[1]
    search_index.remove(f"archive.article.{lost.pk}")
    Article.objects.filter(pk=deleted.pk).delete()
    PendingChange.objects.all().delete()

    status, output = search_status("--json")
    found = json.loads(output)
    assert status == 1 and not found["consistent"]
    assert (found["missing"], found["extra"], found["pending"]) == (1, 1, 0)
    assert found["database"] == found["indexed"] == len(seed_articles) - 1

    status, output = search_status("--repair")
    assert status == 0 and "状态：一致" in output
    assert lost.pk in search_index.indexed_ids() and deleted.pk not in search_index.indexed_ids()
