"""The analysis chain: recall of any Chinese substring, positions for phrases, offsets for highlighting."""
import random
import re
import threading
from collections import Counter

import pytest

from search import analysis, dictionary
from tests.search.conftest import seed_text

CJK_RUN = re.compile(r"[\u4e00-\u9fff]{2,}")


def chain(text):
    return [(term.text, term.pos) for term in analysis.terms(text, indexing=False)]


def occurs_as_phrase(query, document):
    """True when the query's chain appears in the document's terms at consecutive positions."""
    wanted = [text for text, _ in chain(query)]
    positions = {}
    for term in analysis.terms(document):
        positions.setdefault(term.text, set()).add(term.pos)
    starts = positions.get(wanted[0], set())
    return any(all(start + i in positions.get(text, ()) for i, text in enumerate(wanted)) for start in starts)


def random_substrings(count, seed):
    rng = random.Random(seed)
    runs = [run for name in ("000_aa96861d60fbaec3.txt", "002_0504d8e1677960ee.txt")
            for run in CJK_RUN.findall(seed_text(name))]
    for _ in range(count):
        run = rng.choice(runs)
        length = rng.randint(2, min(8, len(run)))
        start = rng.randint(0, len(run) - length)
        yield run[start : start + length], run


def test_bigrams_at_consecutive_positions_and_words_at_their_first_bigram():
    terms = [(t.text, t.pos) for t in analysis.terms("市委书记主持会议")]
    assert ("市委", 0) in terms and ("委书", 1) in terms and ("会议", 6) in terms
    assert ("市委书记", 0) in terms
    assert all(len(text) != 2 or text in "市委书记主持会议" for text, _ in terms)


def test_every_character_starts_an_index_term_so_a_run_ends_with_its_last_character_alone():
    text = "会议在市委召开，书记主持。老李"
    indexed = [t.text for t in analysis.terms(text)]
    assert [term for term in indexed if len(term) == 1] == ["开", "持", "李"]
    assert all(any(term.startswith(char) for term in indexed) for char in text if analysis.is_chinese(char))
    assert [t.text for t in analysis.terms(text, indexing=False) if len(t.text) == 1] == []


def test_query_mode_has_only_the_chain():
    tokenizer = analysis.analyzer()
    query_terms = [t.text for t in tokenizer("市委书记主持会议", positions=True, mode="query")]
    assert query_terms == ["市委", "委书", "书记", "记主", "主持", "持会", "会议"]


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_any_chinese_substring_is_a_phrase_of_its_run(seed):
    for substring, run in random_substrings(200, seed):
        assert occurs_as_phrase(substring, run), substring


def test_adding_dictionary_words_never_loses_a_substring():
    samples = list(random_substrings(150, 9))
    tokenizer = dictionary.tokenizer()
    for substring, run in samples:
        tokenizer.add_word(substring)
        if len(run) > 4:
            tokenizer.add_word(run[1:-1])
    for substring, run in samples:
        assert occurs_as_phrase(substring, run), substring


def test_order_matters_in_a_phrase():
    assert occurs_as_phrase("文明城市", "创建全国文明城市")
    assert not occurs_as_phrase("城市文明", "创建全国文明城市")


def test_layout_spaces_and_full_width_characters_keep_original_offsets():
    text = "焦 作　日报 ２０１６年 ＰＭ"
    terms = list(analysis.terms(text, indexing=False))
    assert [t.text for t in terms] == ["焦作", "作日", "日报", "2016", "年", "pm"]
    assert [text[t.start : t.end] for t in terms] == ["焦 作", "作　日", "日报", "２０１６", "年", "ＰＭ"]
    assert [t.pos for t in terms] == [0, 1, 2, 3, 4, 5]


def test_runs_break_at_punctuation_and_newlines():
    assert chain("焦作，日报") == [("焦作", 0), ("日报", 1)]
    assert not occurs_as_phrase("作日", "焦作\n日报")


@pytest.mark.parametrize("seed", [4, 5])
def test_phrase_pattern_marks_exactly_the_substring(seed):
    for substring, run in random_substrings(100, seed):
        document = "前文。" + " ".join(run) + "。后文"
        match = analysis.phrase_pattern(substring).search(analysis.normalize(document))
        assert match is not None, substring
        assert match.group().replace(" ", "") == substring


