"""Dataclasses the importer produces.

They mirror the export format (``tests/data/SCHEMA.md``): ``ParsedArticle.as_export``
gives the article's fields in that shape, minus the page-level fields the Django
side adds (source file, publication date, edition, page).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

ARTICLE_KINDS = ("news", "photo", "notice", "commentary", "feature", "brief", "ad", "teaser", "index")
ROLES = ("presided", "spoke", "attended", "mentioned")
# A person with a party or government post stated for them is an official; anyone else is "other".
PERSON_KINDS = ("official", "other")
# How exactly an event date is known: a day stated, a month stated, or estimated from 日前/近日/上周.
DATE_PRECISIONS = ("day", "month", "approximate")


@dataclass
class PersonMention:
    """A named person in one article, with every title stated for them there."""

    name: str
    titles: list[str] = field(default_factory=list)
    roles: list[str] = field(default_factory=list)
    kind: str = "other"

    def as_export(self) -> dict:
        return {"name": self.name, "titles": list(self.titles), "roles": list(self.roles), "kind": self.kind}


@dataclass
class MeetingRecord:
    """A meeting, visit or ceremony an article reports; people are given by name."""

    name: str
    date: date | None = None
    location: str | None = None
    presided_by: list[str] = field(default_factory=list)
    speakers: list[str] = field(default_factory=list)
    attended_by: list[str] = field(default_factory=list)

    def as_export(self) -> dict:
        return {
            "name": self.name,
            "date": self.date.isoformat() if self.date else None,
            "location": self.location,
            "presided_by": list(self.presided_by),
            "speakers": list(self.speakers),
            "attended_by": list(self.attended_by),
        }


@dataclass
class ParsedArticle:
    """One article of a page, in reading order; ``paragraphs`` is the normalized body after the byline."""

    order: int
    kind: str = "news"
    headline: str | None = None
    subtitles: list[str] = field(default_factory=list)
    paragraphs: list[str] = field(default_factory=list)
    reporters: list[str] = field(default_factory=list)
    contributors: list[str] = field(default_factory=list)
    photographers: list[str] = field(default_factory=list)
    event_date: date | None = None
    event_date_precision: str | None = None
    continued_to: str | None = None
    persons: list[PersonMention] = field(default_factory=list)
    meeting: MeetingRecord | None = None
    districts: list[str] = field(default_factory=list)

    @property
    def body(self) -> str:
        return "\n".join(self.paragraphs)

    def as_export(self) -> dict:
        return {
            "order": self.order,
            "kind": self.kind,
            "headline": self.headline,
            "subtitles": list(self.subtitles),
            "body": self.body,
            "reporters": list(self.reporters),
            "contributors": list(self.contributors),
            "photographers": list(self.photographers),
            "event_date": self.event_date.isoformat() if self.event_date else None,
            "event_date_precision": self.event_date_precision,
            "continued_to": self.continued_to,
            "persons": [p.as_export() for p in self.persons],
            "meeting": self.meeting.as_export() if self.meeting else None,
            "districts": list(self.districts),
        }


@dataclass
class ParsedPage:
    """Everything the importer found on one page, plus warnings for the editor's preview."""

    articles: list[ParsedArticle] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
