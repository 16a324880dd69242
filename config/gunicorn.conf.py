"""gunicorn settings: request limits, no control socket, jieba and the search index warmed in each worker
before it takes requests, and index changes an engine outage left pending retried."""
import gc

# A search of up to 2,000 characters must reach Django (which cuts it and says so): 2,000 Chinese
# characters are ~18 KB percent-encoded, and gunicorn clamps any limit above 8190 bytes to 8190, so the
# request-line limit is lifted (0). The request is still bounded by the worker timeout, and the query
# string by Django's DATA_UPLOAD_MAX_NUMBER_FIELDS.
limit_request_line = 0
# gunicorn ≥ 25.1 opens a control socket under $XDG_RUNTIME_DIR or ~/.gunicorn by default; the archive
# is managed by signals and its service manager, so none is created.
control_socket_disable = True


def post_worker_init(worker):
    from search.indexing import keep_retrying
    from search.warmup import warm_up

    warm_up()
    keep_retrying()
    # What is loaded now (Django, jieba's dictionary, the index's columns) lives as long as the
    # worker: keep it out of the cyclic collector, whose full passes over it took ~90 ms of a
    # request at 100k articles (~20 ms frozen).
    gc.freeze()
