"""A stand-in for ``search.engine.run_search`` for presentation tests only.

It answers the contract from plain Python over the given articles (filters,
sorting, pagination and facet counts), records every request, and can be told
to raise ``QuerySyntaxError``. End-to-end tests use the real engine instead.
Test modules import the ``*_fixture`` functions to use the fixtures.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date

import pytest

from archive.models import Article, District, Issue, Mention, Page, Person
from archive.queries import listed_articles
from search import engine
from search.engine import Hit, QuerySyntaxError, SearchRequest, SearchResponse


@dataclass
class FakeEngine:
    articles: list = field(default_factory=list)
    requests: list[SearchRequest] = field(default_factory=list)
    syntax_error: str | None = None
    extra_officials: list[tuple[str, int]] = field(default_factory=list)

    def matches(self, article, request):
        people = {m.person_id for m in article.mentions.all()}
        slugs = {d.slug for d in article.districts.all()}
        day = article.publication_date
        return (
            (not request.q or request.q in article.headline + article.body)
            and set(request.selected("official")) <= {str(pk) for pk in people}
            and set(request.selected("district")) <= slugs
            and (request.year is None or day.year == request.year)
            and (request.month is None or day.month == request.month)
            and (request.date_from is None or day >= request.date_from)
            and (request.date_to is None or day <= request.date_to)
        )

    def __call__(self, request: SearchRequest) -> SearchResponse:
        self.requests.append(request)
        if self.syntax_error:
            raise QuerySyntaxError(self.syntax_error)
        found = [a for a in self.articles if self.matches(a, request)]
        if request.sort != "relevance":
            found.sort(key=lambda a: (a.publication_date, a.pk), reverse=request.sort == "date_desc")
        start = (request.page - 1) * request.per_page
        shown = listed_articles(a.pk for a in found[start : start + request.per_page])
        hits = [
            Hit(a.pk, 1.0, f"…&lt;b&gt;<mark>{request.q}</mark>…" if request.q else "", article=shown[a.pk])
            for a in found[start : start + request.per_page]
        ]
        officials = Counter(str(m.person_id) for a in found for m in a.mentions.all())
        districts = Counter(d.slug for a in found for d in a.districts.all())
        days = [a.publication_date for a in found]
        facets = {
            "year": sorted(Counter(d.year for d in days).items()),
            "month": sorted(Counter(d.month for d in days if d.year == request.year).items()),
            "official": officials.most_common() + self.extra_officials,
            "district": districts.most_common(),
            "kind": Counter(a.kind for a in found).most_common(),
            "reporter": Counter(name for a in found for name in a.reporters).most_common(),
        }
        return SearchResponse(total=len(found), hits=hits, facets=facets)


@pytest.fixture(name="fake_engine")
def fake_engine_fixture(monkeypatch):
    """The fake engine in place of the real one; like Solr it tells no index generation, so pages keep
    nothing between requests (the real index's generation outlives each test's database rows)."""
    fake = FakeEngine()
    monkeypatch.setattr(engine, "run_search", fake)
    monkeypatch.setattr(engine, "generation_cache", dict)
    return fake


@pytest.fixture(name="small_archive")
def small_archive_fixture(db, fake_engine):
    """Five articles over three years, two people sharing one name, and the fake engine pointed at them."""
    def article(day, order, headline, people=(), districts=()):
        issue, _ = Issue.objects.get_or_create(date=day, edition="焦作日报")
        page, _ = Page.objects.get_or_create(issue=issue, source_file=f"{day}.txt", defaults={"label": "A01"})
        made = Article.objects.create(
            page=page,
            order=order,
            headline=headline,
            body=f"{headline}。" + "、".join(person.name for person, _ in people),
            publication_date=day,
        )
        for position, (person, titles) in enumerate(people):
            Mention.objects.create(article=made, person=person, position=position, titles=titles)
        made.districts.set(District.objects.filter(slug__in=districts))
        return made

    mayor = Person.objects.create(name="赵建国", note="市长")
    namesake = Person.objects.create(name="赵建国", note="教师")
    clerk = Person.objects.create(name="钱立新")
    made = [
        article(date(2014, 4, 17), 1, "城市建设座谈会召开", [(mayor, ["副市长"])], ["wenxian"]),
        article(date(2016, 9, 2), 1, "城市建设现场会", [(mayor, ["市长"]), (clerk, [])], ["wenxian", "qinyang"]),
        article(date(2016, 9, 3), 2, "城市建设再推进", [(clerk, ["秘书长"])], ["qinyang"]),
        article(date(2016, 10, 8), 1, "乡村振兴调研", [(namesake, [])], []),
        article(date(2016, 11, 1), 3, "=城市建设公告", [], ["wenxian"]),
    ]
    fake_engine.articles = list(
        Article.objects.filter(pk__in=[a.pk for a in made]).prefetch_related("mentions", "districts").order_by("pk")
    )
    return {"mayor": mayor, "namesake": namesake, "clerk": clerk, "articles": made}
