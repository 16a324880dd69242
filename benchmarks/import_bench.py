"""Import speed on synthetic pages: pure parsing and the full database load, beside jieba's own speed.

    .venv/bin/python benchmarks/import_bench.py              # 2000 pages
    .venv/bin/python benchmarks/import_bench.py --pages 200 --with-index

Pages recombine the seed pages' text blocks (the runs between blank lines, hard
wraps and layout spaces kept) in random order into pages of seed size, with
random dates, editions and page labels. Everything lives in a temporary
ARCHIVE_DATA_DIR (never the dev database), removed at the end unless --keep.
By default the search index does not follow the load (the figure is the
import alone); --with-index measures the production path with it. Prints
pages/s, articles/s and MB/s of UTF-8 text per phase, peak RSS, and
``jieba.lcut`` MB/s on the same text.
"""
from __future__ import annotations

import argparse
import os
import random
import re
import resource
import shutil
import sys
import tempfile
import time
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EDITIONS = ("焦作日报", "焦作日报", "焦作日报", "示范区")
FIRST_DAY, DAYS = date(2014, 1, 1), 9 * 365


@dataclass
class SyntheticPage:
    name: str
    date: date
    edition: str
    label: str
    text: str


def seed_blocks() -> tuple[list[str], int]:
    """The seed pages' text blocks, and the average seed page length in characters."""
    texts = [path.read_text(encoding="utf-8") for path in sorted((ROOT / "seeds").glob("*.txt"))]
    blocks = [block for text in texts for block in re.split(r"\n\s*\n", text) if block.strip()]
    return blocks, sum(map(len, texts)) // len(texts)


def synthetic_pages(count: int, rng: random.Random) -> list[SyntheticPage]:
    blocks, page_size = seed_blocks()
    pages = []
    for number in range(count):
        chosen, size = [], 0
        while size < page_size:
            block = rng.choice(blocks)
            chosen.append(block)
            size += len(block)
        edition = rng.choice(EDITIONS)
        label = "" if edition == "示范区" else f"A{rng.randint(1, 8):02d}"
        day = FIRST_DAY + timedelta(days=rng.randrange(DAYS))
        pages.append(SyntheticPage(f"bench_{number:05d}.txt", day, edition, label, "\n\n".join(chosen)))
    return pages


def setup_django(with_index: bool) -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    sys.path.insert(0, str(ROOT))
    import django
    from django.conf import settings

    if not with_index:
        settings.HAYSTACK_SIGNAL_PROCESSOR = "haystack.signals.BaseSignalProcessor"
    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def report(label: str, seconds: float, pages: int, articles: int | None, megabytes: float) -> None:
    rates = [f"{pages / seconds:8.1f} pages/s"]
    rates.append(f"{articles / seconds:8.1f} articles/s" if articles is not None else " " * 19)
    rates.append(f"{megabytes / seconds:6.2f} MB/s")
    print(f"{label:<22}{seconds:8.2f} s  " + "  ".join(rates) + f"  peak RSS {peak_rss_mb():7.1f} MB")


def run(pages: list[SyntheticPage], data_dir: Path) -> None:
    import jieba

    from archive.districts import gazetteer_from_db
    from archive.ingest.pipeline import parse_page
    from archive.loading import load_page

    megabytes = sum(len(page.text.encode("utf-8")) for page in pages) / 1e6
    print(f"{len(pages)} pages, {megabytes:.1f} MB of UTF-8 text\n")

    gazetteer = gazetteer_from_db()
    parse_page(pages[0].text, pages[0].date, pages[0].edition, gazetteer)  # loads lexicons and dictionaries
    started = time.perf_counter()
    articles = sum(len(parse_page(p.text, p.date, p.edition, gazetteer).articles) for p in pages)
    report("parse (pure)", time.perf_counter() - started, len(pages), articles, megabytes)

    started = time.perf_counter()
    loaded = 0
    for page in pages:
        result = load_page(
            page.text.encode("utf-8"), source_file=page.name, date=page.date, edition=page.edition, label=page.label
        )
        loaded += result.counts["articles"]
    report("decode+parse+load (DB)", time.perf_counter() - started, len(pages), loaded, megabytes)

    tokenizer = jieba.Tokenizer()
    tokenizer.tmp_dir = str(data_dir)
    tokenizer.initialize()
    started = time.perf_counter()
    for page in pages:
        tokenizer.lcut(page.text)
    report("jieba.lcut", time.perf_counter() - started, len(pages), None, megabytes)

    from archive.models import Article, Mention, Person

    print(
        f"\nstored: {Article.objects.count()} articles, {Person.objects.count()} people, "
        f"{Mention.objects.count()} mentions; database {(data_dir / 'archive.sqlite3').stat().st_size / 1e6:.1f} MB"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--pages", type=int, default=2000, help="synthetic pages to import (default 2000)")
    parser.add_argument("--seed", type=int, default=1, help="random seed")
    parser.add_argument("--with-index", action="store_true", help="let the search index follow the load")
    parser.add_argument("--keep", action="store_true", help="keep the temporary data directory")
    args = parser.parse_args()
    if args.pages < 1:
        parser.error("--pages must be at least 1")

    data_dir = Path(tempfile.mkdtemp(prefix="import-bench-"))
    os.environ["ARCHIVE_DATA_DIR"] = str(data_dir)
    try:
        setup_django(args.with_index)
        run(synthetic_pages(args.pages, random.Random(args.seed)), data_dir)
    finally:
        if args.keep:
            print(f"data kept in {data_dir}")
        else:
            shutil.rmtree(data_dir, ignore_errors=True)


if __name__ == "__main__":
    main()
