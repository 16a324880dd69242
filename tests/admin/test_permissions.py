"""Who may import and correct: anonymous users go to the login page, staff need the 编辑 group, CSRF stays on."""
import pytest
from django.contrib.auth.models import Group, User
from django.test import Client
from django.urls import reverse

from archive.models import Article, ImportRun, Issue, Page, Person
from tests.admin.conftest import IMPORT_URL, upload, upload_form

pytestmark = pytest.mark.django_db

EDITOR_PERMISSIONS = {
    "add_page", "change_page",
    "add_article", "change_article",
    "add_mention", "change_mention", "delete_mention",
    "add_person", "change_person",
    "add_meeting", "change_meeting",
    "add_districtalias", "change_districtalias",
    "view_importrun",
}


@pytest.fixture
def article(db):
    issue = Issue.objects.create(date="2016-09-02")
    page = Page.objects.create(issue=issue, source_file="a.txt", raw_text="本报讯", sha256="0" * 64)
    return Article.objects.create(page=page, order=1, headline="测试标题", publication_date=issue.date)


def test_editor_group_has_exactly_the_documented_permissions():
    group = Group.objects.get(name="编辑")
    assert set(group.permissions.values_list("codename", flat=True)) == EDITOR_PERMISSIONS
    assert set(group.permissions.values_list("content_type__app_label", flat=True)) == {"archive"}


@pytest.mark.parametrize("url", [IMPORT_URL, "/admin/archive/article/", "/admin/archive/person/1/split/"])
def test_anonymous_users_are_sent_to_the_login_page(client, url):
    response = client.get(url)
    assert response.status_code == 302
    assert response.url.startswith(reverse("admin:login"))


def test_anonymous_upload_saves_nothing(client):
    response = client.post(IMPORT_URL, upload_form(upload()))
    assert response.status_code == 302
    assert Page.objects.count() == 0 and ImportRun.objects.count() == 0


def test_staff_without_the_group_cannot_import_or_edit(plain_staff_client, article):
    assert plain_staff_client.get(IMPORT_URL).status_code == 403
    assert plain_staff_client.post(IMPORT_URL, upload_form(upload())).status_code == 403
    assert plain_staff_client.post(IMPORT_URL, {"step": "confirm_file", "token": "x", "index": "0"}).status_code == 403
    assert plain_staff_client.get(reverse("admin:archive_article_change", args=[article.pk])).status_code == 403
    assert plain_staff_client.get(reverse("admin:archive_importrun_changelist")).status_code == 403
    assert Page.objects.count() == 1


def test_editor_can_import_edit_and_read_the_audit_trail(editor_client, article):
    assert editor_client.get(IMPORT_URL).status_code == 200
    assert editor_client.get(reverse("admin:archive_article_change", args=[article.pk])).status_code == 200
    assert editor_client.get(reverse("admin:archive_importrun_changelist")).status_code == 200
    changelist = editor_client.get(reverse("admin:archive_page_changelist")).content.decode()
    assert IMPORT_URL in changelist and "导入版面" in changelist


def test_editor_cannot_delete_pages_or_articles_or_touch_the_audit_trail(editor_client, article):
    run = ImportRun.objects.create(outcome="failed", files=["x.txt"], error="坏文件")
    assert editor_client.get(reverse("admin:archive_page_delete", args=[article.page.pk])).status_code == 403
    assert editor_client.get(reverse("admin:archive_article_delete", args=[article.pk])).status_code == 403
    assert editor_client.get(reverse("admin:archive_importrun_add")).status_code == 403
    delete = editor_client.post(reverse("admin:archive_importrun_delete", args=[run.pk]), {"post": "yes"})
    assert delete.status_code == 403
    detail = editor_client.get(reverse("admin:archive_importrun_change", args=[run.pk])).content.decode()
    assert "坏文件" in detail and 'name="_save"' not in detail
    assert Page.objects.count() == 1 and ImportRun.objects.count() == 1


def test_editor_cannot_delete_people(editor_client):
    person = Person.objects.create(name="张三")
    assert editor_client.get(reverse("admin:archive_person_delete", args=[person.pk])).status_code == 403


def test_csrf_is_enforced_on_the_import(editor):
    client = Client(enforce_csrf_checks=True)
    client.force_login(editor)
    assert client.post(IMPORT_URL, upload_form(upload())).status_code == 403
    form_page = client.get(IMPORT_URL)
    token = form_page.context["csrf_token"]
    response = client.post(IMPORT_URL, {**upload_form(upload()), "csrfmiddlewaretoken": str(token)})
    assert response.status_code == 200 and response.context["step"] == "preview"
    confirm = client.post(IMPORT_URL, {"step": "confirm", "token": response.context["token"]})
    assert confirm.status_code == 403
    assert Page.objects.count() == 0


def test_admin_index_links_to_the_import_for_editors_only(editor_client):
    assert IMPORT_URL in editor_client.get(reverse("admin:index")).content.decode()
    editor_client.force_login(User.objects.create_user("staff", is_staff=True))
    assert IMPORT_URL not in editor_client.get(reverse("admin:index")).content.decode()


def test_pages_are_only_added_through_the_import(editor_client):
    assert editor_client.get(reverse("admin:archive_page_add")).status_code == 403
