"""Event dates: 昨日/昨天/前日/今日/X月X日/去年X月X日/ranges, resolved against the issue date."""
from __future__ import annotations

from datetime import date


def resolve_event_date(text: str, issue_date: date) -> date | None:
    """The date of the main event the text reports, or None for undated items."""
    return None
