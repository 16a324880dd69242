"""jieba's precise-mode words (``Tokenizer.tokenize`` with its HMM), in time linear in the text.

jieba's own cut keeps, for each of its HMM's four states, a copy of the whole path so far at
every character of a run of unknown characters, so its time grows with the square of the run;
it also builds a tuple list per character and a generator per block. ``WordCutter`` reads the
same dictionary and the same HMM tables and makes the same choices (the dictionary route of
highest probability, ties to the longer word; the HMM's Viterbi path, ties broken as jieba's
``max`` over (probability, state) breaks them), keeping back-pointers instead of paths. Its
words are jieba's words: ``tests/ingest/test_wordcut.py`` compares them on pages and hostile text.
"""
from __future__ import annotations

import re
from math import log

import jieba
import jieba.finalseg as hmm

# jieba's blocks: what it segments (re_han_default), the one two-character whitespace it keeps whole
# (re_skip_default), the HMM's Chinese runs (finalseg.re_han) and the letter and number runs it keeps
# whole (finalseg.re_skip).
_BLOCK = re.compile(r"[\u4E00-\u9FD5a-zA-Z0-9+#&\._%\-]+")
_CRLF = "\r\n"
_HAN = re.compile(r"[\u4E00-\u9FD5]+")
_LATIN = re.compile(r"([a-zA-Z0-9]+(?:\.\d+)?%?)")
# Blocks up to this length (the longest piece ``names`` cuts a run into) are cut once and their words remembered,
# up to ``_REMEMBERED`` characters in all, then the memory starts again: names, titles and cue words recur on a page,
# and a page repeating one block thousands of times costs one cut.
_REMEMBERED_CHARS = 400
_REMEMBERED = 200_000
# A dictionary entry ``WordCutter`` has not met yet.
_UNSEEN = object()


