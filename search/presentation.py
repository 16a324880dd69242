"""Turn a ``SearchResponse`` into what the reader sees: one structure for the page and the API.

``build_results(request, base_url)`` runs the search and returns ``SearchResults``:
rows with their articles' dates, editions, officials and districts; facets with
labels, counts, selected flags and toggle URLs; the date histogram; removable
chips; person cards; sort and page links. The page renders it, the API
serializes ``as_json()``. Every URL points at ``base_url`` with the canonical
parameters of ``search.forms.query_string``.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import date

from django.db.models import Count, JSONField, OuterRef, Subquery
from django.urls import reverse

from archive.models import Article, Mention, Person
from archive.pinyin import name_pinyin
from search import engine
from search.engine import Hit, SearchRequest, SearchResponse
from search.forms import SORT_LABELS, query_string
from search.schema import DEFAULT_SCOPE, FACETS, SCOPES_BY_NAME

TOP_VALUES = 20  # a facet's values shown before "more"
PAGE_WINDOW = 2
MAX_FILLED_YEARS = 40
NAME_QUOTES = "\"'“”‘’「」『』《》 "
NO_DATES = {"year": None, "month": None, "date_from": None, "date_to": None, "event_from": None, "event_to": None}
NO_FILTERS = {"filters": {}, "page_number": None, **NO_DATES}


@dataclass
class Link:
    label: str
    url: str

    def as_json(self):
        return {"name": self.label, "url": self.url}


@dataclass
class FacetValue:
    value: str
    label: str
    count: int
    selected: bool
    toggle_url: str

    def as_json(self):
        return {
            "value": self.value,
            "label": self.label,
            "count": self.count,
            "selected": self.selected,
            "toggle_url": self.toggle_url,
        }


@dataclass
class Facet:
    name: str
    title: str
    values: list[FacetValue]

    @property
    def top(self):
        return self.values[:TOP_VALUES]

    @property
    def more(self):
        return self.values[TOP_VALUES:]


@dataclass
class Bar:
    """One histogram column; ``url`` is None for an empty year or month (nothing to select)."""

    label: str
    count: int
    percent: int
    selected: bool
    url: str | None


@dataclass
class Row:
    url: str
    headline: str
    publication_date: date
    edition: str
    page: str
    snippet_html: str
    officials: list[Link]
    districts: list[Link]
    headline_html: str = ""  # escaped headline with matches marked; empty when the engine gave none
    event_date: date | None = None
    reporters: list[str] = field(default_factory=list)  # byline reporters (记者)

    def as_json(self):
        return {
            "url": self.url,
            "headline": self.headline,
            "publication_date": self.publication_date.isoformat(),
            "event_date": self.event_date.isoformat() if self.event_date else None,
            "edition": self.edition,
            "page": self.page,
            "snippet": self.snippet_html,
            "officials": [o.as_json() for o in self.officials],
            "districts": [d.as_json() for d in self.districts],
            "reporters": self.reporters,
        }


@dataclass
class PersonCard:
    name: str
    note: str
    titles: list[str]
    article_count: int
    url: str

    def as_json(self):
        return {
            "name": self.name,
            "note": self.note,
            "titles": self.titles,
            "article_count": self.article_count,
            "url": self.url,
        }


@dataclass
class PageLink:
    number: int | None  # None marks a gap (…)
    url: str = ""
    current: bool = False


@dataclass
class SortLink:
    label: str
    url: str
    selected: bool


@dataclass
class SearchResults:
    request: SearchRequest
    count: int
    num_pages: int
    rows: list[Row]
    facets: dict[str, Facet]
    histogram: list[Bar]
    histogram_title: str
    histogram_up_url: str | None  # back from a year's months to all years
    chips: list[Link]
    people: list[PersonCard]
    sorts: list[SortLink]
    pages: list[PageLink]
    previous_url: str | None
    next_url: str | None
    clear_url: str
    notices: list[str] = field(default_factory=list)
    suggestions: list[Link] = field(default_factory=list)  # what to change when nothing was found

    @property
    def page(self):
        return self.request.page

    @property
    def first_number(self):
        """The position of the first row in the whole result list, for ``<ol start>``."""
        return (self.request.page - 1) * self.request.per_page + 1

    def as_json(self):
        return {
            "count": self.count,
            "page": self.page,
            "num_pages": self.num_pages,
            "results": [r.as_json() for r in self.rows],
            "facets": {name: [v.as_json() for v in facet.values] for name, facet in self.facets.items()},
            "people": [p.as_json() for p in self.people],
            "notices": self.notices,
            "suggestions": [s.as_json() for s in self.suggestions],
        }


def num_pages(total: int, per_page: int) -> int:
    return max(1, -(-total // per_page))


def build_results(request: SearchRequest, base_url: str) -> SearchResults:
    """Search and present. A page past the end is moved to the last page and noted.

    Raises ``engine.QuerySyntaxError`` unchanged.
    """
    response = engine.run_search(request)
    notices = []
    last = num_pages(response.total, request.per_page)
    if request.page > last:
        notices.append(f"共{last}页，已显示第{last}页。")
        request = replace(request, page=last)
        response = engine.run_search(request)
    links = UrlMaker(request, base_url)
    cache = engine.generation_cache()
    dates = date_facet(request, response, links)
    histogram_title, histogram, histogram_up_url = date_histogram(request, dates)
    keyword_facets = {facet.name: keyword_facet(facet, request, response, links, cache) for facet in FACETS}
    return SearchResults(
        request=request,
        count=response.total,
        num_pages=last,
        rows=result_rows(response),
        facets={"date": dates, **keyword_facets},
        histogram=histogram,
        histogram_title=histogram_title,
        histogram_up_url=histogram_up_url,
        chips=chips(request, links, cache),
        people=person_cards(request.q, cache),
        suggestions=suggestions(request, links, cache) if not response.total else [],
        sorts=sort_links(request, links),
        pages=page_links(request.page, last, links),
        previous_url=links.url(page=request.page - 1) if request.page > 1 else None,
        next_url=links.url(page=request.page + 1) if request.page < last else None,
        clear_url=links.url(**NO_FILTERS, page=1),
        notices=notices + response.notices,
    )


class UrlMaker:
    """URLs of ``request`` with some fields changed; lists are copied so toggles never alias."""

    def __init__(self, request: SearchRequest, base_url: str):
        self.request = request
        self.base_url = base_url

    def url(self, **changes) -> str:
        return self.base_url + query_string(replace(self.request, **changes))

    def toggle(self, facet: str, value: str) -> str:
        """Add ``value`` to the facet's selected values or remove it, back on page 1."""
        values = self.request.selected(facet)
        values = [v for v in values if v != value] if value in values else [*values, value]
        filters = {name: list(selected) for name, selected in self.request.filters.items() if name != facet}
        if values:
            filters[facet] = values
        return self.url(filters=filters, page=1)


