"""People named in an article, each with every title stated for them there."""
from __future__ import annotations

from archive.ingest.records import PersonMention


def extract_people(text: str) -> list[PersonMention]:
    """Every individually named person in ``text`` (an article body), once each, in order of first mention."""
    return []
