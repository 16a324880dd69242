"""Search speed on a synthetic archive: indexing throughput and query latency, in-process and over HTTP.

    .venv/bin/python benchmarks/search_bench.py --articles 20000
    .venv/bin/python benchmarks/search_bench.py --articles 100000 --queries 60 --keep
    .venv/bin/python benchmarks/search_bench.py --reuse /tmp/search-bench-XXXX --queries 60

The corpus lives in a temporary ARCHIVE_DATA_DIR: articles recombine sentences of
the seed pages, with synthetic officials (random names from a surname and
given-name lexicon, never real people), districts and dates. It prints jieba's
bare tokenization speed on the same text beside the indexing speed, the index
size, and p50/p95 latency per query kind. Indexing CPU includes the index
writer's forked processes, so "index/jieba CPU" is the work ratio and
"index/jieba wall" the elapsed one on this machine's cores. The HTTP part starts gunicorn on a
free local port and queries ``/api/search``; it is skipped (with a message) if
that endpoint does not exist. ``--keep`` leaves the data directory behind, and
``--reuse DIR`` measures queries again on it without rebuilding (a 100k build and
index takes ~15 minutes on 2 cores).
"""
from __future__ import annotations

import argparse
import os
import random
import re
import resource
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SURNAMES = (
    "王李张刘陈杨赵黄周吴徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程魏苏吕丁任沈"
    "姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤"
)
GIVEN = "建国华明伟芳军平红霞玉兰志强永刚海涛立新春秋文武振东宏亮英杰丽娟敏静鹏飞云峰俊辉超勇斌磊晓庆学红卫民利德昌胜义"
TITLES = (
    "市委书记", "市长", "副市长", "市委常委", "市委副书记", "区委书记", "区长", "县委书记", "县长", "副县长",
    "市人大常委会主任",
)
ACTIONS = ("出席会议并讲话", "主持召开专题会议", "深入基层调研", "会见客商一行", "参加活动", "作工作部署")
SAMPLE_DOCS = 2000


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def seed_sentences() -> list[str]:
    text = "".join(path.read_text(encoding="utf-8") for path in sorted((ROOT / "seeds").glob("*.txt")))
    text = re.sub(r"(?<=[\u4e00-\u9fff]) +(?=[\u4e00-\u9fff])", "", text.replace("\n", ""))
    return [s + "。" for s in re.split(r"[。！？]", text) if len(s) >= 8]


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def cpu_seconds() -> float:
    """CPU time of this process and its finished children (the index writer's forked processes)."""
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return time.process_time() + children.ru_utime + children.ru_stime