# A primary key no article or person reaches: ``pk_url`` reverses a pattern with it, then puts each pk in its place.
PK_MARKER = 918_273_645_546_372_819


def pk_url(viewname: str) -> Callable[[int], str]:
    """``reverse(viewname, kwargs={"pk": pk})`` as a function of ``pk`` that reverses only once."""
    head, tail = reverse(viewname, kwargs={"pk": PK_MARKER}).split(str(PK_MARKER))
    return lambda pk: f"{head}{pk}{tail}"


class RowUrls:
    """The links of a page of rows (``get_absolute_url`` of articles, people and districts), each pattern
    reversed once per page and each district once: ``reverse`` per link took ~0.5 ms of a page of 20."""

    def __init__(self):
        self.article = pk_url("archive:article_detail")
        self.person = pk_url("archive:person_detail")
        self._districts: dict[str, str] = {}

    def district(self, district) -> str:
        url = self._districts.get(district.slug)
        if url is None:
            url = self._districts[district.slug] = district.get_absolute_url()
        return url


def article_row(article: Article, hit: Hit | None = None, urls: RowUrls | None = None) -> Row:
    """One result line; ``hit`` adds the engine's highlighted snippet and headline. Rows of one page share
    ``urls``."""
    urls = urls or RowUrls()
    return Row(
        url=urls.article(article.pk),
        headline=article.title,
        publication_date=article.publication_date,
        event_date=article.event_date,
        edition=article.page.issue.edition,
        page=article.page.label,
        snippet_html=hit.snippet_html if hit else "",
        headline_html=hit.headline_html if hit and article.headline else "",
        officials=[Link(m.person.name, urls.person(m.person_id)) for m in article.listed_mentions],
        districts=[Link(d.name, urls.district(d)) for d in article.listed_districts],
        reporters=list(article.reporters),
    )


