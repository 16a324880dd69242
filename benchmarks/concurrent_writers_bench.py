"""SQLite journal modes under concurrent writers: four ``import_pages`` processes while gunicorn searches.

    .venv/bin/python benchmarks/concurrent_writers_bench.py [--rounds 2] [--modes WAL DELETE]

The scenario of ``tests/test_concurrent_writers.py`` (its helpers are reused), run on SQLite
with each ``ARCHIVE_SQLITE_JOURNAL_MODE`` in turn, modes alternating round by round. Prints
per run the wall time until all four imports finished, how many searches were answered
meanwhile and their p50/p95/max latency, and any response that was not HTTP 200.
"""
from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.test_concurrent_writers import (  # noqa: E402  (after the path set-up above)
    WRITERS,
    SearchLoop,
    fresh_database,
    gunicorn,
    import_arguments,
    writer_pages,
)


def one_run(mode: str, directory: Path) -> dict:
    writers = {n: writer_pages(directory / "pages" / str(n), n) for n in range(1, WRITERS + 1)}
    os.environ["ARCHIVE_SQLITE_JOURNAL_MODE"] = mode
    with fresh_database(directory / "data") as env, gunicorn(env) as base:
        searches = SearchLoop(base)
        searches.start()
        started = time.perf_counter()
        imports = [
            subprocess.Popen([sys.executable, "manage.py", "import_pages", *import_arguments(paths, n)], cwd=ROOT,
                             env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
            for n, paths in writers.items()
        ]
        errors = [process.communicate()[1] for process in imports]
        wall = time.perf_counter() - started
        searches.stopping.set()
        searches.join()
    timings = sorted(searches.timings)
    return {
        "wall": wall,
        "failed imports": sum(1 for process in imports if process.returncode != 0),
        "searches": len(timings),
        "p50": statistics.median(timings),
        "p95": timings[int(0.95 * (len(timings) - 1))],
        "max": timings[-1],
        "not 200": [status for status in searches.statuses if status != 200],
        "errors": [error.strip().splitlines()[-1] for error in errors if error.strip()],
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--modes", nargs="+", default=["WAL", "DELETE"])
    options = parser.parse_args()
    os.environ.pop("DATABASE_URL", None)
    print(f"{WRITERS} import_pages processes × 5 pages, gunicorn 2 workers searching in one loop; times in ms")
    for round_number in range(1, options.rounds + 1):
        for mode in options.modes:
            with tempfile.TemporaryDirectory(prefix=f"writers-bench-{mode}-") as directory:
                figures = one_run(mode, Path(directory))
            print(
                f"round {round_number} {mode:7} imports {figures['wall']:6.1f} s "
                f"(failed {figures['failed imports']}), searches {figures['searches']:4}: "
                f"p50 {figures['p50']:6.0f}  p95 {figures['p95']:6.0f}  max {figures['max']:6.0f}  "
                f"not 200: {figures['not 200'] or 'none'}  {figures['errors'] or ''}",
                flush=True,
            )


if __name__ == "__main__":
    main()
