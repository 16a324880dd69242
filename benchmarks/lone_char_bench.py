"""Times queries with lone Chinese characters in-process on an existing index: each query twice with every
cache cleared (a new searcher), then once warm; prints ms, the count and the first hits.

Run on a COPY of a data directory (the search path writes nothing, but a copy keeps a shared index safe):
``ARCHIVE_DATA_DIR=/tmp/copy .venv/bin/python benchmarks/lone_char_bench.py``. Without ``search.whoosh_lone``
(older code, for before/after figures) only the generation's caches are cleared.
"""
import os
import sys
import time

import django

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
django.setup()

from search import dictionary, generation  # noqa: E402
from search.engine import SearchRequest, run_search  # noqa: E402

try:
    from search import whoosh_lone
except ImportError:
    whoosh_lone = None

QUERIES = [("李", {}), ("强", {}), ("李 强", {}), ("中 国", {}), ("新 闻 联 播", {}), ("习 近平", {}),
           ("李 -强", {}), ("李", {"year": 2015}), ("李", {"sort": "date_desc"}), ("中", {"filters": "district"})]


def clear():
    generation.forget()
    if whoosh_lone:
        whoosh_lone._docs.clear()
        whoosh_lone._counts.clear()
    generation.current().prepare()


def main():
    dictionary.tokenizer()
    current = generation.current()
    current.prepare()
    table = current._inverted("district_facet") or current._inverted("kind_facet")
    facet = "district" if current._inverted("district_facet") else "kind"
    district = max(table, key=lambda k: len(table[k])) if table else ""
    out = []
    for q, options in QUERIES:
        options = dict(options)
        if options.get("filters") == "district":
            options["filters"] = {facet: [district]}
        times = []
        for _ in range(2):
            clear()
            started = time.perf_counter()
            response = run_search(SearchRequest(q=q, **options))
            times.append((time.perf_counter() - started) * 1000)
        started = time.perf_counter()
        run_search(SearchRequest(q=q, **options))
        warm = (time.perf_counter() - started) * 1000
        out.append(f"{q!r:12} {str(options)[:40]:42} total={response.total:6} cold={times[0]:8.0f} {times[1]:8.0f} "
                   f"warm={warm:6.0f} ms  top={[h.article_id for h in response.hits[:5]]}")
        print(out[-1], flush=True)


if __name__ == "__main__":
    sys.exit(main())
