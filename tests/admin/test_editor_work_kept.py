"""Editors' work is never silently lost: ``import_seeds`` leaves an editor's (or another file's) version of a
seed page alone unless ``--force``, and re-importing a changed page keeps editors' corrections to articles
still on it, while deleting corrected articles needs an explicit confirmation."""
import io
from pathlib import Path

import pytest
from django.core.management import call_command
from django.urls import reverse

from archive.loading import PageImportError, load_page
from archive.models import Article, ImportRun, Origin, Page
from tests.admin.conftest import FRONT_PAGE, FRONT_PAGE_DATE, IMPORT_URL, SEEDS, upload, upload_form
from tests.admin.test_corrections import inline_data

pytestmark = pytest.mark.django_db

ADDED_PARAGRAPH = "\n本报讯 这是新版本文件末尾补充的一段文字，用来改变文件内容。\n"


def seed_text(name=FRONT_PAGE):
    return (SEEDS / name).read_text(encoding="utf-8-sig")


def import_seeds(capture, *args):
    out = io.StringIO()
    with capture(execute=True):
        call_command("import_seeds", *args, stdout=out)
    return out.getvalue()


def admin_import(client, capture, data, **fields):
    preview = client.post(IMPORT_URL, upload_form(upload(FRONT_PAGE, data)))
    assert preview.status_code == 200 and preview.context["step"] == "preview", preview.content.decode()[:2000]
    with capture(execute=True):
        done = client.post(IMPORT_URL, {"step": "confirm", "token": preview.context["token"], **fields})
    return preview, done


def without_headline(text, headline):
    """``text`` without the lines that make up ``headline`` (a headline may be wrapped over several lines)."""
    return "\n".join(line for line in text.split("\n") if not (len(line.strip()) >= 4 and line.strip() in headline))


def front_page():
    return Page.objects.get(source_file=FRONT_PAGE, issue__date=FRONT_PAGE_DATE)


def corrected_article(client, page):
    """The first titled article with people, corrected through the admin change form (headline and a title)."""
    article = next(a for a in page.articles.order_by("order") if a.headline and a.mentions.exists())
    mentions = list(article.mentions.order_by("position"))
    rows = [(m, "、".join(m.titles), "、".join(m.roles)) for m in mentions]
    rows[0] = (mentions[0], "编辑改正的职务", rows[0][2])
    data = inline_data(article, rows, headline=article.headline + "（编辑改）",
                       publication_date=article.publication_date.isoformat())
    response = client.post(reverse("admin:archive_article_change", args=[article.pk]), data)
    assert response.status_code == 302, response.context["errors"]
    article.refresh_from_db()
    assert article.corrected_at is not None
    return article


def test_each_page_version_records_where_it_came_from(editor_client, editor, django_capture_on_commit_callbacks):
    import_seeds(django_capture_on_commit_callbacks)
    page = front_page()
    assert (page.origin, page.origin_path, page.imported_by) == (Origin.SEED, f"seeds/{FRONT_PAGE}", None)
    admin_import(editor_client, django_capture_on_commit_callbacks, (seed_text() + ADDED_PARAGRAPH).encode())
    page.refresh_from_db()
    assert (page.origin, page.imported_by) == (Origin.ADMIN, editor)


def test_import_seeds_keeps_an_editors_version_unless_forced(editor_client, editor, django_capture_on_commit_callbacks):
    import_seeds(django_capture_on_commit_callbacks)
    corrected_text = seed_text() + ADDED_PARAGRAPH
    admin_import(editor_client, django_capture_on_commit_callbacks, corrected_text.encode())
    assert ADDED_PARAGRAPH.strip() in front_page().raw_text

    out = import_seeds(django_capture_on_commit_callbacks)
    assert ADDED_PARAGRAPH.strip() in front_page().raw_text, "the editor's version survives serve's import_seeds"
    assert f"{FRONT_PAGE}：现有版本来自管理后台（编辑 bianji）" in out
    kept = ImportRun.objects.get(outcome=ImportRun.Outcome.KEPT)
    assert kept.files == [FRONT_PAGE] and "--force" in kept.error and kept.source == Origin.SEED

    import_seeds(django_capture_on_commit_callbacks, "--force")
    page = front_page()
    assert ADDED_PARAGRAPH.strip() not in page.raw_text and page.origin == Origin.SEED


