"""The search page: rendering, parameter round trips, toggles, histogram, chips, person cards.

Presentation logic runs against ``FakeEngine`` (the run_search contract in plain
Python); the end-to-end tests at the bottom use the real engine and index.
"""
import re
from datetime import date
from urllib.parse import parse_qsl, urlsplit

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from archive.models import Mention
from search.engine import SearchRequest
from search.presentation import build_results
from tests.search.fake_engine import fake_engine_fixture, small_archive_fixture  # noqa: F401

SEARCH = reverse("search:search")


def params(url):
    """A URL's query as a sorted list of pairs, so order does not matter."""
    return sorted(parse_qsl(urlsplit(url).query))


def get(client, **query):
    return client.get(SEARCH, query)


def test_page_renders_rows_with_article_facts(client, small_archive):
    response = get(client, q="城市建设")
    assert response.status_code == 200
    html = response.content.decode()
    first = small_archive["articles"][1]
    assert f'href="{first.get_absolute_url()}"' in html
    assert "城市建设现场会" in html
    assert "2016年9月2日" in html
    assert "A01版" in html
    assert "共 <strong class=\"total\">4</strong> 篇文章" in html
    assert f'href="{small_archive["mayor"].get_absolute_url()}">赵建国</a>' in html
    assert '<a href="/districts/qinyang/">沁阳市</a>' in html


def test_snippet_html_is_trusted_but_not_double_escaped(client, small_archive):
    html = get(client, q="城市建设").content.decode()
    assert "…&lt;b&gt;<mark>城市建设</mark>…" in html
    assert "&amp;lt;b" not in html


def test_parameters_reach_the_engine(client, small_archive, fake_engine):
    mayor = small_archive["mayor"]
    query = {
        "q": "城市建设",
        "official": str(mayor.pk),
        "district": "wenxian",
        "year": "2016",
        "month": "9",
        "date_from": "2016-01-01",
        "date_to": "2016-12-31",
        "sort": "date_asc",
    }
    assert get(client, **query).status_code == 200
    assert fake_engine.requests[-1] == SearchRequest(
        q="城市建设",
        filters={"official": [str(mayor.pk)], "district": ["wenxian"]},
        year=2016,
        month=9,
        date_from=date(2016, 1, 1),
        date_to=date(2016, 12, 31),
        sort="date_asc",
        page=1,
    )


def test_pagination_keeps_every_other_parameter(db, small_archive, fake_engine):
    request = SearchRequest(q="城市建设", filters={"district": ["wenxian"]}, sort="date_desc", per_page=1)
    results = build_results(request, SEARCH)
    assert results.count == 3 and results.num_pages == 3
    assert results.previous_url is None
    assert params(results.next_url) == [
        ("district", "wenxian"), ("page", "2"), ("q", "城市建设"), ("sort", "date_desc")
    ]
    assert [link.number for link in results.pages] == [1, 2, 3]
    assert results.pages[0].current


def test_page_links_mark_gaps(db, small_archive, fake_engine):
    fake_engine.articles *= 12
    results = build_results(SearchRequest(page=6, per_page=2), SEARCH)
    assert results.num_pages == 30
    assert [link.number for link in results.pages] == [1, None, 4, 5, 6, 7, 8, None, 30]
    assert results.first_number == 11


def test_page_past_the_end_shows_the_last_page(client, small_archive):
    response = get(client, q="城市建设", page="9999")
    assert response.status_code == 200
    assert response.context["results"].page == 1
    assert "共1页，已显示第1页。" in response.content.decode()


def test_official_toggle_adds_and_removes_the_filter(db, small_archive, fake_engine):
    mayor, clerk = small_archive["mayor"], small_archive["clerk"]
    results = build_results(SearchRequest(q="城市建设", page=2, per_page=1), SEARCH)
    values = {v.value: v for v in results.facets["official"].values}
    assert values[str(mayor.pk)].count == 2 and not values[str(mayor.pk)].selected
    assert values[str(mayor.pk)].label == "赵建国（市长）"
    assert params(values[str(mayor.pk)].toggle_url) == [("official", str(mayor.pk)), ("q", "城市建设")]

    selected = build_results(SearchRequest(q="城市建设", filters={"official": [str(mayor.pk)]}), SEARCH)
    values = {v.value: v for v in selected.facets["official"].values}
    assert values[str(mayor.pk)].selected
    assert params(values[str(mayor.pk)].toggle_url) == [("q", "城市建设")]
    assert params(values[str(clerk.pk)].toggle_url) == sorted(
        [("official", str(mayor.pk)), ("official", str(clerk.pk)), ("q", "城市建设")]
    )


