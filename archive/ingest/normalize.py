"""Layout clean-up of PDF-extracted page text: blocks of clean lines, ready to segment.

What the extractor leaves behind and what we do about it:

- letter-spacing and stray layout spaces (``会 上 ， 市 规 划 局``, ``7 月``, ``（记 者付凯明``)
  are removed; a space between two multi-character Chinese phrases is kept, because
  headlines separate their phrases that way (``发挥规划龙头作用 提升城市发展水平``);
- characters stay as printed (ASCII ``4月15日,`` and full-width ``１２月`` alike): layout
  decisions read the 1:1 ``canonical`` copy, so output text is faithful to the page;
- a line printed twice (``让乡村净起来…让乡村净起来…``) is kept once, and a block that
  repeats an earlier one verbatim is dropped;
- blank lines separate blocks, but a block that stops mid-sentence followed by one that
  carries on the sentence is a column break, and the two are joined (up to ``MAX_JOINED_BLOCKS``);
- a dateline sharing a line with the previous headline starts a block of its own.

Lines inside a block stay separate (segmenting needs them); ``join_lines`` and
``paragraphs`` glue them without spaces.
"""
from __future__ import annotations

import re

from archive.ingest.byline import parse_feature_byline
from archive.ingest.canonical import CJK_CHAR, CJK_PUNCT, canonical
from archive.ingest.markers import (
    DATELINE,
    DATELINE_IN_LINE,
    ENUMERATOR,
    ends_sentence,
    has_end_marker,
    photo_credit,
)

ZERO_WIDTH = re.compile("[\u200b\u200c\u200d\u2060\ufeff]")
WHITESPACE = re.compile(r"\s+")
SPACE_RUN = re.compile(r"[ \u3000\u00a0\t]+")
SEPARATOR_LINE = re.compile(r"^[-\s]+$")
# Only lines with Latin letters are joined with a space (``_glue``).
LATIN_LETTER = re.compile("[A-Za-z]")
BODY_PUNCT = re.compile("[，。；！？]")
OPENING_START = re.compile(r"^(本报讯|本报\s*[（(]|本报记者|本报评论员|编者按)")
# How a photo caption opens: the day of the scene, 图为, or an arrow pointing at the photo.
CAPTION_START = re.compile(r"^(?:\d{1,2}\s*月\s*\d{1,2}\s*日|图为|昨日|昨天|近日|日前|当日|[⬅➡←→↑↓▲])")
MIN_DUPLICATE_CHARS = 30
MIN_BODY_CHARS = 16
MIN_OPEN_CHARS = 6
# Lines at least this long are typeset across the page, not in a narrow column.
WIDE_LINE = 40
# A paragraph continued over this many columns is not a page's: no more are joined to it. Judging a column
# break reads the whole text joined so far, so without a bound a page of thousands of unfinished
# blocks would take time quadratic in its length.
MAX_JOINED_BLOCKS = 32


def _is_cjk(ch: str) -> bool:
    return bool(ch) and bool(CJK_CHAR.match(ch))


def _space_kept(left: str, right: str) -> bool:
    """Whether the layout space between ``left`` and ``right`` separates two Chinese phrases.

    Only the two characters on either side of the space decide, so ``left`` may be just the
    end of the text before it.
    """
    a, b = left[-1:], right[:1]
    if "—" in (a, b):
        return True
    if not a or not b or a in CJK_PUNCT or b in CJK_PUNCT:
        return False
    if _is_cjk(a) and _is_cjk(b):
        return _is_cjk(left[-2:-1]) and _is_cjk(right[1:2])
    return not (_is_cjk(a) or _is_cjk(b))


def clean_line(line: str) -> str:
    """One line as printed, without layout spaces; tabs (table cells) are kept, a kept space is one space.

    Spaces are judged on the canonical copy, so ``记者林晓) 4月`` loses its space like ``记者林晓）4月``.
    """
    line = ZERO_WIDTH.sub("", line).strip()
    if not SPACE_RUN.search(line):
        return undouble(line)
    pieces, keys = SPACE_RUN.split(line), SPACE_RUN.split(canonical(line))
    out, key_end = [pieces[0]], keys[0][-2:]
    for gap, right, right_key in zip(SPACE_RUN.findall(line), pieces[1:], keys[1:], strict=True):
        sep = "\t" if "\t" in gap else " " if _space_kept(key_end, right_key) else ""
        out += (sep, right)
        key_end = (key_end + sep + right_key)[-2:]
    return undouble("".join(out))


