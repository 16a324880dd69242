"""The importer's entry point: one page of text in, a ParsedPage out.

Stages, each its own module: normalize (layout clean-up) → segment (articles,
headlines, bylines, kinds) → per article: dates, people, meetings (and roles),
districts.
"""
from __future__ import annotations

from datetime import date

from archive.ingest.dates import resolve_event_date
from archive.ingest.districts import find_districts
from archive.ingest.gazetteer import Gazetteer
from archive.ingest.meetings import assign_roles, extract_meeting
from archive.ingest.people import extract_people
from archive.ingest.records import ParsedArticle, ParsedPage
from archive.ingest.segment import segment_page


def parse_page(
    text: str, issue_date: date, edition: str | None = None, gazetteer: Gazetteer | None = None
) -> ParsedPage:
    """Parse one page's decoded text published on ``issue_date`` in ``edition``."""
    gazetteer = gazetteer or Gazetteer.default()
    articles, warnings = segment_page(text)
    for article in articles:
        enrich(article, issue_date, edition, gazetteer)
    return ParsedPage(articles=articles, warnings=warnings)


def enrich(article: ParsedArticle, issue_date: date, edition: str | None, gazetteer: Gazetteer) -> None:
    """Fill the article's event date, people, meeting, roles and districts from its text.

    People and districts also read the headline and subtitles (an index teaser may name
    its subject only there); the event date comes from the body alone.
    """
    text = article.body
    titled = "\n".join([*filter(None, [article.headline, *article.subtitles]), text])
    article.event_date = resolve_event_date(text, issue_date)
    article.persons = extract_people(titled)
    article.meeting = extract_meeting(article.headline, article.subtitles, text, article.persons, article.event_date)
    assign_roles(article.persons, article.meeting)
    article.districts = find_districts(titled, gazetteer, edition)
