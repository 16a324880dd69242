"""What a reader's query means, on a real index in a temporary directory: runs as typed, spaces as AND,
the fallback to a run's words (and its notice), single characters, folding, and ranking."""
from datetime import date

import pytest

from archive.models import Issue, Page
from archive.signals import changes_batched
from search import query
from search.engine import SearchRequest, fallback_notice, run_search
from tests.search.conftest import create_article


def ranked(q, **options):
    response = run_search(SearchRequest(q=q, **{"per_page": 100, **options}))
    return [hit.article_id for hit in response.hits], response


@pytest.fixture
def corpus(db, search_index):
    """Articles made to tell the semantics apart; returns them by name."""
    made = {}

    def add(name, day, headline, body):
        issue, _ = Issue.objects.get_or_create(date=day)
        page, _ = Page.objects.get_or_create(issue=issue, source_file="a.txt", defaults={"sha256": "0" * 64})
        made[name] = create_article(page, len(made) + 1, headline=headline, body=body)

    with changes_batched():
        add("run", date(2020, 3, 1), "春季工作安排", "市里举办举行中的展览，观众很多。")
        add("apart", date(2020, 3, 2), "展览举行", "本次活动由市文化局主办，举行时间为中午。")
        add("words", date(2020, 3, 3), "交通会议", "交通运输会议在焦作召开，研究交通规划。")
        add("title", date(2019, 1, 1), "城乡规划座谈", "座谈会讨论了城乡规划。")
        add("dense", date(2021, 1, 1), "工作简报", "城乡规划城乡规划城乡规划，城乡规划要抓好，城乡规划。")
        add("older", date(2018, 5, 5), "蔬菜价格", "本周蔬菜价格平稳。")
        add("newer", date(2022, 5, 5), "蔬菜价格", "本周蔬菜价格平稳。")
        add("traditional", date(2020, 6, 1), "會議紀要", "全體會議在焦作舉行。")
    return made


def test_an_unquoted_run_matches_only_articles_containing_it_as_typed(corpus):
    ids, response = ranked("办举行中")
    assert ids == [corpus["run"].pk] and response.total == 1 and not response.notices


def test_spaces_separate_items_that_must_all_occur(corpus):
    ids, _ = ranked("举行 中午")
    assert ids == [corpus["apart"].pk]
    assert ranked("举行 蔬菜")[0] == []


def test_a_run_found_nowhere_falls_back_to_all_its_words_with_a_notice(corpus):
    ids, response = ranked("交通规划会议")
    assert ids == [corpus["words"].pk]
    assert response.notices == [fallback_notice(query.parse("交通规划会议"))]
    assert "交通规划会议" in response.notices[0]


def test_the_fallback_keeps_single_characters(corpus):
    parsed = query.parse("在焦作召开")
    assert "在" in parsed.split_words().highlight
    ids, response = ranked("焦作召开会")
    assert ids == [corpus["words"].pk] and response.notices


def test_a_single_character_is_searched_not_dropped(corpus):
    ids, _ = ranked("展")
    assert set(ids) == {corpus["run"].pk, corpus["apart"].pk}


@pytest.mark.parametrize("headlines_checked", [True, False], ids=["headlines checked", "headline match set"])
def test_an_exact_title_match_ranks_before_denser_bodies(corpus, monkeypatch, headlines_checked):
    from search import whoosh_search

    if not headlines_checked:
        monkeypatch.setattr(whoosh_search, "HEADLINE_CHECKS", 0)
    ids, _ = ranked("城乡规划")
    assert ids == [corpus["title"].pk, corpus["dense"].pk]
    both, _ = ranked("城乡 规划")
    assert both == [corpus["title"].pk, corpus["dense"].pk]


def test_equal_matches_rank_newest_first(corpus):
    ids, _ = ranked("蔬菜价格")
    assert ids == [corpus["newer"].pk, corpus["older"].pk]


def test_a_ranking_cut_short_starts_as_the_whole_ranking(corpus, monkeypatch):
    """Each page scores only what it shows (``ORDER_KEPT`` 1): page by page the ranking is the one of a long page."""
    from search import whoosh_search

    monkeypatch.setattr(whoosh_search, "ORDER_KEPT", 1)
    for q in ("蔬菜价格", "规划", "举行", "会议"):
        paged = [hit for page in range(1, 6) for hit in ranked(q, per_page=1, page=page)[0]]
        whole, response = ranked(q)
        assert 1 < response.total <= 5 and paged[: response.total] == whole, q


def test_traditional_and_simplified_characters_find_the_same_articles(corpus):
    simplified, _ = ranked("会议")
    traditional, _ = ranked("會議")
    assert simplified == traditional and corpus["traditional"].pk in simplified and corpus["words"].pk in simplified
    hit = run_search(SearchRequest(q="会议纪要")).hits[0]
    assert hit.headline_html == "<mark>會議紀要</mark>"


