"""Where each short word occurs in one text, found once for the whole text.

Reading people asks, for hundreds or thousands of candidate names, where else in the
article each one occurs. Scanning the text once per name is quadratic on a long article
with many names; this index reads the text once, character by character, and finds a
longer word's starts among those of the word without its last character, grouped by the
character that follows them once per such prefix: every later question is answered from
a dictionary, and only the prefixes of words asked about are ever grouped.
"""
from __future__ import annotations

from collections import defaultdict

# Longer words (a foreign name of several parts) are rare, and grouping the starts of every prefix of theirs
# would cost more than a scan: they are found with ``str.find`` instead.
INDEXED_LENGTH = 8


class Occurrences:
    """Every start of the words asked about in ``text``, each prefix's starts grouped on first use."""

    def __init__(self, text: str):
        self.text = text
        self._by_char: dict[str, list[int]] | None = None
        # a prefix's starts grouped by the character right after it: {prefix: {next character: starts}}
        self._extended: dict[str, dict[str, list[int]]] = {}
        # the starts of each word asked about, each after the end of the one before
        self._separate: dict[str, list[int]] = {}

    def starts(self, word: str) -> list[int]:
        """Where ``word`` starts in the text, overlapping occurrences included, in order (``str.find`` repeated)."""
        if not 0 < len(word) <= INDEXED_LENGTH:
            return self._found(word)
        if len(word) == 1:
            return self._chars().get(word, [])
        prefix = word[:-1]
        extended = self._extended.get(prefix)
        if extended is None:
            extended = self._extended[prefix] = defaultdict(list)
            text, last = self.text, len(prefix)
            for start in self.starts(prefix):
                extended[text[start + last : start + last + 1]].append(start)
        return extended.get(word[-1], [])

    def _chars(self) -> dict[str, list[int]]:
        if self._by_char is None:
            self._by_char = defaultdict(list)
            for start, char in enumerate(self.text):
                self._by_char[char].append(start)
        return self._by_char

    def _found(self, word: str) -> list[int]:
        found, start = [], self.text.find(word)
        while start >= 0:
            found.append(start)
            start = self.text.find(word, start + 1)
        return found

    def separate_starts(self, word: str) -> list[int]:
        """Where ``word`` starts, each occurrence after the end of the one before (``re.finditer`` on the word);
        found once per word, as the people found so far are looked up again at each stage."""
        kept = self._separate.get(word)
        if kept is None:
            kept = self._separate[word] = []
            for start in self.starts(word):
                if not kept or start >= kept[-1] + len(word):
                    kept.append(start)
        return kept
