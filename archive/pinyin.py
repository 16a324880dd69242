"""Names in pinyin, and people-list queries folded to what the stored names and pinyin use.

A reader may type a name in pinyin (zhaojianguo, "zhao jianguo"), as initials (zjg) or in
traditional characters (趙建國); ``Person`` stores ``name_pinyin(name)`` so each of these is
one indexed prefix match, and ``folded_query`` turns what was typed into the stored forms.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

import opencc

# What a pinyin query may contain besides letters: syllable separators and tone-less ü spellings.
PINYIN_QUERY = re.compile(r"[a-zü:'’\s-]+")
PINYIN_NOISE = re.compile(r"[\s'’-]+")


def name_pinyin(name: str) -> tuple[str, str]:
    """(full pinyin without tones or spaces, initials) of ``name``: 赵建国 → ("zhaojianguo", "zjg").

    ü is spelled v (lü → lv), as pinyin keyboards do; characters without pinyin are kept as they are.
    pypinyin is imported here, not with the models: loading its dictionaries takes ~0.3 s, which
    only imports and people edits need to pay.
    """
    from pypinyin import Style, lazy_pinyin

    syllables = [s.lower() for s in lazy_pinyin(name, style=Style.NORMAL, v_to_u=False) if s.strip()]
    initials = [s[0] for s in lazy_pinyin(name, style=Style.FIRST_LETTER) if s.strip()]
    return "".join(syllables), "".join(initials).lower()


@cache
def _to_simplified():
    return opencc.OpenCC("t2s")


def simplified(text: str) -> str:
    """``text`` in simplified characters (the paper's): 趙建國 → 赵建国."""
    return _to_simplified().convert(text)


@dataclass
class FoldedQuery:
    """A people-list query in the forms stored: ``name`` in simplified characters, or ``pinyin`` (letters only)."""

    name: str = ""
    pinyin: str = ""


def folded_query(text: str) -> FoldedQuery:
    """What the reader typed, folded: letters (with spaces, apostrophes, ü) are pinyin, anything else
    a name in simplified characters."""
    text = text.strip()
    if not text:
        return FoldedQuery()
    lowered = text.lower()
    if PINYIN_QUERY.fullmatch(lowered):
        return FoldedQuery(pinyin=PINYIN_NOISE.sub("", lowered).replace("ü", "v").replace("u:", "v"))
    return FoldedQuery(name=simplified(text))
