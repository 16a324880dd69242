"""Read-only queries the browse pages, feeds and sitemaps share.

Each function takes model instances or plain values and returns querysets or small
dataclasses, using a fixed number of SQL queries whatever the data size, so list
pages stay free of N+1 queries.
"""
from __future__ import annotations

import calendar
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from functools import cache

from django.db import connection, connections, router
from django.db.models import CharField, Count, Exists, JSONField, OuterRef, Prefetch, Q
from django.db.models.expressions import RawSQL
from django.db.models.functions import Cast, Substr
from django.utils.timezone import localdate

from archive.models import Article, District, Issue, Meeting, Mention, Page, Person
from archive.pinyin import folded_query, simplified

# Above every character that can follow a prefix in a text column: ``prefix <= value < prefix + PREFIX_END``
# is a prefix match that a plain index answers (SQLite's LIKE 'x%' cannot use one).
PREFIX_END = "\U0010ffff"

ARTICLE_READING_ORDER = ("page__label", "page__source_file", "order")
TIMELINE_ARTICLES = 20  # articles listed under each title of a person's timeline; the rest are counted
# As much of a body as ``Article.title`` reads for an article without a headline.
TITLE_BODY = Substr("article__body", 1, Article.TITLE_SENTENCE_CHARS + 10)

# A person has at most one mention per article (unique constraint), so counting mentions counts
# articles; COUNT(DISTINCT …) made the people index 7× slower.
ARTICLE_COUNT = Count("mentions")


def year_of(field):
    """``field``'s year as text: SQLite extracts date parts through a Python callback, 4× slower than substr."""
    return Substr(Cast(field, CharField()), 1, 4)


def articles_for_listing():
    """Articles with what a list row shows (issue, page), newest first."""
    return Article.objects.select_related("page__issue").order_by("-publication_date", "page_id", "order")


def _json_rows(columns: str, rows: str) -> RawSQL:
    """A subquery of ``listed_articles``: ``columns`` of each of ``rows`` (FROM … WHERE, which names the
    outer article as ``archive_article``) as one JSON list of lists, None when there are no rows."""
    if connection.vendor == "postgresql":
        sql = f"SELECT jsonb_agg(jsonb_build_array({columns})) FROM {rows}"
    else:
        sql = f"SELECT json_group_array(json_array({columns})) FROM {rows}"
    return RawSQL(sql, (), output_field=JSONField())


def _json_column(column: str) -> str:
    """A JSON column inside ``_json_rows``: SQLite stores it as text, which would nest as a string."""
    return column if connection.vendor == "postgresql" else f"json({column})"


# What ``listed_articles`` reads of a mention, its person and a district, in their models' field order
# (``Model.from_db`` wants it); any other field is deferred: reading it costs a query.
LISTED_MENTION_FIELDS = ("id", "article_id", "person_id", "position", "titles")
LISTED_PERSON_FIELDS = ("id", "name", "kind", "note")
LISTED_DISTRICT_FIELDS = ("id", "name", "slug", "position")


def _columns(model, left_out=()) -> list:
    """``model``'s concrete fields but ``left_out`` (attnames), in field order (what ``Model.from_db`` wants)."""
    return [f for f in model._meta.concrete_fields if f.attname not in left_out]


@cache
def _listed_select(alias: str) -> tuple[str, list, list]:
    """``listed_articles``' query up to its id list, each model's attnames in its row (in order), and the
    expression of each column (what the ORM's converters take).

    Written once per database, not compiled per request: building and compiling the queryset (three
    tables, two JSON subqueries) took ~0.8 ms of the 2.3 ms a result page's articles cost at 100k articles.
    """
    quote = connections[alias].ops.quote_name
    article, page, issue = Article._meta.db_table, Page._meta.db_table, Issue._meta.db_table
    # A page's raw text (the whole page as imported) is no part of a row.
    models = [(Article, _columns(Article)), (Page, _columns(Page, ("raw_text",))), (Issue, _columns(Issue))]
    columns = [field.get_col(model._meta.db_table) for model, fields in models for field in fields]
    mentions = _json_rows(
        f"m.id, m.position, {_json_column('m.titles')}, p.id, p.name, p.kind, p.note",
        f"{Mention._meta.db_table} m JOIN {Person._meta.db_table} p ON p.id = m.person_id"
        f" WHERE m.article_id = {article}.id",
    )
    districts = _json_rows(
        "d.id, d.name, d.slug, d.position",
        f"{Article.districts.through._meta.db_table} l JOIN {District._meta.db_table} d ON d.id = l.district_id"
        f" WHERE l.article_id = {article}.id",
    )
    selected = [f"{quote(column.alias)}.{quote(column.target.column)}" for column in columns]
    selected += [f"({json_rows.sql})" for json_rows in (mentions, districts)]
    sql = (
        f"SELECT {', '.join(selected)} FROM {quote(article)}"
        f" INNER JOIN {quote(page)} ON {quote(article)}.{quote('page_id')} = {quote(page)}.{quote('id')}"
        f" INNER JOIN {quote(issue)} ON {quote(page)}.{quote('issue_id')} = {quote(issue)}.{quote('id')}"
        f" WHERE {quote(article)}.{quote('id')} IN "
    )
    attnames = [(model, [field.attname for field in fields]) for model, fields in models]
    return sql, attnames, [*columns, mentions, districts]


