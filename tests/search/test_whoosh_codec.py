"""The compact codec reads back exactly what Whoosh's own codec writes: statistics, postings and scores."""
import random

import pytest
from whoosh import index
from whoosh.codec.whoosh3 import W3Codec
from whoosh.fields import ID, KEYWORD, NUMERIC, Schema

from search import analysis, whoosh_match
from search.whoosh_codec import _ENTRY_READ_AHEAD, CompactCodec, CompactTermInfo
from search.whoosh_match import ChainText
from search.whoosh_storage import FileRange
from search.whoosh_writer import PooledSegmentWriter
from tests.search.conftest import seed_text


def build(path, codec, texts):
    schema = Schema(key=ID(stored=True), body=ChainText(analysis.analyzer()),
                    title=ChainText(analysis.analyzer(), field_boost=1.5))
    path.mkdir(exist_ok=True)
    ix = index.create_in(str(path), schema)
    with ix.writer(codec=codec) as writer:
        for i, text in enumerate(texts):
            writer.add_document(key=str(i), body=text, title=text[:6])
    return ix.reader()


def postings(reader, fieldname, text):
    matcher = reader.postings(fieldname, text)
    found = []
    while matcher.is_active():
        found.append((matcher.id(), matcher.weight(), matcher.value() if fieldname != "key" else None))
        matcher.next()
    return found


def test_compact_segments_read_back_what_whoosh_writes(tmp_path):
    rng = random.Random(3)
    common = "会议记录天气晴朗交通规划城乡建设"
    texts = [common[: rng.randint(2, len(common))] * rng.randint(1, 3) + f"编号{i}号" for i in range(300)]
    plain = build(tmp_path / "plain", W3Codec(), texts)
    compact = build(tmp_path / "compact", CompactCodec(), texts)
    terms = list(plain.all_terms())
    assert terms == list(compact.all_terms())
    inlined = blocks = 0
    for fieldname, text in terms:
        expected, got = plain.term_info(fieldname, text), compact.term_info(fieldname, text)
        assert isinstance(got, CompactTermInfo)
        for statistic in ("weight", "doc_frequency", "min_length", "max_length", "max_weight", "min_id", "max_id"):
            assert getattr(got, statistic)() == getattr(expected, statistic)(), (fieldname, text, statistic)
        assert compact.doc_frequency(fieldname, text) == plain.doc_frequency(fieldname, text)
        assert compact.frequency(fieldname, text) == plain.frequency(fieldname, text)
        assert postings(compact, fieldname, text) == postings(plain, fieldname, text)
        inlined += got.is_inlined()
        blocks += got.doc_frequency() > 128
    assert inlined > 100 and blocks > 5
    assert compact.doc_frequency("body", "无此") == plain.doc_frequency("body", "无此") == 0
    assert list(compact.lexicon("body")) == list(plain.lexicon("body"))


def test_float_weights_survive(tmp_path):
    texts = ["会议" * n for n in range(1, 6)]
    compact = build(tmp_path, CompactCodec(), texts)
    info = compact.term_info("title", "会议")
    assert info.max_weight() == 1.5 * max(min(n, 3) for n in range(1, 6))
    assert [posting[:2] for posting in postings(compact, "title", "会议")] == [
        (n - 1, 1.5 * min(n, 3)) for n in range(1, 6)]



def test_merged_compact_segments_keep_every_posting(tmp_path):
    texts = [f"第{i}次会议记录" + "交通规划" * (i % 3) for i in range(200)]
    plain = build(tmp_path / "plain", W3Codec(), texts)
    merged = build(tmp_path / "merged", CompactCodec(), texts[:120])
    ix = index.open_dir(str(tmp_path / "merged"))
    with ix.writer(codec=CompactCodec()) as writer:
        for i, text in enumerate(texts[120:], 120):
            writer.add_document(key=str(i), body=text, title=text[:6])
    assert len(ix._segments()) == 2
    with ix.writer(codec=CompactCodec()) as writer:
        writer.optimize = True
    merged = ix.reader()
    assert merged.is_atomic()
    terms = list(plain.all_terms())
    assert terms == list(merged.all_terms())
    for fieldname, text in terms:
        assert postings(merged, fieldname, text) == postings(plain, fieldname, text)


