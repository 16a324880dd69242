"""Event dates and meetings of every annotated seed page (gold and blind held-out), measured
with tests/goldcompare.py."""
from unittest import mock

import pytest

import tests.goldcompare as goldcompare
from tests.goldcompare import align, export_page, format_table, load_gold, score

EVENT_FIGURES = ("event_date", "meeting")
# Known gaps: one role call per page (a 签约 guest counted as speaker; a name the people
# stage misses leaves its attendance out).
MEETING_PEOPLE_ERRORS = 2


def _annotated_pages():
    with mock.patch.object(goldcompare, "GOLD_DIR", goldcompare.GOLD_DIR / "heldout"):
        heldout = load_gold()
    return [*load_gold(), *heldout]


@pytest.mark.parametrize("page", _annotated_pages(), ids=lambda page: page.file)
def test_event_dates_and_meetings_match_the_annotation(page):
    pairs = align(page.articles, export_page(page.path, page.date, page.edition))
    figures = score(pairs)
    print(format_table([(page.file, figures, pairs)]))
    wrong = [m for m in figures["mismatches"] if m.startswith(("[event_date]", "[meeting"))]
    assert {name: figures[name] for name in EVENT_FIGURES} == dict.fromkeys(EVENT_FIGURES, figures["gold"]), wrong
    people = figures["meeting_people"]
    assert people["fp"] + people["fn"] <= MEETING_PEOPLE_ERRORS, wrong