def undouble(line: str) -> str:
    """A line the extractor printed twice in a row, once."""
    if len(line) < 8:
        return line
    squeezed = line.replace(" ", "")
    half = len(squeezed) // 2
    if half >= 4 and len(squeezed) % 2 == 0 and squeezed[:half] == squeezed[half:]:
        return squeezed[:half]
    return line


def _glue(text: str, line: str) -> str:
    """What goes between ``text`` and the next wrapped line: a space only between two Latin words."""
    latin = text[-1:].isascii() and text[-1:].isalpha() and line[:1].isascii() and line[:1].isalpha()
    return " " if latin else ""


def _glued(lines: list[str]) -> list[tuple[str, str]]:
    """Each line with what goes before it when the lines are joined (``_glue`` of the text so far)."""
    glued = []
    last = ""
    for line in lines:
        glued.append((_glue(last, line), line))
        last = line[-1:] or last
    return glued


def join_lines(lines: list[str]) -> str:
    """Hard-wrapped lines glued back together (a space only between two Latin words)."""
    if len(lines) == 1:
        return lines[0]
    text = "".join(lines)
    if not LATIN_LETTER.search(text):
        return text
    return "".join(glue + line for glue, line in _glued(lines))


def lines_from(lines: list[str], offset: int) -> list[str]:
    """The lines (cut where needed) that make up ``join_lines(lines)[offset:]``, so text after
    an opening keeps its line breaks for ``paragraphs``."""
    length = 0
    kept: list[str] = []
    for glue, line in _glued(lines):
        start = length + len(glue)
        length = start + len(line)
        if length > offset:
            kept.append(line[max(0, offset - start) :])
    return [line for line in kept if line.strip()]


def paragraph_lines(lines: list[str]) -> list[list[str]]:
    """A block's lines grouped by paragraph: wide lines are paragraphs of their own; in a
    narrow column a line that ends a sentence short of the column width ends its paragraph."""
    width = max((len(line) for line in lines), default=0)
    result: list[list[str]] = [[]]
    for line in lines:
        result[-1].append(line)
        if width >= WIDE_LINE or (len(line) < width - 2 and ends_sentence(line)):
            result.append([])
    return [group for group in result if group]


def paragraphs(lines: list[str]) -> list[str]:
    """A block's paragraphs, each one string."""
    if len(lines) == 1:
        return list(lines)
    return [join_lines(group) for group in paragraph_lines(lines)]


def _split_block(lines: list[str]) -> list[list[str]]:
    """A raw block as clean lines (``clean_line``), cut before a dateline, around a feature byline line, after a
    closing marker or photo credit, and between a headline line and the wide paragraph line right after it.

    Extraction sometimes drops the blank line between an article and the headline or
    article that follows; these markers show where one ends and the next begins.
    """
    blocks: list[list[str]] = [[]]
    cleaned = [clean_line(line) for line in lines]
    keys = [canonical(line) for line in cleaned]
    for i, line in enumerate(lines):
        line = line.strip()
        clean, key = cleaned[i], keys[i]
        match = DATELINE_IN_LINE.search(line)
        credit = photo_credit(key)
        own_byline = not credit and parse_feature_byline(clean) is not None
        if match and (match.start() > 0 or blocks[-1]):
            head = line[: match.start()].strip()
            if head:
                blocks[-1].append(clean_line(head))
            line = line[match.start() :]
            clean = clean_line(line)
            key = canonical(clean)
            blocks.append([])
        elif own_byline and blocks[-1]:
            blocks.append([])
        blocks[-1].append(clean)
        closed = has_end_marker(line) and line.count("（") + line.count("(") <= line.count("）") + line.count(")")
        after = keys[i + 1] if i + 1 < len(lines) else ""
        if closed or own_byline or credit or _headline_over_paragraph(key, after):
            blocks.append([])
    return [b for b in blocks if b]


