"""The importer's entry point: one page of text in, a ParsedPage out.

Stages, each its own module: chrome (web page lines of e-paper and web copies) →
normalize (layout clean-up) → segment (articles, headlines, bylines, kinds) → per
article: dates, people, meetings (and roles), districts.
"""
from __future__ import annotations

import re
from copy import deepcopy
from datetime import date

from archive.ingest.budget import UNLIMITED, Deadline
from archive.ingest.canonical import CJK, canonical
from archive.ingest.chrome import strip_chrome
from archive.ingest.collector import collector_paused
from archive.ingest.dates import read_event_date
from archive.ingest.districts import find_districts
from archive.ingest.gazetteer import Gazetteer
from archive.ingest.meetings import assign_roles, extract_meeting
from archive.ingest.people import extract_people
from archive.ingest.records import ParsedArticle, ParsedPage
from archive.ingest.segment import segment_page

# A space between two Chinese characters of body text is layout (张 动天), never a word break.
BODY_LAYOUT_SPACE = re.compile(rf"(?<=[{CJK}])[ \u3000]+(?=[{CJK}])")
# Kinds that report no event: no event date, meeting or roles.
NO_EVENT_KINDS = ("ad", "teaser", "index")
# Kinds that report something but carry no event date (gold convention).
UNDATED_KINDS = ("notice",)


def parse_page(
    text: str,
    issue_date: date,
    edition: str | None = None,
    gazetteer: Gazetteer | None = None,
    deadline: Deadline = UNLIMITED,
    known_people: frozenset[str] = frozenset(),
) -> ParsedPage:
    """Parse one page's decoded text published on ``issue_date`` in ``edition``.

    With a ``deadline``, raises ``ParseBudgetExceeded`` once it has passed (checked between stages).
    ``known_people``: names the archive already knows as people's, recognised where an article names them bare
    (see ``archive.ingest.people.extract_people``).
    """
    gazetteer = gazetteer or Gazetteer.default()
    # 5–10% of a page dense with names went to cycle collections walking jieba's word memory too
    with collector_paused():
        articles, warnings = segment_page(strip_chrome(text), deadline)
        # an article printed again on the page (same kind and text) is read once; each copy gets its own records
        read: dict[tuple, ParsedArticle] = {}
        for article in articles:
            key = (article.kind, article.headline, tuple(article.subtitles), article.body)
            first = read.get(key)
            if first is None:
                enrich(article, issue_date, edition, gazetteer, deadline, known_people)
                read[key] = article
            else:
                _copy_enrichment(first, article)
    return ParsedPage(articles=articles, warnings=warnings)


def _copy_enrichment(source: ParsedArticle, target: ParsedArticle) -> None:
    """Give ``target`` (an article of the same kind and text as ``source``) what ``enrich`` found for
    ``source``, as copies that may be changed independently."""
    target.event_date, target.event_date_precision = source.event_date, source.event_date_precision
    target.persons = deepcopy(source.persons)
    target.meeting = deepcopy(source.meeting)
    target.districts = list(source.districts)


def enrich(
    article: ParsedArticle,
    issue_date: date,
    edition: str | None,
    gazetteer: Gazetteer,
    deadline: Deadline = UNLIMITED,
    known_people: frozenset[str] = frozenset(),
) -> None:
    """Fill the article's event date, people, meeting, roles and districts from its text.

    The stages read the canonical copy of the text (full-width punctuation), while the
    article keeps its printed text. People and districts also read the headline and
    subtitles (a teaser may name its subject only there); the event date (with how precisely it is
    known) comes from the body alone, and only a stated day dates a meeting. The body is read without
    the layout spaces extraction leaves inside it (a name printed 张 动天 is 张动天 to every stage).
    Ads, teasers and contents tables report no event, meeting or roles; a notice has no event date.
    """
    deadline.check()
    headline = canonical(article.headline) if article.headline else article.headline
    subtitles = [canonical(s) for s in article.subtitles]
    text = BODY_LAYOUT_SPACE.sub("", canonical(article.body))
    titled = "\n".join([*filter(None, [headline, *subtitles]), text])
    reports_event = article.kind not in NO_EVENT_KINDS
    if reports_event and article.kind not in UNDATED_KINDS:
        found = read_event_date(text, issue_date)
        if found:
            article.event_date, article.event_date_precision = found
    deadline.check()
    article.persons = extract_people(titled, known_people)
    deadline.check()
    if reports_event:
        day = article.event_date if article.event_date_precision == "day" else None
        article.meeting = extract_meeting(headline, subtitles, text, article.persons, day)
        assign_roles(article.persons, article.meeting)
    deadline.check()
    article.districts = find_districts(titled, gazetteer, edition)