def test_toggles_narrow_the_results(client, small_archive):
    everything = get(client, q="城市建设").context["results"]
    district = next(v for v in everything.facets["district"].values if v.value == "qinyang")
    narrowed = client.get(district.toggle_url).context["results"]
    assert narrowed.count == district.count == 2 < everything.count
    clerk = next(v for v in narrowed.facets["official"].values if v.label == "钱立新")
    both = client.get(clerk.toggle_url).context["results"]
    assert both.count == clerk.count == 2
    assert {c.label for c in both.chips} == {"沁阳市", "钱立新"}


def test_district_facet_labels_and_toggle(db, small_archive, fake_engine):
    results = build_results(SearchRequest(filters={"district": ["wenxian"]}), SEARCH)
    values = {v.value: v for v in results.facets["district"].values}
    assert values["wenxian"].label == "温县" and values["wenxian"].selected and values["wenxian"].count == 3
    assert params(values["wenxian"].toggle_url) == []
    assert params(values["qinyang"].toggle_url) == [("district", "qinyang"), ("district", "wenxian")]


def test_facet_values_render_as_toggle_links_with_state(client, small_archive):
    response = get(client, q="城市建设", district="wenxian")
    html, results = response.content.decode(), response.context["results"]
    values = {v.value: v for v in results.facets["district"].values}
    chosen, other = values["wenxian"], values["qinyang"]
    toggle = chosen.toggle_url.replace("&", "&amp;")
    assert (
        f'<li class="selected"><a href="{toggle}" aria-current="true"><span class="check" aria-hidden="true">✓</span>'
        f'<span class="value-label">温县</span><span class="value-count"><span class="visually-hidden">：</span>'
        f'{chosen.count}<span class="visually-hidden">篇（已选，点击取消）</span></span></a></li>'
    ) in html
    toggle = other.toggle_url.replace("&", "&amp;")
    assert (
        f'<li><a href="{toggle}"><span class="check" aria-hidden="true"></span><span class="value-label">沁阳市</span>'
        f'<span class="value-count"><span class="visually-hidden">：</span>{other.count}'
        '<span class="visually-hidden">篇</span></span></a></li>'
    ) in html


def test_facet_items_escape_labels_and_group_counts_as_the_locale_does():
    from django.contrib.humanize.templatetags.humanize import intcomma

    from search.presentation import FacetValue
    from search.templatetags.search_page import facet_items

    html = facet_items([FacetValue("1", "<b>王&李</b>", 123456, False, "/search/?q=a&official=1")])
    assert '<span class="value-label">&lt;b&gt;王&amp;李&lt;/b&gt;</span>' in html
    assert 'href="/search/?q=a&amp;official=1"' in html
    assert f"：</span>{intcomma(123456)}<" in html


def test_year_facet_drills_down_to_months(db, small_archive, fake_engine):
    years = build_results(SearchRequest(sort="date_desc", page=2, per_page=1), SEARCH)
    assert [(v.value, v.count) for v in years.facets["date"].values] == [("2014", 1), ("2016", 4)]
    year_2016 = years.facets["date"].values[1]
    assert params(year_2016.toggle_url) == [("sort", "date_desc"), ("year", "2016")]

    months = build_results(SearchRequest(year=2016, month=9), SEARCH)
    values = {v.value: v for v in months.facets["date"].values}
    assert values["2016"].selected and params(values["2016"].toggle_url) == []
    assert values["2016-09"].selected and values["2016-09"].count == 2
    assert params(values["2016-09"].toggle_url) == [("year", "2016")]


