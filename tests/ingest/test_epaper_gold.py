"""The e-paper gold (real articles, chrome and all): per-field figures stay at what the importer reaches.

Run with ``-s`` to see the figures; ``python -m tests.goldcompare --epaper -v`` lists every mismatch.
The floors are the figures measured when the gold was added and the importer tuned on its
"tune" half; the "blind" half was never tuned on.
"""
import pytest

from tests.goldcompare import format_epaper, load_epaper_gold, score_epaper

FLOORS = {
    "tune": {"persons": 0.97, "titles": 0.98, "districts": 0.98, "event_date": 1.0},
    "blind": {"persons": 0.97, "titles": 0.98, "districts": 0.98, "event_date": 1.0},
}


@pytest.mark.parametrize("split", FLOORS)
def test_epaper_gold_figures_per_field(split):
    gold = load_epaper_gold(split)
    assert len(gold) >= 10, "each half of the gold holds at least ten real articles"
    figures = score_epaper(gold)
    print(format_epaper(figures, split))
    reached = {
        field: figures[field] if field == "event_date" else figures[field]["f1"] for field in FLOORS[split]
    }
    assert all(reached[field] >= floor for field, floor in FLOORS[split].items()), (reached, figures["mismatches"])


def test_every_gold_file_cites_its_public_source():
    for file in load_epaper_gold():
        assert file.source.startswith("http"), file.stem
