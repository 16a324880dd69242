"""The reader's query language, parsed into items every engine compiles its own way.

A run of characters without spaces must occur as typed (as a phrase: 办举行中 finds the
articles containing 办举行中, whatever jieba makes of it); spaces separate items that must
all occur (AND); "quoted phrases" (also “中文引号” and 「」) may contain spaces; ``OR`` (or
``|``) joins the items on either side; ``-item`` excludes. When nothing contains a run as
typed, ``ParsedQuery.split()`` gives the fallback: each run's jieba words must all occur,
single characters included (search help and the results page say so). Broken input is
repaired (unbalanced quotes, lone or doubled operators, control characters); input that
cannot mean anything raises ``QuerySyntaxError`` with a message for the reader.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, replace

from search import analysis, dictionary

MAX_QUERY_CHARS = 200
MAX_ITEMS = 24
_QUOTES = {'"': '"', "“": "”", "「": "」", "『": "』", "＂": "＂"}
_QUOTE_CHARS = "".join(set(_QUOTES) | set(_QUOTES.values()) | {"”"})
_TOKEN = re.compile(
    r"(?P<neg>[-－]?)(?:" + "|".join(f"{re.escape(o)}(?P<q{i}>[^{re.escape(c)}]*){re.escape(c)}"
                                     for i, (o, c) in enumerate(_QUOTES.items())) + r")|(?P<word>\S+)"
)
_OR = {"OR", "|", "ＯＲ", "｜"}
_AND = {"AND", "&", "＆"}


class QuerySyntaxError(ValueError):
    """A query that cannot be repaired; ``str(error)`` is a Chinese message for the reader."""


@dataclass(frozen=True)
class Item:
    """One word or quoted phrase of the query."""

    text: str
    quoted: bool
    negative: bool = False

    def pieces(self, split: bool = False) -> list[str]:
        """The strings that must each occur as a phrase.

        The item itself, unless ``split`` (the fallback) breaks an unquoted item's Chinese runs
        into their jieba words; one-character words stay (a reader's 中 is part of the query).
        """
        if self.quoted or not split:
            return [self.text] if any(analysis.runs(self.text)) else []
        pieces = []
        for run in analysis.runs(self.text):
            if run.chinese and len(run.text) >= analysis.MIN_WORD_LENGTH:
                pieces.extend(dictionary.segment(run.text))
            else:
                pieces.append(run.text)
        return pieces

    def splits(self) -> bool:
        """Whether the fallback would look for anything else than the item as typed."""
        return not self.quoted and not self.negative and self.pieces(split=True) != self.pieces()


@dataclass(frozen=True)
class ParsedQuery:
    """Items that must match (an AND of OR-groups) minus ``excluded``; no groups and no exclusions: every document.

    ``split`` marks the fallback, in which unquoted items match as their jieba words.
    """

    groups: tuple[tuple[Item, ...], ...] = ()
    excluded: tuple[Item, ...] = ()
    split: bool = False

    @property
    def empty(self) -> bool:
        return not self.groups and not self.excluded

    @property
    def items(self) -> list[Item]:
        return [item for group in self.groups for item in group]

    @property
    def terms(self) -> list[str]:
        """The repaired query's items, for display (``-`` marks exclusions)."""
        return [item.text for item in self.items] + [f"-{item.text}" for item in self.excluded]

    @property
    def highlight(self) -> list[str]:
        """The strings to mark in snippets."""
        return [piece for item in self.items for piece in item.pieces(self.split)]

    @property
    def key(self) -> str:
        """Identifies the query's meaning (cache keys)."""
        return repr((self.groups, self.excluded, self.split))

    def can_split(self) -> bool:
        return not self.split and any(item.splits() for item in self.items)

    def split_words(self) -> ParsedQuery:
        """The fallback query: unquoted items as all of their words."""
        return replace(self, split=True)

    @property
    def unsplit_text(self) -> str:
        """The items the fallback splits, as the reader typed them (for the notice)."""
        return " ".join(item.text for item in self.items if item.splits())


def clean(text: str) -> str:
    """Control and format characters become spaces; the result is stripped."""
    return "".join(" " if unicodedata.category(char).startswith("C") else char for char in text).strip()


def tokenize(text: str) -> list[Item | str]:
    """Items and the operator "OR", with unbalanced quote characters dropped."""
    tokens: list[Item | str] = []
    for match in _TOKEN.finditer(text):
        negative = bool(match.group("neg"))
        word = match.group("word")
        if word is None:
            phrase = next(value for name, value in match.groupdict().items() if name[0] == "q" and value is not None)
            tokens.append(Item(phrase.strip(), quoted=True, negative=negative))
        elif word in _OR:
            tokens.append("OR")
        elif word not in _AND:
            word = word.strip(_QUOTE_CHARS)
            if word[:1] in "-－" and len(word) > 1:
                tokens.append(Item(word[1:].strip(_QUOTE_CHARS), quoted=False, negative=True))
            else:
                tokens.append(Item(word, quoted=False))
    return tokens


def parse(text: str) -> ParsedQuery:
    """Parse the reader's query; see the module docstring for the language."""
    text = clean(text or "")
    if not text:
        return ParsedQuery()
    if len(text) > MAX_QUERY_CHARS:
        raise QuerySyntaxError(f"检索词太长（{len(text)} 个字符），请缩短到 {MAX_QUERY_CHARS} 个字符以内。")
    groups: list[list[Item]] = []
    excluded: list[Item] = []
    join_next = False
    for token in tokenize(text):
        if token == "OR":
            join_next = bool(groups)
            continue
        if not token.pieces():
            continue
        if token.negative:
            excluded.append(token)
        elif join_next:
            groups[-1].append(token)
        else:
            groups.append([token])
        join_next = False
    if len(excluded) + sum(map(len, groups)) > MAX_ITEMS:
        raise QuerySyntaxError(f"检索词太多，请减少到 {MAX_ITEMS} 个以内。")
    if not groups and not excluded:
        raise QuerySyntaxError("检索词里没有可检索的文字或数字，请输入汉字、字母或数字。")
    return ParsedQuery(tuple(map(tuple, groups)), tuple(excluded))
