"""Editors' list of bare names not tied to one official, the confirm step, and the official facet following
the links in a real Whoosh index (transactional: the index is fed after each commit). Invented names."""
from datetime import date

import pytest
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.urls import reverse

from archive.ingest.records import PersonMention
from archive.linking import HELD_NOTE
from archive.models import Article, Mention, Person
from search.engine import SearchRequest, run_search
from tests.admin.conftest import IMPORT_URL, upload, upload_form
from tests.search.conftest import search_index  # noqa: F401  (fixture: a real temp index)
from tests.test_linking import load_on  # noqa: F401  (fixture)
from tests.test_loading import article, fixed_parse, page_of  # noqa: F401  (fixture)

pytestmark = pytest.mark.django_db(transaction=True)
LIST_URL = reverse("admin:archive_undecidedmention_changelist")


def official_count(person):
    """The official facet's count for ``person`` over all articles, and the articles filtered by them."""
    response = run_search(SearchRequest(per_page=100, filters={"official": [str(person.pk)]}))
    counts = dict(response.facets["official"])
    return counts.get(str(person.pk), 0), {hit.article_id for hit in response.hits}


@pytest.fixture
def namesakes(load_on):  # noqa: F811
    """Two officials named 蔺书衡 reported in early 2015, and a bare 蔺书衡 in article "c" between them."""
    load_on(date(2015, 1, 10), "a", PersonMention("蔺书衡", ["副市长"], kind="official"))
    first = Person.objects.get(name="蔺书衡")
    second = Person.objects.create(name="蔺书衡", note="武陟县", kind=Person.Kind.OFFICIAL)
    load_on(date(2015, 2, 1), "b", PersonMention("沈禾", []))
    Mention.objects.create(article=Article.objects.get(body="b正文。"), person=second, titles=["乡长"], position=1)
    load_on(date(2015, 3, 1), "c", PersonMention("蔺书衡", []))
    return first, second, Mention.objects.get(article__body="c正文。")


def test_the_list_shows_undecided_names_with_their_candidates_and_filters_by_status(editor_client, namesakes):
    page = editor_client.get(LIST_URL).content.decode()
    assert "待核对人物" in page and "c标题" in page
    assert "蔺书衡（副市长，2015-01-10）" in page and "蔺书衡（武陟县）（乡长，2015-02-01）" in page
    assert "同期有多位同名官员" in page
    assert "c标题" in editor_client.get(LIST_URL, {"link__exact": "ambiguous"}).content.decode()
    assert "c标题" not in editor_client.get(LIST_URL, {"link__exact": "confirmed"}).content.decode()


def test_an_editor_confirms_one_candidate_and_the_facet_follows(search_index, editor_client, namesakes):  # noqa: F811
    first, second, mention = namesakes
    assert mention.person.note == HELD_NOTE
    assert official_count(second) == (1, {Article.objects.get(body="b正文。").pk})

    url = reverse("admin:archive_undecidedmention_change", args=[mention.pk])
    form = editor_client.get(url).content.decode()
    assert 'type="radio"' in form and "确认为" in form
    response = editor_client.post(url, {"person": second.pk})
    assert response.status_code == 302

    confirmed = Mention.objects.select_related("article").get(pk=mention.pk)
    assert (confirmed.person, confirmed.link, confirmed.linked_titles) == (second, Mention.Link.CONFIRMED, ["乡长"])
    assert confirmed.article.corrected_at is not None
    assert official_count(second) == (2, {confirmed.article_id, Article.objects.get(body="b正文。").pk})
    assert "c标题" in editor_client.get(LIST_URL, {"link__exact": "confirmed"}).content.decode()
    assert editor_client.post(url, {"person": first.pk}).status_code == 403


def test_a_candidate_outside_the_list_is_refused(editor_client, namesakes):
    mention = namesakes[2]
    stranger = Person.objects.create(name="沈禾", kind=Person.Kind.OFFICIAL)
    url = reverse("admin:archive_undecidedmention_change", args=[mention.pk])
    response = editor_client.post(url, {"person": stranger.pk})
    assert response.status_code == 200 and Mention.objects.get(pk=mention.pk).link == Mention.Link.AMBIGUOUS


def merge(editor_client, target, *others):
    url = reverse("admin:archive_person_changelist")
    data = {"action": "merge_selected", ACTION_CHECKBOX_NAME: [target.pk, *(p.pk for p in others)], "target": target.pk}
    assert editor_client.post(url, data).status_code == 302


def test_merging_namesake_officials_links_the_bare_name_they_made_ambiguous(search_index, editor_client, namesakes):  # noqa: F811
    first, second, mention = namesakes
    merge(editor_client, first, second)
    linked = Mention.objects.get(pk=mention.pk)
    assert (linked.person, linked.link, linked.linked_titles) == (first, Mention.Link.INFERRED, ["乡长"])
    assert not Person.objects.filter(note=HELD_NOTE).exists()
    assert "c标题" not in editor_client.get(LIST_URL).content.decode()
    assert official_count(first)[1] == {Article.objects.get(body=f"{s}正文。").pk for s in "abc"}