def test_import_seeds_keeps_a_version_from_another_file(tmp_path, django_capture_on_commit_callbacks):
    import_seeds(django_capture_on_commit_callbacks)
    other = Path(tmp_path / FRONT_PAGE)
    other.write_text(seed_text() + ADDED_PARAGRAPH, encoding="utf-8")
    with django_capture_on_commit_callbacks(execute=True):
        call_command("import_pages", str(other), "--date", FRONT_PAGE_DATE.isoformat(), stdout=io.StringIO())
    assert front_page().origin_path == str(other.resolve())

    out = import_seeds(django_capture_on_commit_callbacks)
    assert ADDED_PARAGRAPH.strip() in front_page().raw_text
    assert f"命令行（{other.resolve()}）" in out


def test_reimport_keeps_the_corrections_of_articles_still_on_the_page(
    editor_client, django_capture_on_commit_callbacks
):
    import_seeds(django_capture_on_commit_callbacks)
    page = front_page()
    article = corrected_article(editor_client, page)
    titles = list(article.mentions.order_by("position").values_list("titles", flat=True))

    preview, done = admin_import(editor_client, django_capture_on_commit_callbacks,
                                 (seed_text() + ADDED_PARAGRAPH).encode())
    diff = preview.context["previews"][0].preview.diff
    assert diff.corrections_kept == [article.headline] and diff.corrections_lost == []
    assert "将保留编辑后的内容" in preview.content.decode()
    [touched] = [change for change in diff.details if change.corrected]
    assert touched.title == article.headline and "（编辑改）" in "".join(s.text for s in touched.headline)
    assert "编辑修改过：" + article.headline in preview.content.decode()
    assert done.context["results"][0].outcome == ImportRun.Outcome.IMPORTED

    kept = Article.objects.get(pk=article.pk)
    assert kept.headline == article.headline and kept.headline.endswith("（编辑改）")
    assert list(kept.mentions.order_by("position").values_list("titles", flat=True)) == titles
    assert titles[0] == ["编辑改正的职务"]
    assert ADDED_PARAGRAPH.strip() in front_page().raw_text
    assert any("新版本文件末尾补充" in other.body for other in front_page().articles.exclude(pk=article.pk))


def test_deleting_a_corrected_article_needs_explicit_confirmation(editor_client, django_capture_on_commit_callbacks):
    import_seeds(django_capture_on_commit_callbacks)
    article = corrected_article(editor_client, front_page())
    stored_text = front_page().raw_text
    without_article = without_headline(seed_text(), article.source_key)
    assert without_article != seed_text()

    with pytest.raises(PageImportError, match="经编辑修改过的文章"):
        load_page(without_article, source_file=FRONT_PAGE, date=FRONT_PAGE_DATE)
    assert Article.objects.filter(pk=article.pk).exists()

    preview, refused = admin_import(editor_client, django_capture_on_commit_callbacks, without_article.encode())
    body = preview.content.decode()
    assert f"将丢失：{article.headline}" in body and 'name="discard_corrections"' in body
    result = refused.context["results"][0]
    assert result.outcome == ImportRun.Outcome.FAILED and article.headline in result.message
    assert Article.objects.filter(pk=article.pk).exists() and front_page().raw_text == stored_text

    _, done = admin_import(editor_client, django_capture_on_commit_callbacks, without_article.encode(),
                           discard_corrections="1")
    assert done.context["results"][0].outcome == ImportRun.Outcome.IMPORTED
    assert not Article.objects.filter(pk=article.pk).exists()