def test_relevance_scores_the_newest_matches_of_a_frequent_word(corpus, monkeypatch):
    from search import whoosh_search

    monkeypatch.setattr(whoosh_search, "RANK_WINDOW", 1)
    first, response = ranked("蔬菜价格", per_page=1)
    second, _ = ranked("蔬菜价格", per_page=1, page=2)
    assert response.total == 2 and first + second == [corpus["newer"].pk, corpus["older"].pk]


def test_a_run_counts_the_articles_whose_folded_text_holds_it(db, search_index):
    """The count a reader sees is the folded substring count (benchmarks/search_bench.py's "exact"): traditional
    characters fold to simplified ones and a space between Chinese characters does not break a run, so both
    differ from a raw substring count of the stored text."""
    from search.whoosh_match import folded

    issue = Issue.objects.create(date=date(2021, 4, 1))
    page = Page.objects.create(issue=issue, source_file="a.txt", sha256="0" * 64)
    bodies = ["坚持求真务实 施政为民。", "实施方案已经公布。", "自2008年以來，成绩显著。", "改革开放以来变化很大。",
              "实际情况，施工顺利。", "项目实 施进展顺利。"]
    with changes_batched():
        articles = [create_article(page, order, headline="简讯", body=body) for order, body in enumerate(bodies, 1)]
    for q in ("实施", "以来", "务实施政"):
        raw = {article.pk for article in articles if q in article.body}
        expected = {article.pk for article in articles if folded(q) in folded(f"{article.headline}\n{article.body}")}
        ids, response = ranked(q)
        assert set(ids) == expected and response.total == len(expected), q
        assert expected > raw, q


@pytest.fixture
def relevance_rankings(monkeypatch):
    """How many times the relevance order has been computed (scored) since the fixture started."""
    from search import whoosh_search

    calls, by_relevance = [], whoosh_search._by_relevance

    def counted(*args, **kwargs):
        calls.append(args)
        return by_relevance(*args, **kwargs)

    monkeypatch.setattr(whoosh_search, "_by_relevance", counted)
    return calls


def test_a_repeated_query_reuses_its_relevance_order(corpus, relevance_rankings):
    first, _ = ranked("城乡规划", per_page=1)
    second, _ = ranked("城乡规划", per_page=1, page=2)
    whole, _ = ranked("城乡规划")
    assert first + second == whole == [corpus["title"].pk, corpus["dense"].pk]
    assert len(relevance_rankings) == 1


def test_a_kept_relevance_order_shorter_than_a_page_is_extended(corpus, relevance_rankings, monkeypatch):
    from search import whoosh_search

    monkeypatch.setattr(whoosh_search, "ORDER_KEPT", 1)
    assert ranked("城乡规划", per_page=1)[0] == [corpus["title"].pk]
    assert ranked("城乡规划", per_page=1, page=2)[0] == [corpus["dense"].pk]
    assert ranked("城乡规划")[0] == [corpus["title"].pk, corpus["dense"].pk]
    assert len(relevance_rankings) == 2


def test_a_relevance_order_is_kept_per_filters_and_per_sort(corpus, relevance_rankings):
    assert ranked("城乡规划")[0] == [corpus["title"].pk, corpus["dense"].pk]
    assert ranked("城乡规划", year=2021)[0] == [corpus["dense"].pk]
    assert ranked("城乡规划", sort="date_asc")[0] == [corpus["title"].pk, corpus["dense"].pk]
    assert ranked("城乡规划", sort="date_desc")[0] == [corpus["dense"].pk, corpus["title"].pk]
    assert ranked("城乡规划", year=2019)[0] == [corpus["title"].pk]
    assert len(relevance_rankings) == 3


def test_a_new_index_generation_ranks_again(corpus, relevance_rankings):
    assert ranked("城乡规划")[0] == [corpus["title"].pk, corpus["dense"].pk]
    issue = Issue.objects.create(date=date(2023, 1, 1))
    page = Page.objects.create(issue=issue, source_file="b.txt", sha256="0" * 64)
    with changes_batched():
        newest = create_article(page, 1, headline="城乡规划", body="城乡规划公布。")
    ids, response = ranked("城乡规划")
    assert ids == [newest.pk, corpus["title"].pk, corpus["dense"].pk] and response.total == 3
    assert len(relevance_rankings) == 2

def test_an_edition_every_article_has_counts_the_matches_and_no_deleted_article(corpus):
    from search.schema import FACETS_BY_NAME

    edition = FACETS_BY_NAME["edition"]
    assert dict(run_search(SearchRequest(q="蔬菜价格")).facets["edition"]) == {corpus["newer"].page.issue.edition: 2}
    with changes_batched():
        corpus["older"].delete()
    facets = run_search(SearchRequest(q="蔬菜价格")).facets
    assert dict(facets["edition"]) == {value: 1 for value in edition.values(corpus["newer"])}
    Issue.objects.filter(pk=corpus["newer"].page.issue_id).update(edition="示范区")
    with changes_batched():
        corpus["newer"].save()
    everything = run_search(SearchRequest()).facets["edition"]
    assert dict(everything) == {"焦作日报": len(corpus) - 2, "示范区": 1}
