"""run_search on each engine (Whoosh, SolrCloud) over the gold seed articles, checked against the ORM."""
import random
import re
from datetime import date

import pytest

from archive.models import Article, Mention, Person
from archive.signals import articles_changed, changes_batched
from search import dictionary
from search.engine import QuerySyntaxError, SearchRequest, run_search
from tests.search.conftest import create_article

CJK_RUN = re.compile(r"[\u4e00-\u9fff]{2,}")


def full_text(article):
    return "\n".join([article.headline, *article.subtitles, article.body])


def ids_for(q="", **filters):
    response = run_search(SearchRequest(q=q, per_page=100, **filters))
    assert response.total == len(response.hits) <= 100
    return {hit.article_id for hit in response.hits}


def orm_ids(predicate):
    return {a.pk for a in Article.objects.all() if predicate(a)}


def test_every_declared_facet_counts_what_the_database_holds(seed_articles):
    from collections import Counter

    from search.schema import FACETS

    Article.objects.filter(pk=seed_articles[0].pk).update(reporters=["甲记者", "乙记者"])
    Article.objects.filter(pk=seed_articles[1].pk).update(reporters=["甲记者"])
    with changes_batched():
        articles_changed.send(sender=Article, changed=[a.pk for a in seed_articles[:2]], deleted=[])
    facets = run_search(SearchRequest()).facets
    articles = list(Article.objects.prefetch_related("mentions", "districts"))
    for facet in FACETS:
        expected = Counter(value for article in articles for value in facet.values(article))
        assert expected and dict(facets[facet.name]) == dict(expected), facet.name
    assert dict(facets["reporter"]) == {"甲记者": 2, "乙记者": 1}


@pytest.mark.parametrize("lookup_cost", [0, 10**9], ids=["values looked up", "sets intersected"])
def test_a_query_counts_single_valued_facets_as_the_database(seed_articles, monkeypatch, lookup_cost):
    """Years, kinds and editions are counted either way (``IndexGeneration.value_counts``), with equal counts."""
    from collections import Counter

    from search import generation

    monkeypatch.setattr(generation, "LOOKUP_COST", lookup_cost)
    response = run_search(SearchRequest(q="会议", per_page=100))
    articles = Article.objects.filter(pk__in=[hit.article_id for hit in response.hits]).select_related("page__issue")
    assert 1 < response.total == len(articles)
    assert dict(response.facets["year"]) == Counter(a.publication_date.year for a in articles)
    assert dict(response.facets["kind"]) == Counter(a.kind for a in articles)
    assert dict(response.facets["edition"]) == Counter(a.page.issue.edition for a in articles)


def test_the_official_facet_counts_officials_only(seed_articles):
    person = Person.objects.filter(mentions__isnull=False).first()
    assert str(person.pk) in dict(run_search(SearchRequest()).facets["official"])
    person.kind = Person.Kind.OTHER
    with changes_batched():
        person.save()
    assert str(person.pk) not in dict(run_search(SearchRequest()).facets["official"])
    assert ids_for(person.name)


def test_a_name_finds_exactly_the_articles_containing_it(seed_articles):
    for name in ["王小平", "徐衣显", "葛巧红"]:
        expected = orm_ids(lambda a, name=name: name in full_text(a))
        assert expected
        assert ids_for(name) == expected


def test_official_facet_counts_equal_the_database(seed_articles):
    facets = dict(run_search(SearchRequest()).facets["official"])
    for person in Person.objects.all():
        mentioned = Mention.objects.filter(person=person).values("article").distinct().count()
        assert facets.get(str(person.pk), 0) == mentioned
    counts = [n for _, n in run_search(SearchRequest()).facets["official"]]
    assert counts == sorted(counts, reverse=True)


def test_official_filter_equals_the_database(seed_articles):
    person = Person.objects.get(name="王小平")
    expected = set(Mention.objects.filter(person=person).values_list("article_id", flat=True))
    assert ids_for(filters={"official": [str(person.pk)]}) == expected


