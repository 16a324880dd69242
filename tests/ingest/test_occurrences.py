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


def test_every_substring_and_its_extensions_are_found_as_str_find_finds_them():
    """Words are found among their prefix's starts: each word, asked after or before its prefixes, a
    character past the text's end, or one the text lacks, comes back as ``str.find`` gives it."""
    text = "张三张三说，张三丰张三。张三"
    occurrences = Occurrences(text)
    words = {text[i:j] for i in range(len(text)) for j in range(i + 1, min(len(text), i + INDEXED_LENGTH + 2) + 1)}
    words |= {word + extra for word in list(words) for extra in ("张", "李")}
    for word in sorted(words, key=lambda word: (-len(word), word)):
        assert occurrences.starts(word) == found_by_find(text, word), word
