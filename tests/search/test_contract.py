"""The contract every engine keeps, run on each (``engine``: Whoosh always, SolrCloud when a cluster is set).

The index follows the database (edits and deletes visible after commit, one commit per
transaction or batch), the reader's query language, and haystack's documented
``SearchQuerySet`` API (``rebuild_index``, ``update_index``, ``clear_index`` too).
"""
import re
import threading
from collections import Counter
from datetime import date, datetime

import pytest
from django.core.management import call_command
from django.db import transaction
from haystack.query import SearchQuerySet

from archive.districts import sync_districts
from archive.models import Article, District, Issue, Mention, Page, Person
from archive.signals import articles_changed, changes_batched
from search import indexing
from search.engine import SearchRequest, fallback_notice, run_search
from search.models import PendingChange
from search.query import parse
from tests.search.conftest import create_article


def ids_for(q="", **filters):
    return {hit.article_id for hit in run_search(SearchRequest(q=q, per_page=100, **filters)).hits}


def indexed(engine):
    return len(engine.indexed_ids())


def full_text(article):
    return "\n".join([article.headline, *article.subtitles, article.body])


def pks(results):
    return {int(result.pk) for result in results}


@pytest.fixture
def page(db):
    issue = Issue.objects.create(date=date(2021, 5, 6))
    return Page.objects.create(issue=issue, source_file="p.txt", raw_text="", sha256="0" * 64)


# --- the query language ----------------------------------------------------------------------


def test_an_unquoted_run_matches_as_typed_then_falls_back_to_its_words(engine, page):
    typed = create_article(page, 1, headline="甲", body="城市建设管理条例今天公布。")
    words = create_article(page, 2, headline="乙", body="建设方面，城市的管理也要跟上。")
    indexing.drain()
    response = run_search(SearchRequest(q="城市建设管理"))
    assert {hit.article_id for hit in response.hits} == {typed.pk} and not response.notices
    typed.delete()
    indexing.drain()
    response = run_search(SearchRequest(q="城市建设管理"))
    assert {hit.article_id for hit in response.hits} == {words.pk}
    assert response.notices == [fallback_notice(parse("城市建设管理"))]
    assert "<mark>城市</mark>" in response.hits[0].snippet_html
    assert ids_for('"城市建设管理"') == set()


def test_relevance_puts_headline_matches_before_articles_repeating_the_query(engine, page):
    """A long headline holding the query once, in an older article, outranks a body saying it thirty times.

    The unrelated articles make the query rare in the collection, so that by score alone
    (a headline boost) the dense article would come first.
    """
    older = Page.objects.create(issue=Issue.objects.create(date=date(2019, 3, 4)), source_file="o.txt",
                                raw_text="", sha256="1" * 64)
    filler = "今天上午，有关部门召开会议部署下一阶段工作。"
    titled = create_article(older, 1, headline="关于进一步做好全市城市建设和管理工作推动经济社会高质量发展的实施意见",
                            body=filler * 40)
    dense = create_article(page, 1, headline="会议", body="城市建设，" * 30)
    sparse = create_article(page, 2, headline="简讯", body="城市建设" + filler * 8)
    for order in range(3, 43):
        create_article(page, order, headline="动态", body=filler * 3)
    indexing.drain()
    assert [hit.article_id for hit in run_search(SearchRequest(q="城市建设")).hits] == [titled.pk, dense.pk, sparse.pk]
    ranked = [hit.article_id for hit in run_search(SearchRequest(q="城市建设 OR 简讯")).hits]
    assert set(ranked[:2]) == {titled.pk, sparse.pk} and ranked[2:] == [dense.pk]


def test_layout_spaces_join_a_run_and_line_breaks_end_it(engine, page):
    article = create_article(page, 1, headline="标题", body="召开全国文明 城市创建会议\n部署工作")
    indexing.drain()
    assert ids_for('"文明城市"') == {article.pk}
    assert ids_for('"会议部署"') == set() and ids_for('"会议"') == {article.pk}
    hit = run_search(SearchRequest(q="文明城市")).hits[0]
    assert "<mark>文明 城市</mark>" in hit.snippet_html