def test_histogram_fills_empty_years_without_links(db, small_archive, fake_engine):
    results = build_results(SearchRequest(), SEARCH)
    bars = results.histogram
    assert [b.label for b in bars] == ["2014年", "2015年", "2016年"]
    assert [b.count for b in bars] == [1, 0, 4]
    assert [b.percent for b in bars] == [25, 0, 100]
    assert bars[1].url is None and bars[0].url and params(bars[2].url) == [("year", "2016")]
    assert results.histogram_up_url is None


def test_histogram_skips_empty_years_over_a_long_span(db, small_archive, fake_engine):
    fake_engine.articles[0].publication_date = date(1950, 4, 17)
    assert [b.label for b in build_results(SearchRequest(), SEARCH).histogram] == ["1950年", "2016年"]


def test_histogram_of_a_year_shows_twelve_months(client, small_archive):
    response = get(client, year="2016")
    results = response.context["results"]
    assert [b.count for b in results.histogram] == [0] * 8 + [2, 1, 1, 0]
    assert results.histogram_title == "2016年各月"
    assert params(results.histogram_up_url) == []
    html = response.content.decode()
    assert '<span class="bar-label">9月</span><span class="bar-count"><span class="visually-hidden">：</span>2' in html


def test_chips_remove_one_filter_each(db, small_archive, fake_engine):
    mayor = small_archive["mayor"]
    request = SearchRequest(
        q="城市建设", filters={"official": [str(mayor.pk)], "district": ["wenxian"]}, year=2016, month=9,
        date_from=date(2016, 1, 1), date_to=date(2016, 12, 31), page=1,
    )
    chips = {chip.label: params(chip.url) for chip in build_results(request, SEARCH).chips}
    everything = params(SEARCH + "?" + "&".join(f"{k}={v}" for k, v in [
        ("q", "城市建设"), ("official", mayor.pk), ("district", "wenxian"), ("year", 2016), ("month", 9),
        ("date_from", "2016-01-01"), ("date_to", "2016-12-31"),
    ]))
    assert set(chips) == {"2016年", "2016年9月", "自 2016-01-01", "至 2016-12-31", "赵建国（市长）", "温县"}
    assert chips["温县"] == [p for p in everything if p != ("district", "wenxian")]
    assert chips["2016年9月"] == [p for p in everything if p != ("month", "9")]
    assert chips["2016年"] == [p for p in everything if p[0] not in {"year", "month"}]
    assert chips["赵建国（市长）"] == [p for p in everything if p[0] != "official"]


def test_chips_are_shown_with_remove_links(client, small_archive):
    html = get(client, q="城市建设", district="wenxian").content.decode()
    assert "已选条件" in html
    assert '<a class="chip" href="/search/?q=%E5%9F%8E%E5%B8%82%E5%BB%BA%E8%AE%BE">温县' in html


def test_sort_links_reset_the_page(db, small_archive, fake_engine):
    results = build_results(SearchRequest(q="城市建设", page=2, per_page=1), SEARCH)
    sorts = {s.label: s for s in results.sorts}
    assert sorts["相关度"].selected
    assert params(sorts["日期（新→旧）"].url) == [("q", "城市建设"), ("sort", "date_desc")]
    assert params(sorts["日期（旧→新）"].url) == [("q", "城市建设"), ("sort", "date_asc")]


def test_without_a_query_only_date_sorts_are_offered(db, small_archive, fake_engine):
    sorts = build_results(SearchRequest(filters={"district": ["wenxian"]}), SEARCH).sorts
    assert [(s.label, s.selected) for s in sorts] == [("日期（新→旧）", True), ("日期（旧→新）", False)]
    assert params(sorts[1].url) == [("district", "wenxian"), ("sort", "date_asc")]


def test_results_follow_the_requested_date_order(client, small_archive):
    newest = get(client, q="城市建设", sort="date_desc").context["results"].rows
    oldest = get(client, q="城市建设", sort="date_asc").context["results"].rows
    assert [r.publication_date for r in newest] == sorted((r.publication_date for r in newest), reverse=True)
    assert [r.headline for r in oldest] == [r.headline for r in reversed(newest)]


