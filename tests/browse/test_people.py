"""People: the index, a person's title timeline, meetings, co-appearances and articles."""
from datetime import date

from django.urls import reverse

from archive import queries
from archive.models import Person
from tests.browse.sample_archive import add_article, add_filler_articles


def in_name_order(*names):
    """``names`` as the database orders them: codepoints on SQLite, the collation's order on PostgreSQL
    (pinyin under an ICU zh collation)."""
    return list(Person.objects.filter(name__in=names).order_by("name").values_list("name", flat=True))


def test_title_timeline_has_a_span_per_title_with_first_and_last_dates(archive):
    timeline = queries.title_timeline(archive.mayor)
    assert [(s.title, s.first, s.last, s.count, len(s.articles)) for s in timeline] == [
        ("市委副书记", date(2016, 9, 2), date(2016, 9, 2), 1, 1),
        ("市长", date(2016, 9, 2), date(2020, 12, 21), 3, 3),
    ]
    dates = [article.publication_date for article in timeline[1].articles]
    assert dates == sorted(dates)


def test_a_new_title_starts_a_new_span_ordered_by_first_appearance(archive):
    add_article(archive.later_issue.pages.get(), 2, "新职务", people=[(archive.mayor, ["市委书记"], [])])
    assert [s.title for s in queries.title_timeline(archive.mayor)] == ["市委副书记", "市长", "市委书记"]


def test_person_page_shows_timeline_meetings_co_appearing_and_search_link(client, archive):
    response = client.get(archive.mayor.get_absolute_url())
    assert response.status_code == 200
    html = response.content.decode()
    assert "2016年9月2日</time> 至 <time datetime=\"2020-12-21\">2020年12月21日" in html
    meetings = list(response.context["meetings"])
    assert meetings == [archive.meeting]
    assert (meetings[0].as_presider, meetings[0].as_speaker, meetings[0].as_attendee) == (False, True, False)
    assert [(p.name, p.shared_count) for p in response.context["co_appearing"]] == [
        (name, 1) for name in in_name_order("周立成", "郑秋实")
    ]
    assert f'href="/search/?official={archive.mayor.pk}"' in html
    assert f'href="/feeds/people/{archive.mayor.pk}/"' in html
    assert 'rel="alternate" type="application/json"' in html


def test_person_articles_are_newest_first_with_titles_stated_in_each(client, archive):
    response = client.get(archive.mayor.get_absolute_url())
    articles = list(response.context["object_list"])
    assert [a.publication_date for a in articles] == [date(2020, 12, 21), date(2016, 9, 2), date(2016, 9, 2)]
    assert articles[1].own_mentions[0].titles == ["市委副书记", "市长"]


def test_person_articles_are_paginated(client, archive):
    add_filler_articles(archive, 25)
    first = client.get(archive.mayor.get_absolute_url())
    assert first.context["paginator"].count == 28 and len(first.context["object_list"]) == 20
    second = client.get(archive.mayor.get_absolute_url() + "?page=2")
    assert len(second.context["object_list"]) == 8
    beyond = client.get(archive.mayor.get_absolute_url() + "?page=9")
    assert beyond.status_code == 200 and beyond.context["page_obj"].number == 2


def test_a_long_timeline_span_lists_twenty_articles_and_counts_the_rest(client, archive):
    add_filler_articles(archive, 25)
    mayor = next(s for s in queries.title_timeline(archive.mayor) if s.title == "市长")
    assert (mayor.count, len(mayor.articles), mayor.unlisted) == (28, queries.TIMELINE_ARTICLES, 8)
    html = client.get(archive.mayor.get_absolute_url()).content.decode()
    assert "见于 28 篇" in html and "另有 8 篇，在搜索中查看" in html


def test_two_people_with_one_name_have_separate_pages(client, archive):
    namesake = Person.objects.create(name="吴海川", note="企业家")
    response = client.get(namesake.get_absolute_url())
    assert response.status_code == 200
    assert response.context["timeline"] == [] and response.context["paginator"].count == 0
    assert "吴海川 <span class=\"note\">（企业家）</span>" in response.content.decode()


def test_person_list_orders_by_article_count(client, archive):
    response = client.get(reverse("archive:person_list"))
    assert response.status_code == 200
    assert [(p.name, p.article_count) for p in response.context["people"]] == [
        ("吴海川", 3), *((name, 2) for name in in_name_order("周立成", "郑秋实"))
    ]


def test_unknown_person_is_404(client, db):
    assert client.get(reverse("archive:person_detail", args=[12345])).status_code == 404


def test_titles_first_seen_together_keep_the_stated_order(archive):
    person = Person.objects.create(name="王立新")
    add_article(archive.later_issue.pages.get(), 3, "两个职务", people=[(person, ["市长", "市委副书记"], [])])
    assert [s.title for s in queries.title_timeline(person)] == ["市长", "市委副书记"]
