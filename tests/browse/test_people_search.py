"""The people list found by name, pinyin, initials, traditional characters and title (invented people)."""
import re
from datetime import date

import pytest
from django.db import connection
from django.urls import reverse

from archive import queries
from archive.models import Issue, Page, Person
from tests.browse.sample_archive import add_article

pytestmark = pytest.mark.django_db
LISTED = re.compile(r'<li><a href="/people/(\d+)/">')


@pytest.fixture
def people():
    """Four people with titles stated in invented articles; 柏 and 白 share a pinyin syllable."""
    issue = Issue.objects.create(date=date(2019, 3, 5))
    page = Page.objects.create(issue=issue, label="01", source_file="p.txt", raw_text="", sha256="0")
    named = {name: Person.objects.create(name=name) for name in ("柏晓川", "白雪峰", "蔺晓川", "柯文山")}
    add_article(page, 1, "甲", people=[(named["柏晓川"], ["焦作市市长"], []), (named["柯文山"], ["副市长"], [])])
    add_article(page, 2, "乙", people=[(named["白雪峰"], ["市委书记", "市长"], []), (named["蔺晓川"], ["局长"], [])])
    return named


def listed(client, **params):
    response = client.get(reverse("archive:person_list"), params)
    assert response.status_code == 200
    ids = [int(pk) for pk in LISTED.findall(response.content.decode())]
    return {Person.objects.get(pk=pk).name for pk in ids}, response


@pytest.mark.parametrize("typed", ["baixiaochuan", "bai xiaochuan", "BaiXiaoChuan", "bxc", "bai'xiao", "柏曉川"])
def test_a_name_typed_in_pinyin_initials_or_traditional_finds_only_that_person(client, people, typed):
    assert listed(client, q=typed)[0] == {"柏晓川"}


def test_a_pinyin_prefix_finds_everyone_whose_name_starts_so(client, people):
    assert listed(client, q="bai")[0] == {"柏晓川", "白雪峰"}
    assert listed(client, q="晓川")[0] == {"柏晓川", "蔺晓川"}


def test_title_filter_lists_people_ever_stated_with_it_not_deputies(client, people):
    assert listed(client, title="市长")[0] == {"柏晓川", "白雪峰"}
    assert listed(client, title="副市长")[0] == {"柯文山"}
    assert listed(client, title="市長", q="bxc")[0] == {"柏晓川"}
    assert listed(client, title="100%_")[0] == set()


def test_without_filters_everyone_is_listed_and_pages_keep_the_query(client, people):
    assert listed(client)[0] == set(people)
    _, response = listed(client, q="bai")
    assert "共 2 人" in response.content.decode()


@pytest.mark.parametrize("params", [{"q": "x" * 41}, {"title": "a\x00b"}, {"q": "%"}, {"q": "'"}, {"page": "99"}])
def test_bad_parameters_never_fail(client, people, params):
    response = client.get(reverse("archive:person_list"), params)
    assert response.status_code in (200, 404)


def test_overlong_query_is_reported_in_chinese_and_ignored(client, people):
    names, response = listed(client, q="x" * 41)
    assert names == set(people)
    assert "已忽略" in response.content.decode()


def test_pinyin_is_kept_with_the_name():
    person = Person.objects.create(name="吕晓川")
    assert (person.pinyin, person.initials) == ("lvxiaochuan", "lxc")
    person.name = "柯文山"
    person.save(update_fields=["name"])
    person.refresh_from_db()
    assert (person.pinyin, person.initials) == ("kewenshan", "kws")


@pytest.mark.skipif(connection.vendor != "sqlite", reason="reads SQLite's query plan")
def test_pinyin_lookup_is_an_index_search(people):
    sql, params = Person.objects.filter(queries.people_named("bxc")).values("pk").query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute(f"EXPLAIN QUERY PLAN {sql}", params)
        plan = " ".join(str(row) for row in cursor.fetchall())
    assert "archive_person_pinyin" in plan and "archive_person_initials" in plan, plan
