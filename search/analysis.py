"""The one place that decides how text becomes index terms (index time, query time, highlighting).

Recall must never depend on how jieba segments a sentence, so every run of
Chinese characters is indexed as overlapping character bigrams (a lone
character as itself) at consecutive positions: any substring of two or more
characters is then a phrase of bigrams, found whatever the dictionary says.
The last character of a longer run is indexed as itself too, so every place a
character stands starts an index term: a character searched alone is found
wherever it occurs (``search.whoosh_lone``), as the Solr engine's unigrams find it.
jieba's precise-mode words of three or more characters (names, places, set
phrases; two-character words equal a bigram) are added at the position of
their first bigram, so whole words rank higher without changing which
documents match. Latin letters and digits form lower-cased words.

Spaces between two Chinese characters are layout, not word breaks, and are
skipped; traditional characters are folded to simplified ones (OpenCC's t2s, character
by character) so 會議 finds 会议; offsets always point into the original text so
highlighting can mark it.
"""
from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from operator import add

import opencc
from whoosh.analysis import Token, Tokenizer

from search import dictionary

CJK_CHARS = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
CJK_RANGES = ((0x3400, 0x4DBF), (0x4E00, 0x9FFF), (0xF900, 0xFAFF))
# Bumped whenever the terms of a text change, so indexes built before are rebuilt (search_status --repair).
ANALYSIS_VERSION = 4


def _folding_table() -> dict[int, int]:
    """Full-width ASCII to half-width, and each traditional character to its simplified one (OpenCC t2s).

    Characters are converted one per line so no phrase rule joins neighbours; only
    one-for-one results are kept, so offsets survive folding.
    """
    table = {code: code - 0xFEE0 for code in range(0xFF01, 0xFF5F)}
    table[0x3000] = 0x20
    chars = [chr(code) for low, high in CJK_RANGES for code in range(low, high + 1)]
    converted = opencc.OpenCC("t2s").convert("\n".join(chars)).split("\n")
    table.update({ord(t): ord(s) for t, s in zip(chars, converted, strict=True) if len(s) == 1 and s != t})
    return table


_FOLD = _folding_table()
# ``str.translate`` looks every character up in ``_FOLD`` (~130 ns each); a regex finds the few that
# fold (full-width punctuation, traditional characters) at C speed, so only those are looked up. Its
# group makes ``split`` keep them, every other item of the list: a callback per character found (a
# Chinese article's full-width commas and colons) took ~30 µs of a 1,300-character text's 35.
_FOLDS_TO = {chr(code): chr(folded) for code, folded in _FOLD.items()}
_FOLDABLE = re.compile("([" + "".join(re.escape(char) for char in sorted(_FOLDS_TO)) + "])")
_RUN = re.compile(rf"[{CJK_CHARS}]+(?:[ \t\u3000]+[{CJK_CHARS}]+)*|[0-9a-z]+(?:\.[0-9]+)?")
_LAYOUT_CHARS = frozenset(" \t\u3000")
_CJK = re.compile(rf"[{CJK_CHARS}]")
_FIRST_CJK = chr(CJK_RANGES[0][0])  # a run starting below it is a latin/digit word
_DROP_LAYOUT = dict.fromkeys(map(ord, _LAYOUT_CHARS))
MIN_WORD_LENGTH = 3


def normalize(text: str) -> str:
    """Full-width ASCII to half-width, traditional to simplified, lower case: one character for one.

    The last text's result is kept: indexing a document normalizes each text twice (its terms, then
    its folded column) and a whole article's ``translate`` is not cheap.
    """
    global _last_normalized
    last_text, last_result = _last_normalized
    if text is last_text:
        return last_result
    pieces = _FOLDABLE.split(text)
    pieces[1::2] = map(_FOLDS_TO.__getitem__, pieces[1::2])
    result = "".join(pieces).lower()
    _last_normalized = (text, result)
    return result


_last_normalized = ("", "")


def is_chinese(text: str) -> bool:
    return bool(_CJK.match(text))


@dataclass(slots=True)
class Term:
    """One index term: its text, position and [start, end) offsets in the original text."""

    text: str
    pos: int
    start: int
    end: int


@dataclass(slots=True)
class Run:
    """A run of Chinese characters (layout spaces removed) or one latin/digit word, with offsets per character."""

    text: str
    offsets: Sequence[int]
    chinese: bool


def runs(text: str) -> Iterator[Run]:
    """Split ``text`` into the runs that terms are made of, in order."""
    for match in _RUN.finditer(normalize(text)):
        chunk = match.group()
        if not is_chinese(chunk):
            yield Run(chunk, [match.start()], chinese=False)
        elif _LAYOUT_CHARS.isdisjoint(chunk):
            yield Run(chunk, range(match.start(), match.end()), chinese=True)
        else:
            kept = [(match.start() + i, ch) for i, ch in enumerate(chunk) if ch not in _LAYOUT_CHARS]
            yield Run("".join(ch for _, ch in kept), [offset for offset, _ in kept], chinese=True)