def listed_articles(ids) -> dict[int, Article]:
    """Articles by id with issue, people (``listed_mentions``) and districts (``listed_districts``), in one query.

    What a result row, a feed entry and a CSV line show. The people are everyone the article
    mentions: the same set the search index's official facet counts, in the article's order;
    the districts in their administrative order. Each article's mentions and districts come as
    a JSON list in its own row (``_json_rows``): a query apiece for them, and building a
    manager and a queryset per article (``prefetch_related``), cost most of a result page's load.
    """
    ids = list(ids)
    if not ids:
        return {}
    alias = router.db_for_read(Article)
    db = connections[alias]
    select, models, expressions = _listed_select(alias)
    converters = [
        (position, functions, expression)
        for position, expression in enumerate(expressions)
        if (functions := db.ops.get_db_converters(expression) + expression.get_db_converters(db))
    ]
    with db.cursor() as cursor:
        cursor.execute(select + "(" + ", ".join(["%s"] * len(ids)) + ")", ids)
        rows = cursor.fetchall()
    page_cache, issue_cache = Article._meta.get_field("page"), Page._meta.get_field("issue")
    person_cache = Mention._meta.get_field("person")
    articles = {}
    for raw in rows:
        row = list(raw)
        for position, functions, expression in converters:
            for function in functions:
                row[position] = function(row[position], expression, db)
        objects, start = [], 0
        for model, attnames in models:
            objects.append(model.from_db(alias, attnames, row[start : start + len(attnames)]))
            start += len(attnames)
        article, page, issue = objects
        issue_cache.set_cached_value(page, issue)
        page_cache.set_cached_value(article, page)
        mention_rows, district_rows = row[start:]
        article.listed_mentions = []
        for mention_id, position, titles, person_id, name, kind, note in sorted(
            mention_rows or (), key=lambda mention: mention[1]
        ):
            values = (mention_id, article.pk, person_id, position, titles)
            mention = Mention.from_db(alias, LISTED_MENTION_FIELDS, values)
            person = Person.from_db(alias, LISTED_PERSON_FIELDS, (person_id, name, kind, note))
            person_cache.set_cached_value(mention, person)
            article.listed_mentions.append(mention)
        article.listed_districts = [
            District.from_db(alias, LISTED_DISTRICT_FIELDS, district)
            for district in sorted(district_rows or (), key=lambda district: (district[3], district[1]))
        ]
        articles[article.pk] = article
    return articles


def latest_articles():
    """What latest lists and feeds show: ``articles_for_listing`` without captions, ads, teasers and
    contents tables (``Article.UNLISTED_KINDS``), which stay on their pages and in search."""
    return articles_for_listing().exclude(kind__in=Article.UNLISTED_KINDS)


def issue_articles(issue):
    """The articles of ``issue`` in reading order: by page, then by position on the page."""
    return Article.objects.filter(page__issue=issue).select_related("page").order_by(*ARTICLE_READING_ORDER)


def neighbours_in_issue(article):
    """(previous, next) article of the same issue in reading order; either may be None."""
    ids = list(issue_articles(article.page.issue_id).values_list("pk", flat=True))
    index = ids.index(article.pk)
    previous_id = ids[index - 1] if index > 0 else None
    next_id = ids[index + 1] if index + 1 < len(ids) else None
    found = Article.objects.only("pk", "headline", "body", "order").in_bulk([i for i in (previous_id, next_id) if i])
    return found.get(previous_id), found.get(next_id)


def meetings_for_listing():
    """Meetings, newest first, with their articles, issues and participants loaded in a fixed number of queries.

    Ordered by the meeting's own columns only: sorting on the article's date as well made
    SQLite sort every meeting (≈0.35 s for 6k meetings instead of 7 ms).
    """
    reports = Article.objects.select_related("page__issue").prefetch_related("districts")
    return Meeting.objects.prefetch_related(
        "presided_by", "speakers", "attendees", Prefetch("articles", queryset=reports)
    ).order_by("-date", "-pk")