def test_a_single_character_finds_every_article_holding_it_wherever_it_stands(engine, page):
    bodies = ["璩先生。", "记者采访了璩。", "璩", "璩氏宗祠修缮完成", "老 璩来了", "本报讯，天气晴。", "碧璩，绿水"]
    articles = {create_article(page, order, headline="简讯", body=body).pk: body
                for order, body in enumerate(bodies, start=1)}
    indexing.drain()
    holding = {pk for pk, body in articles.items() if "璩" in body}
    assert ids_for("璩") == holding and len(holding) == 6
    assert ids_for("璩 氏") == {pk for pk, body in articles.items() if "氏" in body}
    assert ids_for("璩 -先") == holding - {pk for pk, body in articles.items() if "先" in body}


def test_facet_counts_equal_the_database_for_every_facet(seed_articles):
    response = run_search(SearchRequest())
    articles = list(Article.objects.prefetch_related("districts", "mentions"))
    assert dict(response.facets["kind"]) == Counter(a.kind for a in articles)
    assert dict(response.facets["district"]) == Counter(d.slug for a in articles for d in a.districts.all())
    assert dict(response.facets["official"]) == Counter(
        str(pk) for a in articles for pk in {m.person_id for m in a.mentions.all()}
    )
    assert dict(response.facets["year"]) == Counter(a.publication_date.year for a in articles)
    assert response.facets["month"] == []
    year = articles[0].publication_date.year
    months = run_search(SearchRequest(year=year)).facets["month"]
    assert dict(months) == Counter(a.publication_date.month for a in articles if a.publication_date.year == year)
    for facet in ("kind", "district", "official"):
        counts = [n for _, n in response.facets[facet]]
        assert counts == sorted(counts, reverse=True)


def test_kind_filter_and_highlight_mark_only_the_hit(seed_articles):
    kind = Article.objects.values_list("kind", flat=True).first()
    assert ids_for(filters={"kind": [kind]}) == set(Article.objects.filter(kind=kind).values_list("pk", flat=True))
    for hit in run_search(SearchRequest(q="会议", per_page=100)).hits:
        marked = re.findall(r"<mark>(.*?)</mark>", hit.snippet_html + hit.headline_html)
        assert marked and {m.replace(" ", "") for m in marked} == {"会议"}


def test_date_sorts_page_through_every_article_once(seed_articles):
    for sort, newest_first in (("date_desc", True), ("date_asc", False)):
        pages = [run_search(SearchRequest(sort=sort, per_page=4, page=n)).hits for n in range(1, 7)]
        ids = [hit.article_id for hits in pages for hit in hits]
        assert sorted(ids) == sorted(a.pk for a in seed_articles)
        days = [Article.objects.get(pk=pk).publication_date for pk in ids]
        assert days == sorted(days, reverse=newest_first)


# --- the index follows the database -----------------------------------------------------------


def test_rebuild_update_and_clear_index_commands(seed_articles, engine):
    assert engine.indexed_ids() == set(Article.objects.values_list("pk", flat=True))
    Article.objects.filter(pk=seed_articles[0].pk).update(headline="更新后的标题独有词")
    call_command("update_index", verbosity=0)
    assert ids_for("独有词") == {seed_articles[0].pk}
    call_command("clear_index", interactive=False, verbosity=0)
    assert indexed(engine) == 0 and ids_for() == set()
    call_command("rebuild_index", interactive=False, verbosity=0)
    assert indexed(engine) == Article.objects.count() and ids_for("独有词") == {seed_articles[0].pk}


@pytest.mark.django_db(transaction=True)
def test_saves_edits_and_deletes_follow_the_database(engine):
    sync_districts()
    issue = Issue.objects.create(date=date(2021, 5, 6))
    page = Page.objects.create(issue=issue, source_file="p.txt", raw_text="", sha256="0" * 64)
    article = create_article(page, 1, headline="城乡规划会议", body="市委书记甲乙丙出席。", people=["甲乙丙"])
    assert ids_for("城乡规划") == {article.pk}

    article.headline = "交通建设会议"
    article.save()
    assert ids_for("城乡规划") == set() and ids_for("交通建设") == {article.pk}

    person = Person.objects.get(name="甲乙丙")
    assert dict(run_search(SearchRequest()).facets["official"]) == {str(person.pk): 1}
    person.name = "丁戊己"
    person.save()
    assert ids_for(filters={"official": [str(person.pk)]}) == {article.pk}
    assert pks(SearchQuerySet().filter(officials="丁戊己")) == {article.pk}

    Mention.objects.filter(article=article).delete()
    assert run_search(SearchRequest()).facets["official"] == []

    district = District.objects.first()
    article.districts.add(district)
    assert ids_for(filters={"district": [district.slug]}) == {article.pk}

    issue.edition = "示范区"
    issue.save()
    assert pks(SearchQuerySet().filter(edition="示范区")) == {article.pk}

    district.delete()
    assert ids_for(filters={"district": [district.slug]}) == set()

    page.delete()
    assert ids_for("交通建设") == set() and indexed(engine) == 0


