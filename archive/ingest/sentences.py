"""Sentences of a normalized article body, for the stages that read text clause by clause.

Paragraph breaks in PDF text also fall inside sentences (a column ends mid-sentence:
"…二级调研员朱孝恒\\n莅会指导"), so a break only ends a sentence after sentence-ending
punctuation; otherwise the two lines are joined. Some pages print ASCII punctuation
in Chinese text ("4月15日,…会议要求:…"); a "." between Chinese words ends a sentence
like "。", while one between digits stays a decimal point.
"""
from __future__ import annotations

import re
from functools import lru_cache

SENTENCE_END = "。！？；;!?"
CLOSERS = "”’」』）)》"
CJK = r"\u4e00-\u9fff"
ASCII_FULL_STOP = re.compile(rf"(?<=[{CJK}{CLOSERS}])\.(?=[{CJK}“‘「（(]|\s|$)")
MID_SENTENCE_BREAK = re.compile(rf"(?<![{SENTENCE_END}{CLOSERS}：:])\n+")
# Longer than any sentence printed (they stay under 200 characters): a run of text without sentence-ending
# punctuation is read in pieces of this length, so stages that search a sentence take bounded time per piece.
MAX_SENTENCE_CHARS = 500
SENTENCE = re.compile(rf"[^{SENTENCE_END}\n]{{1,{MAX_SENTENCE_CHARS}}}(?:[{SENTENCE_END}]+[{CLOSERS}]*)?")


def sentences(text: str, join_breaks: bool = True) -> list[str]:
    """The sentences of ``text`` in order, each with its closing punctuation.

    With ``join_breaks`` a line break without sentence-ending punctuation before it is
    read as a layout break inside the sentence; without, every line break ends one.
    An ASCII full stop is returned as "。". A sentence longer than ``MAX_SENTENCE_CHARS`` is cut.
    """
    return list(_sentences(text, join_breaks))


@lru_cache(maxsize=4)
def _sentences(text: str, join_breaks: bool) -> tuple[str, ...]:
    """``sentences``, found once for the few texts read last: the date and meeting stages of an article each
    read its body's sentences, several times."""
    text = ASCII_FULL_STOP.sub("。", text)
    flowing = MID_SENTENCE_BREAK.sub("", text) if join_breaks else text
    return tuple(match.group().strip() for match in SENTENCE.finditer(flowing) if match.group().strip())
