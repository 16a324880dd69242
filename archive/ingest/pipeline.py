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


def parse_page(
    text: str, issue_date: date, edition: str | None = None, gazetteer: Gazetteer | None = None
) -> ParsedPage:
    """Parse one page's decoded text published on ``issue_date`` in ``edition``."""
    gazetteer = gazetteer or Gazetteer.default()
    paragraphs = [p.strip() for p in text.split("\n\n") if p.strip()]
    article = ParsedArticle(order=1, paragraphs=paragraphs)
    enrich(article, issue_date, edition, gazetteer)
    return ParsedPage(articles=[article] if paragraphs else [])


def enrich(article: ParsedArticle, issue_date: date, edition: str | None, gazetteer: Gazetteer) -> None:
    """Fill the article's event date, people, meeting, roles and districts from its text."""
    text = article.body
    article.event_date = resolve_event_date(text, issue_date)
    article.persons = extract_people(text)
    article.meeting = extract_meeting(article.headline, article.subtitles, text, article.persons, article.event_date)
    assign_roles(article.persons, article.meeting)
    article.districts = find_districts(text, gazetteer, edition)