def reported_in(district):
    """A filter for meetings an article of ``district`` reports."""
    return Exists(Article.objects.filter(meeting=OuterRef("pk"), districts=district))


def _role(through, person):
    return Exists(through.objects.filter(meeting=OuterRef("pk"), person=person))


def took_part(person):
    """A filter for meetings ``person`` presided, spoke at or attended."""
    return (
        _role(Meeting.presided_by.through, person)
        | _role(Meeting.speakers.through, person)
        | _role(Meeting.attendees.through, person)
    )


def meetings_of_person(person):
    """Meetings ``person`` took part in, each annotated with ``as_presider``, ``as_speaker``, ``as_attendee``."""
    return meetings_for_listing().filter(took_part(person)).annotate(
        as_presider=_role(Meeting.presided_by.through, person),
        as_speaker=_role(Meeting.speakers.through, person),
        as_attendee=_role(Meeting.attendees.through, person),
    )


def meeting_years():
    """(year, meeting count) pairs of dated meetings, newest year first."""
    return [
        (int(year), n)
        for year, n in Meeting.objects.exclude(date=None)
        .annotate(year=year_of("date"))
        .values_list("year")
        .annotate(n=Count("pk"))
        .values_list("year", "n")
        .order_by("-year")
    ]


def articles_of_person(person):
    """``person``'s articles, newest first; ``own_mentions`` holds their mention in each (titles, roles)."""
    own = Prefetch("mentions", queryset=Mention.objects.filter(person=person), to_attr="own_mentions")
    return articles_for_listing().filter(mentions__person=person).prefetch_related(own)


def most_mentioned_people(articles=None, limit=10):
    """People named in the most articles of ``articles`` (all articles if None), as ``article_count``."""
    mentions = Mention.objects.all() if articles is None else Mention.objects.filter(article__in=articles)
    return (
        Person.objects.filter(mentions__in=mentions)
        .annotate(article_count=ARTICLE_COUNT)
        .order_by("-article_count", "name", "pk")[:limit]
    )


def people_named(text):
    """A filter for people whose name matches what a reader typed (see ``archive.pinyin.folded_query``):
    pinyin or initials as a prefix (zhaojianguo, zhao jianguo, zjg), characters anywhere in the name
    (traditional folded to simplified: 趙建國 finds 赵建国)."""
    query = folded_query(text)
    if query.pinyin:
        return Q(pinyin__gte=query.pinyin, pinyin__lt=query.pinyin + PREFIX_END) | Q(
            initials__gte=query.pinyin, initials__lt=query.pinyin + PREFIX_END
        )
    return Q(name__contains=query.name)


def people_with_title(title):
    """A filter for people ever stated with ``title`` in an article: the title itself, or with an
    organisation before it (焦作市市长 for 市长), but not a deputy's (副市长 is not 市长)."""
    title = simplified(title.strip())
    escaped = title.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    # Each database's own way to read a JSON list's items as rows, each item as text in ``t.value``.
    items = "jsonb_array_elements_text(m.titles) AS t(value)" if connection.vendor == "postgresql" else (
        "json_each(m.titles) t"
    )
    sql = (
        f"SELECT m.person_id FROM {Mention._meta.db_table} m, {items} "
        "WHERE t.value = %s OR (t.value LIKE %s ESCAPE '\\' AND t.value NOT LIKE %s ESCAPE '\\')"
    )
    return Q(pk__in=RawSQL(sql, [title, f"%{escaped}", f"%副{escaped}"]))


def co_appearing_people(person, limit=10):
    """Other people named in the same articles as ``person``, with ``shared_count`` articles, most first."""
    return (
        Person.objects.filter(mentions__article__mentions__person=person)
        .exclude(pk=person.pk)
        .annotate(shared_count=ARTICLE_COUNT)
        .order_by("-shared_count", "name", "pk")[:limit]
    )


@dataclass
class TitleSpan:
    """One title a person was given: its first and last dated appearance, how many articles
    state it, and the first ``TIMELINE_ARTICLES`` of them."""

    title: str
    first: date
    last: date
    count: int = 0
    articles: list = field(default_factory=list)

    @property
    def unlisted(self) -> int:
        return self.count - len(self.articles)


