"""The linear word cutter gives jieba's own words: on the pages, on hostile text, and on random text
(letters, numbers, whitespace, punctuation and characters outside jieba's dictionary); and its time
grows in proportion to the text where jieba's grows with the square of a run of unknown characters."""
import random
import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from archive.ingest.names import _tokenizer
from archive.ingest.wordcut import WordCutter
from tests.goldcompare import ROOT
from tests.ingest.hostile_pages import SHAPES, UNITS

PAGES = sorted([*(ROOT / "seeds").glob("*.txt"), *(ROOT / "tests" / "data").rglob("*.txt")])


@pytest.fixture(scope="module")
def cutter():
    return WordCutter(_tokenizer())


def jieba_words(text):
    return list(_tokenizer().tokenize(text))


@pytest.mark.parametrize("page", PAGES, ids=lambda page: page.name)
def test_words_of_every_page_are_jiebas(cutter, page):
    text = page.read_text(encoding="utf-8")
    assert cutter.tokenize(text) == jieba_words(text)


@pytest.mark.parametrize("shape", SHAPES)
def test_words_of_hostile_text_are_jiebas(cutter, shape):
    text = SHAPES[shape](3000, random.Random(shape))
    assert cutter.tokenize(text) == jieba_words(text)


MIXED = "".join(UNITS) + "abcXYZ0123456789.%+#&_-\r\n\t 　，。…—·龘𠀀ｶ①"
mixed_text = st.text(alphabet=st.sampled_from(MIXED), max_size=200)
any_text = st.text(max_size=200)


@settings(max_examples=300, deadline=None, database=None)
@given(st.one_of(mixed_text, any_text, st.lists(st.sampled_from(UNITS), max_size=60).map("".join)))
def test_words_of_random_text_are_jiebas(text):
    assert WordCutter(_tokenizer()).tokenize(text) == jieba_words(text)


def _cpu_seconds(cutter, text):
    start = time.process_time()
    cutter.tokenize(text)
    return time.process_time() - start


def test_time_grows_in_proportion_to_an_unknown_run(cutter):
    """A run of characters jieba's dictionary does not hold goes to the HMM whole: four times the run
    costs about four times as much (a quadratic cut would cost sixteen). Generous for a busy machine."""
    unknown = "".join(chr(code) for code in range(0x4E00, 0x9FD5) if code % 3 == 0 and chr(code) not in cutter.freq)
    short = (unknown * 4)[:4000]
    long = (unknown * 16)[:16000]
    short_time = min(_cpu_seconds(cutter, short) for _ in range(3))
    long_time = min(_cpu_seconds(cutter, long) for _ in range(3))
    assert long_time < 10 * short_time
