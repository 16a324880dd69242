"""Every named URL pattern, public and admin, with hostile path and query values: never a 5xx.

The patterns are read from the URL resolver, so a view added later is walked too. Each path
parameter gets huge, negative, zero, garbage, NUL and very long values; each pattern with
valid path values gets hostile query strings (page numbers, long queries, repeated parameters).
Requests are made as a superuser so the admin's views run instead of redirecting to login.
"""
import re
from urllib.parse import quote

import pytest
from django.contrib.auth.models import User
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver

from archive.models import DistrictAlias, ImportRun, Mention, Person

# A route parameter (<int:pk>) or a regex group ((?P<url>.*)) of the admin's patterns.
PARAMETER = re.compile(r"<(?:\w+:)?(?P<name>\w+)>|\(\?P<(?P<group>\w+)>[^)]*\)")

HOSTILE_PATH_VALUES = [
    "0", "-1", "10000", "99999999999", "9" * 40, "1.5", "1e9", "abc", "%00", "%00abc", "%20",
    "..%2F..%2Fetc%2Fpasswd", "%E4%B8%AD%E6%96%87", "x" * 3000, "%ff%fe", "2016-02-30", "0000-00-00",
    "<script>", "'%20OR%201=1",
]
HOSTILE_QUERIES = [
    "page=abc", "page=0", "page=-1", "page=99999999999", "page=" + "9" * 400, "page=1.5", "page=%00",
    "page=1&page=abc&page=2", "p=abc", "p=-5", "p=99999999999",
    "q=" + "城市" * 1000, "q=%00%01", "q=" + "a" * 2000, "q=((%22",
    "year=0", "year=99999999999", "month=13&year=2016", "date_from=2016-13-45&date_to=0000-01-01",
    "official=" + "9" * 30, "district=" + "x" * 500, "o=999&e=1",
    "id__exact=" + "9" * 40, "pk=-" + "9" * 40, "all=&q=%00", "_changelist_filters=%00",
    "&".join(f"page={i}" for i in range(900)), "&".join(f"official={i}" for i in range(1100)),
]


def walk(patterns, prefix=""):
    """(route text, pattern) for every leaf pattern under ``patterns``."""
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            yield from walk(pattern.url_patterns, prefix + str(pattern.pattern))
        elif isinstance(pattern, URLPattern):
            yield prefix + str(pattern.pattern), pattern


def fill(route, value_for):
    """The route with each parameter replaced by ``value_for(name)``; regex anchors dropped."""
    path = PARAMETER.sub(lambda m: value_for(m["name"] or m["group"]), route)
    return "/" + path.replace("^", "").replace("$", "")


def valid_values(archive):
    """A working value for each path parameter name, taking the model from the route's admin prefix."""
    models = {
        "district": archive.wenxian, "districtalias": DistrictAlias.objects.first(), "issue": archive.main_issue,
        "page": archive.continuation_page, "article": archive.lead, "person": archive.mayor,
        "mention": Mention.objects.first(), "meeting": archive.meeting, "importrun": ImportRun.objects.first(),
        "user": User.objects.first(), "group": None,
    }

    def for_route(route):
        admin_model = re.match(r"admin/\w+/(\w+)/", route)
        obj = models.get(admin_model[1]) if admin_model else None
        public = {
            "year": "2016", "month": "9", "date": archive.main_issue.date.isoformat(),
            "edition": quote(archive.main_issue.edition), "slug": archive.wenxian.slug, "section": "articles",
            "pk": str(
                archive.continuation_page.pk if route.startswith("pages/")
                else archive.lead.pk if route.startswith("articles/")
                else archive.meeting.pk if route.startswith("meetings/")
                else archive.mayor.pk
            ),
            "app_label": "archive", "url": "archive/", "content_type_id": "1",
        }

        def value(name):
            if name in ("object_id", "id"):
                return str(obj.pk) if obj is not None else "1"
            return public[name]

        return value

    return for_route


@pytest.fixture
def hostile_client(archive):
    ImportRun.objects.create(outcome=ImportRun.Outcome.FAILED, files=["x.txt"], error="样例")
    superuser = User.objects.create_superuser("root", password="pw-root-123")
    client = Client(raise_request_exception=False)
    client.force_login(superuser)
    return client


def test_walk_covers_public_and_admin_patterns():
    routes = [route for route, _ in walk(get_resolver().url_patterns)]
    assert "dates/<int:year>/<int:month>/" in routes
    assert "admin/archive/page/import/" in routes
    assert len(routes) > 60


@pytest.mark.django_db
def test_no_url_or_parameter_gives_a_server_error(hostile_client, archive):
    value_for_route = valid_values(archive)
    failures, requests = [], 0
    for route, _pattern in walk(get_resolver().url_patterns):
        valid = value_for_route(route)
        names = {m["name"] or m["group"] for m in PARAMETER.finditer(route)}
        urls = []
        for hostile in HOSTILE_PATH_VALUES:
            for name in names:
                def value(n, name=name, hostile=hostile, valid=valid):
                    return hostile if n == name else valid(n)

                urls.append(fill(route, value))
        base = fill(route, valid)
        urls += [f"{base}?{query}" for query in HOSTILE_QUERIES]
        for url in urls:
            response = hostile_client.get(url)
            requests += 1
            if response.status_code >= 500:
                failures.append(f"{response.status_code} {url[:120]}")
    assert not failures, f"{len(failures)} of {requests} requests failed:\n" + "\n".join(failures)


@pytest.mark.django_db
@pytest.mark.parametrize("url", ["/dates/0/", "/dates/10000/", "/dates/99999999999/", "/dates/0/1/", "/dates/2016/13/"])
def test_out_of_range_dates_are_a_chinese_404(client, archive, url):
    response = client.get(url)
    assert response.status_code == 404
    assert "找不到这个页面" in response.content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize("url_name", ["/people/", "/meetings/", "person", "district"])
def test_every_paginated_page_repairs_page_numbers_the_same_way(client, archive, url_name):
    from tests.browse.sample_archive import add_filler_articles

    add_filler_articles(archive, 45)
    Person.objects.bulk_create(Person(name=f"填充{i}") for i in range(60))
    url = {"person": archive.mayor.get_absolute_url(), "district": archive.wenxian.get_absolute_url()}.get(
        url_name, url_name
    )
    last = client.get(url).context["page_obj"].paginator.num_pages
    assert last >= 2, "the fixture must give more than one page"
    assert client.get(f"{url}?page={last}").context["page_obj"].number == last

    for garbage in ("abc", "0", "-3", "1.5", "%00", "9" * 30):
        response = client.get(f"{url}?page={garbage}")
        assert response.status_code == 200
        assert response.context["page_obj"].number == 1
        assert "无效，已显示第1页" in response.content.decode()
    assert "\x00" not in client.get(f"{url}?page=%00").content.decode()

    beyond = client.get(url + "?page=999")
    assert beyond.status_code == 200
    assert beyond.context["page_obj"].number == last
    assert f"共{last}页，已显示第{last}页。" in beyond.content.decode()
    assert "已显示" not in client.get(f"{url}?page={last}").content.decode()
