"""No N+1: every list page and feed runs no more queries with 30 more articles and meetings than without."""
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.browse.sample_archive import add_filler_articles


def getattr_path(obj, path):
    for name in path.split("."):
        obj = getattr(obj, name)
    return obj


PAGES = [
    pytest.param(lambda a: "/", id="home"),
    pytest.param(lambda a: "/dates/", id="date_index"),
    pytest.param(lambda a: "/dates/2016/", id="year"),
    pytest.param(lambda a: "/dates/2016/9/", id="month"),
    pytest.param(lambda a: a.main_issue.get_absolute_url(), id="issue"),
    pytest.param(lambda a: a.lead.page.get_absolute_url(), id="page"),
    pytest.param(lambda a: a.lead.get_absolute_url(), id="article"),
    pytest.param(lambda a: "/people/", id="person_list"),
    pytest.param(lambda a: a.mayor.get_absolute_url(), id="person"),
    pytest.param(lambda a: "/meetings/", id="meeting_list"),
    pytest.param(lambda a: f"/meetings/?district=wenxian&official={a.mayor.pk}", id="meeting_list_filtered"),
    pytest.param(lambda a: a.meeting.get_absolute_url(), id="meeting"),
    pytest.param(lambda a: "/districts/", id="district_list"),
    pytest.param(lambda a: a.wenxian.get_absolute_url(), id="district"),
    pytest.param(lambda a: "/feeds/articles/", id="feed_latest"),
    pytest.param(lambda a: f"/feeds/people/{a.mayor.pk}/", id="feed_person"),
    pytest.param(lambda a: "/feeds/districts/wenxian/", id="feed_district"),
    pytest.param(lambda a: "/sitemap.xml", id="sitemap_index"),
    pytest.param(lambda a: "/sitemap-articles.xml", id="sitemap_articles"),
    pytest.param(lambda a: "/sitemap-meetings.xml", id="sitemap_meetings"),
    pytest.param(lambda a: "/feeds/", id="feed_index"),
    pytest.param(lambda a: "/feeds/articles/about/", id="feed_latest_page"),
    pytest.param(lambda a: f"/feeds/people/{a.mayor.pk}/about/", id="feed_person_page"),
    *[
        pytest.param(lambda a, name=name: getattr_path(a, name).get_absolute_url() + "?format=json", id=f"{name}_json")
        for name in ("main_issue", "lead.page", "lead", "mayor", "meeting", "wenxian")
    ],
    pytest.param(lambda a: a.lead.get_absolute_url() + "?format=ris", id="article_ris"),
]


@pytest.mark.parametrize("url_of", PAGES)
def test_query_count_does_not_grow_with_the_data(client, archive, url_of, django_assert_max_num_queries):
    url = url_of(archive)
    with CaptureQueriesContext(connection) as small:
        assert client.get(url).status_code == 200
    add_filler_articles(archive, 30)
    with django_assert_max_num_queries(len(small.captured_queries)):
        assert client.get(url).status_code == 200


def test_listed_articles_load_people_and_districts_in_order_in_one_query(archive, django_assert_num_queries):
    from archive.models import District, Mention
    from archive.queries import listed_articles

    lead, photo = archive.lead, archive.photo
    Mention.objects.filter(article=lead, person=archive.secretary).update(position=9)  # now named last
    chosen = District.objects.filter(slug__in=["wenxian", "wuzhi", "mengzhou"])  # Meta.ordering: administrative
    assert len(chosen) == 3
    lead.districts.set(reversed(list(chosen)))
    with django_assert_num_queries(1):
        found = listed_articles([lead.pk, photo.pk, 0])
        people = [(m.person.name, m.person.note, m.titles) for m in found[lead.pk].listed_mentions]
        districts = [(d.name, d.get_absolute_url()) for d in found[lead.pk].listed_districts]
        issue = found[lead.pk].page.issue.edition
    assert set(found) == {lead.pk, photo.pk}
    assert people == [
        ("吴海川", "", ["市委副书记", "市长"]),
        ("郑秋实", "温县", ["温县县长"]),
        ("周立成", "", ["市委书记"]),
    ]
    assert districts == [(d.name, d.get_absolute_url()) for d in chosen]
    assert issue == archive.main_issue.edition
    assert found[photo.pk].listed_mentions == [] and found[photo.pk].listed_districts == []
    assert found[lead.pk].listed_mentions[0].person.get_absolute_url() == archive.mayor.get_absolute_url()


def test_listed_articles_hold_the_values_the_orm_loads(archive):
    """``listed_articles`` writes its own SQL: every field must come back converted as the ORM converts it
    (dates as dates, JSON as lists), the page without its raw text, and no ids asks nothing."""
    from archive.models import Article
    from archive.queries import listed_articles

    pks = [archive.lead.pk, archive.photo.pk]
    found = listed_articles(pks)
    for pk in pks:
        expected = Article.objects.select_related("page__issue").get(pk=pk)
        article = found[pk]
        for model_object, loaded in ((expected, article), (expected.page, article.page),
                                     (expected.page.issue, article.page.issue)):
            for field in type(model_object)._meta.concrete_fields:
                if field.attname != "raw_text":
                    assert getattr(loaded, field.attname) == getattr(model_object, field.attname), field.attname
        assert "raw_text" in article.page.get_deferred_fields()
    assert listed_articles([]) == {}
