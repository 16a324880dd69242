"""Malformed and hostile input in every parameter: the page repairs or explains, the API refuses; never a 500.

These go through the real engine (``search.engine.run_search``), so query
parsing is exercised too.
"""
import pytest
from django.urls import reverse

SEARCH = reverse("search:search")
API = reverse("search:api")
CSV = reverse("search:csv")

HOSTILE = {
    "q 2000 chars": "q=" + "城市" * 1000,
    "q 2000 ascii": "q=" + "a" * 2000,
    "q NUL and control characters": "q=%00%01%1b%7f%C2%85",
    "q bidi override": "q=%E2%80%AE%E5%B8%82%E9%95%BF",
    "q invalid utf-8": "q=%ff%fe%ED%A0%80",
    "q lone quote": 'q="城市',
    "q unbalanced brackets": "q=((((%E5%B8%82",
    "q only operators": "q=OR+AND+NOT+-+|",
    "q wildcards": "q=*%3F~^\\",
    "q markup": "q=<script>alert(1)</script>",
    "q sql": "q=' OR 1=1 --",
    "q whitespace only": "q=%E3%80%80%20%09%0A",
    "q emoji": "q=%F0%9F%98%80%E4%BC%9A%E8%AE%AE",
    "q repeated": "q=a&q=b&q=c",
    "page letters": "page=abc",
    "page negative": "page=-1",
    "page zero": "page=0",
    "page huge": "page=99999999999999999999999999",
    "page float": "page=1.5",
    "page exponent": "page=1e9",
    "official letters": "official=abc",
    "official unknown": "official=987654",
    "official huge": "official=99999999999999999999999",
    "official negative": "official=-3",
    "official many": "&".join(f"official={i}" for i in range(200)),
    "district unknown": "district=atlantis",
    "district path": "district=../../etc/passwd",
    "district long": "district=" + "x" * 2000,
    "year zero": "year=0",
    "year huge": "year=99999999999",
    "year chinese numerals": "year=二〇一六",
    "month without year": "month=9",
    "month 13": "year=2016&month=13",
    "date impossible": "date_from=2016-13-45",
    "date year zero": "date_to=0000-00-00",
    "date far future": "date_from=9999-12-31",
    "dates reversed": "date_from=2020-01-01&date_to=2010-01-01",
    "sort junk": "sort=junk",
    "sort injection": "sort=date_desc;DROP TABLE archive_article",
    "unknown parameters": "per_page=100000&format=xml&debug=1",
    "everything at once": "q=%00((&page=-9&official=x&district=y&year=z&month=13&date_from=no&sort=no",
}


@pytest.fixture
def search_client(client, seed_articles):
    """A client over the real engine with the gold seed pages indexed, so queries do match."""
    return client


def answers(client, path, check):
    """Names of the hostile inputs whose response at ``path`` fails ``check`` (one index build for all)."""
    return [name for name, query in HOSTILE.items() if not check(client.get(f"{path}?{query}"))]


def page_ok(response):
    if response.status_code not in (200, 400) or "<script>alert" in response.content.decode():
        return False
    return response.status_code == 200 or "无法理解这个检索式" in response.content.decode()


def api_ok(response):
    if response.status_code == 400:
        return bool(response.json()["error"])
    return response.status_code == 200 and response.json()["count"] >= 0 and response.json()["page"] >= 1


def csv_ok(response):
    return response.status_code == 400 or (
        response.status_code == 200 and response.content.startswith("\ufeff日期".encode())
    )


def test_enough_hostile_inputs():
    assert len(HOSTILE) >= 20


def test_page_repairs_or_explains(search_client):
    assert answers(search_client, SEARCH, page_ok) == []


def test_api_answers_or_refuses_with_a_message(search_client):
    assert answers(search_client, API, api_ok) == []


def test_csv_exports_or_refuses(search_client):
    assert answers(search_client, CSV, csv_ok) == []


def test_repairs_are_reported_on_the_page(search_client):
    response = search_client.get(f"{SEARCH}?{HOSTILE['everything at once']}")
    assert response.status_code in (200, 400)
    problems = response.context["problems"]
    assert {p.split("：", 1)[0] for p in problems} >= {"页码", "年份", "月份", "起始日期", "排序"}


def test_long_query_is_cut_not_refused_on_the_page(search_client):
    response = search_client.get(f"{SEARCH}?{HOSTILE['q 2000 ascii']}")
    assert response.status_code == 200
    assert len(response.context["search_request"].q) == 100
    assert "关键词过长" in response.content.decode()


def test_api_refuses_what_the_page_repairs(search_client):
    for name in ("page letters", "district unknown", "q 2000 chars", "official many", "dates reversed"):
        response = search_client.get(f"{API}?{HOSTILE[name]}")
        assert response.status_code == 400, name
        assert response.json()["problems"], name


def test_unsearchable_query_is_explained_by_the_engine(search_client):
    from search.query import QuerySyntaxError, parse

    with pytest.raises(QuerySyntaxError) as raised:
        parse("*")
    page = search_client.get(SEARCH, {"q": "*"})
    assert page.status_code == 400
    assert str(raised.value) in page.content.decode()
    assert page.context["search_request"].q == "*"
    api = search_client.get(API, {"q": "*"})
    assert (api.status_code, api.json()["error"]) == (400, str(raised.value))
    assert search_client.get(CSV, {"q": "*"}).status_code == 400
