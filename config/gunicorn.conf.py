"""gunicorn settings: warm jieba and the search index in each worker before it takes requests,
and keep retrying index changes an engine outage left pending."""
import gc


def post_worker_init(worker):
    from search.indexing import keep_retrying
    from search.warmup import warm_up

    warm_up()
    keep_retrying()
    # What is loaded now (Django, jieba's dictionary, the index's columns) lives as long as the
    # worker: keep it out of the cyclic collector, whose full passes over it took ~90 ms of a
    # request at 100k articles (~20 ms frozen).
    gc.freeze()
