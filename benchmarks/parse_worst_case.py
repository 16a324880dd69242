"""Worst-case parse times: hostile pages at the upload limit through the pure importer.

    .venv/bin/python benchmarks/parse_worst_case.py                # every shape, 200 random pages
    .venv/bin/python benchmarks/parse_worst_case.py --random 1000 --bytes 131072

Every shape of ``tests/ingest/hostile_pages.py`` (long digit runs in a sentence, Chinese
without punctuation, thousands of titles, names or cue words, many short lines, one huge
line, mixed scripts…) is built at ``--bytes`` UTF-8 bytes (default: ARCHIVE_MAX_UPLOAD_BYTES,
256 KiB) and parsed once with ``parse_page``; then ``--random`` pages of random sizes up to
the limit mix the hostile units at random. jieba and the gazetteer are loaded before
timing (a worker loads them once). Prints each shape's CPU and wall-clock time, slowest
first, and the random sample's median and maximum CPU time.
"""
from __future__ import annotations

import argparse
import random
import statistics
import sys
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from archive.ingest.gazetteer import Gazetteer  # noqa: E402
from archive.ingest.names import load_dictionaries  # noqa: E402
from archive.ingest.people import extract_people  # noqa: E402
from archive.ingest.pipeline import parse_page  # noqa: E402
from tests.ingest.hostile_pages import SHAPES, random_units  # noqa: E402

UPLOAD_LIMIT = 256 * 1024
ISSUE = date(2016, 9, 2)


def timed_parse(text: str) -> tuple[float, float]:
    """Seconds of CPU and of wall clock ``parse_page`` takes (on a shared machine the wall clock includes waiting)."""
    cpu, wall = time.process_time(), time.perf_counter()
    parse_page(text, ISSUE)
    return time.process_time() - cpu, time.perf_counter() - wall


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--bytes", type=int, default=UPLOAD_LIMIT, help="page size in UTF-8 bytes")
    parser.add_argument("--random", type=int, default=200, help="random hostile pages to parse")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    Gazetteer.default()
    load_dictionaries()
    extract_people("张建国市长说，李明表示。")

    print(f"{'shape':24} {'chars':>8} {'cpu s':>7} {'wall s':>7}")
    results = []
    for name, build in SHAPES.items():
        text = build(args.bytes, rng)
        results.append((*timed_parse(text), name, len(text)))
    for cpu, wall, name, chars in sorted(results, reverse=True):
        print(f"{name:24} {chars:8d} {cpu:7.2f} {wall:7.2f}")
    worst = max(results)
    print(f"worst shape: {worst[2]}, {worst[0]:.2f} s cpu, {worst[1]:.2f} s wall")

    if args.random:
        cpus = [timed_parse(random_units(rng.randint(1, args.bytes), rng))[0] for _ in range(args.random)]
        print(f"random pages: {args.random}, up to {args.bytes} bytes: "
              f"cpu median {statistics.median(cpus):.2f} s, max {max(cpus):.2f} s")


if __name__ == "__main__":
    main()