def test_district_and_month_filter_equals_the_database(seed_articles):
    for article in Article.objects.filter(districts__isnull=False).distinct():
        district = article.districts.first()
        day = article.publication_date
        expected = set(
            Article.objects.filter(districts=district, publication_date__year=day.year,
                                   publication_date__month=day.month).values_list("pk", flat=True)
        )
        assert ids_for(filters={"district": [district.slug]}, year=day.year, month=day.month) == expected
        response = run_search(SearchRequest(filters={"district": [district.slug]}, year=day.year))
        assert dict(response.facets["month"])[day.month] == len(expected)


def test_empty_query_browses_everything_newest_first_with_facets(seed_articles):
    response = run_search(SearchRequest(per_page=100))
    assert response.total == Article.objects.count()
    dates = [Article.objects.get(pk=hit.article_id).publication_date for hit in response.hits]
    assert dates == sorted(dates, reverse=True)
    years = {}
    for article in Article.objects.all():
        years[article.publication_date.year] = years.get(article.publication_date.year, 0) + 1
    assert dict(response.facets["year"]) == years


@pytest.mark.parametrize("seed", [11, 12])
def test_random_substrings_of_articles_find_their_article(seed_articles, seed):
    rng = random.Random(seed)
    for _ in range(40):
        article = rng.choice(seed_articles)
        runs = CJK_RUN.findall(full_text(article))
        run = rng.choice(runs)
        length = rng.randint(2, min(10, len(run)))
        start = rng.randint(0, len(run) - length)
        substring = run[start : start + length]
        assert article.pk in ids_for(substring), substring
        assert article.pk in ids_for(f'"{substring}"'), substring
        assert ids_for(f"“{substring}”") == orm_ids(lambda a, s=substring: s in full_text(a).replace(" ", ""))


def test_adding_names_to_the_dictionary_after_indexing_loses_nothing(seed_articles):
    rng = random.Random(5)
    samples = []
    for article in seed_articles:
        run = rng.choice(CJK_RUN.findall(full_text(article)))
        samples.append((article, run[: rng.randint(2, min(6, len(run)))]))
    for _, word in samples:
        dictionary.tokenizer().add_word(word + "到")
        dictionary.tokenizer().add_word(word[1:] + "同志")
    for article, word in samples:
        assert article.pk in ids_for(word), word


def test_phrase_respects_order_and_words_do_not(seed_articles):
    article = next(a for a in seed_articles if "污染围城" in a.body)
    assert article.pk in ids_for('"污染围城"')
    assert article.pk not in ids_for('"围城污染"')
    assert ids_for("围城 污染") == ids_for("污染 围城")


def test_or_and_exclusion_follow_set_logic(seed_articles):
    def has(word):
        return orm_ids(lambda a: word in full_text(a))

    assert ids_for("温县 OR 武陟县") == has("温县") | has("武陟县")
    assert ids_for("会议 -王小平") == has("会议") - has("王小平")
    assert ids_for("王小平 会议") == has("王小平") & has("会议")
    assert ids_for("-会议") == orm_ids(lambda a: True) - has("会议")


@pytest.mark.parametrize("q", [
    '"王小平', "王小平”", "OR", "OR OR 会议 OR", "-", "- -", "会议 -", "AND", "\x00会议\x07", "王\u200b小平",
    "（）。，", "!!!", "***", "a" * 150, "会议 " * 30, "“”", '""', "OR -会议",
])
def test_malformed_queries_never_crash(seed_articles, q):
    try:
        response = run_search(SearchRequest(q=q))
    except QuerySyntaxError as error:
        assert re.search(r"[\u4e00-\u9fff]", str(error))
    else:
        assert response.total >= 0


@pytest.mark.parametrize("q", ["x" * 2000, "（）。，", "!!!"])
def test_unusable_queries_raise_a_chinese_message(seed_articles, q):
    with pytest.raises(QuerySyntaxError, match=r"[\u4e00-\u9fff]"):
        run_search(SearchRequest(q=q))


def test_unbalanced_quote_is_repaired(seed_articles):
    assert ids_for('"王小平') == ids_for("王小平")


