"""The substring index answers as repeated ``str.find`` would, for short (indexed) and long words."""
import pytest

from archive.ingest.occurrences import INDEXED_LENGTH, Occurrences

TEXT = "阿尔贝托·萨纳特会见阿尔贝托·萨纳特，张三张三张三说"


def found_by_find(text, word):
    starts, start = [], text.find(word)
    while start >= 0:
        starts.append(start)
        start = text.find(word, start + 1)
    return starts


@pytest.mark.parametrize("word", ["张三", "张三张三", "阿尔贝托·萨纳特", "阿尔贝托·萨纳特会见", "没有"])
def test_starts_are_those_str_find_gives(word):
    assert Occurrences(TEXT).starts(word) == found_by_find(TEXT, word)


def test_long_words_are_found_too():
    word = "阿尔贝托·萨纳特会见"
    assert len(word) > INDEXED_LENGTH
    assert Occurrences(TEXT).starts(word) == [0]
    assert Occurrences(TEXT).separate_starts("张三张三") == [19]
