"""Advanced search on each engine (scopes, event-date range, page number) and through the form, page, API and CSV.

Expected sets come from the database (the ORM and ``search.schema.page_number``), never from
fixed ids; each engine is the real one (a Whoosh index in a temporary directory, the SolrCloud
cluster when ``ARCHIVE_SOLR_URL`` is set).
"""
from datetime import date
from urllib.parse import urlencode

import pytest
from django.http import QueryDict
from django.urls import reverse
from whoosh.fields import Schema

from archive.models import Article, Issue, Page
from search import generation, indexing
from search.engine import SearchRequest, run_search
from search.forms import SearchForm, query_string
from search.schema import BODY_FIELD, EVENT_DAY_FIELD, PAGE_NUMBER_FIELD, page_number
from tests.search.conftest import create_article

SEARCH, API, CSV = reverse("search:search"), reverse("search:api"), reverse("search:csv")


def ids_for(q="", **fields):
    return {hit.article_id for hit in run_search(SearchRequest(q=q, per_page=100, **fields)).hits}


def orm(**lookup):
    return set(Article.objects.filter(**lookup).values_list("pk", flat=True))


@pytest.fixture
def pages(db):
    """Pages of one issue labelled as imports label them: a number, a letter and number, words, nothing."""
    issue = Issue.objects.create(date=date(2021, 5, 6))
    return [
        Page.objects.create(issue=issue, label=label, source_file=f"{n}.txt", raw_text="", sha256="0" * 64)
        for n, label in enumerate(["01", "A3", "第3版", "", "1000"])
    ]


def make_spread(pages):
    """Articles on ``pages``: the same words in a headline or only in a body, events on several days or none."""
    texts = [
        ("城市建设规划公布", "今日公布相关内容，会议通过。", date(2021, 5, 1)),
        ("乙", "城市建设规划今日公布，会议部署工作。", date(2021, 5, 3)),
        ("规划会议召开", "会议讨论城市建设规划。", None),
        ("城市建设规划征求意见", "征求意见稿发布。", date(2021, 4, 20)),
        ("丙", "城市建设规划又有新进展。", date(2021, 5, 5)),
    ]
    articles = [
        create_article(page, 1, headline=headline, body=body, event_date=event)
        for page, (headline, body, event) in zip(pages, texts, strict=True)
    ]
    indexing.drain()
    return articles


@pytest.fixture
def spread(engine, pages):
    return make_spread(pages)


def test_headline_scope_looks_for_words_and_exclusions_in_the_headline_only(spread):
    everywhere = {a.pk for a in spread if "城市建设规划" in a.headline + a.body}
    in_headline = {a.pk for a in spread if "城市建设规划" in a.headline}
    assert in_headline and in_headline < everywhere
    assert ids_for("城市建设规划") == everywhere
    assert ids_for("城市建设规划", scope="headline") == in_headline
    # -会议 excludes by headline in this scope: an article with 会议 only in its body stays
    kept = {a.pk for a in spread if "规划" in a.headline and "会议" not in a.headline}
    assert any("会议" in a.body for a in spread if a.pk in kept)
    assert ids_for("规划 -会议", scope="headline") == kept
    assert ids_for("规划 -会议") == {a.pk for a in spread if "规划" in a.headline + a.body
                                     and "会议" not in a.headline + a.body}


def test_body_scope_looks_for_words_and_exclusions_in_the_body_only(engine, pages):
    texts = [
        ("城市建设规划公布", ["规划副题"], "今日公布相关内容，会议通过GDP数据。"),
        ("乙", [], "城市建设规划今日公布，会议部署工作。"),
        ("规划会议召开", ["城市建设规划征求意见"], "会议讨论建设。gdp增长较快"),
        ("城市规划", [], "市民关注城市建设规划进展。"),
        ("GDP增长明显", ["会议"], "数据向好。"),
    ]
    articles = [create_article(pages[0], order, headline=headline, subtitles=subtitles, body=body)
                for order, (headline, subtitles, body) in enumerate(texts, start=1)]
    indexing.drain()

    def found(word, articles=articles, part=lambda a: a.body):
        return {a.pk for a in articles if word.lower() in part(a).lower()}

    def everywhere(a):
        return " ".join([a.headline, *a.subtitles, a.body])

    for word in ("城市建设规划", "会议", "gdp", "gdp增长", "城", "副题"):
        assert found(word) != found(word, part=everywhere)
        assert ids_for(word) == found(word, part=everywhere)
        assert ids_for(word, scope="body") == found(word), word
    # -规划 excludes by body in this scope: an article with 规划 only in its headline stays
    kept = {a.pk for a in articles if "会议" in a.body and "规划" not in a.body}
    assert any("规划" in a.headline for a in articles if a.pk in kept)
    assert ids_for("会议 -规划", scope="body") == kept