def result_rows(response: SearchResponse) -> list[Row]:
    """Rows in hit order (hits whose article is gone are not in the response)."""
    urls = RowUrls()
    return [article_row(hit.article, hit, urls) for hit in response.hits]


def date_facet(request, response, links) -> Facet:
    """Years; once a year is selected, also that year's months ("2016-09")."""
    values = [
        FacetValue(
            str(year),
            f"{year}年",
            count,
            year == request.year,
            links.url(year=None if year == request.year else year, month=None, page=1),
        )
        for year, count in sorted(response.facets.get("year", []))
    ]
    if request.year:
        values += [
            FacetValue(
                f"{request.year}-{month:02d}",
                f"{request.year}年{month}月",
                count,
                month == request.month,
                links.url(month=None if month == request.month else month, page=1),
            )
            for month, count in sorted(response.facets.get("month", []))
        ]
    return Facet("date", "日期", values)


def date_histogram(request, facet: Facet) -> tuple[str, list[Bar], str | None]:
    """The date facet as bars: every year from the first to the last with hits, or the selected year's months.

    Empty months, and empty years inside a span of at most MAX_FILLED_YEARS, get a bar
    without a link. Returns the title, the bars and, for months, the URL back to all years.
    """
    years = {int(v.value): v for v in facet.values if "-" not in v.value}
    if request.year:
        prefix = f"{request.year}-"
        by_key = {int(v.value.removeprefix(prefix)): v for v in facet.values if v.value.startswith(prefix)}
        keys, title, short = range(1, 13), f"{request.year}年各月", "{}月"
        up_url = years[request.year].toggle_url if request.year in years else None
    else:
        by_key = years
        span = range(min(years), max(years) + 1) if years else []
        keys, title, short = (span if len(span) <= MAX_FILLED_YEARS else sorted(years)), "各年份", "{}年"
        up_url = None
    peak = max((v.count for v in by_key.values()), default=0) or 1
    bars = [
        Bar(short.format(k), v.count, round(100 * v.count / peak), v.selected, v.toggle_url)
        if (v := by_key.get(k)) and v.count
        else Bar(short.format(k), 0, 0, False, None)
        for k in keys
    ]
    return title, bars, up_url


def known_labels(facet, values, cache: dict) -> dict[str, str]:
    """``facet.labels(values)``, the labels found kept in ``cache`` (``engine.generation_cache``): a page
    names its facets' values without a query once they have been named. Unknown values are asked again."""
    known = cache.setdefault(("labels", facet.name), {})
    missing = [value for value in values if value not in known]
    if missing:
        known.update(facet.labels(missing))
    return {value: known[value] for value in values if value in known}


def keyword_facet(facet, request, response, links, cache) -> Facet:
    """A facet of ``search.schema``: its listed values (most frequent, then any selected), labelled, with toggles."""
    counts = response.facets.get(facet.name, [])
    selected = request.selected(facet.name)
    listed = counts if facet.listed is None else counts[: facet.listed]
    listed = listed + [(value, n) for value, n in counts[len(listed) :] if value in selected]
    labels = known_labels(facet, [value for value, _ in listed], cache)
    values = [
        FacetValue(value, labels[value], count, value in selected, links.toggle(facet.name, value))
        for value, count in listed
        if value in labels
    ]
    return Facet(facet.name, facet.label, values)


