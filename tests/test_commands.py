"""import_seeds, import_pages and export_archive: progress, summaries, exit codes and the export's shape."""
import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from archive.export import FIELDS
from archive.models import Article, ImportRun, Issue, Page
from tests.search.conftest import index_commits, search_index  # noqa: F401  (fixtures: commits of a real temp index)

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
MANIFEST = json.loads((SEEDS / "manifest.json").read_text(encoding="utf-8"))

pytestmark = pytest.mark.django_db


def run(*args):
    out, err = io.StringIO(), io.StringIO()
    call_command(*args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def test_import_seeds_imports_the_manifest_then_skips_it(seeded_db):
    assert set(seeded_db) == {entry["file"] for entry in MANIFEST["pages"]}
    for entry in MANIFEST["pages"]:
        page = seeded_db[entry["file"]]
        assert (page.issue.date.isoformat(), page.issue.edition, page.label) == (
            entry["date"], entry["edition"], entry["page"] or ""
        )
    articles = Article.objects.count()
    out, _ = run("import_seeds")
    assert out.count("未变化，已跳过") == len(MANIFEST["pages"])
    assert f"未变化跳过 {len(MANIFEST['pages'])} 个" in out
    assert Article.objects.count() == articles
    assert ImportRun.objects.filter(outcome="unchanged").count() == len(MANIFEST["pages"])


def test_import_pages_reports_each_file_and_a_summary(tmp_path):
    gbk = tmp_path / "a02.txt"
    gbk.write_bytes((SEEDS / MANIFEST["pages"][0]["file"]).read_text(encoding="utf-8").encode("gbk"))
    out, _ = run("import_pages", str(gbk), "--date", "2016-09-02", "--page", "A02")
    assert "[1/1] a02.txt：已导入" in out
    assert "导入 1 个" in out
    page = Page.objects.get()
    assert (page.source_file, page.label, page.issue.edition) == ("a02.txt", "A02", "焦作日报")


def test_import_pages_fails_with_nonzero_exit_but_imports_the_good_files(tmp_path):
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\x00\x01\x02")
    good = SEEDS / MANIFEST["pages"][1]["file"]
    with pytest.raises(CommandError) as raised:
        run("import_pages", str(bad), str(good), str(tmp_path / "missing.txt"), "--date", "2020-12-21",
            "--edition", "示范区")
    message = str(raised.value)
    assert "bad.txt" in message and "二进制" in message
    assert "missing.txt" in message and "无法读取" in message
    assert Page.objects.get().source_file == good.name
    runs = list(ImportRun.objects.order_by("pk"))
    assert [run.outcome for run in runs] == ["failed", "imported", "failed"]
    assert runs[2].files == [str(tmp_path / "missing.txt")] and "无法读取文件" in runs[2].error


@pytest.mark.django_db(transaction=True)
def test_import_pages_commits_the_index_once_for_all_files(search_index, index_commits):  # noqa: F811
    run("import_pages", *(str(SEEDS / entry["file"]) for entry in MANIFEST["pages"][:3]), "--date", "2016-09-02")
    assert Page.objects.count() == 3
    assert index_commits == [set(Article.objects.values_list("pk", flat=True))]


@pytest.mark.parametrize("value", ["2016-9-2", "02/09/2016", "2016-02-30", ""])
def test_bad_date_is_refused_before_any_file_is_read(value):
    with pytest.raises(CommandError, match="日期"):
        run("import_pages", "/nonexistent/file.txt", "--date", value)
    assert not Issue.objects.exists()
    refusal = ImportRun.objects.get()
    assert (refusal.outcome, refusal.source, refusal.files) == ("failed", "command", ["/nonexistent/file.txt"])
    assert "日期" in refusal.error


def test_the_same_file_name_twice_is_refused(tmp_path):
    with pytest.raises(CommandError, match=r"文件名重复：A01\.txt"):
        run("import_pages", "x/A01.txt", str(tmp_path / "A01.txt"), "--date", "2016-09-02")
    assert "文件名重复" in ImportRun.objects.get(outcome="failed").error


def test_page_label_needs_a_single_file():
    with pytest.raises(CommandError, match="单个文件"):
        run("import_pages", "a.txt", "b.txt", "--date", "2016-09-02", "--page", "A01")
    assert ImportRun.objects.get().files == ["a.txt", "b.txt"]


def test_exit_codes_of_the_real_command(tmp_path):
    env = {**os.environ, "ARCHIVE_DATA_DIR": str(tmp_path)}
    command = [sys.executable, "manage.py", "import_pages", "x.txt"]
    missing = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)
    malformed = subprocess.run([*command, "--date", "yesterday"], cwd=ROOT, env=env, capture_output=True, text=True,
                               timeout=120)
    assert missing.returncode != 0 and "--date" in missing.stderr
    assert malformed.returncode == 1 and "YYYY-MM-DD" in malformed.stderr


def test_export_is_one_article_per_line_in_page_order(seeded_db, tmp_path):
    output = tmp_path / "out.jsonl"
    _, err = run("export_archive", "--output", str(output))
    lines = output.read_text(encoding="utf-8").splitlines()
    assert len(lines) == Article.objects.count() > len(MANIFEST["pages"])
    assert f"已导出 {len(lines)} 篇" in err
    records = [json.loads(line) for line in lines]
    assert all(tuple(record) == FIELDS for record in records)
    keys = [(r["publication_date"], r["edition"], r["page"] or "", r["source_file"], r["order"]) for r in records]
    assert keys == sorted(keys)
    assert all(r["headline"] is None or r["headline"] for r in records)
    assert all(r["page"] is None for r in records if r["edition"] == "示范区")
    for record in records:
        assert all(tuple(person) == ("name", "titles", "roles") for person in record["persons"])
        meeting = record["meeting"]
        assert meeting is None or tuple(meeting) == (
            "name", "date", "location", "presided_by", "speakers", "attended_by"
        )
    stdout, _ = run("export_archive")
    assert stdout.splitlines() == lines


def test_export_to_an_unwritable_place_fails_clearly(tmp_path):
    with pytest.raises(CommandError, match="无法写入"):
        run("export_archive", "--output", str(tmp_path / "no" / "such" / "dir.jsonl"))


def test_a_broken_manifest_is_reported(tmp_path, monkeypatch):
    from archive.management.commands import import_seeds

    (tmp_path / "manifest.json").write_text('{"pages": [{"file": "x.txt", "date": "2016-09-02"', encoding="utf-8")
    monkeypatch.setattr(import_seeds, "SEEDS_DIR", tmp_path)
    with pytest.raises(CommandError, match="种子清单"):
        run("import_seeds")
    assert not ImportRun.objects.exists()