def test_phrase_pattern_respects_run_boundaries_like_the_chain():
    pattern = analysis.phrase_pattern("焦作，日报")
    assert pattern.search("焦作。日报")
    assert not pattern.search("焦作日报")
    assert analysis.phrase_pattern("pm2.5").search("今天pm2.5指数")
    assert not analysis.phrase_pattern("pm2").search("今天pm25指数")
    assert analysis.phrase_pattern("，。") is None


@pytest.mark.parametrize("name", ["000_aa96861d60fbaec3.txt", "001_f762c55c90316b62.txt", "003_3dbcab82a71f30bf.txt"])
def test_term_counts_count_exactly_the_terms(name):
    """Indexing counts terms without making them; the counts must be those of ``terms`` on any text."""
    page = seed_text(name)
    mixed = "會議 召開　ＰＭ２.５ 指数 a 焦 作 日报，王小平到市委书记 x1.5 。" + page[:3000]
    for text in (page, mixed, "焦", "", "，。", "abc 12"):
        counts = analysis.term_counts(text)
        assert counts == Counter(term.text for term in analysis.terms(text))
        assert sum(counts.values()) == len(list(analysis.terms(text)))


def test_segment_gives_jiebas_words_also_after_words_are_added():
    """``dictionary.segment`` computes jieba's route itself and remembers it: always what jieba's lcut says."""
    tokenizer = dictionary.tokenizer()
    runs = [run for name in ("000_aa96861d60fbaec3.txt", "004_2e3f32ccee677dfe.txt")
            for run in CJK_RUN.findall(seed_text(name)) if len(run) >= 3]
    runs += ["㐀焦作日报䶵社长", "焦作\u9fd6\u9fff日报社", "豈焦作市委書記"]
    assert [dictionary.segment(run) for run in runs] == [tokenizer.lcut(run, HMM=False) for run in runs]
    probe, new_word = "龘甲乙丙丁戊靐", "乙丙丁戊"
    assert new_word not in dictionary.segment(probe)
    tokenizer.add_word(new_word, freq=1000)
    assert new_word in dictionary.segment(probe) and dictionary.segment(probe) == tokenizer.lcut(probe, HMM=False)
    assert [dictionary.segment(run) for run in runs] == [tokenizer.lcut(run, HMM=False) for run in runs]


def test_words_added_by_another_thread_while_segmenting_break_nothing(monkeypatch):
    """A gunicorn worker's retry thread writes the index (adding new names to jieba, as refresh_user_words does,
    under the dictionary's lock) while the worker segments a query: the new words must wait until the routes
    are read from jieba's dictionary, not change it under them ("dictionary changed size during iteration")."""
    tokenizer = dictionary.tokenizer()
    reading, added = threading.Event(), threading.Event()
    scores_of_words = dictionary._scores_of_words

    def slow_reading(frequencies, total):
        def paused():
            for number, item in enumerate(frequencies.items()):
                if number == 1:
                    reading.set()
                    added.wait(1)
                yield item

        return scores_of_words(dict(paused()), total)

    def add_word():
        reading.wait(10)
        with dictionary._lock:
            tokenizer.add_word("线程甲乙丙丁", freq=1000)
        added.set()

    monkeypatch.setattr(dictionary, "_scores_of_words", slow_reading)
    tokenizer.add_word("线程乙丙丁戊", freq=1000)  # the next segment reads the dictionary again
    adder = threading.Thread(target=add_word)
    adder.start()
    try:
        words = dictionary.segment("龘线程乙丙丁戊靐")
    finally:
        added.set()
        adder.join(10)
    assert "线程乙丙丁戊" in words
    assert "线程甲乙丙丁" in dictionary.segment("龘线程甲乙丙丁靐"), "the word added meanwhile is used next"


def test_normalize_folds_every_character_as_the_folding_table_says():
    """``normalize`` finds the characters that fold with a regex: it must give what looking each one up gives."""
    texts = ["會議　召開，ＰＭ２．５指數（記者：王小平）", "，，", "會", "", "plain text 123"]
    texts.append("中文，測試：（一）、二。" * 40)
    for text in texts:
        assert analysis.normalize(text) == text.translate(analysis._FOLD).lower(), text
    assert analysis.normalize("會議，ＡＢ") == "会议,ab"
