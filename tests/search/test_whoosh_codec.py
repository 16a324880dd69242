"""The compact codec reads back exactly what Whoosh's own codec writes: statistics, postings and scores."""
import random

from whoosh import index
from whoosh.codec.whoosh3 import W3Codec
from whoosh.fields import ID, Schema

from search import analysis
from search.whoosh_codec import CompactCodec, CompactTermInfo
from search.whoosh_match import ChainText


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