def chips(request, links, cache) -> list[Link]:
    """The active filters, each with the URL that removes it."""
    found = []
    if request.year:
        found.append(Link(f"{request.year}年", links.url(year=None, month=None, page=1)))
        if request.month:
            found.append(Link(f"{request.year}年{request.month}月", links.url(month=None, page=1)))
    for name, prefix in (("date_from", "自"), ("date_to", "至"), ("event_from", "事件自"), ("event_to", "事件至")):
        if day := getattr(request, name):
            found.append(Link(f"{prefix} {day:%Y-%m-%d}", links.url(**{name: None}, page=1)))
    if request.page_number:
        found.append(Link(f"第{request.page_number}版", links.url(page_number=None, page=1)))
    if request.scope != DEFAULT_SCOPE:
        found.append(Link(SCOPES_BY_NAME[request.scope].label, links.url(scope=DEFAULT_SCOPE, page=1)))
    for facet in FACETS:
        selected = request.selected(facet.name)
        labels = known_labels(facet, selected, cache) if selected else {}
        # a byline name or an edition alone does not say what it filters by, as a person or a district does
        prefix = f"{facet.label}：" if facet.advanced else ""
        found += [Link(prefix + labels[value], links.toggle(facet.name, value))
                  for value in selected if value in labels]
    return found


SIMILAR_NAMES = 5


def suggestions(request, links, cache) -> list[Link]:
    """What to change when a search finds nothing: drop each filter, widen the dates, search without
    the filters, people whose names sound like the query (same pinyin, other characters)."""
    found = [Link(f"去掉“{chip.label}”", chip.url) for chip in chips(request, links, cache)]
    if any(getattr(request, name) for name in NO_DATES):
        found.append(Link("不限日期", links.url(**NO_DATES, page=1)))
    if request.q and any(getattr(request, name) for name in NO_FILTERS):
        found.append(Link("只按关键词搜索全部文章", links.url(**NO_FILTERS, page=1)))
    name = request.q.strip(NAME_QUOTES)
    if 2 <= len(name) <= 4:
        sound, _ = name_pinyin(name)
        names = Person.objects.filter(pinyin=sound).exclude(name=name).values_list("name", flat=True)
        names = names.order_by("name").distinct()
        found += [Link(f"读音相同的人名：{other}", links.url(q=other, page=1)) for other in names[:SIMILAR_NAMES]]
    return found


def person_cards(query: str, cache: dict) -> list[PersonCard]:
    """A card for each person whose name is exactly the query (quotes aside), with their latest titles.

    The titles come from the person's most recent mention that states any. Most queries name
    nobody: the names of everyone, read once into ``cache`` (``engine.generation_cache``), answer
    them without a query; the cards of a name are kept there too.
    """
    name = query.strip(NAME_QUOTES)
    if not name:
        return []
    names = cache.get("person names")
    if names is None:
        names = cache["person names"] = frozenset(Person.objects.values_list("name", flat=True))
    if name not in names:
        return []
    cards = cache.get(("person cards", name))
    if cards is None:
        cards = cache[("person cards", name)] = _person_cards(name)
    return cards


def _person_cards(name: str) -> list[PersonCard]:
    latest_titles = (
        Mention.objects.filter(person=OuterRef("pk"))
        .exclude(titles=[])
        .order_by("-article__publication_date", "-article_id")
        .values("titles")[:1]
    )
    people = Person.objects.filter(name=name).annotate(
        article_count=Count("mentions__article", distinct=True),
        latest_titles=Subquery(latest_titles, output_field=JSONField()),
    )
    return [
        PersonCard(p.name, p.note, p.latest_titles or [], p.article_count, p.get_absolute_url())
        for p in people.order_by("-article_count", "pk")
    ]


def sort_links(request, links) -> list[SortLink]:
    """The sort choices; without a query relevance means nothing and the engine sorts newest first."""
    if request.q:
        return [SortLink(label, links.url(sort=s, page=1), request.sort == s) for s, label in SORT_LABELS.items()]
    current = "date_desc" if request.sort == "relevance" else request.sort
    return [
        SortLink(label, links.url(sort=s, page=1), current == s) for s, label in SORT_LABELS.items() if s != "relevance"
    ]


def page_links(current: int, last: int, links) -> list[PageLink]:
    """First, last and a window around the current page, with gaps marked."""
    numbers = sorted({1, last, *range(max(1, current - PAGE_WINDOW), min(last, current + PAGE_WINDOW) + 1)})
    found = []
    for number in numbers:
        if found and number - found[-1].number > 1:
            found.append(PageLink(None))
        found.append(PageLink(number, links.url(page=number), number == current))
    return found
