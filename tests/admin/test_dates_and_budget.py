"""The admin import refuses publication dates outside the accepted range and pages over the parse budget,
with a Chinese message, a failed 导入记录 and nothing staged or saved."""
import pytest
from django.test import override_settings

from archive.admin import ArticleForm
from archive.import_staging import staging_dir
from archive.models import ImportRun, Issue, Page
from tests.admin.conftest import IMPORT_URL, seed_bytes, upload, upload_form

pytestmark = pytest.mark.django_db


def refused(client, *files, **fields):
    response = client.post(IMPORT_URL, upload_form(*files, **fields))
    assert response.status_code == 200 and response.context["step"] == "upload"
    assert not Page.objects.exists() and not list(staging_dir().glob("*.json"))
    run = ImportRun.objects.get()
    assert run.outcome == "failed"
    return response.content.decode(), run


@pytest.mark.parametrize("value", ["0001-01-01", "1949-09-30", "9999-12-31"])
def test_a_chosen_date_outside_the_range_is_refused(editor_client, value):
    body, run = refused(editor_client, upload(), issue_date=value)
    assert f"出版日期 {value} 不在可接受的范围内" in body
    assert value in run.error


def test_a_date_read_from_the_file_name_outside_the_range_is_refused(editor_client):
    body, run = refused(
        editor_client, issue_date="", pasted_text=seed_bytes().decode("utf-8"), pasted_name="1948-05-04.txt"
    )
    assert "1948-05-04.txt：出版日期 1948-05-04 不在可接受的范围内" in body
    assert run.files == ["1948-05-04.txt"]


def test_the_upload_form_states_the_range(editor_client):
    assert "最早 1949-10-01" in editor_client.get(IMPORT_URL).content.decode()


@override_settings(ARCHIVE_PARSE_BUDGET_SECONDS=0)
def test_a_preview_over_the_parse_budget_is_refused(editor_client, editor):
    body, run = refused(editor_client, upload())
    assert "时间上限" in body
    assert run.user == editor and run.source == "admin" and "时间上限" in run.error


def test_a_confirmation_over_the_parse_budget_fails_that_file(editor_client, django_capture_on_commit_callbacks):
    response = editor_client.post(IMPORT_URL, upload_form(upload()))
    assert response.context["step"] == "preview"
    with override_settings(ARCHIVE_PARSE_BUDGET_SECONDS=0), django_capture_on_commit_callbacks(execute=True):
        done = editor_client.post(IMPORT_URL, {"step": "confirm", "token": response.context["token"]})
    result = done.context["results"][0]
    assert result.outcome == "failed" and "时间上限" in result.message
    assert not Page.objects.exists()
    assert ImportRun.objects.get().outcome == "failed"


@pytest.mark.parametrize("value", ["0001-01-01", "9999-12-31"])
def test_the_issue_and_article_forms_refuse_a_date_outside_the_range(admin_client, value):
    response = admin_client.post(
        "/admin/archive/issue/add/", {"paper": "焦作日报", "edition": "焦作日报", "date": value}
    )
    assert response.status_code == 200 and f"出版日期 {value} 不在可接受的范围内" in response.content.decode()
    assert not Issue.objects.exists()
    form = ArticleForm(data={"publication_date": value})
    assert "不在可接受的范围内" in form.errors["publication_date"][0]


def test_the_issue_form_accepts_a_date_in_the_range(admin_client):
    response = admin_client.post(
        "/admin/archive/issue/add/", {"paper": "焦作日报", "edition": "焦作日报", "date": "1949-10-01"}
    )
    assert response.status_code == 302
    assert str(Issue.objects.get().date) == "1949-10-01"
