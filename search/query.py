"""The reader's query language, parsed into a Whoosh query over the bigram chain.

Words are ANDed; "quoted phrases" (also “中文引号” and 「」) keep their order;
``OR`` (or ``|``) joins the items on either side; ``-item`` excludes. A word of
Chinese is split by jieba (user dictionary included) into words that must all
occur, each as a phrase of bigrams, so segmentation can narrow ranking but never
lose an article that contains the whole word. Broken input is repaired
(unbalanced quotes, lone or doubled operators, control characters); input that
cannot mean anything raises ``QuerySyntaxError`` with a message for the reader.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from whoosh import query as wq

from search import analysis, dictionary

TEXT_FIELD = "text"
HEADLINE_FIELD = "headline"
HEADLINE_BOOST = 2.0
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


@dataclass
class Item:
    """One word or quoted phrase of the query."""

    text: str
    quoted: bool
    negative: bool = False

    def pieces(self) -> list[str]:
        """The strings that must each occur as a phrase: the whole phrase, or a word's jieba words."""
        if self.quoted:
            return [self.text]
        pieces = []
        for run in analysis.runs(self.text):
            if run.chinese and len(run.text) >= analysis.MIN_WORD_LENGTH:
                words = [word for word in dictionary.segment(run.text) if len(word) >= 2]
                pieces.extend(words or [run.text])
            else:
                pieces.append(run.text)
        return pieces

    def required(self) -> wq.Query | None:
        """What a matching document must contain (exclusions use only this)."""
        pieces = [piece_query(piece) for piece in self.pieces()]
        pieces = [piece for piece in pieces if piece is not None]
        if not pieces:
            return None
        return pieces[0] if len(pieces) == 1 else wq.And(pieces)

    def query(self, required: wq.Query) -> wq.Query:
        """``required`` plus optional boosts: the item in the headline, a split word as a whole phrase."""
        boosts = [piece_query(self.text, HEADLINE_FIELD, HEADLINE_BOOST)]
        if not self.quoted and len(self.pieces()) > 1:
            boosts.append(piece_query(self.text))
        boosts = [boost for boost in boosts if boost is not None]
        return wq.AndMaybe(required, boosts[0] if len(boosts) == 1 else wq.Or(boosts))


def piece_query(text: str, fieldname: str = TEXT_FIELD, boost: float = 1.0) -> wq.Query | None:
    """``text`` as a phrase of the chain; a lone Chinese character also matches bigrams starting with it."""
    chain = [term.text for term in analysis.terms(text, with_words=False)]
    if not chain:
        return None
    if len(chain) > 1:
        return wq.Phrase(fieldname, chain, boost=boost)
    if len(chain[0]) == 1 and analysis.is_chinese(chain[0]):
        return wq.Or([wq.Term(fieldname, chain[0]), wq.Prefix(fieldname, chain[0])], boost=boost)
    return wq.Term(fieldname, chain[0], boost=boost)


@dataclass
class ParsedQuery:
    """``query`` (None: every document) minus ``excluded``; ``terms`` are the repaired items' texts.

    Exclusions are subtracted as document sets by the engine: Whoosh's AndNot
    over a phrase matcher let excluded documents through.
    """

    query: wq.Query | None
    excluded: wq.Query | None = None
    terms: list[str] = field(default_factory=list)
    highlight: list[str] = field(default_factory=list)

    @property
    def key(self) -> str:
        return f"{self.query!r} -{self.excluded!r}"


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
        return ParsedQuery(None)
    if len(text) > MAX_QUERY_CHARS:
        raise QuerySyntaxError(f"检索词太长（{len(text)} 个字符），请缩短到 {MAX_QUERY_CHARS} 个字符以内。")
    groups: list[list[tuple[Item, wq.Query]]] = []
    excluded: list[tuple[Item, wq.Query]] = []
    join_next = False
    for token in tokenize(text):
        if token == "OR":
            join_next = bool(groups)
            continue
        required = token.required()
        if required is None:
            continue
        if token.negative:
            excluded.append((token, required))
        elif join_next:
            groups[-1].append((token, token.query(required)))
        else:
            groups.append([(token, token.query(required))])
        join_next = False
    if len(excluded) + sum(map(len, groups)) > MAX_ITEMS:
        raise QuerySyntaxError(f"检索词太多，请减少到 {MAX_ITEMS} 个以内。")
    if not groups and not excluded:
        raise QuerySyntaxError("检索词里没有可检索的文字或数字，请输入汉字、字母或数字。")
    clauses = [group[0][1] if len(group) == 1 else wq.Or([q for _, q in group]) for group in groups]
    items = [item for group in groups for item, _ in group]
    return ParsedQuery(
        None if not clauses else clauses[0] if len(clauses) == 1 else wq.And(clauses),
        excluded=wq.Or([q for _, q in excluded]) if excluded else None,
        terms=[item.text for item in items] + [f"-{item.text}" for item, _ in excluded],
        highlight=[piece for item in items for piece in item.pieces()],
    )
