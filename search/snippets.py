"""Snippets: the article text around the first match, HTML-escaped, matches wrapped in <mark>.

Matches are found with ``search.analysis.phrase_pattern``, so what is marked is
exactly what the index matched (a Chinese word inside a longer run, layout
spaces skipped), never a stemming analyser's guess.
"""
from __future__ import annotations

import re
from functools import lru_cache
from html import escape

from search.analysis import normalize, phrase_pattern

SNIPPET_CHARS = 160
LEAD_CHARS = 30


@lru_cache(maxsize=256)
def _patterns(pieces: tuple[str, ...]) -> tuple[re.Pattern, ...]:
    """``phrase_pattern`` of each piece that has one: a page marks the same pieces in every hit."""
    return tuple(pattern for pattern in map(phrase_pattern, pieces) if pattern is not None)


def match_spans(text: str, pieces: list[str]) -> list[tuple[int, int]]:
    """Merged [start, end) spans of ``text`` where any piece matches."""
    normalized = normalize(text)
    spans = []
    for pattern in _patterns(tuple(pieces)):
        spans.extend(match.span() for match in pattern.finditer(normalized) if match.end() > match.start())
    merged: list[list[int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    return [(start, end) for start, end in merged]


def mark(text: str, spans: list[tuple[int, int]], start: int = 0, end: int | None = None) -> str:
    """``text[start:end]`` escaped, with the spans inside it wrapped in <mark>."""
    end = len(text) if end is None else end
    out, cursor = [], start
    for span_start, span_end in spans:
        span_start, span_end = max(span_start, start), min(span_end, end)
        if span_start >= span_end:
            continue
        out.append(escape(text[cursor:span_start]))
        out.append(f"<mark>{escape(text[span_start:span_end])}</mark>")
        cursor = span_end
    out.append(escape(text[cursor:end]))
    return "".join(out)


def highlight(text: str, pieces: list[str]) -> str:
    """All of ``text`` with matches marked (for headlines)."""
    return mark(text, match_spans(text, pieces))


def snippet(text: str, pieces: list[str], size: int = SNIPPET_CHARS) -> str:
    """About ``size`` characters of ``text`` from a little before its first match (or its start)."""
    spans = match_spans(text, pieces)
    start = max(0, spans[0][0] - LEAD_CHARS) if spans else 0
    end = min(len(text), start + size)
    start = max(0, min(start, end - size))
    return ("…" if start else "") + mark(text, spans, start, end) + ("…" if end < len(text) else "")
