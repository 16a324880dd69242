"""A block without any of classify's reader signs is read as title or body text without trying the other
readers: on such blocks, every reader together gives the same kind as that short reading."""
from hypothesis import given, settings
from hypothesis import strategies as st

from archive.ingest.blocks import READER_SIGNS, Block, Kind, _classify_marked, _stray, classify, column_label
from archive.ingest.canonical import canonical
from archive.ingest.normalize import join_lines
from tests.goldcompare import ROOT
from tests.ingest.hostile_pages import UNITS

PAGES = sorted([*(ROOT / "seeds").glob("*.txt"), *(ROOT / "tests" / "data").rglob("*.txt")])
# Every character of the pages and hostile units but the signs: headline and body text, punctuation,
# brackets, bullets, Latin letters and the other characters the readers look at.
UNSIGNED = sorted(
    ch
    for ch in {ch for page in PAGES for ch in page.read_text(encoding="utf-8")} | set("".join(UNITS))
    if ch not in "\r\n" and not READER_SIGNS.match(ch)
)
line = st.text(alphabet=st.sampled_from(UNSIGNED), min_size=1, max_size=50)


def every_reader(lines: list[str]) -> Block:
    text = join_lines(lines)
    key = canonical(text)
    if column_label(key) or _stray(key):
        return Block(Kind.SKIP, lines)
    return _classify_marked(lines, text, key)


@settings(max_examples=500, deadline=None, database=None)
@given(st.lists(line, min_size=1, max_size=5))
def test_a_block_without_signs_reads_as_every_reader_reads_it(lines):
    assert not READER_SIGNS.search(join_lines(lines))
    assert classify(lines) == every_reader(lines)


def test_signless_lines_of_the_pages_read_as_every_reader_reads_them():
    """Each line of the pages with its signs replaced: real headlines and sentences, a few of them titles."""
    kinds = set()
    for page in PAGES:
        for raw in page.read_text(encoding="utf-8").splitlines():
            lines = [READER_SIGNS.sub("中", raw.strip())] if raw.strip() else []
            if lines:
                block = classify(lines)
                assert block == every_reader(lines), lines
                kinds.add(block.kind)
    assert {Kind.TITLE, Kind.BODY} <= kinds


# Blocks each with one sign only, one per reader: a sign missing from READER_SIGNS reads its block as title or body.
ONE_SIGN = [
    (["详见第三版"], Kind.TEASER),
    (["图为新区召开会议现场"], Kind.CAPTION),
    (["河南日报讯 新区召开会议"], Kind.DATELINE),
    (["新华社电 新区召开会议"], Kind.DATELINE),
    (["新区召开会议现场。李明 摄"], Kind.CAPTION),
    (["（林晓）"], Kind.CLOSING_BYLINE),
    (["编者按 新区召开会议"], Kind.EDITOR_NOTE),
    (["新区热线 13912345678"], Kind.AD),
    (["联系人：王先生"], Kind.AD),
    (["新区\t会议"], Kind.TABLE),
    (["新区召开会议扫码阅读", "全市推进工作扫码阅读"], Kind.TABLE),
    (["记者 林晓"], Kind.FEATURE_BYLINE),
    (["（上接第一版）"], Kind.SKIP),
]


def test_a_sign_sends_a_block_to_its_reader():
    for lines, kind in ONE_SIGN:
        assert classify(lines).kind is kind, lines
