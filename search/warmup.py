"""Work a fresh worker does before its first request, so no reader pays for it."""
import logging

log = logging.getLogger(__name__)
QUEUE_TIMEOUT = 5.0


def warm_up():
    """Load everything a first search would otherwise load lazily.

    jieba's dictionary (0.6–0.9 s) and the user words from the database, the
    shared searcher and its facet columns, a query and the unfiltered browse (live documents
    and facets over all of them) through the whole path;
    changes left queued by a process that could not get the writer are applied.
    A failure is logged, never raised: the worker still serves the other pages.
    """
    from search import dictionary, generation, indexing
    from search.engine import SearchRequest, run_search

    try:
        dictionary.tokenizer()
        dictionary.refresh_user_words()
        try:
            indexing.drain_queue(timeout=QUEUE_TIMEOUT)
        except indexing.IndexBusyError:
            log.info("search index busy: queued changes are left to the writer")
        generation.current().prepare()
        run_search(SearchRequest(q="焦作", per_page=1))
        run_search(SearchRequest(per_page=1))
    except Exception:
        log.exception("search warm-up failed; the first search will load lazily")
