"""County-level units an article names or is about; towns and streets roll up to their county."""
from __future__ import annotations

from archive.ingest.gazetteer import Gazetteer


def find_districts(text: str, gazetteer: Gazetteer, edition: str | None = None) -> list[str]:
    """County-level units for ``text``, in order of first mention; a district edition gives its own."""
    return []
