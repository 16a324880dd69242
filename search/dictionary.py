"""jieba, configured once per process: cache in the app's own folder, quiet logger, and a user
dictionary fed from the database (people's names, districts and place names, titles).

The user dictionary only changes which whole words are added to the bigram chain
(see ``search.analysis``): it affects ranking and query segmentation, never recall.
"""
from __future__ import annotations

import logging
import threading
from pathlib import Path

import jieba

from archive.ingest.titles import TITLES

_lock = threading.Lock()
_tokenizer: jieba.Tokenizer | None = None
_user_words: set[str] = set()


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
    """jieba precise-mode words of ``text`` (a run of Chinese characters).

    Without jieba's HMM guesser (1.2× faster): unknown names come from the user
    dictionary instead, and recall never depends on segmentation anyway.
    """
    return tokenizer().lcut(text, HMM=False)


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
