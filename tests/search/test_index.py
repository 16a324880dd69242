"""The index: schema, haystack commands, following the database, one writer across processes."""
import re
import subprocess
import sys
import threading
import time
from datetime import date
from multiprocessing import Process

import pytest
from django.core.management import call_command
from haystack import connections
from whoosh.multiproc import SubWriterTask

from archive.districts import sync_districts
from archive.models import Article, District, Issue, Mention, Page, Person
from archive.signals import articles_changed, changes_batched
from search import backend as backend_module
from search import generation, indexing, whoosh_writer
from search.analysis import JiebaBigramTokenizer
from search.engine import SearchRequest, run_search
from search.models import PendingChange
from tests.search.conftest import create_article


def ids_for(q="", **filters):
    return {hit.article_id for hit in run_search(SearchRequest(q=q, per_page=100, **filters)).hits}


def doc_count():
    return generation.current().searcher.doc_count()


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
    def searchable():
        generation.forget()
        with connections["default"].get_backend().index.refresh().searcher() as searcher:
            stored = sorted((doc["django_id"], doc["headline"]) for doc in searcher.all_stored_fields())
        return stored, {q: ids_for(q) for q in ("会议", "全市", "示范区", '"城乡一体化"')}

    serial = searchable()
    monkeypatch.setattr(backend_module, "writer_processes", lambda documents: 2)
    started = []
    monkeypatch.setattr(SubWriterTask, "start", lambda task: started.append(task) or Process.start(task))
    call_command("rebuild_index", interactive=False, verbosity=0)
    assert started
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


def test_rebuild_and_update_index_commands(seed_articles):
    assert doc_count() == Article.objects.count()
    Article.objects.filter(pk=seed_articles[0].pk).update(headline="更新后的标题独有词")
    call_command("update_index", verbosity=0)
    assert ids_for("独有词") == {seed_articles[0].pk}
    assert doc_count() == Article.objects.count()
    call_command("clear_index", interactive=False, verbosity=0)
    assert doc_count() == 0


def test_haystack_queryset_finds_chinese_words(seed_articles):
    from haystack.query import SearchQuerySet

    expected = {a.pk for a in Article.objects.all() if "污染围城" in a.headline + a.body}
    assert {int(r.pk) for r in SearchQuerySet().auto_query("污染围城")} == expected


@pytest.mark.django_db(transaction=True)
def test_saves_edits_and_deletes_follow_the_database(search_index):
    sync_districts()
    issue = Issue.objects.create(date=date(2021, 5, 6))
    page = Page.objects.create(issue=issue, source_file="p.txt", raw_text="", sha256="0" * 64)
    article = create_article(page, 1, headline="城乡规划会议", body="市委书记甲乙丙出席。", people=["甲乙丙"])
    assert ids_for("城乡规划") == {article.pk}

    article.headline = "交通建设会议"
    article.save()
    assert ids_for("城乡规划") == set() and ids_for("交通建设") == {article.pk}

    person = Person.objects.get(name="甲乙丙")
    assert dict(run_search(SearchRequest()).facets["official"]) == {str(person.pk): 1}
    person.name = "丁戊己"
    person.save()
    assert ids_for(filters={"official": [str(person.pk)]}) == {article.pk}

    Mention.objects.filter(article=article).delete()
    assert run_search(SearchRequest()).facets["official"] == []

    district = District.objects.first()
    article.districts.add(district)
    assert ids_for(filters={"district": [district.slug]}) == {article.pk}

    issue.edition = "示范区"
    issue.save()
    assert generation.current().searcher.document(django_id=str(article.pk))["edition"] == "示范区"

    district.delete()
    assert ids_for(filters={"district": [district.slug]}) == set()

    page.delete()
    assert ids_for("交通建设") == set() and doc_count() == 0


