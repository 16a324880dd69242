"""Upload → preview → confirm through the admin, re-imports, and cancel, with the real importer and index."""
import itertools
import os
import re

import pytest
from django.test import Client

from archive.forms import MAX_FILES_PER_UPLOAD
from archive.import_staging import SESSION_KEY, STAGING_MAX_AGE, staging_dir
from archive.models import Article, ImportRun, Page
from tests.admin.conftest import FRONT_PAGE, FRONT_PAGE_DATE, IMPORT_URL, SEEDS, seed_bytes, upload, upload_form

pytestmark = pytest.mark.django_db(transaction=False)


def preview(client, *files, **fields):
    response = client.post(IMPORT_URL, upload_form(*files, **fields))
    assert response.status_code == 200
    assert response.context["step"] == "preview", response.context.get("form") and response.context["form"].errors
    return response


def confirm(client, response, capture):
    with capture(execute=True):
        return client.post(IMPORT_URL, {"step": "confirm", "token": response.context["token"]})


def test_upload_preview_confirm_saves_the_page(editor_client, editor, django_capture_on_commit_callbacks):
    response = preview(editor_client, upload())
    page_preview = response.context["previews"][0].preview
    assert page_preview.parsed.articles
    assert Page.objects.count() == 0 and Article.objects.count() == 0 and ImportRun.objects.count() == 0
    body = response.content.decode()
    for article in page_preview.parsed.articles:
        if article.headline:
            assert article.headline in body
    assert "确认导入" in body

    done = confirm(editor_client, response, django_capture_on_commit_callbacks)
    page = Page.objects.get()
    assert page.source_file == FRONT_PAGE and page.issue.date == FRONT_PAGE_DATE
    assert page.articles.count() == len(page_preview.parsed.articles)
    run = ImportRun.objects.get()
    assert (run.user, run.source, run.outcome, run.files) == (editor, "admin", "imported", [FRONT_PAGE])
    assert run.counts["articles"] == page.articles.count()
    assert done.context["results"][0].outcome == "imported"
    assert "已导入" in done.content.decode()
    # the confirmed page says the import is saved, in a success message, and no longer that it is not
    message = re.search(r'<ul class="messagelist"><li class="success">([^<]+)</li>', done.content.decode())
    assert message and "已导入的内容已保存" in message.group(1) and "尚未保存" not in done.content.decode()
    audit = editor_client.get("/admin/archive/importrun/").content.decode()
    assert FRONT_PAGE in audit and f"文章 {page.articles.count()}" in audit and "已导入" in audit
    assert not editor_client.session.get(SESSION_KEY)
    assert not list(staging_dir().glob("*.json"))


def test_people_and_titles_are_previewed(editor_client):
    response = preview(editor_client, upload())
    body = response.content.decode()
    people = [p for a in response.context["previews"][0].preview.parsed.articles for p in a.persons]
    assert people
    for person in people:
        assert person.name in body
        for title in person.titles:
            assert title in body


def test_cancel_saves_nothing_and_forgets_the_upload(editor_client):
    response = preview(editor_client, upload())
    token = response.context["token"]
    cancelled = editor_client.post(IMPORT_URL, {"step": "cancel", "token": token}, follow=True)
    assert "已取消导入" in cancelled.content.decode()
    assert Page.objects.count() == 0 and ImportRun.objects.count() == 0
    assert not (staging_dir() / f"{token}.json").exists()
    again = editor_client.post(IMPORT_URL, {"step": "confirm", "token": token}, follow=True)
    assert "预览已失效" in again.content.decode()
    assert Page.objects.count() == 0


def test_identical_reimport_is_recognised_and_skipped(editor_client, django_capture_on_commit_callbacks):
    confirm(editor_client, preview(editor_client, upload()), django_capture_on_commit_callbacks)
    ids = sorted(Article.objects.values_list("pk", flat=True))

    response = preview(editor_client, upload())
    assert response.context["previews"][0].preview.unchanged
    assert "内容未变化，将跳过" in response.content.decode()
    done = confirm(editor_client, response, django_capture_on_commit_callbacks)
    assert "内容未变化，已跳过" in done.content.decode()
    assert sorted(Article.objects.values_list("pk", flat=True)) == ids
    assert list(ImportRun.objects.order_by("pk").values_list("outcome", flat=True)) == ["imported", "unchanged"]


