"""A canonical copy of page text for pattern matching, character for character.

Pages mix ASCII and full-width forms (``本报讯(记者…)4月15日,``, ``１２月``). Output text
keeps what was printed; the stages that match patterns (datelines, credits, titles,
dates, people) read ``canonical(text)`` instead, where ASCII ``,:;?!()`` next to Chinese
text are full-width and full-width digits and letters are ASCII. Every replacement is one
character for one, so an offset found in the canonical copy slices the printed text.
"""
from __future__ import annotations

import re
from functools import lru_cache

CJK = r"\u3400-\u9fff\uf900-\ufaff"
CJK_CHAR = re.compile(f"[{CJK}]")
# Punctuation that marks Chinese context (and around which layout spaces carry no meaning).
CJK_PUNCT = "，。、；：？！“”‘’（）《》〈〉【】「」『』·…"
FULLWIDTH = {",": "，", ":": "：", ";": "；", "?": "？", "!": "！", "(": "（", ")": "）"}
_ASCII_PUNCT_CHARS = ",:;?!()"
_FULLWIDTH_ALNUM_CHARS = "\uff10-\uff19\uff21-\uff3a\uff41-\uff5a"
ASCII_PUNCT = re.compile(f"[{_ASCII_PUNCT_CHARS}]")
FULLWIDTH_ALNUM = re.compile(f"[{_FULLWIDTH_ALNUM_CHARS}]")
# Either: most texts have neither, and one scan tells.
CONVERTIBLE = re.compile(f"[{_ASCII_PUNCT_CHARS}{_FULLWIDTH_ALNUM_CHARS}]")
HALFWIDTH_ALNUM = {
    code: code - 0xFEE0 for code in (*range(0xFF10, 0xFF1A), *range(0xFF21, 0xFF3B), *range(0xFF41, 0xFF5B))
}


def _neighbour(text: str, i: int, step: int) -> str:
    """The first non-space character from ``i`` towards ``step``, or ''."""
    while 0 <= i < len(text) and text[i].isspace():
        i += step
    return text[i] if 0 <= i < len(text) else ""


def _chinese_context(ch: str) -> bool:
    return bool(ch) and (bool(CJK_CHAR.match(ch)) or ch in CJK_PUNCT)


# Lines and blocks up to this length are remembered (the stages of one block ask for the same copy many
# times); longer texts are converted each time, so the cache holds at most ``CACHED_TEXTS`` short strings.
CACHED_CHARS = 200
CACHED_TEXTS = 4096


def canonical(text: str) -> str:
    """``text`` with full-width punctuation in Chinese context and ASCII digits/letters; same length."""
    return _canonical_short(text) if len(text) <= CACHED_CHARS else _canonical(text)


def _canonical(text: str) -> str:
    if not CONVERTIBLE.search(text):
        return text
    if FULLWIDTH_ALNUM.search(text):
        text = text.translate(HALFWIDTH_ALNUM)
    if not ASCII_PUNCT.search(text):
        return text
    chars = list(text)
    for match in ASCII_PUNCT.finditer(text):
        i = match.start()
        before = _neighbour(text, i - 1, -1)
        after = _neighbour(text, i + 1, +1)
        if _chinese_context(before) or _chinese_context(after):
            chars[i] = FULLWIDTH[match.group()]
    return "".join(chars)


_canonical_short = lru_cache(maxsize=CACHED_TEXTS)(_canonical)