@pytest.mark.django_db(transaction=True)
def test_changes_inside_one_transaction_are_indexed_once_after_commit(search_index):
    from django.db import transaction

    issue = Issue.objects.create(date=date(2021, 5, 6))
    page = Page.objects.create(issue=issue, source_file="p.txt", raw_text="", sha256="0" * 64)
    generations = []
    with transaction.atomic():
        for order in range(1, 6):
            create_article(page, order, headline=f"批量导入第{order}篇", body="正文内容")
        generations.append(search_index.index.latest_generation())
    assert ids_for("批量导入") == set(Article.objects.values_list("pk", flat=True))
    assert search_index.index.latest_generation() == generations[0] + 1


@pytest.mark.django_db(transaction=True)
def test_articles_changed_signal_covers_bulk_operations(search_index):
    issue = Issue.objects.create(date=date(2021, 5, 6))
    page = Page.objects.create(issue=issue, source_file="p.txt", raw_text="", sha256="0" * 64)
    created = Article.objects.bulk_create(
        [Article(page=page, order=n, headline=f"批量{n}号稿件", publication_date=issue.date) for n in (1, 2)]
    )
    assert ids_for("稿件") == set()
    articles_changed.send(sender=Article, changed=[a.pk for a in created], deleted=[])
    assert ids_for("稿件") == {a.pk for a in created}
    Article.objects.filter(pk=created[0].pk).update(headline="改过的稿件")
    Article.objects.filter(pk=created[1].pk)._raw_delete(Article.objects.db)
    articles_changed.send(sender=Article, changed=[created[0].pk], deleted=[created[1].pk])
    assert ids_for("改过") == {created[0].pk} and doc_count() == 1


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


def test_a_busy_writer_leaves_changes_pending_with_the_error_not_lost(seed_articles, search_index, monkeypatch):
    article = seed_articles[0]
    Article.objects.filter(pk=article.pk).update(headline="排队中的标题")
    monkeypatch.setattr(whoosh_writer, "LOCK_TIMEOUT", 0.2)
    holder = hold_writer_lock(search_index, 1.0)
    with pytest.raises(indexing.IndexLagging):
        follow(article.pk)
    assert ids_for("排队中") == set()
    pending = PendingChange.objects.get()
    assert pending.article_id == article.pk and pending.attempts == 1 and "busy" in pending.last_error
    holder.wait()
    assert indexing.drain() == 1
    assert ids_for("排队中") == {article.pk}
    assert indexing.drain() == 0 and not PendingChange.objects.exists()


def test_a_batch_commits_once_at_the_end_even_when_the_block_fails(seed_articles, search_index, index_commits):
    first, second = seed_articles[:2]
    Article.objects.filter(pk=first.pk).update(headline="批量导入的第一篇")
    Article.objects.filter(pk=second.pk).update(headline="批量导入的第二篇")
    with pytest.raises(RuntimeError), changes_batched():
        articles_changed.send(sender=Article, changed=[first.pk], deleted=[])
        with changes_batched():
            articles_changed.send(sender=Article, changed=[second.pk], deleted=[])
        assert not index_commits and ids_for("批量导入") == set()
        raise RuntimeError("the third file failed")
    assert index_commits == [{first.pk, second.pk}]
    assert ids_for("批量导入") == {first.pk, second.pk}


@pytest.mark.django_db(transaction=True)
def test_concurrent_writers_in_threads_lose_nothing(seed_articles, search_index):
    chosen = seed_articles[:6]
    for number, article in enumerate(chosen):
        Article.objects.filter(pk=article.pk).update(headline=f"并发标题{number}号")
    threads = [threading.Thread(target=indexing.record, kwargs={"changed": [a.pk]}) for a in chosen]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert ids_for("并发标题") == {a.pk for a in chosen}
    assert doc_count() == Article.objects.count() and not PendingChange.objects.exists()


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


def test_haystack_highlighting_uses_the_same_analysis(seed_articles):
    from haystack.query import SearchQuerySet

    results = list(SearchQuerySet().auto_query("会议").highlight())
    assert results
    for result in results:
        marked = re.findall(r"<mark>(.*?)</mark>", result.highlighted["text"][0])
        assert marked and {m.replace(" ", "") for m in marked} == {"会议"}


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