class WordCutter:
    """Cuts text into the words ``tokenizer.tokenize(text)`` gives (default mode, HMM on)."""

    def __init__(self, tokenizer: jieba.Tokenizer):
        tokenizer.check_initialized()
        self.freq = tokenizer.FREQ
        self.log_total = log(tokenizer.total)
        # each dictionary entry met so far: its word's log-probability, or None for a prefix of longer words only
        # (frequency 0); read instead of the whole dictionary, whose lookups miss the processor's caches
        self._route: dict[str, float | None] = {}
        self._block_words: dict[str, list[str]] = {}
        self._remembered_chars = 0
        start, trans, emit = hmm.start_P, hmm.trans_P, hmm.emit_P
        self._start = start
        self._emit = emit["B"], emit["M"], emit["E"], emit["S"]
        # each character's four emission log-probabilities, looked up once per process
        self._emissions: dict[str, tuple[float, float, float, float]] = {}
        self._trans = (
            trans["E"]["B"], trans["S"]["B"], trans["M"]["M"], trans["B"]["M"],
            trans["B"]["E"], trans["M"]["E"], trans["S"]["S"], trans["E"]["S"],
        )

    def tokenize(self, text: str) -> list[tuple[str, int, int]]:
        """(word, start, end) of every word of ``text``, as jieba's ``tokenize`` yields them."""
        tokens, start = [], 0
        for word in self.cut(text):
            end = start + len(word)
            tokens.append((word, start, end))
            start = end
        return tokens

    def cut(self, text: str) -> list[str]:
        """The words of ``text`` in order (``tokenize`` without the offsets)."""
        words: list[str] = []
        at = 0
        for block in _BLOCK.finditer(text):
            self._cut_other(text[at : block.start()], words)
            self._cut_remembered(block.group(), words)
            at = block.end()
        self._cut_other(text[at:], words)
        return words

    @staticmethod
    def _cut_other(text: str, words: list[str]) -> None:
        """Outside blocks: each character alone, but \\r\\n (one whitespace word to jieba) whole."""
        lines = text.split(_CRLF)
        words.extend(lines[0])
        for line in lines[1:]:
            words.append(_CRLF)
            words.extend(line)

    def _cut_remembered(self, block: str, words: list[str]) -> None:
        """``_cut_block``, the words of a short block remembered."""
        if len(block) > _REMEMBERED_CHARS:
            self._cut_block(block, words)
            return
        known = self._block_words.get(block)
        if known is None:
            known = []
            self._cut_block(block, known)
            if self._remembered_chars >= _REMEMBERED:
                self._block_words.clear()
                self._remembered_chars = 0
            self._block_words[block] = known
            self._remembered_chars += len(block)
        words.extend(known)

    def _cut_block(self, block: str, words: list[str]) -> None:
        """jieba's ``__cut_DAG``: the most probable dictionary route; runs of single characters that
        are not a dictionary word together go to the HMM."""
        freq, route, log_total = self.freq, self._route, self.log_total
        n = len(block)
        score = [0.0] * (n + 1)
        end = [0] * n
        for k in range(n - 1, -1, -1):
            best, best_end = None, k
            i, frag = k, block[k]
            while True:
                weight = route.get(frag, _UNSEEN)
                if weight is _UNSEEN:
                    count = freq.get(frag)
                    if count is None:
                        break
                    weight = route[frag] = log(count) - log_total if count else None
                if weight is not None:
                    value = weight + score[i + 1]
                    if best is None or value >= best:
                        best, best_end = value, i
                i += 1
                if i >= n:
                    break
                frag = block[k : i + 1]
            if best is None:
                # no dictionary word starts here: the character alone, of jieba's weight for an unknown word
                best = score[k + 1] - log_total
            score[k], end[k] = best, best_end
        x, run = 0, 0
        while x < n:
            y = end[x] + 1
            if y - x == 1:
                run += 1
            else:
                if run:
                    self._cut_run(block[x - run : x], words)
                    run = 0
                words.append(block[x:y])
            x = y
        if run:
            self._cut_run(block[n - run :], words)

    def _cut_run(self, run: str, words: list[str]) -> None:
        """Single characters of the route: one word if the dictionary knows them together, the HMM's
        words if it does not know them at all, otherwise each alone."""
        if len(run) == 1:
            words.append(run)
        elif not self.freq.get(run):
            self._hmm(run, words)
        else:
            words.extend(run)

    def _hmm(self, text: str, words: list[str]) -> None:
        """jieba's ``finalseg.cut``: Chinese runs through the HMM, the rest cut at letter and number runs."""
        if _HAN.fullmatch(text):
            self._han(text, words)
            return
        at = 0
        for han in _HAN.finditer(text):
            self._latin(text[at : han.start()], words)
            self._han(han.group(), words)
            at = han.end()
        self._latin(text[at:], words)

    def _han(self, run: str, words: list[str]) -> None:
        """A run of Chinese characters through the HMM, its words jieba never makes cut into characters."""
        forced = hmm.Force_Split_Words
        for word in self._viterbi_words(run):
            if word in forced:
                words.extend(word)
            else:
                words.append(word)

    @staticmethod
    def _latin(text: str, words: list[str]) -> None:
        """Outside Chinese runs: letter and number runs whole, and what lies between them whole too."""
        words.extend(piece for piece in _LATIN.split(text) if piece)

    def _viterbi_words(self, text: str) -> list[str]:
        """The words of the HMM's most probable B/M/E/S labelling of ``text`` (jieba's ``finalseg.__cut``).

        Back-pointers per character and state (0 = B, 1 = M, 2 = E, 3 = S) replace jieba's copied paths;
        each state's predecessor is the one jieba's ``max`` picks, the later state letter on a tie."""
        low = hmm.MIN_FLOAT
        emit_b, emit_m, emit_e, emit_s = self._emit
        eb, sb, mm, bm, be, me, ss, es = self._trans
        first = text[0]
        vb = self._start["B"] + emit_b.get(first, low)
        vm = self._start["M"] + emit_m.get(first, low)
        ve = self._start["E"] + emit_e.get(first, low)
        vs = self._start["S"] + emit_s.get(first, low)
        back: list[tuple[int, int, int, int]] = []
        keep = back.append
        emissions = self._emissions
        for ch in text[1:]:
            emitted = emissions.get(ch)
            if emitted is None:
                emitted = emissions[ch] = (
                    emit_b.get(ch, low), emit_m.get(ch, low), emit_e.get(ch, low), emit_s.get(ch, low)
                )
            em_b, em_m, em_e, em_s = emitted
            # each state's best predecessor, written out as statements: the loop runs once per character
            from_e = ve + eb + em_b
            from_s = vs + sb + em_b
            if from_e > from_s:
                nb, pb = from_e, 2
            else:
                nb, pb = from_s, 3
            from_m = vm + mm + em_m
            from_b = vb + bm + em_m
            if from_b > from_m:
                nm, pm = from_b, 0
            else:
                nm, pm = from_m, 1
            from_b = vb + be + em_e
            from_m = vm + me + em_e
            if from_b > from_m:
                ne, pe = from_b, 0
            else:
                ne, pe = from_m, 1
            from_s = vs + ss + em_s
            from_e = ve + es + em_s
            if from_e > from_s:
                vs, ps = from_e, 2
            else:
                vs, ps = from_s, 3
            keep((pb, pm, pe, ps))
            vb, vm, ve = nb, nm, ne
        state = 2 if ve > vs else 3
        labels = [state]
        for pointers in reversed(back):
            state = pointers[state]
            labels.append(state)
        labels.reverse()
        words, begin, taken = [], 0, 0
        for i, label in enumerate(labels):
            if label == 0:
                begin = i
            elif label == 2:
                words.append(text[begin : i + 1])
                taken = i + 1
            elif label == 3:
                words.append(text[i])
                taken = i + 1
        if taken < len(text):
            words.append(text[taken:])
        return words
