"""Headlines: which article a block of title lines belongs to, and which line is the main title.

Pages print headlines before their body or after it, and extraction keeps that order.
Each page is read both ways; the reading that gives more articles a headline, and
headlines that share more words with their body, wins. A headline left over is then
tried on its other side, and a headline that fits the headless article on its other
side much better moves there (pages mix both layouts). Photos do not separate a headline from its article, and take
a headline only when no article next to it wants that headline.

Inside a group of title lines, a line starting with —— is a 副题 (subtitle), and so is a short
line saying who attended (``甲乙陪同``); a line that reports (``X在Y会上强调``, ``…召开…会``) is
the 引题 when another line is not, and a first line leading in (``…时强调``, ``贯彻落实…精神``)
is the 引题 of the line below it; a line of three or more short phrases is a motto, not the main
title; otherwise the 引题 comes first, then the main title, then any 副题.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Protocol

from archive.ingest.canonical import CJK

REPORTIVE = re.compile(
    r"(强调|要求|指出|表示|提出|举行|召开|开幕|闭幕|讲话|致辞)$"
    r"|在.{2,30}(会|时|上|中)(强调|要求|指出|表示)"
    r"|^.{0,20}(召开|举行).{0,30}(会|会议)$"
)
SUBTITLE_DASH = "——"
# A first line that leads in to the message below it: "甲在调研…时强调", "认真贯彻落实…会议精神".
LEAD_IN = re.compile(r"(?:强调|要求|指出|表示)$|(?:学习|贯彻|落实).{0,40}精神$")
# A short line saying who attended (赵建国钱志强陪同): a 副题 of its own, never the end of a wrapped title.
ATTENDANCE_LINE = re.compile(f"^[{CJK}、]{{2,20}}?(?:等)?(?:陪同|出席|参加|主持|讲话|致辞)$")
MIN_LIST_PHRASES = 3
MAX_LIST_PHRASE = 8
# A headline line this long is a title of its own, not half of a wrapped one.
OWN_LINE = 22
BIGRAM_TEXT = re.compile(f"[{CJK}]+")
# How much a headline sharing its body's words counts against giving one more article a headline.
OVERLAP_WEIGHT = 2
# A headline moves to the headless article on its other side when it fits that body this much better.
MOVE_MARGIN = 0.4


def _phrase_list(title: str) -> bool:
    """A line of three or more short phrases (功能复合 经济繁荣 生态宜居): a motto above or
    below the headline, never the main title."""
    phrases = title.split(" ")
    return len(phrases) >= MIN_LIST_PHRASES and all(len(p) <= MAX_LIST_PHRASE for p in phrases)


def _subtitle_dash(title: str) -> int:
    """Where a —— starting a 副题 is in ``title`` (-1 if none): never inside a book title or quote
    (《天南地北——焦作人》)."""
    if SUBTITLE_DASH not in title:
        return -1
    depth = 0
    for i, ch in enumerate(title):
        if ch in "《“「(（":
            depth += 1
        elif ch in "》”」)）":
            depth = max(0, depth - 1)
        elif depth == 0 and title.startswith(SUBTITLE_DASH, i):
            return i
    return -1


@dataclass
class HeadlineGroup:
    """Consecutive title blocks between two articles; ``titles`` in printed order."""

    titles: list[str] = field(default_factory=list)
    subtitles_below: list[str] = field(default_factory=list)
    # Every title and subtitle added, for the repeat check: a page of thousands of short title blocks makes one
    # group of thousands of titles, and searching the lists for each one took time quadratic in their number.
    _added: set[str] = field(default_factory=set, repr=False, compare=False)

    def add_block(self, lines: list[str]) -> None:
        """Add one block of title lines: wrapped lines are joined, phrase lines keep a space."""
        if len(lines) == 1:
            self._add_title(lines[0], True)
            return
        current = ""
        first = True
        for line in (line for i, line in enumerate(lines) if line not in lines[:i]):
            long_line = len(current.replace(" ", "")) >= OWN_LINE
            own_line = (long_line and len(line) >= OWN_LINE) or bool(LEAD_IN.search(current))
            if current and (own_line or ATTENDANCE_LINE.match(line)):
                self._add_title(current, first)
                current, first = line, False
            elif current:
                current += (" " if " " in current else "") + line
            else:
                current = line
        self._add_title(current, first)

    def _add_title(self, title: str, first_in_block: bool) -> None:
        dash = _subtitle_dash(title)
        main = title[:dash].strip() if dash > 0 else ""
        parts = [main, SUBTITLE_DASH + title[dash + len(SUBTITLE_DASH) :].strip()] if main else [title]
        for i, part in enumerate(parts):
            if part in self._added:
                continue
            self._added.add(part)
            below = not first_in_block or i > 0 or part.startswith(SUBTITLE_DASH)
            (self.subtitles_below if below else self.titles).append(part)

    @property
    def text(self) -> str:
        return " ".join(self.titles + self.subtitles_below)

    def split(self) -> tuple[str | None, list[str]]:
        """(main title, subtitles in printed order)."""
        if not self.titles:
            return (self.subtitles_below[0], self.subtitles_below[1:]) if self.subtitles_below else (None, [])
        below = self.subtitles_below
        lead_in = len(self.titles) == 1 and LEAD_IN.search(self.titles[0])
        if lead_in and below and not below[0].startswith(SUBTITLE_DASH):
            return below[0], self.titles + below[1:]
        candidates = [i for i, t in enumerate(self.titles) if not _phrase_list(t)] or list(range(len(self.titles)))
        plain = [i for i in candidates if not REPORTIVE.search(self.titles[i])]
        if len(plain) == 1:
            index = plain[0]
        elif len(candidates) >= 3:
            index = next((i for i in plain if i > 0), candidates[1])
        else:
            index = candidates[-1]
        others = self.titles[:index] + self.titles[index + 1 :]
        return self.titles[index], others + self.subtitles_below


class Slot(Protocol):
    """What headline assignment needs to know about an article."""

    group: HeadlineGroup | None

    @property
    def takes_headline(self) -> bool: ...

    @property
    def transparent(self) -> bool: ...

    @property
    def text(self) -> str: ...


def _bigrams(text: str) -> set[str]:
    return {run[i : i + 2] for run in BIGRAM_TEXT.findall(text) for i in range(len(run) - 1)}


def overlap(headline: str, body: str) -> float:
    """Share of the headline's character bigrams that occur in the body (0..1)."""
    wanted = _bigrams(headline)
    return len(wanted & _bigrams(body)) / len(wanted) if wanted else 0.0