def test_whoosh_body_scope_adds_no_field_to_the_index(search_index):
    assert BODY_FIELD not in search_index.schema.names()


def test_event_range_filters_on_the_event_day_and_leaves_undated_articles_out(spread):
    start, end = date(2021, 5, 1), date(2021, 5, 4)
    expected = orm(event_date__range=(start, end))
    assert expected and expected != {a.pk for a in spread}
    assert ids_for(event_from=start, event_to=end) == expected
    assert ids_for(event_from=start) == orm(event_date__gte=start)
    assert ids_for(event_to=end) == orm(event_date__lte=end)
    undated = orm(event_date__isnull=True)
    assert undated and not undated & ids_for(event_to=date(2100, 1, 1))
    # publication and event ranges are separate conditions, both applied
    published = spread[0].publication_date
    assert ids_for(date_from=published, date_to=published, event_from=start, event_to=end) == expected
    assert ids_for(date_from=date(2030, 1, 1), event_from=start, event_to=end) == set()


def test_page_number_filter_reads_the_number_in_the_page_label(spread):
    numbers = {a.pk: page_number(a.page.label) for a in spread}
    assert numbers[spread[0].pk] == 1 and numbers[spread[1].pk] == numbers[spread[2].pk] == 3
    assert numbers[spread[3].pk] is None and numbers[spread[4].pk] is None
    for number in (1, 3, 7):
        assert ids_for(page_number=number) == {pk for pk, n in numbers.items() if n == number}
    assert ids_for("城市建设规划", page_number=3, scope="headline") == set()
    assert ids_for("城市建设规划", page_number=3) == {spread[1].pk, spread[2].pk}


def test_advanced_filters_follow_edits(spread):
    article = spread[3]
    article.event_date = date(2021, 5, 2)
    article.save()
    indexing.drain()
    assert article.pk in ids_for(event_from=date(2021, 5, 1), event_to=date(2021, 5, 4))


def test_seed_event_ranges_equal_the_database(seed_articles):
    days = sorted({a.event_date for a in seed_articles if a.event_date})
    assert len(days) > 1
    for start, end in [(days[0], days[0]), (days[0], days[-1]), (days[1], days[-1])]:
        assert ids_for(event_from=start, event_to=end) == orm(event_date__range=(start, end))


def test_whoosh_index_without_the_new_fields_is_outdated_until_rebuilt(search_index, pages):
    spread = make_spread(pages)
    assert not search_index.schema_outdated()
    old = Schema(**{name: field for name, field in search_index.schema.items()
                    if name not in (EVENT_DAY_FIELD, PAGE_NUMBER_FIELD)})
    search_index.storage.create_index(old)
    generation.forget()
    assert search_index.schema_outdated()
    # an old index still answers (the new filters match nothing) until the repair rebuilds it
    assert ids_for(page_number=1) == set()
    indexing.repair()
    generation.forget()
    assert not search_index.schema_outdated()
    assert ids_for(page_number=1) == {spread[0].pk}


@pytest.mark.solr
def test_solr_documents_of_an_older_version_make_the_collection_outdated(solr_index, pages, monkeypatch):
    from search import solr_backend

    spread = make_spread(pages)
    assert not solr_index.schema_outdated()
    monkeypatch.setattr(solr_backend, "DOCUMENT_VERSION", solr_backend.DOCUMENT_VERSION + 1)
    assert solr_index.schema_outdated()
    indexing.repair()
    assert not solr_index.schema_outdated() and len(solr_index.indexed_ids()) == len(spread)
    monkeypatch.setattr(solr_backend, "COMPUTED_FIELDS", (*solr_backend.COMPUTED_FIELDS, "field_not_in_configset"))
    assert solr_index.schema_outdated()


