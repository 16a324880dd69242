"""Phrases without positions: a RunPhrase matches exactly the documents where the chain's phrase pattern occurs."""
import gc
import random
import re
import weakref

import pytest
from whoosh import index
from whoosh import query as wq
from whoosh.fields import ID, TEXT, Schema

from search import analysis, whoosh_match
from search.whoosh_match import ChainText, RunPhrase, match_set, match_within, scores
from tests.search.conftest import seed_text

SEED_PAGES = ("000_aa96861d60fbaec3.txt", "002_0504d8e1677960ee.txt")


def chain_phrase(fieldname, text):
    return RunPhrase(fieldname, [term.text for term in analysis.terms(text, indexing=False)])


@pytest.fixture
def chain_index(tmp_path):
    """A Whoosh index of one ChainText field; yields (searcher, {docnum: text})."""
    def build(texts):
        schema = Schema(key=ID(stored=True), body=ChainText(analysis.analyzer()))
        ix = index.create_in(str(tmp_path), schema)
        with ix.writer() as writer:
            for i, text in enumerate(texts):
                writer.add_document(key=str(i), body=text)
        searcher = ix.searcher()
        return searcher, {docnum: texts[int(searcher.stored_fields(docnum)["key"])] for docnum in range(len(texts))}
    return build


def matching(searcher, query):
    return set(searcher.docs_for_query(query))


def test_phrase_needs_its_terms_adjacent_in_one_run(chain_index):
    searcher, _ = chain_index(["焦作日报社", "焦作，日报", "日报说焦作", "焦作 日报", "焦作日報"])
    found = {searcher.stored_fields(d)["key"] for d in matching(searcher, chain_phrase("body", "焦作日报"))}
    assert found == {"0", "3", "4"}
    split = {searcher.stored_fields(d)["key"] for d in matching(searcher, chain_phrase("body", "焦作，日报"))}
    assert split == {"1"}


@pytest.mark.parametrize("reads", ["whole", "tiny"])
@pytest.mark.parametrize("seed", [1, 2])
def test_matches_exactly_where_the_phrase_pattern_does(chain_index, seed, reads, monkeypatch):
    """``tiny``: texts read a few documents at a time, so runs cross reads."""
    if reads == "tiny":
        monkeypatch.setattr(whoosh_match, "TEXT_READ_GAP", 0)
        monkeypatch.setattr(whoosh_match, "TEXT_READ_SPAN", 300)
    rng = random.Random(seed)
    sentences = [s for name in SEED_PAGES for s in re.split(r"(?<=。)", seed_text(name)) if len(s) > 10]
    texts = [" ".join(rng.sample(sentences, 3)) for _ in range(60)]
    searcher, by_docnum = chain_index(texts)
    runs = [run for text in texts for run in re.findall(r"[\u4e00-\u9fff，]{2,}", text)]
    checked = 0
    for _ in range(120):
        run = rng.choice(runs)
        length = rng.randint(2, min(7, len(run)))
        start = rng.randint(0, len(run) - length)
        piece = run[start : start + length]
        pattern = analysis.phrase_pattern(piece)
        if pattern is None or len(list(analysis.terms(piece, indexing=False))) < 2:
            continue
        expected = {d for d, text in by_docnum.items() if pattern.search(analysis.normalize(text))}
        assert matching(searcher, chain_phrase("body", piece)) == expected, piece
        within = set(rng.sample(sorted(by_docnum), 20))
        assert match_within(searcher, chain_phrase("body", piece), within) == expected & within, piece
        checked += 1
    assert checked > 60


def test_scores_by_density(chain_index):
    searcher, _ = chain_index(["会议记录。" + "会议开始会议结束" * 3, "今天开会议程很长，会议记录在此" + "，天气" * 20])
    hits = searcher.search(chain_phrase("body", "会议记录"))
    assert [hit["key"] for hit in hits] == ["0", "1"]


