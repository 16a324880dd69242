"""Page files in every accepted encoding decode to the same text; anything else is refused in Chinese."""
import time
from pathlib import Path

import pytest

from archive.ingest.decode import PageDecodeError, decode_page

SEED = Path(__file__).resolve().parent.parent / "seeds" / "000_aa96861d60fbaec3.txt"
TEXT = SEED.read_text(encoding="utf-8").replace("\r\n", "\n")


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (TEXT.encode("utf-8"), "utf-8"),
        (b"\xef\xbb\xbf" + TEXT.encode("utf-8"), "utf-8-sig"),
        (TEXT.encode("gbk"), "gb18030"),
        (TEXT.encode("gb18030"), "gb18030"),
    ],
    ids=["utf-8", "utf-8-bom", "gbk", "gb18030"],
)
def test_accepted_encodings_give_the_same_text(data, encoding):
    decoded = decode_page(data)
    assert decoded.text == TEXT
    assert decoded.encoding == encoding


def test_gb18030_only_characters_survive():
    text = TEXT + "\n㐀字与𠀀字只有 GB18030 能编码。\n"
    with pytest.raises(UnicodeEncodeError):
        text.encode("gbk")
    assert decode_page(text.encode("gb18030")).text == text


@pytest.mark.parametrize("newline", ["\r\n", "\r"])
def test_newlines_are_normalized(newline):
    decoded = decode_page(TEXT.replace("\n", newline).encode("utf-8"))
    assert decoded.text == TEXT
    assert "\r" not in decoded.text


def test_text_input_is_checked_and_normalized():
    assert decode_page("\ufeff第一行\r\n第二行").text == "第一行\n第二行"
    with pytest.raises(PageDecodeError):
        decode_page("   \n")


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "为空"),
        (b" \n\t\r\n  ", "空白"),
        (" \u3000\n".encode(), "空白"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00", "二进制"),
        ("本报讯".encode() + bytes(range(1, 9)) * 20, "控制字符"),
        ("本报讯".encode("utf-16"), "UTF-16"),
        (b"Plain ASCII text about nothing in particular.\n", "没有汉字"),
        ("Café crème brûlée, déjà vu à la française".encode("latin-1"), "编码"),
        ("ÀÉÈÊËÎÏÔÖÛÜÇàéèêëîïôöûüç".encode("latin-1"), "编码"),
        (b"\xef\xbb\xbf" + TEXT.encode("gbk"), "UTF-8"),
    ],
    ids=["empty", "whitespace", "cjk-whitespace", "png", "controls", "utf-16", "ascii", "latin-1", "latin-1-pairs",
         "bom-then-gbk"],
)
def test_refusals_say_why_in_chinese(data, message):
    with pytest.raises(PageDecodeError, match=message):
        decode_page(data)


def test_latin1_pairs_that_gb18030_accepts_are_still_refused():
    data = "ÀÉÈÊËÎÏÔÖÛÜÇàéèêëîïôöûüç".encode("latin-1")
    data.decode("gb18030")  # decodes without error: only the plausibility check can refuse it
    with pytest.raises(PageDecodeError, match="乱码"):
        decode_page(data)


def test_huge_file_is_refused_before_decoding_and_a_large_one_decodes_quickly():
    data = TEXT.encode("gbk") * 80
    with pytest.raises(PageDecodeError, match="过大"):
        decode_page(data, max_bytes=len(data) - 1)
    started = time.perf_counter()
    decoded = decode_page(data, max_bytes=len(data))
    assert decoded.text == TEXT * 80
    assert time.perf_counter() - started < 10
