"""Sentences of a normalized article body, for the stages that read text clause by clause.

Paragraph breaks in PDF text also fall inside sentences (a column ends mid-sentence:
"…二级调研员朱孝恒\\n莅会指导"), so a break only ends a sentence after sentence-ending
punctuation; otherwise the two lines are joined.
"""
from __future__ import annotations

import re

SENTENCE_END = "。！？；;!?"
CLOSERS = "”’」』）)》"
MID_SENTENCE_BREAK = re.compile(rf"(?<![{SENTENCE_END}{CLOSERS}：:])\n+")
SENTENCE = re.compile(rf"[^{SENTENCE_END}\n]+(?:[{SENTENCE_END}]+[{CLOSERS}]*)?")


def sentences(text: str, join_breaks: bool = True) -> list[str]:
    """The sentences of ``text`` in order, each with its closing punctuation.

    With ``join_breaks`` a line break without sentence-ending punctuation before it is
    read as a layout break inside the sentence; without, every line break ends one.
    """
    flowing = MID_SENTENCE_BREAK.sub("", text) if join_breaks else text
    return [match.group().strip() for match in SENTENCE.finditer(flowing) if match.group().strip()]