@pytest.mark.parametrize("bisected_share", [0, 10**6], ids=["blocks bisected", "blocks as dicts"])
def test_match_sets_and_window_scores_agree_with_whoosh(chain_index, monkeypatch, bisected_share):
    monkeypatch.setattr(whoosh_match, "BISECTED_SHARE", bisected_share)
    searcher, _ = chain_index(
        ["会议记录在此。", "会议开始，记录在案", "今天天气晴，会议延期", "记录会议", "天气预报：晴", "会议记录会议记录"]
    )
    phrase = chain_phrase("body", "会议记录")
    queries = [
        wq.And([chain_phrase("body", "会议"), chain_phrase("body", "记录")]),
        wq.Or([phrase, chain_phrase("body", "天气")]),
        wq.AndNot(chain_phrase("body", "会议"), phrase),
        wq.AndMaybe(chain_phrase("body", "会议"), phrase),
        wq.And([wq.Term("body", "天气"), wq.Or([chain_phrase("body", "天气晴"), chain_phrase("body", "预报")])]),
    ]
    for query in queries:
        assert match_set(searcher, query) == set(searcher.docs_for_query(query)), query
        for within in ({0, 2, 4, 5}, {1, 3, 4}):
            assert match_within(searcher, query, within) == match_set(searcher, query) & within, query
    expected = {hit.docnum: hit.score for hit in searcher.search(queries[3], limit=None)}
    window = sorted(expected)
    assert dict(scores(searcher, queries[3], window)) == pytest.approx(expected)
    assert len({round(score, 6) for score in expected.values()}) > 1


def test_chain_text_index_gives_what_the_analyzer_path_gives():
    """``ChainText.index`` counts terms itself: Whoosh's generic path through the analyzer's tokens must agree."""
    field = ChainText(analysis.analyzer(), field_boost=1.5)
    for text in (seed_text(SEED_PAGES[0]), "會議 召開　ＰＭ２.５ 指数，王小平到市委书记焦 作", "焦", ""):
        fast = sorted(field.index(text))
        assert fast == sorted(TEXT.index(field, text))
        assert len(fast) > 0 or not text


def test_postings_decoded_once_per_request_give_what_a_fresh_decode_gives(chain_index):
    """Blocks a match set decoded (some of them only: ``among``) are what the window's scores read again."""
    texts = [f"第{i}期，天气晴。" + ("会议记录在此。" if i % 37 == 5 else "会议延期。") + "，天气" * (i % 7)
             for i in range(400)]
    searcher, _ = chain_index(texts)
    assert len(whoosh_match.term_postings(searcher.reader(), "body", "天气")._lasts) > 2  # several blocks
    queries = [
        wq.And([chain_phrase("body", "天气"), chain_phrase("body", "会议记录")]),
        wq.AndMaybe(chain_phrase("body", "会议"), chain_phrase("body", "记录在此")),
    ]
    for query in queries:
        expected = {hit.docnum: hit.score for hit in searcher.search(query, limit=None)}
        assert len(expected) > 10
        fresh = (match_set(searcher, query), dict(scores(searcher, query, sorted(expected))))
        with whoosh_match.decoded_once():
            first = match_set(searcher, query)
            window = sorted(first)[::3]
            reused = (first, dict(scores(searcher, query, sorted(first))), dict(scores(searcher, query, window)))
        assert reused[0] == fresh[0] == set(expected)
        assert reused[1] == fresh[1] == pytest.approx(expected)
        assert reused[2] == {docnum: fresh[1][docnum] for docnum in window}


def test_a_request_frees_its_decoded_postings_on_leaving(chain_index):
    searcher, _ = chain_index(["会议记录在此。", "会议开始，记录在案"])
    gc.disable()
    try:
        with whoosh_match.decoded_once():
            match_set(searcher, chain_phrase("body", "会议记录"))
            kept = weakref.ref(whoosh_match.term_postings(searcher.reader(), "body", "会议"))
            assert kept() is not None
        assert kept() is None
    finally:
        gc.enable()
