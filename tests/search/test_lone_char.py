"""A lone Chinese character of a query matches exactly the documents holding it (every place a character stands
starts an index term), in every segment of a real Whoosh index in a temporary directory, alone and with other items."""
import random
from datetime import date

import pytest
from whoosh import index
from whoosh import query as wq
from whoosh.fields import ID, Schema

from archive.districts import sync_districts
from archive.models import District, Issue, Page
from archive.signals import changes_batched
from search import analysis
from search.engine import SearchRequest, run_search
from search.whoosh_codec import CompactCodec
from search.whoosh_lone import LoneChar
from search.whoosh_match import ChainText, folded, match_set, scores
from tests.search.conftest import create_article

ALPHABET = "李强中国新闻"


def holds(text, char):
    """The index's own answer: does any index term of ``text`` start with ``char``?"""
    return any(term.text.startswith(char) for term in analysis.terms(text))


def random_texts(seed, count=80):
    rng = random.Random(seed)
    texts = []
    for _ in range(count):
        parts = []
        for _ in range(rng.randint(1, 5)):
            parts.append("".join(rng.choice(ALPHABET) for _ in range(rng.randint(1, 4))))
            parts.append(rng.choice(["，", "。", " ", "a1 ", "\n", "  "]))
        texts.append("".join(parts))
    return texts


@pytest.fixture
def segments(tmp_path):
    """Builds a Whoosh index of ``texts`` in three segments, with ``deleted`` (positions) deleted, without merging;
    returns (searcher, {docnum: text} of the live documents)."""
    opened = []

    def build(texts, codec=None, deleted=()):
        schema = Schema(key=ID(stored=True), body=ChainText(analysis.analyzer()))
        ix = index.create_in(str(tmp_path), schema)
        third = len(texts) // 3 + 1
        for start in range(0, len(texts), third):
            writer = ix.writer(codec=codec)
            for position in range(start, min(start + third, len(texts))):
                writer.add_document(key=str(position), body=texts[position])
            writer.commit(merge=False)
        if deleted:
            writer = ix.writer(codec=codec)
            for position in deleted:
                writer.delete_by_term("key", str(position))
            writer.commit(merge=False)
        searcher = ix.searcher()
        opened.append(searcher)
        live = {docnum: texts[int(fields["key"])] for docnum, fields in searcher.reader().iter_docs()}
        return searcher, live

    yield build
    for searcher in opened:
        searcher.close()


def test_a_lone_character_matches_wherever_it_stands_alone_or_in_a_run(segments):
    texts = ["李", "老李", "李强", "老李强", "老 李", "李，强", "强李。", "李\n", "中国", "老季", "a李b"]
    searcher, live = segments(texts)
    found = {live[docnum] for docnum in match_set(searcher, LoneChar("body", "李"))}
    assert found == {text for text in texts if "李" in text}
    assert {text for text in texts if holds(text, "李")} == found


@pytest.mark.parametrize("codec", [None, CompactCodec()], ids=["whoosh", "compact"])
@pytest.mark.parametrize("seed", [1, 2])
def test_lone_characters_match_the_chain_in_every_segment(segments, codec, seed):
    texts = random_texts(seed)
    searcher, live = segments(texts, codec=codec, deleted=range(0, len(texts), 7))
    assert len(searcher.reader().leaf_readers()) == 3 and len(live) < len(texts)
    for char in ALPHABET:
        expected = {docnum for docnum, text in live.items() if holds(text, char)}
        assert 0 < len(expected) < len(live), char
        assert match_set(searcher, LoneChar("body", char)) == expected, char
        prefix = wq.Or([wq.Term("body", char), wq.Prefix("body", char)])
        assert set(searcher.docs_for_query(prefix)) == expected, char
        assert {hit.docnum for hit in searcher.search(LoneChar("body", char), limit=None)} == expected, char
    both = {docnum for docnum, text in live.items() if holds(text, "李") and holds(text, "强")}
    assert match_set(searcher, wq.And([LoneChar("body", "李"), LoneChar("body", "强")])) == both
    without = {docnum for docnum, text in live.items() if holds(text, "李") and not holds(text, "强")}
    assert match_set(searcher, wq.AndNot(LoneChar("body", "李"), LoneChar("body", "强"))) == without


def test_scores_count_the_places_where_the_character_matches(segments):
    texts = ["李强，李明，李华。", "李强，王明，赵华。", "老李，老李，李华。"]
    searcher, live = segments(texts)
    lone = LoneChar("body", "李")
    by_text = {live[docnum]: score for docnum, score in scores(searcher, lone, sorted(live))}
    assert by_text["李强，李明，李华。"] > by_text["李强，王明，赵华。"] > 0
    assert by_text["老李，老李，李华。"] == pytest.approx(by_text["李强，李明，李华。"])
    whoosh = {live[hit.docnum]: hit.score for hit in searcher.search(lone, limit=None)}
    assert whoosh == pytest.approx(by_text)


@pytest.fixture
def articles(db, search_index):
    """Articles whose bodies are random runs of a few characters; every third one in the first district.
    Returns ({pk: body}, the district's pks, the district)."""
    sync_districts()
    district = District.objects.order_by("position").first()
    bodies, in_district = {}, set()
    with changes_batched():
        for number, body in enumerate(random_texts(3, count=45)):
            issue, _ = Issue.objects.get_or_create(date=date(2020, 1 + number % 12, 1 + number % 28))
            page, _ = Page.objects.get_or_create(issue=issue, source_file="a.txt", defaults={"sha256": "0" * 64})
            districts = [district.name] if number % 3 == 0 else []
            article = create_article(page, number + 1, headline="简讯", body=body, districts=districts)
            bodies[article.pk] = body
            if districts:
                in_district.add(article.pk)
    return bodies, in_district, district


def found(q, **options):
    response = run_search(SearchRequest(q=q, per_page=100, **options))
    ids = [hit.article_id for hit in response.hits]
    assert response.total == len(ids) == len(set(ids)), q
    return set(ids)


def test_queries_with_lone_characters_find_exactly_the_chains_documents(articles):
    bodies, in_district, district = articles

    def having(*chars, without=""):
        return {pk for pk, body in bodies.items()
                if all(holds(body, char) for char in chars) and not (without and holds(body, without))}

    expected = {
        "李": having("李"),
        "李 强": having("李", "强"),
        "强 李": having("李", "强"),
        "李 -强": having("李", without="强"),
        "李 OR 国": having("李") | having("国"),
        '"中" 国': having("中", "国"),
        "李 中国": {pk for pk in having("李") if "中国" in folded(bodies[pk])},
    }
    for q, pks in expected.items():
        assert 0 < len(pks) < len(bodies), q
        assert found(q) == pks, q
    assert found("李", filters={"district": [district.slug]}) == having("李") & in_district
    assert found("李 强", sort="date_desc") == having("李", "强")
    assert found("李", scope="body") == having("李")
    assert found("简") == set(bodies) and found("简", scope="body") == set()
