"""The search schema, declared once: which values of an article readers filter and count by.

Each ``Facet`` names its GET parameter (also its key in ``SearchRequest.filters`` and in the
API's ``facets``), its heading, how an article's values
are read at index time and how values are named for readers. The haystack index, both
engines, the form, the page, the API and the CSV read this tuple; adding a facet is one
``Facet(...)`` here (and, on Solr, nothing: the configset's ``*_facet`` fields take it).

The date facet (year, month, date ranges) is not a keyword facet: it is ``publication_day``.
Advanced search adds, also declared here once: the ``SCOPES`` a query is looked for in (the
whole text, the headline only or the body only), the event-date range over ``event_day`` and the page
number (``page_number``, from the page's label); the facets marked ``advanced`` (byline reporter,
edition) are inputs of its form too.
"""
from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from archive.models import Article, District, Issue, Person

DAY_FIELD = "publication_day"
EVENT_DAY_FIELD = "event_day"
PAGE_NUMBER_FIELD = "page_number"
BODY_FIELD = "body"  # the body alone: a field on Solr, the text checked past headline and subtitles on Whoosh
MAX_PAGE_NUMBER = 999
_DIGITS = re.compile(r"\d+")


def _official_values(article: Article) -> list[str]:
    """The officials an article mentions; other people (villagers, reporters…) stay out of this facet."""
    return sorted({str(m.person_id) for m in article.mentions.all() if m.person.kind == Person.Kind.OFFICIAL})


def _official_labels(values: Iterable[str]) -> dict[str, str]:
    ids = [int(value) for value in values if value.isdecimal() and 0 < int(value) < 2**63]
    return {str(pk): str(person) for pk, person in Person.objects.in_bulk(ids).items()}


def _district_values(article: Article) -> list[str]:
    return sorted(district.slug for district in article.districts.all())


def _district_labels(values: Iterable[str]) -> dict[str, str]:
    slugs = [value for value in values if len(value) <= 30]
    return {slug: district.name for slug, district in District.objects.in_bulk(slugs, field_name="slug").items()}


def _kind_values(article: Article) -> list[str]:
    return [article.kind]


def _kind_labels(values: Iterable[str]) -> dict[str, str]:
    names = dict(Article.Kind.choices)
    return {value: names[value] for value in values if value in names}


def _reporter_values(article: Article) -> list[str]:
    return sorted(set(article.reporters))


def _names_as_labels(values: Iterable[str]) -> dict[str, str]:
    """A byline name is its own label (names longer than a Chinese name are not names)."""
    return {value: value for value in values if 0 < len(value) <= 10}


def _edition_values(article: Article) -> list[str]:
    return [article.page.issue.edition]


def _edition_labels(values: Iterable[str]) -> dict[str, str]:
    """The editions some issue has (an edition no issue has is reported, as an unknown person is)."""
    wanted = [value for value in values if 0 < len(value) <= 40]
    known = Issue.objects.filter(edition__in=wanted).order_by().values_list("edition", flat=True).distinct()
    return {value: value for value in known}


def _editions() -> list[str]:
    return list(Issue.objects.order_by("edition").values_list("edition", flat=True).distinct())


@dataclass(frozen=True)
class Facet:
    """A keyword facet: the values of its index field counted over the whole result set.

    ``values(article)`` gives an article's values at index time; ``labels(values)`` names the
    known ones (unknown values are absent: the form drops them with a notice). ``listed`` caps
    how many of the most frequent values are named on a page (selected ones always are).
    ``advanced`` makes the facet also an input of the advanced search form: ``TYPED`` (a text
    box; several values separated by spaces or 、) or ``CHOSEN`` (a list of every value ``choices()`` gives).
    """

    name: str
    label: str
    values: Callable[[Article], list[str]]
    labels: Callable[[Iterable[str]], dict[str, str]]
    listed: int | None = None
    advanced: str = ""
    choices: Callable[[], list[str]] | None = None

    @property
    def field(self) -> str:
        """The index field holding the values (Solr's configset types every ``*_facet`` field alike)."""
        return f"{self.name}_facet"


TYPED, CHOSEN = "typed", "chosen"
FACETS: tuple[Facet, ...] = (
    # A broad query over 100k articles counts thousands of people; naming and linking them all
    # took ~100 ms per request, so the page lists the 100 most frequent.
    Facet("official", "人物", _official_values, _official_labels, listed=100),
    Facet("district", "区县", _district_values, _district_labels),
    Facet("kind", "类型", _kind_values, _kind_labels),
    Facet("reporter", "记者", _reporter_values, _names_as_labels, listed=100, advanced=TYPED),
    Facet("edition", "版别", _edition_values, _edition_labels, advanced=CHOSEN, choices=_editions),
)
FACETS_BY_NAME = {facet.name: facet for facet in FACETS}
ADVANCED_FACETS = tuple(facet for facet in FACETS if facet.advanced)


def page_number(label: str) -> int | None:
    """The number in a page label ("01", "A3", "第5版" give 1, 3, 5); None when it has none in 1–MAX_PAGE_NUMBER."""
    digits = _DIGITS.search(label or "")
    number = int(digits.group()) if digits and len(digits.group()) <= 3 else 0
    return number if 0 < number <= MAX_PAGE_NUMBER else None


@dataclass(frozen=True)
class Scope:
    """Where the reader's words must occur: ``field`` is the text field both engines look them up in."""

    name: str
    label: str
    field: str


SCOPES: tuple[Scope, ...] = (
    Scope("all", "全文", "text"),  # headline, subtitles and body
    Scope("headline", "仅标题", "headline"),
    Scope("body", "仅正文", BODY_FIELD),
)
SCOPES_BY_NAME = {scope.name: scope for scope in SCOPES}
DEFAULT_SCOPE = SCOPES[0].name