# --- form, page, API and CSV --------------------------------------------------------------------------


def test_form_reads_and_writes_the_advanced_parameters(db):
    params = {"q": "规划", "scope": "headline", "event_from": "2021-05-04", "event_to": "2021-05-01",
              "page_number": "3"}
    form = SearchForm(QueryDict(urlencode(params)))
    request = form.search_request()
    assert (request.scope, request.page_number) == ("headline", 3)
    assert (request.event_from, request.event_to) == (date(2021, 5, 1), date(2021, 5, 4))
    assert form.problems == ["事件起始日期晚于事件截止日期，已对调。"]
    again = SearchForm(QueryDict(query_string(request)[1:])).search_request()
    assert again == request
    assert query_string(SearchForm(QueryDict("q=规划&scope=all")).search_request()) == "?" + urlencode({"q": "规划"})


@pytest.mark.parametrize(
    ("name", "value"),
    [("scope", "title"), ("page_number", "0"), ("page_number", "1000"), ("page_number", "三"),
     ("event_from", "2021-13-01"), ("event_to", "昨天")],
)
def test_api_and_csv_refuse_bad_advanced_values_in_chinese(client, db, search_index, name, value):
    api = client.get(API, {"q": "规划", name: value})
    assert api.status_code == 400
    problems = api.json()["problems"]
    assert len(problems) == 1 and SearchForm.base_fields[name].label in problems[0] and "已忽略" in problems[0]
    export = client.get(CSV, {"q": "规划", name: value})
    assert export.status_code == 400 and problems[0] in export.content.decode()
    page = client.get(SEARCH, {"q": "规划", name: value})
    assert page.status_code == 200 and problems[0] in page.content.decode()


def test_page_api_and_csv_apply_the_advanced_search(client, spread):
    params = {"q": "城市建设规划", "scope": "headline", "event_from": "2021-05-01"}
    start = date(2021, 5, 1)
    expected = {a.pk for a in spread if "城市建设规划" in a.headline and a.event_date and a.event_date >= start}
    assert expected
    data = client.get(API, params).json()
    assert {r["url"] for r in data["results"]} == {Article.objects.get(pk=pk).get_absolute_url() for pk in expected}
    for row in data["results"]:
        article = next(a for a in spread if a.get_absolute_url() == row["url"])
        assert row["event_date"] == article.event_date.isoformat()
    assert int(client.get(CSV, params)["X-Total-Count"]) == len(expected)
    page = client.get(SEARCH, params)
    html = page.content.decode()
    assert page.context["results"].count == len(expected)
    assert 'value="headline" checked' in html and 'name="event_from" value="2021-05-01"' in html
    chips = [chip.label for chip in page.context["results"].chips]
    assert chips == ["事件自 2021-05-01", "仅标题"]
    removed = client.get(page.context["results"].chips[1].url).context["results"]
    assert removed.request.scope == "all" and removed.count > len(expected)


def test_nothing_found_suggests_dropping_the_advanced_conditions(client, spread):
    results = client.get(SEARCH, {"q": "城市建设规划", "page_number": "7", "event_to": "2000-01-01"}).context["results"]
    assert results.count == 0
    labels = [s.label for s in results.suggestions]
    assert "去掉“第7版”" in labels and "不限日期" in labels and "只按关键词搜索全部文章" in labels
    widened = client.get(next(s.url for s in results.suggestions if s.label == "只按关键词搜索全部文章"))
    assert widened.context["results"].count == len({a.pk for a in spread if "城市建设规划" in a.headline + a.body})


def test_a_page_label_edit_reindexes_the_page_s_articles(spread, pages, django_capture_on_commit_callbacks):
    page = pages[3]
    on_page = set(page.articles.values_list("pk", flat=True))
    assert on_page and not ids_for(page_number=8)
    with django_capture_on_commit_callbacks(execute=True):
        page.label = "08"
        page.save()
    assert ids_for(page_number=8) == on_page


