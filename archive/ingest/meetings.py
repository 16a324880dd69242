"""The meeting (or visit, ceremony) an article reports, and each person's role in it."""
from __future__ import annotations

from datetime import date

from archive.ingest.records import MeetingRecord, PersonMention


def extract_meeting(
    headline: str | None,
    subtitles: list[str],
    text: str,
    persons: list[PersonMention],
    event_date: date | None,
) -> MeetingRecord | None:
    """The meeting the article reports, or None."""
    return None


def assign_roles(persons: list[PersonMention], meeting: MeetingRecord | None) -> None:
    """Set each person's roles (presided/spoke/attended/mentioned) from the meeting."""
    for person in persons:
        person.roles = ["mentioned"]
