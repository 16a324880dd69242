"""Hostile pages: the importer parses any of them within a per-page time budget, and any issue date
is safe for its date arithmetic.

The budget (CPU seconds) is generous: a linear importer parses these 64 KiB pages in well under a
second (``benchmarks/parse_worst_case.py`` times them at the upload limit); it is there to catch a
regression to quadratic time, which on these sizes costs a minute or more. It is the importer's own
``Deadline``, so a page over it fails the test with ``ParseBudgetExceeded`` as soon as the stage in
progress ends.
"""
import random
import time
from datetime import date, timedelta

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from archive.ingest.budget import Deadline, ParseBudgetExceeded
from archive.ingest.pipeline import parse_page
from tests.ingest.hostile_pages import SHAPES, UNITS

PAGE_BYTES = 64 * 1024
BUDGET_SECONDS = 10
ISSUE = date(2016, 9, 2)


def parse_within_budget(text, issue_date=ISSUE):
    return parse_page(text, issue_date, deadline=Deadline(BUDGET_SECONDS))


@pytest.mark.parametrize("shape", SHAPES)
def test_every_hostile_shape_parses_within_the_budget(shape):
    text = SHAPES[shape](PAGE_BYTES, random.Random(shape))
    assert len(text.encode("utf-8")) > PAGE_BYTES - 64
    parsed = parse_within_budget(text)
    for article in parsed.articles:
        assert article.body.strip()


def _repeated(segments):
    text = "".join(piece * count for piece, count in segments)
    return text.encode("utf-8")[:PAGE_BYTES].decode("utf-8", errors="ignore")


pieces = st.one_of(
    st.sampled_from(UNITS),
    st.characters(min_codepoint=0x4E00, max_codepoint=0x9FFF),
    st.text(min_size=1, max_size=6),
    st.lists(st.sampled_from(UNITS), min_size=2, max_size=6).map("".join),
)
hostile_pages = st.lists(st.tuples(pieces, st.integers(1, 25_000)), min_size=1, max_size=8).map(_repeated)


@settings(max_examples=40, deadline=None, database=None, suppress_health_check=[HealthCheck.too_slow])
@given(hostile_pages)
def test_random_hostile_pages_parse_within_the_budget(text):
    parsed = parse_within_budget(text)
    assert all(article.order == index for index, article in enumerate(parsed.articles, start=1))


# Shapes that once took time quadratic in the page's length (a paragraph joined over thousands of columns,
# jieba's HMM over a long run of characters it does not know, names read before thousands of cues, a headline
# of thousands of different title blocks).
GROWTH_SHAPES = (
    "unfinished paragraphs", "random Chinese", "names before cues", "one-character blocks", "distinct short titles",
)
GROWTH_BYTES = 16 * 1024


def _parse_cpu_seconds(text):
    start = time.process_time()
    parse_page(text, ISSUE)
    return time.process_time() - start


@pytest.mark.parametrize("shape", GROWTH_SHAPES)
def test_parse_time_grows_in_proportion_to_the_page(shape):
    """Four times the page costs about four times the CPU time (a quadratic stage costs sixteen): the
    best of two runs each, with a generous factor for a busy machine."""
    small, large = (SHAPES[shape](size, random.Random(shape)) for size in (GROWTH_BYTES, 4 * GROWTH_BYTES))
    small_time = min(_parse_cpu_seconds(small) for _ in range(2))
    large_time = min(_parse_cpu_seconds(large) for _ in range(2))
    assert large_time < 8 * small_time


def test_a_spent_budget_stops_parsing():
    text = SHAPES["titles and names"](PAGE_BYTES, random.Random(0))
    with pytest.raises(ParseBudgetExceeded, match="秒的时间上限"):
        parse_page(text, ISSUE, deadline=Deadline(0))


LEADS = ("昨日，", "前天，", "今日，", "上月3日，", "3日，", "12月31日，", "去年5月1日，", "前年1月1日，", "1月1日，")


@pytest.mark.parametrize("issue_date", [date.min, date.min + timedelta(days=1), date(1, 2, 1), date.max])
@pytest.mark.parametrize("lead", LEADS)
def test_event_dates_near_the_ends_of_the_calendar_never_overflow(issue_date, lead):
    parsed = parse_page(f"本报讯（记者 李明）{lead}市委召开常委会议。\n", issue_date)
    event = parsed.articles[0].event_date
    assert event is None or abs(event - issue_date) <= timedelta(days=366 * 3)


def test_a_relative_date_before_the_calendar_begins_is_no_date():
    parsed = parse_page("本报讯（记者 李明）昨日，市委召开常委会议。\n", date.min)
    assert parsed.articles[0].event_date is None
    parsed = parse_page("本报讯（记者 李明）昨日，市委召开常委会议。\n", date.min + timedelta(days=1))
    assert parsed.articles[0].event_date == date.min
