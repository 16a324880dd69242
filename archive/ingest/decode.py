"""Page files as bytes → page text, or a clear refusal.

A page file is the text a PDF extractor wrote: UTF-8 (with or without BOM) or
GBK/GB18030, which older Windows tools still produce. Strict UTF-8 is tried
first because it almost never decodes non-UTF-8 by accident; GB18030 decodes
nearly any byte string, so its result is accepted only when it reads like
Chinese: real text draws ~99.5% of its Han characters from GB2312's 3,755
most frequent ones, mis-decoded Latin-1 or binary well under 60%. Everything else is
refused with ``PageDecodeError``, whose message is meant for editors.
"""
from __future__ import annotations

import codecs
import re
import unicodedata
from dataclasses import dataclass

HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
ALLOWED_CONTROLS = frozenset("\n\t\f")
# Most control characters a text file may hold before it is taken for binary data.
MAX_CONTROL_SHARE = 0.01
# Least share of Han characters that must be frequent ones (GB2312 level 1) for a GB18030 reading to be believed.
MIN_COMMON_HAN_SHARE = 0.8
GB2312_LEVEL1_LEAD_BYTES = range(0xB0, 0xD8)


class PageDecodeError(ValueError):
    """The bytes are not a usable page text; ``str(error)`` explains why, in Chinese."""


@dataclass(frozen=True)
class DecodedPage:
    """A page's text with newlines normalized to ``\\n``, and the encoding it was read with."""

    text: str
    encoding: str


def decode_page(data: bytes | str, *, max_bytes: int | None = None) -> DecodedPage:
    """Decode and check one page file; raises ``PageDecodeError`` if it is not page text.

    ``data`` may already be text (then only normalized and checked);
    ``max_bytes`` refuses larger files before any decoding.
    """
    if isinstance(data, str):
        return DecodedPage(check_page_text(data), "text")
    if max_bytes is not None and len(data) > max_bytes:
        raise PageDecodeError(f"文件过大（{len(data):,} 字节），上限为 {max_bytes:,} 字节。")
    if not data:
        raise PageDecodeError("文件为空。")
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        raise PageDecodeError("文件是 UTF-16 编码，暂不支持；请另存为 UTF-8 或 GBK 后再导入。")
    if b"\x00" in data:
        raise PageDecodeError("文件含有二进制数据（空字节），不是文本文件。")
    text, encoding = _decode_bytes(data)
    return DecodedPage(check_page_text(text), encoding)


def check_page_text(text: str) -> str:
    """Normalize newlines and refuse text that cannot be a newspaper page; returns the normalized text."""
    text = text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise PageDecodeError("文件没有内容（只有空白字符）。")
    controls = sum(1 for ch in text if unicodedata.category(ch) == "Cc" and ch not in ALLOWED_CONTROLS)
    if controls > max(1, len(text) * MAX_CONTROL_SHARE):
        raise PageDecodeError("文件含有大量控制字符，像是二进制文件而不是文本。")
    if not HAN.search(text):
        raise PageDecodeError("文件中没有汉字，不像是报纸版面的文本。")
    return text


def _decode_bytes(data: bytes) -> tuple[str, str]:
    if data.startswith(codecs.BOM_UTF8):
        try:
            return data[len(codecs.BOM_UTF8) :].decode("utf-8"), "utf-8-sig"
        except UnicodeDecodeError as error:
            raise PageDecodeError(
                f"文件以 UTF-8 标记开头，但第 {error.start} 字节处不是有效的 UTF-8。"
            ) from error
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        text = data.decode("gb18030")
    except UnicodeDecodeError as error:
        raise PageDecodeError(
            f"无法识别文件编码：既不是 UTF-8，也不是 GBK/GB18030（第 {error.start} 字节处出错）。"
        ) from error
    if not _reads_like_chinese(text):
        raise PageDecodeError("无法识别文件编码：按 GBK/GB18030 解码后是乱码，请确认文件是 UTF-8 或 GBK 编码的文本。")
    return text, "gb18030"


def _reads_like_chinese(text: str) -> bool:
    """Whether a GB18030 reading is plausible: enough of its Han characters are frequent ones."""
    han = HAN.findall(text)
    common = sum(1 for ch in han if _is_frequent_han(ch))
    return bool(han) and common >= len(han) * MIN_COMMON_HAN_SHARE


def _is_frequent_han(ch: str) -> bool:
    try:
        return ch.encode("gb2312")[0] in GB2312_LEVEL1_LEAD_BYTES
    except UnicodeEncodeError:
        return False
