"""The real Whoosh index follows admin imports and person merges (no mocks)."""
import pytest
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.urls import reverse

from archive.models import Article, Mention, Page, Person
from search.engine import SearchRequest, run_search
from tests.admin.conftest import IMPORT_URL, upload, upload_form
from tests.search.conftest import index_commits, search_index  # noqa: F401  (fixtures: commits of a real temp index)

pytestmark = pytest.mark.django_db(transaction=True)


def found(**request):
    return {hit.article_id for hit in run_search(SearchRequest(per_page=100, **request)).hits}


def test_confirmed_import_is_searchable_and_merges_move_the_official_facet(editor_client, search_index):  # noqa: F811
    preview = editor_client.post(IMPORT_URL, upload_form(upload()))
    editor_client.post(IMPORT_URL, {"step": "confirm", "token": preview.context["token"]})
    articles = set(Article.objects.values_list("pk", flat=True))
    assert articles and found(q="焦作") and found(q="焦作") <= articles

    mention = Mention.objects.select_related("person").first()
    official, article_id = mention.person, mention.article_id
    copy = Person.objects.create(name=official.name, kind=official.kind)
    Mention.objects.filter(pk=mention.pk).update(person=copy)
    editor_client.post(
        reverse("admin:archive_person_changelist"),
        {"action": "merge_selected", ACTION_CHECKBOX_NAME: [official.pk, copy.pk], "target": copy.pk},
    )
    assert not Person.objects.filter(pk=official.pk).exists()
    assert article_id in found(filters={"official": [str(copy.pk)]})
    assert not found(filters={"official": [str(official.pk)]})


def test_a_confirm_of_several_files_commits_the_index_once(editor_client, search_index, index_commits):  # noqa: F811
    preview = editor_client.post(IMPORT_URL, upload_form(upload(), upload("001_f762c55c90316b62.txt")))
    editor_client.post(IMPORT_URL, {"step": "confirm", "token": preview.context["token"]})
    assert Page.objects.count() == 2
    assert index_commits == [set(Article.objects.values_list("pk", flat=True))]


def test_an_editor_relabelling_a_page_moves_its_articles_in_the_page_number_filter(editor_client, search_index):  # noqa: F811
    preview = editor_client.post(IMPORT_URL, upload_form(upload(), label="01"))
    editor_client.post(IMPORT_URL, {"step": "confirm", "token": preview.context["token"]})
    page = Page.objects.get()
    articles = set(page.articles.values_list("pk", flat=True))
    assert articles and found(page_number=1) == articles and not found(page_number=5)
    response = editor_client.post(reverse("admin:archive_page_change", args=[page.pk]), {"label": "第5版"})
    assert response.status_code == 302 and Page.objects.get().label == "第5版"
    assert found(page_number=5) == articles and not found(page_number=1)