def test_pooled_writer_and_its_children_write_what_whoosh_writes(tmp_path):
    """``PooledSegmentWriter`` (term pool, postings written a term at a time, shares in forked children)
    against Whoosh's own writer with the same codec: same terms, statistics, postings, lengths and columns."""
    rng = random.Random(5)
    common = seed_text("000_aa96861d60fbaec3.txt")[:4000]
    texts = [common[rng.randint(0, 3000):][: rng.randint(2, 900)] + f"编号{i}号" for i in range(400)]
    plain = build(tmp_path / "plain", CompactCodec(), texts)
    schema = plain.schema
    (tmp_path / "pooled").mkdir()
    ix = index.create_in(str(tmp_path / "pooled"), schema)
    documents = [{"key": str(i), "body": text, "title": text[:6]} for i, text in enumerate(texts)]
    writer = PooledSegmentWriter(ix, codec=CompactCodec())
    writer.add_in_child(documents[:150])
    writer.add_in_child(documents[150:300])
    for fields in documents[300:]:
        writer.add_document(**fields)
    writer.commit()
    pooled = ix.reader()
    assert len(pooled.leaf_readers()) == 3
    assert sorted(pooled.all_terms()) == sorted(plain.all_terms())
    by_key = {}
    for reader in pooled, plain:
        keys = [int(fields["key"]) for fields in reader.all_stored_fields()]
        by_key[reader] = {docnum: keys[docnum] for docnum in range(len(keys))}
    for fieldname, text in plain.all_terms():
        expected, got = plain.term_info(fieldname, text), pooled.term_info(fieldname, text)
        for statistic in ("weight", "doc_frequency", "min_length", "max_length", "max_weight"):
            assert getattr(got, statistic)() == getattr(expected, statistic)(), (fieldname, text, statistic)
        mine = sorted((by_key[pooled][docnum], *rest) for docnum, *rest in postings(pooled, fieldname, text))
        theirs = sorted((by_key[plain][docnum], *rest) for docnum, *rest in postings(plain, fieldname, text))
        assert mine == theirs, (fieldname, text)
    for reader in pooled, plain:
        by_key[reader] = {by_key[reader][docnum]: (reader.doc_field_length(docnum, "body"),
                                                   reader.column_reader("body", translate=False)[docnum])
                          for docnum in range(reader.doc_count())}
    assert by_key[pooled] == by_key[plain]


def test_a_document_boosting_a_counted_field_is_pooled_as_whoosh_pools_it(tmp_path):
    """A boosted field's postings go through the general pool; the rest of that field's terms join them."""
    documents = [{"key": str(i), "body": f"第{i}次会议记录会议", **({"_body_boost": 2.0} if i == 3 else {})}
                 for i in range(8)]
    written = {}
    for name in ("plain", "pooled"):
        (tmp_path / name).mkdir()
        ix = index.create_in(str(tmp_path / name), Schema(key=ID(stored=True), body=ChainText(analysis.analyzer())))
        writer = ix.writer(codec=CompactCodec()) if name == "plain" else PooledSegmentWriter(ix, codec=CompactCodec())
        for fields in documents:
            writer.add_document(**fields)
        writer.commit()
        reader = ix.reader()
        written[name] = {term: postings(reader, *term) for term in reader.all_terms()}
    assert written["pooled"] == written["plain"]
    assert (3, 4.0, b"\x00\x00\x00\x02") in written["plain"][("body", "会议".encode())]


def test_a_failing_child_writer_fails_the_commit_and_leaves_the_index_as_it_was(tmp_path):
    ix = index.create_in(str(tmp_path), build(tmp_path / "plain", CompactCodec(), ["焦作"]).schema)
    writer = PooledSegmentWriter(ix, codec=CompactCodec())
    writer.add_in_child([{"key": "1", "body": "焦作日报"}, {"nosuchfield": "x"}])
    writer.add_document(key="2", body="会议")
    with pytest.raises(RuntimeError, match="nosuchfield"):
        writer.commit()
    assert ix.doc_count() == 0
    with ix.writer(codec=CompactCodec()) as again:
        again.add_document(key="3", body="会议")
    assert ix.doc_count() == 1


