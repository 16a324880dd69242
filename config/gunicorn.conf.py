"""gunicorn settings: warm jieba and the search index in each worker before it takes requests."""


def post_worker_init(worker):
    from search.warmup import warm_up

    warm_up()