def run_terms(run: Run, pos: int, indexing: bool) -> Iterator[Term]:
    """Terms of one run starting at position ``pos``; the run takes max(1, len - 1) positions.

    ``indexing`` adds what only an indexed text has: the last character alone and jieba's words.
    """
    text, offsets = run.text, run.offsets
    if not run.chinese:
        yield Term(text, pos, offsets[0], offsets[0] + len(text))
        return
    if len(text) == 1:
        yield Term(text, pos, offsets[0], offsets[0] + 1)
        return
    for i in range(len(text) - 1):
        yield Term(text[i : i + 2], pos + i, offsets[i], offsets[i + 1] + 1)
    if not indexing:
        return
    last_bigram = len(text) - 2
    yield Term(text[-1], pos + last_bigram, offsets[-1], offsets[-1] + 1)
    if len(text) >= MIN_WORD_LENGTH:
        start = 0
        for word in dictionary.segment(text):
            if len(word) >= MIN_WORD_LENGTH:
                yield Term(word, pos + min(start, last_bigram), offsets[start], offsets[start + len(word) - 1] + 1)
            start += len(word)


def run_width(run: Run) -> int:
    return max(1, len(run.text) - 1) if run.chinese else 1


def terms(text: str, indexing: bool = True) -> Iterator[Term]:
    """All terms of ``text`` as indexed; ``indexing=False`` gives the chain a query is matched by (bigrams, lone
    characters, latin words)."""
    pos = 0
    for run in runs(text):
        yield from run_terms(run, pos, indexing)
        pos += run_width(run)


def term_counts(text: str) -> Counter:
    """How often each of ``terms(text)``'s texts occurs: what indexing a document needs, without positions.

    Builds no ``Term`` per occurrence nor a ``Run`` per run (offsets are not needed): a run's
    bigrams are its characters paired with their successors, counted in one pass (a rebuild
    spent a quarter of its time making terms).
    """
    pieces = []
    for chunk in _RUN.findall(normalize(text)):
        if chunk[0] < _FIRST_CJK or len(chunk) == 1:
            pieces.append(chunk)
            continue
        if " " in chunk or "\t" in chunk or "\u3000" in chunk:
            chunk = chunk.translate(_DROP_LAYOUT)
        pieces.extend(map(add, chunk, chunk[1:]))
        pieces.append(chunk[-1])
        if len(chunk) >= MIN_WORD_LENGTH:
            pieces.extend(word for word in dictionary.segment(chunk) if len(word) >= MIN_WORD_LENGTH)
    return Counter(pieces)


class JiebaBigramTokenizer(Tokenizer):
    """Whoosh tokenizer over ``terms``: indexing adds run ends and jieba words, parsing a query never does.

    Whoosh pickles this class's import path into the index schema: do not rename or move it.
    ``version`` is pickled with it: an index whose version differs is rebuilt.
    """

    def __init__(self):
        self.version = ANALYSIS_VERSION

    def __eq__(self, other):
        return other.__class__ is self.__class__ and getattr(other, "version", 1) == getattr(self, "version", 1)

    def __call__(
        self, value, positions=False, chars=False, keeporiginal=False, removestops=True, start_pos=0,
        start_char=0, tokenize=True, mode="", **kwargs,
    ):
        token = Token(positions, chars, removestops=removestops, mode=mode, **kwargs)
        for term in terms(value, indexing=mode != "query"):
            token.text = term.text
            token.boost = 1.0
            token.stopped = False
            if keeporiginal:
                token.original = term.text
            if positions:
                token.pos = start_pos + term.pos
            if chars:
                token.startchar = start_char + term.start
                token.endchar = start_char + term.end
            yield token


def analyzer() -> JiebaBigramTokenizer:
    """The analyzer every text field of the index uses."""
    return JiebaBigramTokenizer()


_TOKEN_CHAR = rf"0-9a-z{CJK_CHARS}"
_SEPARATOR = rf"[^{_TOKEN_CHAR}]*"
_RUN_BREAK = rf"[ \t]*[^ \t{_TOKEN_CHAR}]{_SEPARATOR}"


def phrase_pattern(text: str) -> re.Pattern | None:
    """A regex over ``normalize(document)`` matching exactly where ``text`` matches as a phrase of the chain.

    Highlighting uses it instead of re-tokenizing every hit: a Chinese run may sit
    inside a longer run (bigrams), layout spaces between its characters are
    skipped, latin words are whole, and consecutive query runs must be separate
    runs in the document too.
    """
    parts = list(runs(text))
    if not parts:
        return None
    pattern = ""
    for index, run in enumerate(parts):
        if run.chinese:
            body = "[ \t]*".join(re.escape(char) for char in run.text)
            if index and parts[index - 1].chinese:
                pattern += _RUN_BREAK
            elif index:
                pattern += _SEPARATOR
            elif len(run.text) == 1:
                pattern += rf"(?<![{CJK_CHARS}])(?<![{CJK_CHARS}][ \t])"
            pattern += body
            if len(run.text) == 1 and index == len(parts) - 1:
                pattern += rf"(?![ \t]*[{CJK_CHARS}])"
        else:
            pattern += (_SEPARATOR if index else "") + rf"(?<![0-9a-z.]){re.escape(run.text)}(?![0-9a-z])"
    return re.compile(pattern)