def test_repeated_values_of_other_fields_are_indexed_for_every_document(tmp_path):
    """``PooledSegmentWriter`` remembers a keyword or identifier field's terms per value; every document
    still gets its postings, as Whoosh's writer gives them."""
    schema = Schema(key=ID(stored=True), day=NUMERIC(numtype=int, stored=True),
                    tags=KEYWORD(commas=True, scorable=True), body=ChainText(analysis.analyzer()))
    documents = [{"key": str(i), "day": 20240100 + i % 3, "tags": ["甲,乙", "乙", "丙,甲"][i % 3], "body": "会议"}
                 for i in range(9)]
    written = {}
    for name in ("plain", "pooled"):
        (tmp_path / name).mkdir()
        ix = index.create_in(str(tmp_path / name), schema)
        writer = ix.writer(codec=CompactCodec()) if name == "plain" else PooledSegmentWriter(ix, codec=CompactCodec())
        for fields in documents:
            writer.add_document(**fields)
        writer.commit()
        reader = ix.reader()
        written[name] = {term: postings(reader, *term) for term in reader.all_terms() if term[0] != "body"}
    assert written["pooled"] == written["plain"]
    assert [docnum for docnum, *_ in written["plain"][("tags", "甲".encode())]] == [0, 2, 3, 5, 6, 8]


def test_short_postings_blocks_are_written_uncompressed_and_read_back_alike(tmp_path):
    """The pooled writer leaves a block under ``MIN_COMPRESSED_BLOCK`` bytes uncompressed, compresses longer
    ones, and every term reads back as Whoosh's writer (all blocks compressed) wrote it."""
    texts = [f"第{i % 150}次会议" + "交通规划" * (i % 4) + ("城乡建设" if i % 5 else "") for i in range(300)]
    plain = build(tmp_path / "plain", CompactCodec(), texts)
    (tmp_path / "pooled").mkdir()
    ix = index.create_in(str(tmp_path / "pooled"), plain.schema)
    writer = PooledSegmentWriter(ix, codec=CompactCodec())
    for i, text in enumerate(texts):
        writer.add_document(key=str(i), body=text, title=text[:6])
    writer.commit()
    pooled = ix.reader()
    compressions = set()
    for fieldname, text in plain.all_terms():
        assert postings(pooled, fieldname, text) == postings(plain, fieldname, text), (fieldname, text)
        info = pooled.term_info(fieldname, text)
        if fieldname == "body" and not info.is_inlined():
            data = pooled.leaf_readers()[0][0]._terms._postfile.get(info._offset, info._length)
            compressions.update(compression for _, _, compression, _, _ in whoosh_match._block_headers(data))
    assert compressions == {0, 3}


@pytest.mark.parametrize("compound", [True, False], ids=["segment file read with pread", "plain term file"])
def test_term_entries_are_found_as_whoosh_hash_reader_finds_them(tmp_path, compound):
    """``CompactTermsReader.entry`` against Whoosh's ``HashReader`` on every key of a term table (values longer
    than its read-ahead among them) and on keys the table lacks."""
    rng = random.Random(11)
    common = "会议记录天气晴朗交通规划城乡建设"
    texts = [common[rng.randint(0, 8):][: rng.randint(2, 12)] * rng.randint(1, 4) + f"编号{i}号" for i in range(600)]
    (tmp_path / "ix").mkdir()
    ix = index.create_in(str(tmp_path / "ix"), build(tmp_path / "schema", CompactCodec(), texts[:1]).schema)
    with ix.writer(codec=CompactCodec(), compound=compound) as writer:
        for i, text in enumerate(texts):
            writer.add_document(key=str(i), body=text, title=text[:6])
    reader = ix.reader()
    terms = reader._terms
    assert isinstance(getattr(terms._read, "__self__", None), FileRange) == compound
    table = terms._tindex
    entries = list(table.items())
    assert len(entries) > 1000
    assert any(len(value) > _ENTRY_READ_AHEAD for _, value in entries)
    for key, value in entries:
        assert terms.entry(key) == value, key
    absent = [key + b"\0" for key, _ in entries[::5]]
    absent += [bytes(rng.randrange(256) for _ in range(6)) for _ in range(500)]
    for key in absent:
        assert key not in table and terms.entry(key) is None, key
