"""The JSON API and the CSV export: same data as the page, whole result sets, refusal of bad parameters."""
import csv
import io
from urllib.parse import parse_qsl, quote, urlsplit

from django.urls import reverse
from django.utils import timezone

from archive.models import Article
from search import export
from tests.search.fake_engine import fake_engine_fixture, small_archive_fixture  # noqa: F401

API = reverse("search:api")
CSV = reverse("search:csv")
SEARCH = reverse("search:search")


def csv_rows(response):
    body = response.content
    assert body.startswith("\ufeff".encode())
    return list(csv.reader(io.StringIO(body.decode("utf-8-sig"))))


def test_api_shape(client, small_archive):
    Article.objects.filter(pk=small_archive["articles"][0].pk).update(reporters=["甲记者"])
    response = client.get(API, {"q": "城市建设", "district": "wenxian"})
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/json")
    data = response.json()
    assert data["count"] == 3 and data["page"] == 1
    assert set(data["facets"]) == {"date", "official", "district", "kind", "reporter", "edition"}
    first = data["results"][0]
    assert set(first) == {
        "url", "headline", "publication_date", "event_date", "edition", "page", "snippet", "officials", "districts",
        "reporters",
    }
    for values in data["facets"].values():
        for value in values:
            assert set(value) == {"value", "label", "count", "selected", "toggle_url"}
    article = small_archive["articles"][0]
    row = next(r for r in data["results"] if r["url"] == article.get_absolute_url())
    assert row["headline"] == article.headline
    assert row["publication_date"] == "2014-04-17"
    assert row["event_date"] == (article.event_date.isoformat() if article.event_date else None)
    assert (row["edition"], row["page"]) == ("焦作日报", "A01")
    assert row["officials"] == [{"name": "赵建国", "url": small_archive["mayor"].get_absolute_url()}]
    assert row["districts"] == [{"name": "温县", "url": "/districts/wenxian/"}]
    assert row["reporters"] == ["甲记者"]
    assert "<mark>城市建设</mark>" in row["snippet"]


def test_api_and_page_share_one_structure(client, small_archive):
    query = {"q": "城市建设", "year": "2016", "sort": "date_desc"}
    page = client.get(SEARCH, query).context["results"].as_json()
    api = client.get(API, query).json()
    assert api["count"] == page["count"] and api["results"] == page["results"]
    for name in api["facets"]:
        strip = [{k: v for k, v in value.items() if k != "toggle_url"} for value in api["facets"][name]]
        assert strip == [{k: v for k, v in value.items() if k != "toggle_url"} for value in page["facets"][name]]
        for api_value, page_value in zip(api["facets"][name], page["facets"][name], strict=True):
            assert api_value["toggle_url"] == page_value["toggle_url"].replace(SEARCH, API, 1)


def test_api_toggle_urls_stay_in_the_api(client, small_archive):
    data = client.get(API, {"q": "城市建设"}).json()
    district = next(v for v in data["facets"]["district"] if v["value"] == "qinyang")
    assert urlsplit(district["toggle_url"]).path == API
    narrowed = client.get(district["toggle_url"]).json()
    assert narrowed["count"] == district["count"] == 2
    selected = next(v for v in narrowed["facets"]["district"] if v["value"] == "qinyang")
    assert selected["selected"] and sorted(parse_qsl(urlsplit(selected["toggle_url"]).query)) == [("q", "城市建设")]


def test_api_includes_person_cards(client, small_archive):
    people = client.get(API, {"q": "钱立新"}).json()["people"]
    assert people == [
        {"name": "钱立新", "note": "", "titles": ["秘书长"], "article_count": 2,
         "url": small_archive["clerk"].get_absolute_url()}
    ]


def test_api_refuses_bad_parameters(client, small_archive, fake_engine):
    response = client.get(API, {"q": "城市建设", "page": "abc", "district": "nowhere"})
    assert response.status_code == 400
    data = response.json()
    assert data["error"] == "参数有误" and len(data["problems"]) == 2
    assert any("nowhere" in p for p in data["problems"])
    assert fake_engine.requests == []


def test_api_syntax_error_is_400(client, small_archive, fake_engine):
    fake_engine.syntax_error = "括号不成对。"
    response = client.get(API, {"q": "(城市"})
    assert response.status_code == 400
    assert response.json()["error"] == "括号不成对。"