@pytest.mark.django_db(transaction=True)
def test_changes_inside_one_transaction_are_indexed_once_after_commit(engine, index_commits):
    issue = Issue.objects.create(date=date(2021, 5, 6))
    page = Page.objects.create(issue=issue, source_file="p.txt", raw_text="", sha256="0" * 64)
    with transaction.atomic():
        created = [create_article(page, n, headline=f"批量导入第{n}篇", body="正文内容") for n in range(1, 6)]
        assert not index_commits
    assert ids_for("批量导入") == {a.pk for a in created}
    assert index_commits == [{a.pk for a in created}]


@pytest.mark.django_db(transaction=True)
def test_articles_changed_signal_covers_bulk_operations(engine):
    issue = Issue.objects.create(date=date(2021, 5, 6))
    page = Page.objects.create(issue=issue, source_file="p.txt", raw_text="", sha256="0" * 64)
    created = Article.objects.bulk_create(
        [Article(page=page, order=n, headline=f"批量{n}号稿件", publication_date=issue.date) for n in (1, 2)]
    )
    assert ids_for("稿件") == set()
    articles_changed.send(sender=Article, changed=[a.pk for a in created], deleted=[])
    assert ids_for("稿件") == {a.pk for a in created}
    Article.objects.filter(pk=created[0].pk).update(headline="改过的稿件")
    Article.objects.filter(pk=created[1].pk)._raw_delete(Article.objects.db)
    articles_changed.send(sender=Article, changed=[created[0].pk], deleted=[created[1].pk])
    assert ids_for("改过") == {created[0].pk} and engine.indexed_ids() == {created[0].pk}


def test_a_batch_commits_once_at_the_end_even_when_the_block_fails(seed_articles, index_commits):
    first, second = seed_articles[:2]
    Article.objects.filter(pk=first.pk).update(headline="批量导入的第一篇")
    Article.objects.filter(pk=second.pk).update(headline="批量导入的第二篇")
    with pytest.raises(RuntimeError), changes_batched():
        articles_changed.send(sender=Article, changed=[first.pk], deleted=[])
        with changes_batched():
            articles_changed.send(sender=Article, changed=[second.pk], deleted=[])
        assert not index_commits and ids_for("批量导入") == set()
        raise RuntimeError("the third file failed")
    assert index_commits == [{first.pk, second.pk}]
    assert ids_for("批量导入") == {first.pk, second.pk}


@pytest.mark.django_db(transaction=True)
def test_concurrent_writers_in_threads_lose_nothing(seed_articles, engine):
    chosen = seed_articles[:6]
    for number, article in enumerate(chosen):
        Article.objects.filter(pk=article.pk).update(headline=f"并发标题{number}号")
    threads = [threading.Thread(target=indexing.record, kwargs={"changed": [a.pk]}) for a in chosen]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert ids_for("并发标题") == {a.pk for a in chosen}
    assert indexed(engine) == Article.objects.count() and not PendingChange.objects.exists()


# --- haystack's SearchQuerySet ----------------------------------------------------------------


def test_searchqueryset_all_count_models_and_slicing(seed_articles):
    everything = {a.pk for a in seed_articles}
    assert SearchQuerySet().count() == len(everything)
    assert pks(SearchQuerySet().all()) == everything
    assert pks(SearchQuerySet().models(Article)) == everything
    ordered = [int(r.pk) for r in SearchQuerySet().order_by("publication_day", "django_id")]
    assert len(ordered) == len(everything)
    assert [int(r.pk) for r in SearchQuerySet().order_by("publication_day", "django_id")[2:5]] == ordered[2:5]