def title_timeline(person):
    """The titles stated for ``person`` across the archive, ordered by first appearance
    (titles first seen together keep the order the article states them in).

    A title's dates are the publication dates of the articles that state it, so a gap
    between two spans is a period the archive has no evidence for, not a vacancy.
    A long-serving official has thousands of mentions: they are read as plain rows and
    only the articles a span lists become (partial) ``Article`` objects: 15,000 mentions
    took ~0.4 s as model instances. Their ``title`` holds (the body start it may need is read).
    """
    spans: dict[str, TitleSpan] = {}
    rows = (
        Mention.objects.filter(person=person)
        .order_by("article__publication_date", "article_id")
        .values_list(
            "titles", "article_id", "article__headline", "article__kind", TITLE_BODY, "article__publication_date"
        )
    )
    for titles, article_id, headline, kind, body_start, published in rows:
        for title in titles:
            span = spans.get(title)
            if span is None:
                span = spans[title] = TitleSpan(title, published, published)
            span.last = published
            span.count += 1
            if len(span.articles) < TIMELINE_ARTICLES:
                span.articles.append(
                    Article(pk=article_id, headline=headline, kind=kind, body=body_start, publication_date=published)
                )
    return sorted(spans.values(), key=lambda span: span.first)


def latest_year_with_articles(today=None):
    """``today``'s year if it has articles, else the latest year that has; None for an empty archive."""
    latest = Article.objects.order_by("-publication_date").values_list("publication_date", flat=True).first()
    if latest is None:
        return None
    this_year = (today or localdate()).year
    return this_year if latest.year >= this_year else latest.year


@dataclass
class Bar:
    """One bar of a histogram: its label, count and height as a percentage of the tallest bar."""

    label: int
    count: int
    percent: int


def articles_per_year():
    """A bar per year from the first to the last year with articles, empty years included."""
    counts = {
        int(year): n
        for year, n in Article.objects.annotate(year=year_of("publication_date"))
        .values_list("year")
        .annotate(n=Count("pk"))
        .values_list("year", "n")
    }
    if not counts:
        return []
    tallest = max(counts.values())
    return [
        Bar(year, counts.get(year, 0), round(100 * counts.get(year, 0) / tallest))
        for year in range(min(counts), max(counts) + 1)
    ]


def archive_counts():
    """How many articles, people and meetings the archive holds, for the home page."""
    return {
        "articles": Article.objects.count(),
        "people": Person.objects.count(),
        "meetings": Meeting.objects.count(),
    }


def years_with_issues():
    """(year, issue count) pairs, newest year first."""
    return [
        (int(year), n)
        for year, n in Issue.objects.annotate(year=year_of("date"))
        .values_list("year")
        .annotate(n=Count("pk"))
        .values_list("year", "n")
        .order_by("-year")
    ]


@dataclass
class MonthCalendar:
    """A month as weeks of days (Monday first); each day is (date or None, its issues)."""

    year: int
    month: int
    weeks: list
    issue_count: int


def month_calendars(year, month=None):
    """Calendars of the months of ``year`` (or just ``month``) that have issues, in month order."""
    issues = Issue.objects.filter(date__year=year).order_by("date", "edition")
    if month is not None:
        issues = issues.filter(date__month=month)
    by_day = defaultdict(list)
    for issue in issues:
        by_day[issue.date].append(issue)
    months = sorted({day.month for day in by_day})
    weeks_of = calendar.Calendar(firstweekday=0)
    return [
        MonthCalendar(
            year,
            m,
            [
                [(day, by_day.get(day, [])) if day.month == m else (None, []) for day in week]
                for week in weeks_of.monthdatescalendar(year, m)
            ],
            sum(len(v) for d, v in by_day.items() if d.month == m),
        )
        for m in months
    ]


def people_by_district(district, limit=10):
    """The people most often named in ``district``'s articles."""
    return most_mentioned_people(Article.objects.filter(districts=district), limit)


def districts_with_counts():
    """All districts in administrative order (``position``) with ``article_count`` and their aliases/towns loaded.

    The order is explicit: an aggregate query does not apply ``Meta.ordering``.
    """
    return (
        District.objects.annotate(article_count=Count("articles", distinct=True))
        .prefetch_related("aliases")
        .order_by("position", "name")
    )


def issue_neighbours(issue):
    """(previous, next) issue of the same paper and edition by date; either may be None."""
    same_edition = Issue.objects.filter(paper=issue.paper, edition=issue.edition)
    return (
        same_edition.filter(date__lt=issue.date).order_by("-date").first(),
        same_edition.filter(date__gt=issue.date).order_by("date").first(),
    )


def issue_pages(issue):
    """``issue``'s pages in reading order (by label, then file name)."""
    return issue.pages.order_by("label", "source_file")


def page_neighbours(page):
    """(previous, next) page of the same issue in reading order; either may be None."""
    ids = list(issue_pages(page.issue).values_list("pk", flat=True))
    index = ids.index(page.pk)
    previous_id = ids[index - 1] if index > 0 else None
    next_id = ids[index + 1] if index + 1 < len(ids) else None
    found = Page.objects.only("pk", "label", "source_file").in_bulk([i for i in (previous_id, next_id) if i])
    return found.get(previous_id), found.get(next_id)