def test_changed_reimport_shows_the_diff_and_replaces_the_page(editor_client, django_capture_on_commit_callbacks):
    confirm(editor_client, preview(editor_client, upload()), django_capture_on_commit_callbacks)
    before = Article.objects.count()
    text = seed_bytes().decode("utf-8")
    shortened = text[: len(text) // 2].rsplit("\n\n", 1)[0]

    response = preview(editor_client, upload(data=shortened.encode("utf-8")))
    page_preview = response.context["previews"][0].preview
    diff = page_preview.diff
    assert not page_preview.unchanged
    assert diff.added or diff.changed or diff.removed
    body = response.content.decode()
    assert "该版面已导入过" in body
    counts = f"新增 {len(diff.added)} 篇，修改 {len(diff.changed)} 篇，删除 {len(diff.removed)} 篇"
    assert counts in body
    for label, titles in (("新增", diff.added), ("修改", diff.changed), ("删除", diff.removed)):
        for title in titles:
            assert f"{label}：{title}" in body
    assert Article.objects.count() == before, "preview must not write"

    confirm(editor_client, response, django_capture_on_commit_callbacks)
    page = Page.objects.get()
    assert page.raw_text == shortened
    assert page.articles.count() == len(page_preview.parsed.articles)
    assert sorted(page.articles.values_list("body", flat=True)) == sorted(
        a.body for a in page_preview.parsed.articles
    )
    assert diff.as_counts().items() <= ImportRun.objects.latest("pk").counts.items()


def test_changed_reimport_shows_each_changed_article_as_an_inline_text_diff(
    editor_client, django_capture_on_commit_callbacks
):
    confirm(editor_client, preview(editor_client, upload()), django_capture_on_commit_callbacks)
    text = seed_bytes().decode("utf-8")
    article = max(Article.objects.all(), key=lambda a: len(a.body))
    middle = len(article.body) // 2
    word = next(
        chunk for start in range(middle, len(article.body) - 6)
        if (chunk := article.body[start : start + 6]).strip() == chunk and "\n" not in chunk
        and text.count(chunk) == 1 and article.body.count(chunk) == 1
    )
    response = preview(editor_client, upload(data=text.replace(word, "新写入的句子").encode("utf-8")))
    diff = response.context["previews"][0].preview.diff
    assert diff.changed == [article.title] and not diff.added and not diff.removed
    [change] = diff.details
    assert (change.title, change.headline, change.corrected) == (article.title, [], False)
    removed = "".join(s.text for s in change.body if s.op == "removed")
    added = "".join(s.text for s in change.body if s.op == "added")
    assert removed and added and removed in word and added in "新写入的句子"
    body = response.content.decode()
    assert f"<del>{removed}</del>" in body and f"<ins>{added}</ins>" in body
    assert "修改：" + article.title in body


def test_several_files_get_per_file_results(editor_client, django_capture_on_commit_callbacks):
    names = ["001_f762c55c90316b62.txt", "003_3dbcab82a71f30bf.txt", FRONT_PAGE]
    response = preview(editor_client, *[upload(name) for name in names], edition="示范区")
    assert [item.staged.name for item in response.context["previews"]] == names
    done = confirm(editor_client, response, django_capture_on_commit_callbacks)
    assert [(r.name, r.outcome) for r in done.context["results"]] == [(name, "imported") for name in names]
    assert set(Page.objects.values_list("source_file", flat=True)) == set(names)
    assert ImportRun.objects.filter(outcome="imported").count() == len(names)


def confirm_file(client, token, index, capture):
    with capture(execute=True):
        return client.post(IMPORT_URL, {"step": "confirm_file", "token": token, "index": index})


def test_files_can_be_confirmed_one_request_each(editor_client, django_capture_on_commit_callbacks):
    """The progress bar's protocol: one file per request, each answered with its result row."""
    names = ["001_f762c55c90316b62.txt", FRONT_PAGE]
    response = preview(editor_client, *[upload(name) for name in names], edition="示范区")
    token = response.context["token"]
    assert response.context["file_names"] == names

    first = confirm_file(editor_client, token, 0, django_capture_on_commit_callbacks).json()
    assert (first["name"], first["outcome"], first["last"]) == (names[0], "imported", False)
    assert names[0] in first["row"] and "已导入" in first["row"]
    assert list(Page.objects.values_list("source_file", flat=True)) == [names[0]]
    assert (staging_dir() / f"{token}.json").exists()

    second = confirm_file(editor_client, token, 1, django_capture_on_commit_callbacks).json()
    assert (second["name"], second["outcome"], second["last"]) == (names[1], "imported", True)
    assert set(Page.objects.values_list("source_file", flat=True)) == set(names)
    assert ImportRun.objects.filter(outcome="imported").count() == 2
    assert not (staging_dir() / f"{token}.json").exists()

    again = confirm_file(editor_client, token, 0, django_capture_on_commit_callbacks)
    assert again.status_code == 409 and "预览已失效" in again.json()["error"]
    assert Page.objects.count() == 2


@pytest.mark.parametrize("index", ["", "-1", "1", "x"])
def test_confirming_a_file_outside_the_upload_is_refused(editor_client, index, django_capture_on_commit_callbacks):
    token = preview(editor_client, upload()).context["token"]
    response = confirm_file(editor_client, token, index, django_capture_on_commit_callbacks)
    assert response.status_code == 400 and response.json() == {"error": "文件序号无效。"}
    assert Page.objects.count() == 0 and (staging_dir() / f"{token}.json").exists()


def test_pasted_text_and_date_from_file_name(editor_client, django_capture_on_commit_callbacks):
    response = preview(
        editor_client,
        issue_date="",
        pasted_text=seed_bytes().decode("utf-8"),
        pasted_name="2016-09-02-A01.txt",
        label="A01",
    )
    staged = response.context["previews"][0].staged
    assert (staged.name, staged.issue_date, staged.label) == ("2016-09-02-A01.txt", FRONT_PAGE_DATE, "A01")
    confirm(editor_client, response, django_capture_on_commit_callbacks)
    assert Page.objects.get().label == "A01"


def test_confirm_rechecks_the_staged_text(editor_client):
    response = preview(editor_client, upload())
    token = response.context["token"]
    path = staging_dir() / f"{token}.json"
    path.write_bytes(path.read_bytes().replace("市委".encode(), "省委".encode()))
    refused = editor_client.post(IMPORT_URL, {"step": "confirm", "token": token}, follow=True)
    assert "校验失败" in refused.content.decode()
    assert Page.objects.count() == 0


def test_a_token_from_another_session_is_refused(editor_client, editor):
    token = preview(editor_client, upload()).context["token"]
    other = Client()
    other.force_login(editor)
    refused = other.post(IMPORT_URL, {"step": "confirm", "token": token}, follow=True)
    assert "预览已失效" in refused.content.decode()
    assert Page.objects.count() == 0


def test_the_largest_allowed_upload_is_imported(editor_client, django_capture_on_commit_callbacks):
    seeds = sorted(SEEDS.glob("*.txt"))
    files = [
        upload(f"{n:02}-{seed.name}", seed.read_bytes())
        for n, seed in zip(range(MAX_FILES_PER_UPLOAD), itertools.cycle(seeds), strict=False)
    ]
    response = preview(editor_client, *files)
    assert len(response.context["previews"]) == MAX_FILES_PER_UPLOAD
    done = confirm(editor_client, response, django_capture_on_commit_callbacks)
    assert [r.outcome for r in done.context["results"]] == ["imported"] * MAX_FILES_PER_UPLOAD
    assert Page.objects.count() == MAX_FILES_PER_UPLOAD


def test_abandoned_previews_expire(editor_client):
    old_token = preview(editor_client, upload()).context["token"]
    old_file = staging_dir() / f"{old_token}.json"
    expired = old_file.stat().st_mtime - STAGING_MAX_AGE - 1
    os.utime(old_file, (expired, expired))
    new_token = preview(editor_client, upload()).context["token"]
    assert not old_file.exists() and (staging_dir() / f"{new_token}.json").exists()
    refused = editor_client.post(IMPORT_URL, {"step": "confirm", "token": old_token}, follow=True)
    assert "预览已失效" in refused.content.decode() and Page.objects.count() == 0