@pytest.mark.parametrize("field", ["-publication_date", "publication_date", "-publication_day"])
def test_searchqueryset_order_by(seed_articles, field):
    results = list(SearchQuerySet().order_by(field))
    assert len(results) == len(seed_articles)
    days = [Article.objects.get(pk=r.pk).publication_date for r in results]
    assert days == sorted(days, reverse=field.startswith("-"))


def test_searchqueryset_filter_and_exclude_on_every_indexed_field(seed_articles):
    article = next(a for a in seed_articles if a.mentions.exists() and a.districts.exists() and a.subtitles)
    person = article.mentions.first().person
    district = article.districts.first()
    all_ids = {a.pk for a in seed_articles}

    def orm(**lookup):
        return set(Article.objects.filter(**lookup).values_list("pk", flat=True))

    word = re.search(r"[\u4e00-\u9fff]{4}", article.subtitles[0]).group()
    headline_word = re.search(r"[\u4e00-\u9fff]{3}", article.headline).group()
    cases = {
        "text": (dict(text="会议"), {a.pk for a in seed_articles if "会议" in full_text(a)}),
        "headline": (dict(headline=headline_word), {a.pk for a in seed_articles if headline_word in a.headline}),
        "subtitles": (dict(subtitles=word), {a.pk for a in seed_articles if any(word in s for s in a.subtitles)}),
        "publication_date": (dict(publication_date=article.publication_date),
                             orm(publication_date=article.publication_date)),
        "publication_date__gte": (dict(publication_date__gte=date(2020, 1, 1)),
                                  orm(publication_date__gte=date(2020, 1, 1))),
        "publication_day": (dict(publication_day=int(article.publication_date.strftime("%Y%m%d"))),
                            orm(publication_date=article.publication_date)),
        "officials": (dict(officials=person.name), orm(mentions__person__name=person.name)),
        "districts": (dict(districts=district.name), orm(districts=district)),
        "kind": (dict(kind=article.kind), orm(kind=article.kind)),
        "edition": (dict(edition=article.page.issue.edition), orm(page__issue__edition=article.page.issue.edition)),
        "official_facet": (dict(official_facet=str(person.pk)), orm(mentions__person=person)),
        "district_facet": (dict(district_facet=district.slug), orm(districts=district)),
        "kind_facet": (dict(kind_facet=article.kind), orm(kind=article.kind)),
    }
    with_event = [a for a in seed_articles if a.event_date]
    if with_event:
        cases["event_date"] = (dict(event_date=with_event[0].event_date), orm(event_date=with_event[0].event_date))
    wrong = {}
    for name, (lookup, expected) in cases.items():
        assert expected, name
        found, left = pks(SearchQuerySet().filter(**lookup)), pks(SearchQuerySet().exclude(**lookup))
        if found != expected or left != all_ids - expected:
            wrong[name] = (sorted(found), sorted(left), sorted(expected))
    assert wrong == {}


def test_searchqueryset_auto_query_and_highlight(seed_articles):
    expected = {a.pk for a in seed_articles if "污染围城" in full_text(a)}
    assert expected and pks(SearchQuerySet().auto_query("污染围城")) == expected
    assert pks(SearchQuerySet().auto_query("污染围城 -王小平")) == {
        pk for pk in expected if "王小平" not in full_text(Article.objects.get(pk=pk))
    }
    results = list(SearchQuerySet().auto_query("会议").highlight())
    assert pks(results) == {a.pk for a in seed_articles if "会议" in full_text(a)}
    for result in results:
        marked = re.findall(r"<mark>(.*?)</mark>", result.highlighted["text"][0])
        assert marked and {m.replace(" ", "") for m in marked} == {"会议"}


def test_searchqueryset_facet_and_date_facet(seed_articles):
    kinds = dict(SearchQuerySet().facet("kind").facet_counts()["fields"]["kind"])
    assert kinds == Counter(a.kind for a in seed_articles)
    officials = dict(SearchQuerySet().facet("officials").facet_counts()["fields"]["officials"])
    assert officials == Counter(n for a in seed_articles for n in {m.person.name for m in a.mentions.all()})
    counts = SearchQuerySet().date_facet(
        "publication_date", start_date=datetime(2010, 1, 1), end_date=datetime(2030, 1, 1), gap_by="year"
    ).facet_counts()["dates"]["publication_date"]
    by_year = {when.year: n for when, n in counts if n}
    assert by_year == Counter(a.publication_date.year for a in seed_articles)