@pytest.fixture
def bylines(engine, pages):
    """Articles with byline reporters in the pages' edition and in a second one."""
    other = Issue.objects.create(date=date(2021, 5, 6), edition="示范区")
    other_page = Page.objects.create(issue=other, label="01", source_file="s.txt", raw_text="", sha256="0" * 64)
    made = [
        create_article(pages[0], 1, headline="城市建设甲", body="城市建设。", reporters=["张三"]),
        create_article(other_page, 1, headline="城市建设乙", body="城市建设。", reporters=["张三", "李四"]),
        create_article(other_page, 2, headline="城市建设丙", body="城市建设。", reporters=["李四"]),
        create_article(pages[1], 1, headline="城市建设丁", body="城市建设。"),
    ]
    indexing.drain()
    return made


def test_reporter_and_edition_are_inputs_of_the_advanced_form(client, bylines):
    def expected(names=(), edition=None):
        return {a.get_absolute_url() for a in bylines if set(names) <= set(a.reporters)
                and edition in (None, a.page.issue.edition)}

    page = client.get(SEARCH, {"q": "城市建设", "reporter": "张三、李四"})
    results = page.context["results"]
    assert {row.url for row in results.rows} == expected(["张三", "李四"]) and results.count == 1
    html = page.content.decode()
    assert 'id="advanced-reporter" type="text" name="reporter" value="张三、李四"' in html
    assert '<option value="示范区">示范区</option>' in html and '<option value="焦作日报">焦作日报</option>' in html
    # each name is a chip of its own; removing one keeps the other
    assert [chip.label for chip in results.chips] == ["记者：张三", "记者：李四"]
    kept = client.get(results.chips[1].url).context["results"]
    assert kept.request.selected("reporter") == ["张三"]
    assert {row.url for row in kept.rows} == expected(["张三"])

    params = {"q": "城市建设", "reporter": "李四", "edition": "示范区"}
    page = client.get(SEARCH, params)
    assert '<option value="示范区" selected>' in page.content.decode()
    assert {row.url for row in page.context["results"].rows} == expected(["李四"], "示范区")
    data = client.get(API, params).json()
    assert {row["url"] for row in data["results"]} == expected(["李四"], "示范区")
    assert all("李四" in row["reporters"] for row in data["results"])
    assert int(client.get(CSV, params)["X-Total-Count"]) == len(expected(["李四"], "示范区"))
    assert {row["url"] for row in client.get(API, {"q": "城市建设", "edition": "焦作日报"}).json()["results"]} == (
        expected(edition="焦作日报"))


@pytest.mark.parametrize(
    ("name", "value", "problem"),
    [("edition", "不存在的版", "没有找到版别“不存在的版”，已忽略该条件。"),
     ("reporter", "名字长得不像一个人的名字", "没有找到记者“名字长得不像一个人的名字”，已忽略该条件。")],
)
def test_unknown_reporter_or_edition_is_refused_in_chinese(client, bylines, name, value, problem):
    api = client.get(API, {"q": "城市建设", name: value})
    assert api.status_code == 400 and api.json()["problems"] == [problem]
    assert client.get(CSV, {"q": "城市建设", name: value}).status_code == 400
    page = client.get(SEARCH, {"q": "城市建设", name: value})
    assert problem in page.content.decode() and page.context["results"].count == len(bylines)


def test_body_scope_is_a_choice_of_the_form_with_a_removable_chip(client, spread):
    page = client.get(SEARCH, {"q": "城市建设规划", "scope": "body"})
    results = page.context["results"]
    assert 'value="body" checked' in page.content.decode()
    assert {row.url for row in results.rows} == {a.get_absolute_url() for a in spread if "城市建设规划" in a.body}
    assert [chip.label for chip in results.chips] == ["仅正文"]
    assert client.get(results.chips[0].url).context["results"].request.scope == "all"


def test_names_typed_in_one_box_are_split_and_capped_like_repeated_parameters(db):
    names = [f"记者{n}" for n in range(12)]
    form = SearchForm(QueryDict(urlencode({"reporter": " 、".join(names)})))
    request = form.search_request()
    assert request.selected("reporter") == names[:10]
    assert form.problems == ["记者条件最多10个，其余已忽略。"]
    assert query_string(request) == "?" + urlencode([("reporter", name) for name in names[:10]])