def test_csv_columns_and_content(client, small_archive):
    Article.objects.filter(pk=small_archive["articles"][1].pk).update(reporters=["甲记者", "乙记者"])
    response = client.get(CSV, {"q": "城市建设", "sort": "date_asc"})
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    today = timezone.localdate().strftime("%Y%m%d")
    assert response["Content-Disposition"] == (
        f"attachment; filename=\"search-{today}.csv\"; filename*=UTF-8''"
        + quote(f"检索-城市建设-{today}.csv")
    )
    rows = csv_rows(response)
    assert rows[0] == ["日期", "事件日期", "版别", "版面", "类型", "标题", "记者", "人物及职务", "区县", "摘要", "链接"]
    assert [r[0] for r in rows[1:]] == ["2014-04-17", "2016-09-02", "2016-09-03", "2016-11-01"]
    second = rows[2]
    article = small_archive["articles"][1]
    assert second == [
        "2016-09-02", "", "焦作日报", "A01", article.get_kind_display(), "城市建设现场会", "甲记者、乙记者",
        "赵建国（市长）；钱立新",
        "温县、沁阳市", "…<b>城市建设…", "http://testserver" + article.get_absolute_url(),
    ]
    assert response["X-Total-Count"] == response["X-Exported-Count"] == "4"


def test_csv_neutralises_spreadsheet_formulas(client, small_archive):
    rows = csv_rows(client.get(CSV, {"q": "城市建设", "sort": "date_desc"}))
    assert rows[1][5] == "'=城市建设公告"


def test_csv_exports_every_page_of_results_up_to_the_cap(client, small_archive, fake_engine, monkeypatch):
    fake_engine.articles *= 3
    monkeypatch.setattr(export, "CSV_BATCH", 2)
    everything = client.get(CSV, {"q": "城市建设", "page": "3"})
    assert len(csv_rows(everything)) - 1 == 12
    assert {r.page for r in fake_engine.requests} == {1, 2, 3, 4, 5, 6}

    monkeypatch.setattr(export, "CSV_MAX_ROWS", 5)
    capped = client.get(CSV, {"q": "城市建设"})
    assert len(csv_rows(capped)) - 1 == 5
    assert (capped["X-Total-Count"], capped["X-Exported-Count"]) == ("12", "5")


def test_csv_refuses_bad_parameters(client, small_archive):
    response = client.get(CSV, {"year": "二〇一六"})
    assert response.status_code == 400
    assert response.content.decode().startswith("参数有误：年份：")


def test_page_offers_the_export_with_its_cap(client, small_archive):
    html = client.get(SEARCH, {"q": "城市建设", "page": "1"}).content.decode()
    assert f'href="{CSV}?q=%E5%9F%8E%E5%B8%82%E5%BB%BA%E8%AE%BE"' in html
    assert f"最多 {export.CSV_MAX_ROWS} 条" in html
    assert "只导出" not in html


def test_page_says_when_the_export_is_cut(client, small_archive, fake_engine):
    fake_engine.articles *= 2000
    html = client.get(SEARCH, {"q": "城市建设"}).content.decode()
    assert f"本次共 8000 篇，只导出按当前排序的前 {export.CSV_MAX_ROWS} 篇。" in html


# End to end: the real engine over the gold seed pages in a temporary Whoosh index.


def test_seed_api_finds_an_official(client, seed_articles):
    data = client.get(API, {"q": "王小平", "sort": "date_desc"}).json()
    assert data["count"] == len(data["results"]) > 0
    assert all("<mark>王小平</mark>" in r["snippet"] or "王小平" in r["headline"] for r in data["results"])
    assert any("王小平" in [o["name"] for o in r["officials"]] for r in data["results"])
    dates = [r["publication_date"] for r in data["results"]]
    assert dates == sorted(dates, reverse=True)
    official = next(v for v in data["facets"]["official"] if v["label"] == "王小平")
    assert official["count"] == data["people"][0]["article_count"]


def test_seed_csv_exports_the_whole_result_set(client, seed_articles, monkeypatch):
    monkeypatch.setattr(export, "CSV_BATCH", 7)
    response = client.get(CSV, {"sort": "date_asc"})
    rows = csv_rows(response)[1:]
    assert len(rows) == len(seed_articles) == int(response["X-Total-Count"])
    assert len({r[-1] for r in rows}) == len(rows)
    assert [r[0] for r in rows] == sorted(r[0] for r in rows)


def test_official_facet_lists_the_most_frequent_and_the_selected(client, seed_articles, monkeypatch):
    from dataclasses import replace

    from search import presentation
    from search.engine import SearchRequest, run_search

    monkeypatch.setattr(presentation, "FACETS", [replace(f, listed=2) for f in presentation.FACETS])
    counts = run_search(SearchRequest()).facets["official"]
    listed = client.get(API).json()["facets"]["official"]
    assert len(counts) > 3 and [(v["value"], v["count"]) for v in listed] == counts[:2]
    last = counts[-1][0]
    listed = client.get(API, {"official": last}).json()["facets"]["official"]
    selected = [(v["value"], v["count"]) for v in listed]
    assert selected[-1][0] == last and [v["selected"] for v in listed][-1]