def test_snippet_marks_only_the_match_and_escapes_html(db, engine):
    from django.core.management import call_command

    from archive.models import Issue, Page

    issue = Issue.objects.create(date=date(2020, 1, 2))
    page = Page.objects.create(issue=issue, source_file="x.txt", raw_text="", sha256="0" * 64)
    article = create_article(page, 1, headline="召开会议", body="<b>市里</b>召开常务会 议，研究会议纪要 & 其他。")
    call_command("rebuild_index", interactive=False, verbosity=0)
    hit = run_search(SearchRequest(q="会议")).hits[0]
    assert hit.article_id == article.pk
    expected = "&lt;b&gt;市里&lt;/b&gt;召开常务<mark>会 议</mark>，研究<mark>会议</mark>纪要 &amp; 其他。"
    assert hit.snippet_html == expected
    assert hit.headline_html == "召开<mark>会议</mark>"


def test_sorting_and_pagination_are_consistent(seed_articles):
    everything = run_search(SearchRequest(q="市", sort="date_asc", per_page=100))
    days = [Article.objects.get(pk=h.article_id).publication_date for h in everything.hits]
    assert days == sorted(days)
    pages = []
    for number in range(1, 5):
        pages += run_search(SearchRequest(q="市", sort="date_asc", per_page=3, page=number)).hits
    assert [h.article_id for h in pages] == [h.article_id for h in everything.hits][: len(pages)]
    relevance = run_search(SearchRequest(q="王小平", per_page=100)).hits
    in_title = [("王小平" in Article.objects.get(pk=h.article_id).headline) for h in relevance]
    assert in_title == sorted(in_title, reverse=True) and in_title[0] and not in_title[-1]
    for tier in (True, False):
        scores = [h.score for h, titled in zip(relevance, in_title, strict=True) if titled == tier]
        assert scores == sorted(scores, reverse=True) and scores[-1] > 0


def test_date_range_filter(seed_articles):
    start, end = date(2016, 1, 1), date(2016, 12, 31)
    expected = set(Article.objects.filter(publication_date__range=(start, end)).values_list("pk", flat=True))
    assert expected and ids_for(date_from=start, date_to=end) == expected
    assert ids_for(date_from=date(2030, 1, 1)) == set()


def test_filters_in_any_combination_skip_deleted_articles(seed_articles, django_capture_on_commit_callbacks):
    """Filter sets are cached per index generation; a deletion makes a new one without the article."""
    article = Article.objects.filter(districts__isnull=False).first()
    district, year = article.districts.first(), article.publication_date.year

    def expected():
        return set(Article.objects.filter(districts=district, publication_date__year=year).values_list("pk", flat=True))

    assert article.pk in expected()
    assert ids_for(filters={"district": [district.slug]}, year=year) == expected()
    assert ids_for(year=year) >= ids_for(filters={"district": [district.slug]}, year=year)
    with django_capture_on_commit_callbacks(execute=True):
        article.delete()
    assert ids_for(filters={"district": [district.slug]}, year=year) == expected()
    assert article.pk not in ids_for(year=year) | ids_for(filters={"district": [district.slug]}) | ids_for()
    assert ids_for(year=year) == set(Article.objects.filter(publication_date__year=year).values_list("pk", flat=True))


def test_imported_seed_pages_are_searchable_by_every_person(engine, seeded_db):
    articles = list(Article.objects.all())
    assert ids_for() == {a.pk for a in articles}
    facets = dict(run_search(SearchRequest()).facets["official"])
    for person in Person.objects.all():
        in_text = {a.pk for a in articles if person.name in full_text(a).replace(" ", "")}
        mentioned = set(Mention.objects.filter(person=person).values_list("article_id", flat=True))
        if person.kind != Person.Kind.OFFICIAL:
            mentioned = set()
        assert ids_for(f'"{person.name}"') == in_text, person.name
        assert ids_for(filters={"official": [str(person.pk)]}) == mentioned
        assert facets.get(str(person.pk), 0) == len(mentioned)
