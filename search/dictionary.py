"""jieba, configured once per process: cache in the app's own folder, quiet logger, and a user
dictionary fed from the database (people's names, districts and place names, titles).

The user dictionary only changes which whole words are added to the bigram chain
(see ``search.analysis``): it affects ranking and query segmentation, never recall.
"""
from __future__ import annotations

import logging
import re
import threading
from math import log
from pathlib import Path

import jieba

from archive.ingest.titles import TITLES

_lock = threading.Lock()
_tokenizer: jieba.Tokenizer | None = None
_user_words: set[str] = set()
# Characters jieba segments with its dictionary (re_han_default's Chinese range); any other is a word alone.
_JIEBA_HAN = re.compile("[\u4E00-\u9FD5]+")
SEGMENTED_CACHE = 200_000  # runs; news repeats phrases (≈12% of the characters of 10k articles)


def tokenizer() -> jieba.Tokenizer:
    """The process's jieba tokenizer, its dictionary loaded (0.6–0.9 s the first time)."""
    global _tokenizer
    if _tokenizer is None:
        with _lock:
            if _tokenizer is None:
                from django.conf import settings

                cache_dir = Path(settings.JIEBA_CACHE_DIR)
                cache_dir.mkdir(parents=True, exist_ok=True)
                logging.getLogger("jieba").setLevel(logging.WARNING)
                jieba.setLogLevel(logging.WARNING)
                instance = jieba.Tokenizer()
                instance.tmp_dir = str(cache_dir)
                instance.initialize()
                _tokenizer = instance
    return _tokenizer


def segment(text: str) -> list[str]:
    """jieba precise-mode words of ``text`` (a run of Chinese characters): ``lcut(text, HMM=False)``.

    Without jieba's HMM guesser (1.2× faster): unknown names come from the user
    dictionary instead, and recall never depends on segmentation anyway. Computed by
    ``_best_words`` (jieba's dictionary and scores, one pass instead of a DAG dict and
    a generator per character: a third of a rebuild was jieba) and remembered per run.
    """
    routes = _current_routes(tokenizer())
    words = routes.segmented.get(text)
    if words is None:
        words = []
        end = 0
        for block in _JIEBA_HAN.finditer(text):
            words.extend(text[end : block.start()])
            words.extend(_best_words(block.group(), routes.word_scores, routes.unknown_score))
            end = block.end()
        words.extend(text[end:])
        if len(routes.segmented) > SEGMENTED_CACHE:
            routes.segmented.clear()
        routes.segmented[text] = words
    return words


class _Routes:
    """The word scores of one state of the dictionary (its ``total``) and the runs segmented with them.

    Never changed once built (but for its cache of runs): a thread segmenting with it is not disturbed by
    another thread adding words (a gunicorn worker's retry thread writing the index while it searches),
    which makes a new one instead.
    """

    def __init__(self, instance: jieba.Tokenizer):
        self.total = instance.total
        self.word_scores = _scores_of_words(instance.FREQ, instance.total)
        self.unknown_score = -log(instance.total)
        self.segmented: dict[str, list[str]] = {}


_routes: _Routes | None = None


def _current_routes(instance: jieba.Tokenizer) -> _Routes:
    """The routes of the dictionary as it is now, rebuilt when words were added (``add_word`` raises the total).

    Built under the lock words are added under: reading jieba's dictionary while another thread adds to it
    raised "dictionary changed size during iteration".
    """
    global _routes
    routes = _routes
    if routes is None or routes.total != instance.total:
        with _lock:
            if _routes is None or _routes.total != instance.total:
                _routes = _Routes(instance)
            routes = _routes
    return routes


def _scores_of_words(frequencies: dict, total: int) -> dict:
    """Each dictionary word's score in a route, ``log(frequency) - log(total)`` as jieba computes it; None for
    the prefixes jieba keeps with frequency 0 (a longer word may still follow). Built once per dictionary
    total (0.25 s): the logarithm per candidate word was a fifth of segmenting."""
    log_total = log(total)
    return {word: log(frequency) - log_total if frequency else None for word, frequency in frequencies.items()}


_NOT_A_PREFIX = object()


def _best_words(text: str, word_scores: dict, unknown_score: float) -> list[str]:
    """jieba's most probable route through ``text``'s dictionary words (``Tokenizer.calc`` over ``get_DAG``).

    ``word_scores`` from ``_scores_of_words``; ``unknown_score`` is a character's outside the dictionary
    (``-log(total)``). The same scores in the same order of operations; a tie goes to the longer word,
    as jieba's ``max`` over (score, end) does.
    """
    length = len(text)
    scores, ends = [0.0] * length + [0], [0] * length
    get = word_scores.get
    for start in range(length - 1, -1, -1):
        best = best_end = None
        end, word_score = start, get(text[start], _NOT_A_PREFIX)
        while word_score is not _NOT_A_PREFIX:
            if word_score is not None:
                score = word_score + scores[end + 1]
                if best is None or score >= best:
                    best, best_end = score, end
            end += 1
            if end >= length:
                break
            word_score = get(text[start : end + 1], _NOT_A_PREFIX)
        if best is None:
            best, best_end = unknown_score + scores[start + 1], start
        scores[start], ends[start] = best, best_end
    words, start = [], 0
    while start < length:
        words.append(text[start : ends[start] + 1])
        start = ends[start] + 1
    return words


def database_words() -> set[str]:
    """Names that must stay whole words: people, districts and their aliases, the importer's title lexicon."""
    from archive.models import District, DistrictAlias, Person

    words = set(Person.objects.values_list("name", flat=True).distinct())
    words.update(District.objects.values_list("name", flat=True))
    words.update(DistrictAlias.objects.values_list("name", flat=True))
    words.update(TITLES)
    return {word for word in words if len(word) >= 2}


def refresh_user_words() -> int:
    """Add database words jieba does not know yet; returns how many were added."""
    new_words = database_words() - _user_words
    if new_words:
        instance = tokenizer()
        with _lock:
            for word in sorted(new_words):
                instance.add_word(word)
            _user_words.update(new_words)
    return len(new_words)