def test_more_officials_fold_away_after_twenty(client, small_archive, fake_engine):
    from archive.models import Person

    extra = [Person.objects.create(name=f"人物{i:02d}") for i in range(25)]
    fake_engine.extra_officials = [(str(p.pk), 1) for p in extra]
    response = get(client)
    facet = response.context["results"].facets["official"]
    assert len(facet.top) == 20 and len(facet.more) == len(facet.values) - 20 > 0
    assert f"<summary>更多（{len(facet.more)}）</summary>" in response.content.decode()


def test_person_card_for_an_exact_name(client, small_archive):
    mayor, namesake = small_archive["mayor"], small_archive["namesake"]
    response = get(client, q="赵建国")
    cards = response.context["results"].people
    assert [(c.note, c.article_count, c.url) for c in cards] == [
        ("市长", 2, mayor.get_absolute_url()),
        ("教师", 1, namesake.get_absolute_url()),
    ]
    assert cards[0].titles == ["市长"]  # the 2016 mention, not the 2014 one
    assert cards[1].titles == []
    html = response.content.decode()
    assert html.index("person-card") < html.index('class="hits"')
    assert "最近职务：</span>市长" in html


def test_person_card_titles_skip_untitled_latest_mentions(db, small_archive, fake_engine):
    clerk = small_archive["clerk"]
    latest = small_archive["articles"][4]
    Mention.objects.create(article=latest, person=clerk, titles=[])
    cards = build_results(SearchRequest(q="钱立新"), SEARCH).people
    assert [(c.titles, c.article_count) for c in cards] == [(["秘书长"], 3)]


def test_person_card_for_a_quoted_name(db, small_archive, fake_engine):
    assert [c.name for c in build_results(SearchRequest(q="“钱立新”"), SEARCH).people] == ["钱立新"]


def test_no_person_card_for_a_partial_name(client, small_archive):
    assert get(client, q="赵建").context["results"].people == []


def test_articles_load_in_constant_queries(db, small_archive, fake_engine):
    def queries(per_page):
        with CaptureQueriesContext(connection) as captured:
            build_results(SearchRequest(q="城市建设", per_page=per_page), SEARCH)
        return len(captured)

    assert queries(1) == queries(4)


def test_syntax_error_gives_a_friendly_page(client, small_archive, fake_engine):
    fake_engine.syntax_error = "引号不成对。"
    response = get(client, q='"城市')
    assert response.status_code == 400
    html = response.content.decode()
    assert "无法理解这个检索式。" in html and "引号不成对。" in html
    assert 'value="&quot;城市"' in html


def test_repaired_parameters_are_explained(client, small_archive, fake_engine):
    response = get(client, q="城市建设", page="abc", sort="junk", district="nowhere", official="999999")
    assert response.status_code == 200
    assert fake_engine.requests[-1] == SearchRequest(q="城市建设")
    problems = response.context["problems"]
    assert len(problems) == 4
    html = response.content.decode()
    assert "页码：" in html and "排序：" in html and "nowhere" in html and "999999" in html


def test_json_link_beside_the_page(client, small_archive):
    html = get(client, q="城市建设", district="wenxian", page="1").content.decode()
    expected = reverse("search:api") + "?q=%E5%9F%8E%E5%B8%82%E5%BB%BA%E8%AE%BE&amp;district=wenxian"
    assert f'<link rel="alternate" type="application/json" href="{expected}"' in html


def test_atom_feed_link_follows_the_query_not_the_sort_or_page(client, small_archive):
    html = get(client, q="城市建设", district="wenxian", sort="date_asc", page="2").content.decode()
    feed = reverse("search:feed") + "?q=%E5%9F%8E%E5%B8%82%E5%BB%BA%E8%AE%BE&amp;district=wenxian"
    assert f'<link rel="alternate" type="application/atom+xml" href="{feed}"' in html
    assert f'<a href="{feed}" type="application/atom+xml">订阅（Atom）</a>' in html
    assert client.get(feed.replace("&amp;", "&")).status_code == 200