def _headline_over_paragraph(key: str, after: str) -> bool:
    """A short unpunctuated line right above a wide line of sentences: a headline printed over its body
    (web copies and wide columns), not a wrapped line of the same paragraph. Both lines are clean and canonical."""
    return (
        len(after) >= WIDE_LINE and bool(key) and 2 * len(key) <= len(after)
        and not BODY_PUNCT.search(key) and ends_sentence(after)
    )


def _body_like(text: str, min_chars: int = MIN_BODY_CHARS) -> bool:
    long_enough = len(text) >= min_chars and len(text.replace(" ", "")) >= min_chars
    return long_enough and bool(BODY_PUNCT.search(canonical(text)))


def _is_column_break(before: list[str], after: list[str]) -> bool:
    first = canonical(join_lines(before))
    if not (_body_like(first, MIN_OPEN_CHARS) or DATELINE.match(first)):
        return False
    opening = canonical(after[0])
    if OPENING_START.match(opening) or DATELINE.match(opening):
        return False
    last = canonical(join_lines(after))
    if "\t" in first or "\t" in last or ends_sentence(first) or ENUMERATOR.match(first):
        return False
    credit = photo_credit(last)
    if (credit and credit.start() == 0) or _photo_with_credit(after):
        return False
    return _body_like(last) or ends_sentence(last)


def _photo_with_credit(block: list[str]) -> bool:
    """A block opening like a caption (5月1日，…, 图为…) and ending in its photo credit: a photo printed
    next to an unfinished paragraph, not the paragraph's next column (which may end a caption: …完善。甲 摄)."""
    opening, closing = canonical(block[0]).strip(), canonical(block[-1]).strip()
    return bool(CAPTION_START.match(opening)) and photo_credit(closing) is not None


def _squash(text: str) -> str:
    return WHITESPACE.sub("", text)


def _without_repeats(lines: list[str], seen: set[str]) -> list[str]:
    """``lines`` minus a repeat of an earlier block or wide line of the page; ``seen`` is updated."""
    joined = join_lines(lines)
    block = _squash(joined) if len(joined) >= MIN_DUPLICATE_CHARS else ""
    if len(block) >= MIN_DUPLICATE_CHARS and block in seen:
        return []
    kept = []
    for line in lines:
        key = _squash(line) if len(line) >= WIDE_LINE else ""
        wide = len(key) >= MIN_DUPLICATE_CHARS
        if wide and key in seen:
            continue
        kept.append(line)
        if wide:
            seen.add(key)
    if len(block) >= MIN_DUPLICATE_CHARS:
        seen.add(block)
    return kept


def _clean_parts(chunk: str) -> list[list[str]]:
    """A raw block's parts (``_split_block``), empty and separator lines dropped."""
    return [
        [line for line in part if line and not SEPARATOR_LINE.match(line)]
        for part in _split_block(chunk.split("\n"))
    ]


def page_blocks(text: str) -> list[list[str]]:
    """The page as blocks of clean lines, in reading order of the file; a raw block printed again is cleaned once."""
    raw = re.split(r"\n[ \t\u3000]*\n", text.replace("\r\n", "\n").replace("\f", "\n\n"))
    blocks: list[list[str]] = []
    seen: set[str] = set()
    cleaned: dict[str, list[list[str]]] = {}
    for chunk in raw:
        if not chunk.strip():
            continue
        if chunk not in cleaned:
            cleaned[chunk] = _clean_parts(chunk)
        for part in cleaned[chunk]:
            lines = _without_repeats(part, seen)
            if lines:
                blocks.append(lines)
    merged: list[list[str]] = []
    joined = 0
    for lines in blocks:
        if merged and joined < MAX_JOINED_BLOCKS and _is_column_break(merged[-1], lines):
            before = merged[-1]
            if len(before[-1]) >= WIDE_LINE:
                lines = [before[-1] + lines[0], *lines[1:]]
                before = before[:-1]
            merged[-1] = before + lines
            joined += 1
        else:
            merged.append(lines)
            joined = 1
    return merged