def test_merging_the_held_name_into_an_official_confirms_it(search_index, editor_client, namesakes):  # noqa: F811
    _, second, mention = namesakes
    merge(editor_client, second, mention.person)
    confirmed = Mention.objects.get(pk=mention.pk)
    assert (confirmed.person, confirmed.link) == (second, Mention.Link.CONFIRMED)
    assert not confirmed.candidates.exists()
    assert "c标题" not in editor_client.get(LIST_URL, {"link__exact": "ambiguous"}).content.decode()
    assert mention.article_id in official_count(second)[1]


def test_splitting_an_official_leaves_namesakes_undecided_again(editor_client, load_on):  # noqa: F811
    load_on(date(2015, 1, 10), "a", PersonMention("蔺书衡", ["副市长"], kind="official"))
    load_on(date(2015, 2, 1), "b", PersonMention("蔺书衡", ["乡长"], kind="official"))
    load_on(date(2015, 3, 1), "c", PersonMention("蔺书衡", []))
    official = Person.objects.get(name="蔺书衡", kind=Person.Kind.OFFICIAL)
    assert Mention.objects.get(article__body="c正文。").link == Mention.Link.INFERRED
    moved = Mention.objects.get(article__body="b正文。")
    url = reverse("admin:archive_person_split", args=[official.pk])
    response = editor_client.post(url, {"mentions": [moved.pk], "note": "武陟县", "name": "蔺书衡"})
    assert response.status_code == 302
    assert Mention.objects.get(article__body="c正文。").link == Mention.Link.AMBIGUOUS
    assert "c标题" in editor_client.get(LIST_URL).content.decode()


def test_a_bare_name_linked_by_a_later_import_counts_in_the_official_facet(search_index, load_on):  # noqa: F811
    load_on(date(2019, 5, 1), "a", PersonMention("蔺书衡", []))
    bare_article = Article.objects.get(body="a正文。")
    person = Person.objects.get(name="蔺书衡")
    assert official_count(person) == (0, set())

    load_on(date(2019, 8, 1), "b", PersonMention("蔺书衡", ["镇长"], kind="official"))
    assert Mention.objects.get(article=bare_article).link == Mention.Link.INFERRED
    assert official_count(person) == (2, {bare_article.pk, Article.objects.get(body="b正文。").pk})


def test_article_page_shows_an_inferred_title_as_inferred(client, load_on):  # noqa: F811
    load_on(date(2019, 8, 1), "b", PersonMention("蔺书衡", ["镇长"], kind="official"))
    load_on(date(2019, 9, 1), "a", PersonMention("蔺书衡", []))
    page = client.get(Article.objects.get(body="a正文。").get_absolute_url()).content.decode()
    assert "镇长" in page and "据同期报道推断" in page


def test_the_admin_index_leads_editors_to_the_list(editor_client):
    page = editor_client.get(reverse("admin:index")).content.decode()
    assert f'href="{LIST_URL}">待核对人物</a>' in page


def test_the_import_preview_says_what_becomes_of_names_given_no_title(editor_client, namesakes, load_on, fixed_parse):  # noqa: F811
    """A bare name with two officials of that name reported then, one with a single official, one with an official
    reported only years before, and one no official has: the preview says so for the first three, writes nothing."""
    load_on(date(2015, 1, 20), "e", PersonMention("祁望舒", ["区长"], kind="official"))
    load_on(date(2009, 1, 5), "f", PersonMention("郜远山", ["局长"], kind="official"))
    names = ("蔺书衡", "祁望舒", "郜远山", "柯晓岚")
    fixed_parse.page = page_of(article(1, "d标题", "d正文。", [PersonMention(name, []) for name in names]))
    counts = (Article.objects.count(), Mention.objects.count(), Person.objects.count())
    text = ("d版面：" + "、".join(names)).encode()
    response = editor_client.post(IMPORT_URL, upload_form(upload("d.txt", text), issue_date="2015-02-10"))
    page = response.content.decode()
    assert response.context["step"] == "preview"
    assert "《d标题》中的“蔺书衡”文中未写职务，同期有2位同名官员，导入后列入“待核对人物”" in page
    assert "《d标题》中的“祁望舒”文中未写职务，将按同期报道关联到官员祁望舒（区长）" in page
    assert "《d标题》中的“郜远山”文中未写职务，同名官员的报道都相隔两年以上" in page
    assert "柯晓岚”文中未写职务" not in page
    assert (Article.objects.count(), Mention.objects.count(), Person.objects.count()) == counts