def test_no_feed_link_without_a_query_or_filter(client, small_archive):
    html = client.get(SEARCH).content.decode()
    assert reverse("search:feed") not in html
    assert "订阅（Atom）" not in html


def test_date_range_form_keeps_other_filters(client, small_archive):
    html = get(client, q="城市建设", district="wenxian", date_from="2016-01-01").content.decode()
    form = html[html.index('class="date-range"') : html.index("</form>", html.index('class="date-range"'))]
    assert '<input type="hidden" name="district" value="wenxian">' in form
    assert 'name="date_from" value="2016-01-01"' in form
    assert '<label for="date-to">截止日期</label>' in form


@pytest.mark.django_db
def test_empty_archive_page_renders(client, search_index):
    response = client.get(SEARCH)
    assert response.status_code == 200
    assert "没有找到符合条件的文章" in response.content.decode()


# End to end: each real engine over the gold seed pages.


def test_seed_official_gets_a_person_card(client, seed_articles):
    from archive.models import Person

    person = Person.objects.get(name="王小平")
    response = get(client, q="王小平")
    assert response.status_code == 200
    results = response.context["results"]
    assert [(c.name, c.article_count, c.url) for c in results.people] == [
        ("王小平", person.articles.count(), person.get_absolute_url())
    ]
    assert results.count >= person.articles.count() > 0
    html = response.content.decode()
    assert html.index("person-card") < html.index('class="hits"')
    assert "<mark>王小平</mark>" in html


def test_seed_names_are_read_once_per_index_generation(client, seed_articles, engine):
    from archive.models import Person
    from archive.signals import changes_batched

    if not hasattr(engine, "generation_cache"):
        pytest.skip("this engine tells no index generation: pages read their names every time")
    get(client, q="王小平")
    with CaptureQueriesContext(connection) as again:
        get(client, q="王小平")
    # the shown hits' articles with their people and districts (``archive.queries.listed_articles``);
    # no labels, cards, editions
    assert len(again) == 1, [query["sql"] for query in again.captured_queries]
    person = Person.objects.get(name="王小平")
    person.note = "新注"
    with changes_batched():
        person.save()  # re-indexes the person's articles: a new generation
    results = get(client, q="王小平").context["results"]
    assert [card.note for card in results.people] == ["新注"]
    assert "王小平（新注）" in [value.label for value in results.facets["official"].values]


def test_seed_facet_toggles_narrow_and_restore(client, seed_articles):
    everything = get(client).context["results"]
    assert everything.count == len(seed_articles)
    district = max(everything.facets["district"].values, key=lambda v: v.count)
    narrowed = client.get(district.toggle_url).context["results"]
    assert narrowed.count == district.count < everything.count
    selected = next(v for v in narrowed.facets["district"].values if v.value == district.value)
    assert selected.selected
    official = next(v for v in narrowed.facets["official"].values if v.count < narrowed.count)
    both = client.get(official.toggle_url).context["results"]
    assert both.count == official.count < narrowed.count
    assert {c.label for c in both.chips} == {district.label, official.label}
    assert client.get(selected.toggle_url).context["results"].count == everything.count


def test_seed_years_drill_down_to_months(client, seed_articles):
    results = get(client).context["results"]
    bars = {b.label: b for b in results.histogram}
    assert bars["2016年"].count > 0 and bars["2022年"].count > 0
    assert bars["2019年"].count == 0 and bars["2019年"].url is None
    months = client.get(bars["2016年"].url).context["results"]
    assert months.count == bars["2016年"].count
    assert [b.label for b in months.histogram] == [f"{m}月" for m in range(1, 13)]
    assert next(b for b in months.histogram if b.label == "9月").count == months.count


def test_imported_seed_official_gets_a_person_card(client, engine, seeded_db):
    from archive.models import Person

    people = Person.objects.filter(name="王小平")
    assert people.exists()
    response = get(client, q="王小平")
    cards = response.context["results"].people
    assert {(c.url, c.article_count) for c in cards} == {(p.get_absolute_url(), p.articles.count()) for p in people}
    assert cards[0].article_count > 0
    assert any("市委书记" in title for title in cards[0].titles)
    assert response.context["results"].count >= cards[0].article_count


