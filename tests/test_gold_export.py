"""The seeds imported through Django and exported with ``export_archive``, measured against the gold pages.

The threshold tests are the issue's acceptance targets for the whole importer;
the round-trip test checks that the database keeps everything the importer found.
"""
import io
import json

import pytest
from django.core.management import call_command

from archive.loading import comparable_content
from tests.goldcompare import align, export_page, format_table, load_gold, score

_EXPORTED = {}


@pytest.fixture
def exported(db, tmp_path):
    """{source file: export records in page order} from ``import_seeds`` then ``export_archive --output``.

    Imported and exported once for the module (the first test's transaction is rolled back as usual).
    """
    if not _EXPORTED:
        output = tmp_path / "archive.jsonl"
        call_command("import_seeds", stdout=io.StringIO())
        call_command("export_archive", output=str(output), stderr=io.StringIO())
        for line in output.read_text(encoding="utf-8").splitlines():
            record = json.loads(line)
            _EXPORTED.setdefault(record["source_file"], []).append(record)
    return _EXPORTED


@pytest.fixture
def figures(exported):
    rows, all_pairs = [], []
    for page in load_gold():
        pairs = align(page.articles, exported[page.file])
        all_pairs += pairs
        rows.append((page.file, score(pairs), pairs))
    total = score(all_pairs)
    rows.append(("TOTAL", total, all_pairs))
    print("\n" + format_table(rows))
    return total


def test_database_round_trip_keeps_what_the_importer_found(exported):
    for page in load_gold():
        parsed = export_page(page.path, page.date, page.edition)
        assert [comparable_content(r) for r in exported[page.file]] == [comparable_content(a) for a in parsed]


def test_database_keeps_every_meeting_the_importer_found_merged_by_event(exported):
    """An article's stored meeting is the event: its date, a name one of its reports gave it, and
    everyone the article's own report named, each in one role."""
    parsed_names: dict[str, set[str]] = {}
    pairs = []
    for page in load_gold():
        parsed = export_page(page.path, page.date, page.edition)
        for stored, found in zip(exported[page.file], parsed, strict=True):
            if found["meeting"]:
                pairs.append((stored["meeting"], found["meeting"]))
                parsed_names.setdefault(found["meeting"]["date"], set()).add(found["meeting"]["name"])
    assert pairs
    for stored, found in pairs:
        assert stored["date"] == found["date"]
        assert stored["name"] in parsed_names[found["date"]]
        people = [*stored["presided_by"], *stored["speakers"], *stored["attended_by"]]
        assert len(people) == len(set(people)), stored
        named = {*found["presided_by"], *found["speakers"], *found["attended_by"]}
        assert named <= set(people), (stored, found)


@pytest.mark.parametrize("figure", ["found", "boundary", "headline"])
def test_every_gold_article_found_with_boundaries_and_headline(figures, figure):
    assert figures[figure] == figures["gold"], figures["mismatches"]


@pytest.mark.parametrize(("figure", "target"), [("persons", 0.97), ("titles", 0.95), ("districts", 0.95)])
def test_f1_targets(figures, figure, target):
    assert figures[figure]["f1"] >= target, figures[figure]


def test_event_dates_target(figures):
    assert figures["event_date"] >= 0.95 * figures["gold"]
