"""``manage.py backup`` and ``restore`` on the database the suite runs on (SQLite, or PostgreSQL via DATABASE_URL)."""
import hashlib
import io
import json
import sqlite3

import pytest
from django.core.management import CommandError, call_command
from django.db import connection
from haystack import connections
from haystack.query import SearchQuerySet

from archive.models import Article, Mention, Page, Person
from search import indexing
from search.models import PendingChange
from tests.search.conftest import search_index  # noqa: F401  (fixture: a real Whoosh index in a temp dir)

pytestmark = pytest.mark.django_db(transaction=True)


def fingerprint():
    """Article, person and mention counts and a checksum over their content, ids included."""
    rows = {
        "articles": list(Article.objects.order_by("pk").values_list(
            "pk", "page_id", "order", "headline", "body", "subtitles", "publication_date", "event_date")),
        "people": list(Person.objects.order_by("pk").values_list("pk", "name", "note")),
        "mentions": list(Mention.objects.order_by("pk").values_list("article_id", "person_id", "titles", "roles")),
    }
    content = json.dumps(rows, ensure_ascii=False, default=str, sort_keys=True).encode()
    return {name: len(values) for name, values in rows.items()} | {"sha256": hashlib.sha256(content).hexdigest()}


def indexed_ids(query=None):
    """Ids of the indexed articles matching ``query``, or of all indexed articles."""
    if query:
        return {int(result.pk) for result in SearchQuerySet().models(Article).auto_query(query)}
    with connections["default"].get_backend().index.refresh().searcher() as searcher:
        return {int(fields["django_id"]) for fields in searcher.all_stored_fields()}


def run(*args):
    out = io.StringIO()
    call_command(*args, stdout=out)
    return out.getvalue()


@pytest.fixture
def archive(search_index):  # noqa: F811
    run("import_seeds")
    return Article.objects.count()


def test_restore_brings_back_what_was_changed_after_the_backup(archive, tmp_path):
    backup = tmp_path / "archive.backup"
    before = fingerprint()
    assert "已备份到" in run("backup", "--output", str(backup))

    victim = Article.objects.exclude(mentions=None).order_by("pk").first()
    Article.objects.filter(pk=victim.pk).update(body="备份之后改写的正文", headline="改写后的标题")
    Page.objects.exclude(pk=victim.page_id).order_by("pk").first().delete()
    Person.objects.create(name="备份后新增")
    call_command("update_index", verbosity=0)
    changed = fingerprint()
    assert changed["articles"] < before["articles"] and changed["people"] != before["people"]
    assert indexed_ids("改写后的标题") == {victim.pk}

    out = run("restore", str(backup), "--noinput")
    assert f"文章 {before['articles']} 篇" in out
    assert fingerprint() == before
    assert indexed_ids() == set(Article.objects.values_list("pk", flat=True))
    assert indexed_ids("改写后的标题") == set()


def test_changes_still_queued_in_the_backup_are_applied_and_the_index_ends_consistent(archive, tmp_path):
    """A backup made while index changes were queued (engine down, import killed): the restored database holds
    those rows, and the restore applies them, so ``search_status`` finds nothing pending."""
    victim = Article.objects.order_by("pk").first()
    Article.objects.filter(pk=victim.pk).update(headline="引擎停机时改写的标题")
    PendingChange.objects.create(article_id=victim.pk)
    backup = tmp_path / "archive.backup"
    run("backup", "--output", str(backup))
    PendingChange.objects.all().delete()

    run("restore", str(backup), "--noinput")
    found = indexing.report()
    assert (found.pending, found.missing, found.extra) == (0, [], [])
    assert found.consistent and indexed_ids("引擎停机时改写的标题") == {victim.pk}


def test_a_restored_archive_takes_new_rows_after_the_restored_ones(archive, tmp_path):
    backup = tmp_path / "archive.backup"
    run("backup", "--output", str(backup))
    highest = Person.objects.order_by("-pk").first().pk
    Person.objects.filter(pk__gt=highest - 5).delete()
    run("restore", str(backup), "--noinput")
    assert Person.objects.create(name="恢复后新增").pk > highest


def test_default_backup_file_goes_to_the_data_directory(archive, settings, tmp_path):
    settings.DATA_DIR = tmp_path
    out = run("backup")
    written = list((tmp_path / "backups").iterdir())
    assert len(written) == 1 and written[0].name.startswith("archive-") and str(written[0]) in out
    assert written[0].stat().st_size > 0


def test_a_file_that_is_no_backup_is_refused_and_nothing_changes(archive, tmp_path):
    before = fingerprint()
    junk = tmp_path / "notes.txt"
    junk.write_text("这不是备份", encoding="utf-8")
    foreign = tmp_path / "other.sqlite3"
    with sqlite3.connect(foreign) as other:
        other.execute("CREATE TABLE notes (text TEXT)")
    other.close()
    other_kind = tmp_path / "other_kind.backup"
    other_header = b"PGDMP" if connection.vendor == "sqlite" else b"SQLite format 3\x00"
    other_kind.write_bytes(other_header + bytes(84))

    with pytest.raises(CommandError, match="不是本档案的备份文件"):
        run("restore", str(junk), "--noinput")
    with pytest.raises(CommandError, match="无法读取备份文件"):
        run("restore", str(tmp_path / "missing.backup"), "--noinput")
    with pytest.raises(CommandError, match="不能恢复到不同类型的数据库"):
        run("restore", str(other_kind), "--noinput")
    if connection.vendor == "sqlite":
        with pytest.raises(CommandError, match="缺少数据表"):
            run("restore", str(foreign), "--noinput")
    assert fingerprint() == before


@pytest.mark.parametrize("kept", [0.3, 0.95])
def test_a_truncated_backup_is_refused_and_nothing_changes(archive, tmp_path, kept):
    backup = tmp_path / "archive.backup"
    run("backup", "--output", str(backup))
    Person.objects.create(name="备份后新增")
    before = fingerprint()
    data = backup.read_bytes()
    damaged = tmp_path / "damaged.backup"
    damaged.write_bytes(data[: int(len(data) * kept)])
    with pytest.raises(CommandError, match=r"损坏|恢复失败，数据库未改动"):
        run("restore", str(damaged), "--noinput")
    assert fingerprint() == before


def test_restore_asks_before_replacing_the_database(archive, tmp_path, monkeypatch):
    backup = tmp_path / "archive.backup"
    run("backup", "--output", str(backup))
    Person.objects.create(name="未确认")
    monkeypatch.setattr("builtins.input", lambda prompt: "no")
    with pytest.raises(CommandError, match="已取消"):
        run("restore", str(backup))
    assert Person.objects.filter(name="未确认").exists()


def test_an_unwritable_output_fails_clearly(archive, tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("", encoding="utf-8")
    with pytest.raises(CommandError, match="无法写入备份文件"):
        run("backup", "--output", str(blocker / "archive.backup"))