def test_a_search_finding_nothing_suggests_what_to_change(client, small_archive):
    results = get(client, q="乡村振兴", district="wenxian", year=2016).context["results"]
    assert results.count == 0
    labels = [link.label for link in results.suggestions]
    assert labels == ["去掉“2016年”", "去掉“温县”", "不限日期", "只按关键词搜索全部文章"]
    widened = client.get(results.suggestions[-1].url).context["results"]
    assert widened.count == 1 and widened.request.q == "乡村振兴"


def test_a_name_finding_nothing_suggests_names_that_sound_the_same(client, small_archive):
    results = get(client, q="赵剑国").context["results"]
    assert results.count == 0
    assert [link.label for link in results.suggestions] == ["读音相同的人名：赵建国"]
    assert client.get(results.suggestions[0].url).context["results"].count == 3
    assert get(client, q="城市建设").context["results"].suggestions == []


def test_reporters_page_lists_bylines_with_counts_and_links_to_their_articles(client, seed_articles):
    from archive.models import Article
    from archive.signals import articles_changed, changes_batched

    first, second = seed_articles[:2]
    Article.objects.filter(pk=first.pk).update(reporters=["甲记者", "乙记者"])
    Article.objects.filter(pk=second.pk).update(reporters=["甲记者"])
    with changes_batched():
        articles_changed.send(sender=Article, changed=[first.pk, second.pk], deleted=[])
    response = client.get(reverse("search:reporters"))
    assert response.status_code == 200 and response.context["reporters"] == [("甲记者", 2), ("乙记者", 1)]
    link = re.search(r'href="([^"]+)">乙记者</a>', response.content.decode()).group(1)
    results = client.get(link.replace("&amp;", "&")).context["results"]
    assert [row.url for row in results.rows] == [first.get_absolute_url()]


# The search page's loop over its rows before ``hit_items`` wrote them in Python.
ROWS_LOOP = """{% load search_page %}{% for row in rows %}
        <li class="hit">
          <h3><a href="{{ row.url }}">{% if row.headline_html %}{{ row.headline_html|safe }}{% else %}{{ row.headline }}{% endif %}</a></h3>
          <p class="meta">
            <time datetime="{{ row.publication_date.isoformat }}">{{ row.publication_date|chinese_date }}</time>
            <span>{{ row.edition }}</span>{% if row.page %}<span>{{ row.page }}版</span>{% endif %}
          </p>
          {% if row.snippet_html %}<p class="snippet">{{ row.snippet_html|safe }}</p>{% endif %}
          {% if row.officials %}<p class="tags"><span class="label">人物：</span>{% for o in row.officials %}<a href="{{ o.url }}">{{ o.label }}</a>{% if not forloop.last %}、{% endif %}{% endfor %}</p>{% endif %}
          {% if row.districts %}<p class="tags"><span class="label">区县：</span>{% for d in row.districts %}<a href="{{ d.url }}">{{ d.label }}</a>{% if not forloop.last %}、{% endif %}{% endfor %}</p>{% endif %}
        </li>
        {% endfor %}"""  # noqa: E501


def test_hit_items_write_the_rows_as_the_template_loop_did():
    from django.template import Context, Template

    from search.presentation import Link, Row
    from search.templatetags.search_page import hit_items

    rows = [
        Row("/articles/1/?a=1&b=2", "<城市>&建设", date(2016, 9, 3), "日报", "A3", "…<mark>城市</mark>…",
            [Link("王&小平", "/people/1/"), Link("李<四>", "/people/2/")], [Link("解放区", "/districts/jiefang/")],
            headline_html="<mark>城市</mark>建设"),
        Row("/articles/2/", "无标题\"稿件\"", date(2009, 1, 30), "晚报", "", "", [], []),
    ]
    assert str(hit_items(rows)) == Template(ROWS_LOOP).render(Context({"rows": rows}))
    assert "&lt;城市&gt;" not in hit_items(rows) and "李&lt;四&gt;" in hit_items(rows)
