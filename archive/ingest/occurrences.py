"""Where each short word occurs in one text, found once for the whole text.

Reading people asks, for hundreds or thousands of candidate names, where else in the
article each one occurs. Scanning the text once per name is quadratic on a long article
with many names; this index reads the text once per word length (names are two to four
characters) and answers every later question from a dictionary.
"""
from __future__ import annotations

from collections import defaultdict

# Longer words (a foreign name of several parts) are rare, and indexing every substring of their length
# would copy the text that many times over: they are found with ``str.find`` instead.
INDEXED_LENGTH = 8


class Occurrences:
    """Every start of every substring of ``text`` of the lengths asked for, built per length on first use."""

    def __init__(self, text: str):
        self.text = text
        self._by_length: dict[int, dict[str, list[int]]] = {}

    def starts(self, word: str) -> list[int]:
        """Where ``word`` starts in the text, overlapping occurrences included, in order (``str.find`` repeated)."""
        length = len(word)
        if length > INDEXED_LENGTH:
            return self._found(word)
        if length not in self._by_length:
            index: dict[str, list[int]] = defaultdict(list)
            text = self.text
            for start in range(len(text) - length + 1):
                index[text[start : start + length]].append(start)
            self._by_length[length] = index
        return self._by_length[length].get(word, [])

    def _found(self, word: str) -> list[int]:
        found, start = [], self.text.find(word)
        while start >= 0:
            found.append(start)
            start = self.text.find(word, start + 1)
        return found

    def separate_starts(self, word: str) -> list[int]:
        """Where ``word`` starts, each occurrence after the end of the one before (``re.finditer`` on the word)."""
        kept: list[int] = []
        for start in self.starts(word):
            if not kept or start >= kept[-1] + len(word):
                kept.append(start)
        return kept