def build_corpus(count: int, rng: random.Random):
    """Bulk-create ``count`` synthetic articles (bulk_create sends no signals: the index is built afterwards)."""
    from archive.districts import sync_districts
    from archive.models import Article, District, Issue, Mention, Page, Person

    sync_districts()
    sentences = seed_sentences()
    districts = list(District.objects.all())
    names = set()
    while len(names) < max(50, count // 20):
        names.add(rng.choice(SURNAMES) + "".join(rng.choice(GIVEN) for _ in range(rng.choice((1, 2, 2)))))
    people = Person.objects.bulk_create([Person(name=name) for name in sorted(names)])
    weights = [1 / (rank + 1) for rank in range(len(people))]
    first_day = date(2012, 1, 1)
    days = [first_day + timedelta(days=offset) for offset in range(0, 13 * 365, 2)]
    issues = Issue.objects.bulk_create([Issue(date=day) for day in days])
    pages = Page.objects.bulk_create(
        [Page(issue=issue, label="A01", source_file=f"{issue.date}.txt", raw_text="", sha256="0" * 64)
         for issue in issues]
    )
    articles, mentions, links, order = [], [], [], {}
    for number in range(count):
        page = rng.choice(pages)
        order[page.pk] = order.get(page.pk, 0) + 1
        officials = list(dict.fromkeys(rng.choices(people, weights, k=rng.choice((0, 1, 2, 3)))))
        parts = [f"{rng.choice(TITLES)}{person.name}{rng.choice(ACTIONS)}。" for person in officials]
        while sum(map(len, parts)) < rng.randint(400, 1400):
            parts.append(rng.choice(sentences))
        rng.shuffle(parts)
        body = "\n".join("".join(parts[i : i + 4]) for i in range(0, len(parts), 4))
        articles.append(Article(
            page=page, order=order[page.pk], headline=rng.choice(sentences)[:rng.randint(8, 24)],
            body=body, publication_date=page.issue.date,
        ))
        mentions.append(officials)
        links.append(rng.sample(districts, rng.choice((0, 1, 1, 2))))
        if len(articles) == 2000 or number == count - 1:
            created = Article.objects.bulk_create(articles)
            Mention.objects.bulk_create([
                Mention(article=article, person=person, position=position)
                for article, people_of in zip(created, mentions, strict=True)
                for position, person in enumerate(people_of)
            ])
            Article.districts.through.objects.bulk_create([
                Article.districts.through(article_id=article.pk, district_id=district.pk)
                for article, chosen in zip(created, links, strict=True) for district in chosen
            ])
            articles, mentions, links = [], [], []
    return people, districts


def measure_indexing(count: int) -> dict:
    from django.core.management import call_command

    from archive.models import Article
    from search import analysis, dictionary

    sample = [
        "\n".join([a.headline, *a.subtitles, a.body])
        for a in Article.objects.order_by("pk")[:SAMPLE_DOCS]
    ]
    megabytes = sum(len(text.encode("utf-8")) for text in sample) / 1e6
    tokenizer = dictionary.tokenizer()
    clock = time.perf_counter(), cpu_seconds()
    for text in sample:
        tokenizer.lcut(text)
    jieba_wall, jieba_cpu = time.perf_counter() - clock[0], cpu_seconds() - clock[1]
    started = time.perf_counter()
    for text in sample:
        for _ in analysis.terms(text):
            pass
    analysis_wall = time.perf_counter() - started
    clock = time.perf_counter(), cpu_seconds()
    call_command("rebuild_index", interactive=False, verbosity=0)
    index_wall, index_cpu = time.perf_counter() - clock[0], cpu_seconds() - clock[1]
    share = count / len(sample)
    return {
        "docs": count,
        "jieba MB/s": megabytes / jieba_wall,
        "analysis MB/s": megabytes / analysis_wall,
        "jieba docs/s": len(sample) / jieba_wall,
        "index docs/s": count / index_wall,
        "index seconds": index_wall,
        "index/jieba wall": index_wall / (jieba_wall * share),
        "index/jieba CPU": index_cpu / (jieba_cpu * share),
    }


def query_mix(rng: random.Random, people, districts, count: int, only=()) -> dict[str, list[dict]]:
    """``count`` varied requests per kind (all kinds, or those named in ``only``), as GET parameters."""
    from search import analysis, dictionary

    words = [w for s in seed_sentences()[:400] for w in dictionary.segment(s) if len(w) >= 2 and analysis.is_chinese(w)]
    sentences = [s for s in seed_sentences() if len(s) > 12]
    popular = people[: max(10, len(people) // 20)]

    def phrase():
        sentence = rng.choice(sentences)
        start = rng.randrange(0, len(sentence) - 8)
        return f'"{sentence[start : start + rng.randint(4, 8)]}"'

    kinds = {
        "one word": lambda: {"q": rng.choice(words)},
        "two words": lambda: {"q": f"{rng.choice(words)} {rng.choice(words)}"},
        "phrase": lambda: {"q": phrase()},
        "official filter": lambda: {"q": rng.choice(words), "official": str(rng.choice(popular).pk)},
        "faceted": lambda: {"district": rng.choice(districts).slug, "year": str(rng.randint(2012, 2024))},
        "browse all": lambda: {},
    }
    return {kind: [make() for _ in range(count)] for kind, make in kinds.items() if not only or kind in only}


def as_request(params: dict):
    from search.engine import SearchRequest

    return SearchRequest(
        q=params.get("q", ""),
        officials=[int(params["official"])] if "official" in params else [],
        districts=[params["district"]] if "district" in params else [],
        year=int(params["year"]) if "year" in params else None,
    )


def measure_in_process(mix) -> dict:
    from search import generation
    from search.engine import run_search
    from search.warmup import warm_up

    generation.forget()
    started = time.perf_counter()
    warm_up()
    warm = time.perf_counter() - started
    started = time.perf_counter()
    run_search(as_request(next(iter(mix.values()))[0]))
    first = time.perf_counter() - started
    figures = {"warm_up s": warm, "first query ms": first * 1000}
    for kind, requests in mix.items():
        timings = []
        for params in requests:
            started = time.perf_counter()
            run_search(as_request(params))
            timings.append((time.perf_counter() - started) * 1000)
        figures[kind] = timings
    return figures


def measure_http(mix, data_dir: Path) -> dict | str:
    port = free_port()
    env = {**os.environ, "ARCHIVE_DATA_DIR": str(data_dir)}
    server = subprocess.Popen(
        [str(ROOT / ".venv" / "bin" / "gunicorn"), "config.wsgi:application", "--bind", f"127.0.0.1:{port}",
         "--workers", "2", "--config", "config/gunicorn.conf.py", "--log-level", "warning"],
        cwd=ROOT, env=env,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 120
        while True:
            try:
                status = urllib.request.urlopen(f"{base}/api/search?q=%E7%84%A6%E4%BD%9C", timeout=30).status
                break
            except urllib.error.HTTPError as error:
                status = error.code
                break
            except OSError:
                if time.monotonic() > deadline or server.poll() is not None:
                    return "gunicorn did not start"
                time.sleep(0.5)
        if status == 404:
            return "skipped: /api/search does not exist yet"
        figures = {}
        for kind, requests in mix.items():
            timings = []
            for params in requests:
                url = f"{base}/api/search?{urllib.parse.urlencode(params)}"
                started = time.perf_counter()
                with urllib.request.urlopen(url, timeout=60) as response:
                    response.read()
                timings.append((time.perf_counter() - started) * 1000)
            figures[kind] = timings
        return figures
    finally:
        server.terminate()
        server.wait(timeout=30)


def report_latency(title: str, figures: dict):
    print(f"\n{title}")
    for kind, value in figures.items():
        if isinstance(value, list):
            print(f"  {kind:16s} p50 {statistics.median(value):7.1f} ms   p95 {percentile(value, 0.95):7.1f} ms"
                  f"   (n={len(value)})")
        else:
            print(f"  {kind:16s} {value:.2f}")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=20000)
    parser.add_argument("--queries", type=int, default=40, help="requests per query kind")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--no-http", action="store_true")
    parser.add_argument("--keep", action="store_true", help="keep the temporary data directory")
    parser.add_argument("--kinds", type=lambda text: text.split(","), default=(), metavar="KIND,KIND",
                        help='only these query kinds, e.g. "faceted,browse all"')
    parser.add_argument("--reuse", type=Path, metavar="DIR",
                        help="query the corpus and index a --keep run left in DIR (no build, no indexing)")
    args = parser.parse_args()

    data_dir = args.reuse or Path(tempfile.mkdtemp(prefix="search-bench-"))
    (data_dir / "staticfiles").mkdir(exist_ok=True)
    os.environ["ARCHIVE_DATA_DIR"] = str(data_dir)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from django.core.management import call_command

    rng = random.Random(args.seed)
    try:
        if args.reuse:
            from archive.models import District, Person

            people, districts = list(Person.objects.order_by("pk")), list(District.objects.all())
        else:
            call_command("migrate", verbosity=0)
            started = time.perf_counter()
            people, districts = build_corpus(args.articles, rng)
            print(f"corpus: {args.articles} articles, {len(people)} officials in"
                  f" {time.perf_counter() - started:.1f} s ({data_dir})")
            indexing = measure_indexing(args.articles)
            print("\nindexing")
            for name, value in indexing.items():
                print(f"  {name:20s} {value:10.2f}")
        size = sum(f.stat().st_size for f in (data_dir / "whoosh_index").glob("*")) / 1e6
        print(f"  {'index size MB':20s} {size:10.1f}")
        mix = query_mix(rng, people, districts, args.queries, args.kinds)
        report_latency("in-process run_search", measure_in_process(mix))
        if not args.no_http:
            http = measure_http(mix, data_dir)
            if isinstance(http, str):
                print(f"\nHTTP: {http}")
            else:
                report_latency("HTTP GET /api/search (gunicorn, 2 workers)", http)
    finally:
        if not (args.keep or args.reuse):
            shutil.rmtree(data_dir, ignore_errors=True)


if __name__ == "__main__":
    main()