def _neighbour(items: list, index: int, step: int) -> int | None:
    j = index + step
    while 0 <= j < len(items):
        item = items[j]
        if isinstance(item, HeadlineGroup):
            return None
        if item.takes_headline:
            return j
        if not item.transparent:
            return None
        j += step
    return None


def _is_untitled_photo(items: list, index: int) -> bool:
    if not 0 <= index < len(items) or isinstance(items[index], HeadlineGroup):
        return False
    item = items[index]
    return item.transparent and item.group is None


def _reading(items: list, step: int) -> tuple[dict[int, int], float]:
    owners: dict[int, int] = {}
    taken: set[int] = set()
    score = 0.0
    for i, item in enumerate(items):
        if not isinstance(item, HeadlineGroup):
            continue
        owner = _neighbour(items, i, step)
        if owner is not None and owner not in taken:
            owners[i] = owner
            taken.add(owner)
            score += 1 + OVERLAP_WEIGHT * overlap(item.text, items[owner].text)
    return owners, score


def assign_headlines(items: list) -> list[HeadlineGroup]:
    """Give each article (``Slot``) in ``items`` its headline group; return the groups left over."""
    before, before_score = _reading(items, +1)
    after, after_score = _reading(items, -1)
    owners, other_step = (after, +1) if after_score > before_score else (before, -1)
    taken = set(owners.values())
    for i, owner in list(owners.items()):
        other = _neighbour(items, i, other_step)
        if other is None or other in taken:
            continue
        text = items[i].text
        if overlap(text, items[other].text) >= overlap(text, items[owner].text) + MOVE_MARGIN:
            owners[i] = other
            taken.discard(owner)
            taken.add(other)
    for i, item in enumerate(items):
        if isinstance(item, HeadlineGroup) and i not in owners:
            owner = _neighbour(items, i, other_step)
            if owner is not None and owner not in taken:
                owners[i] = owner
                taken.add(owner)
    for i, item in enumerate(items):
        if isinstance(item, HeadlineGroup) and i not in owners:
            owner = next((j for j in (i + 1, i - 1) if _is_untitled_photo(items, j) and j not in taken), None)
            if owner is not None:
                owners[i] = owner
                taken.add(owner)
    for i, owner in owners.items():
        items[owner].group = items[i]
    return [item for i, item in enumerate(items) if isinstance(item, HeadlineGroup) and i not in owners]
