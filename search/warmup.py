"""Work a fresh worker does before its first request, so no reader pays for it."""
import logging

log = logging.getLogger(__name__)
DRAIN_TIMEOUT = 5.0


def warm_up():
    """Load everything a first search would otherwise load lazily, and apply changes left pending.

    jieba's dictionary (0.6–0.9 s) and the user words from the database; on the embedded
    engine the shared searcher and its facet columns; a query and the unfiltered browse
    through the whole path. A failure is logged, never raised: the worker still serves
    the other pages.
    """
    from search import dictionary, indexing
    from search.engine import SearchRequest, run_search

    try:
        dictionary.tokenizer()
        dictionary.refresh_user_words()
        indexing.drain_quietly(timeout=DRAIN_TIMEOUT)
        prepare = getattr(indexing.backend(), "prepare", None)
        if prepare:
            prepare()
        run_search(SearchRequest(q="焦作", per_page=1))
        run_search(SearchRequest(per_page=1))
    except Exception:
        log.exception("search warm-up failed; the first search will load lazily")
