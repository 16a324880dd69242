"""Search speed: indexing throughput and query latency, on a synthetic archive or on real articles beside a peer.

    .venv/bin/python benchmarks/search_bench.py --articles 20000
    .venv/bin/python benchmarks/search_bench.py --articles 100000 --queries 60 --keep
    .venv/bin/python benchmarks/search_bench.py --reuse /tmp/search-bench-XXXX --queries 60

The synthetic corpus lives in a temporary ARCHIVE_DATA_DIR: articles recombine sentences of
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

Real articles (``--corpus``, one ``{"date", "title", "body"}`` per line; benchmarks/corpus_xwlb.py
converts the xwlb news transcripts):

    python3 benchmarks/corpus_xwlb.py XWLB_DIR /tmp/xwlb.jsonl
    .venv/bin/python benchmarks/search_bench.py --corpus /tmp/xwlb.jsonl --scale 100000 --data-dir /tmp/bench-xwlb-100k
    .venv/bin/python benchmarks/search_bench.py --reuse /tmp/bench-xwlb-100k [--rebuild] [--engine solr --solr-url U]

loads the articles (copies with dates shifted back by the corpus's span when ``--scale`` exceeds
it), times ``rebuild_index``, builds the peer (benchmarks/fts5_peer.py: Datasette over SQLite FTS5
trigram, in its own venv ``--peer-venv``), and times five query classes sampled from the articles
with ``--seed`` over HTTP: the project's HTML page and API (gunicorn, 2 workers) and the peer, one
sequential pass after a warm-up pass (the page on its own sample of each class, see ``time_queries``).
It prints per class p50/p95/max, the API/peer ratio and the counts beside the exact substring count
(of the folded text, as the index reads it); for the rare strings whether every exact match (up to 20)
is on the project's first result page; worker RSS after ``--rss-queries`` project requests; index and
peer sizes. ``--data-dir`` keeps everything for ``--reuse``; ``--rebuild`` re-indexes a reused
directory after the engine changed.
"""
from __future__ import annotations

import argparse
import json
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
from collections import Counter, defaultdict
from datetime import date, timedelta
from itertools import chain
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


CJK_RUN = re.compile(r"[\u4e00-\u9fff]+")
# National leaders named in CCTV news (the xwlb corpus); --names replaces them for another corpus.
LEADERS = (
    "习近平", "李克强", "李强", "胡锦涛", "温家宝", "张德江", "俞正声", "刘云山", "王岐山", "张高丽",
    "栗战书", "汪洋", "王沪宁", "赵乐际", "韩正", "蔡奇", "丁薛祥", "李希", "王毅",
)
CLASSES = ("frequent 2-char word", "mid-frequency 3-4 chars", "rare 4-6 char string", "two words (AND)",
           "leaders' names")
TOP = 20


def read_corpus(path: Path) -> list[dict]:
    with path.open(encoding="utf-8") as lines:
        return [json.loads(line) for line in lines if line.strip()]


def load_corpus(rows: list[dict], scale: int) -> int:
    """Bulk-create ``scale`` articles from ``rows`` (one issue and page per date), repeating the corpus
    with dates shifted back by its whole span per copy when ``scale`` exceeds it; returns the count."""
    from archive.models import Article, Issue, Page

    dates = [date.fromisoformat(row["date"]) for row in rows]
    span = timedelta(days=(max(dates) - min(dates)).days + 1)
    chosen = [(copy, number) for copy in range(-(-scale // len(rows))) for number in range(len(rows))][:scale]
    issue_days = sorted({dates[number] - copy * span for copy, number in chosen})
    issues = Issue.objects.bulk_create([Issue(date=day) for day in issue_days], batch_size=2000)
    pages = Page.objects.bulk_create(
        [Page(issue=issue, label="1", source_file=f"{issue.date}.json", raw_text="", sha256="0" * 64)
         for issue in issues], batch_size=2000,
    )
    page_of = {page.issue.date: page for page in pages}
    order, batch = {}, []
    for copy, number in chosen:
        day = dates[number] - copy * span
        page = page_of[day]
        order[page.pk] = order.get(page.pk, 0) + 1
        batch.append(Article(page=page, order=order[page.pk], headline=rows[number]["title"][:300],
                             body=rows[number]["body"], publication_date=day))
        if len(batch) == 5000:
            Article.objects.bulk_create(batch)
            batch = []
    Article.objects.bulk_create(batch)
    return len(chosen)


def rebuild_timed() -> tuple[float, float]:
    """Wall and CPU seconds (the forked writer processes included) of ``rebuild_index``."""
    from django.core.management import call_command

    clock = time.perf_counter(), cpu_seconds()
    call_command("rebuild_index", interactive=False, verbosity=0)
    return time.perf_counter() - clock[0], cpu_seconds() - clock[1]


def article_texts() -> dict[int, str]:
    """Every article's searchable text as the index sees it (headline, subtitles, body), by id."""
    from archive.models import Article

    return {pk: "\n".join([headline, *subtitles, body])
            for pk, headline, subtitles, body in Article.objects.order_by("pk").values_list(
                "pk", "headline", "subtitles", "body").iterator(chunk_size=5000)}


def sample_queries(texts: dict[int, str], rng: random.Random, count: int, names: list[str]) -> dict[str, list]:
    """``count`` queries per class, each a list of strings that must all occur, drawn from ``texts``.

    Word classes come from jieba's words in 2,000 random articles: the 100 two-character words found in the
    most of them, and three- or four-character words found in 0.2-2% of them; two words are one of each.
    Rare strings are 4-6 consecutive Chinese characters at a random place of a random article, whatever
    jieba makes of them.
    """
    import jieba

    jieba.setLogLevel(60)
    ids = sorted(texts)
    sample = [texts[pk] for pk in rng.sample(ids, min(2000, len(ids)))]
    frequency = Counter()
    for text in sample:
        frequency.update({word for run in CJK_RUN.findall(text) for word in jieba.lcut(run, HMM=False)})
    frequent = sorted((w for w in frequency if len(w) == 2), key=lambda w: (-frequency[w], w))[:100]
    middle = sorted(w for w in frequency if 3 <= len(w) <= 4 and 0.002 <= frequency[w] / len(sample) <= 0.02)

    def rare():
        while True:
            runs = [run for run in CJK_RUN.findall(texts[rng.choice(ids)]) if len(run) >= 6]
            if runs:
                run, length = rng.choice(runs), rng.randint(4, 6)
                start = rng.randrange(len(run) - length + 1)
                return [run[start : start + length]]

    def two_words():
        return [rng.choice(frequent), rng.choice(middle)]

    return {
        CLASSES[0]: [[rng.choice(frequent)] for _ in range(count)],
        CLASSES[1]: [[rng.choice(middle)] for _ in range(count)],
        CLASSES[2]: [rare() for _ in range(count)],
        CLASSES[3]: [two_words() for _ in range(count)],
        CLASSES[4]: [[name] for name in names],
    }


def exact_matches(folded_texts: dict[int, str], terms: list[str]) -> list[int]:
    """Articles whose folded text (``search.whoosh_match.folded``: traditional characters as simplified ones,
    spaces between Chinese characters dropped, as the index reads them) holds every folded string in ``terms``.

    A raw substring count of the stored text misses 以來 for 以来 and 施政 after 求真务实 for 实施, which
    the project finds on purpose; the peer's counts are raw.
    """
    from search.whoosh_match import folded

    wanted = [folded(term) for term in terms]
    return [pk for pk, text in folded_texts.items() if all(term in text for term in wanted)]


FAILURES = []


def fetch(url: str) -> tuple[float, bytes | None]:
    """Milliseconds and body of one GET; an HTTP error or timeout gives no body and is kept in ``FAILURES``."""
    started = time.perf_counter()
    try:
        with urllib.request.urlopen(url, timeout=120) as response:
            body = response.read()
    except OSError as error:
        FAILURES.append(f"{urllib.parse.unquote(url)[:160]}: {error}")
        body = None
    return (time.perf_counter() - started) * 1000, body


def rss(pid: int) -> tuple[int, int]:
    """(VmRSS, RssAnon) of a process in MB: resident in all, and the part not backed by files (not shareable)."""
    status = dict(line.split(":", 1) for line in Path(f"/proc/{pid}/status").read_text().splitlines())
    return tuple(int(status[key].split()[0]) // 1024 for key in ("VmRSS", "RssAnon"))


def children_rss(parent: int) -> list[tuple[int, int]]:
    """``rss`` of each direct child of ``parent`` (the gunicorn workers)."""
    figures = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            if int(stat.read_text().rsplit(")", 1)[1].split()[1]) == parent:
                figures.append(rss(int(stat.parent.name)))
        except (OSError, ValueError, IndexError):
            continue
    return sorted(figures)


def start_site(data_dir: Path, env_extra: dict) -> tuple[subprocess.Popen, str]:
    port = free_port()
    server = subprocess.Popen(
        [str(ROOT / ".venv" / "bin" / "gunicorn"), "config.wsgi:application", "--bind", f"127.0.0.1:{port}",
         "--workers", "2", "--config", "config/gunicorn.conf.py", "--log-level", "warning"],
        cwd=ROOT, env={**os.environ, "ARCHIVE_DATA_DIR": str(data_dir), **env_extra},
    )
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 300
    while True:
        try:
            urllib.request.urlopen(f"{base}/api/search?q=%E6%96%B0%E9%97%BB", timeout=120).read()
            return server, base
        except OSError:
            if time.monotonic() > deadline or server.poll() is not None:
                server.terminate()
                raise RuntimeError("gunicorn did not start") from None
            time.sleep(0.5)


def result_ids(body: bytes) -> list[int]:
    return [int(re.search(r"/articles/(\d+)/", row["url"]).group(1)) for row in json.loads(body)["results"]]


def prepare_corpus(args, data_dir: Path, peer_db: Path) -> dict[int, str]:
    """Load and index the corpus (or reuse DIR's, re-indexing it with ``--rebuild``), build the peer database
    if missing, print the build times and sizes; returns ``article_texts()``."""
    import fts5_peer
    from django.core.management import call_command

    from archive.models import Article

    if not args.reuse:
        call_command("migrate", verbosity=0)
        call_command("collectstatic", interactive=False, verbosity=0)  # the HTML page needs the manifest
        rows = read_corpus(args.corpus)
        started = time.perf_counter()
        count = load_corpus(rows, args.scale or len(rows))
        print(f"loaded {count} articles ({len(rows)} in {args.corpus.name}) in {time.perf_counter() - started:.0f} s"
              f" into {data_dir}")
    if not args.reuse or args.rebuild:
        wall, cpu = rebuild_timed()
        count = Article.objects.count()
        print(f"rebuild_index ({args.engine}): {wall:.0f} s wall, {cpu:.0f} s CPU (forked writers included),"
              f" {count / wall:.0f} articles/s")
    if not peer_db.exists():
        started = time.perf_counter()
        fts5_peer.build(peer_db, ((pk, day.isoformat(), headline, body) for pk, day, headline, body in
                                  Article.objects.order_by("pk").values_list(
                                      "pk", "publication_date", "headline", "body").iterator(chunk_size=5000)))
        print(f"peer FTS5 trigram build: {time.perf_counter() - started:.0f} s")
    texts = article_texts()
    megabytes = sum(len(text.encode("utf-8")) for text in texts.values()) / 1e6
    index_dir = data_dir / "whoosh_index"
    index_size = (f"{sum(f.stat().st_size for f in index_dir.glob('*')) / 1e6:.0f} MB"
                  if args.engine == "whoosh" and index_dir.exists() else "n/a (Solr)")
    print(f"articles: {len(texts)}, text {megabytes:.0f} MB; project index {index_size};"
          f" peer database {peer_db.stat().st_size / 1e6:.0f} MB")
    return texts


def time_queries(targets: dict, queries: dict[str, list], warm_up: list,
                 html_queries: dict[str, list]) -> tuple[dict, dict, dict]:
    """Send the ``warm_up`` queries to every target, then time ``queries`` target by target (the HTML page
    ``html_queries``); returns milliseconds per class and target, the project's (API) and the peer's count
    per query, and the ids of the API's first page.

    Warm-up queries differ from the timed ones. The page is timed on another sample of the same classes:
    a worker keeps a query's matches and facet counts for its index generation, so timing the API on the
    queries the page had just run (as this benchmark did) gave it warm requests, 5–17 ms cheaper at 100k
    articles than cold ones. The leaders' names are the same few in every sample (and in the warm-up).
    """
    import fts5_peer

    for make_url in targets.values():
        for terms in warm_up:
            fetch(make_url(terms))
    timings = {kind: {} for kind in queries}
    counts, tops = defaultdict(dict), {}
    for target, make_url in targets.items():
        for kind, kind_queries in (html_queries if target == "HTML" else queries).items():
            timings[kind][target] = []
            for terms in kind_queries:
                elapsed, body = fetch(make_url(terms))
                timings[kind][target].append(elapsed)
                if body is None:
                    continue
                key = " ".join(terms)
                if target == "API":
                    counts[key]["project"] = json.loads(body)["count"]
                    tops[key] = result_ids(body)
                elif target == "peer":
                    counts[key]["peer"] = fts5_peer.Peer.count(body)
    return timings, counts, tops


def run_corpus(args, data_dir: Path):
    """The real-articles benchmark: project (HTML, API) beside the FTS5 peer per query class, then worker RSS."""
    import fts5_peer

    peer_db = data_dir / "peer.sqlite3"
    texts = prepare_corpus(args, data_dir, peer_db)
    queries = sample_queries(texts, random.Random(args.seed), args.queries, args.names)
    html_queries = sample_queries(texts, random.Random(args.seed + 2), args.queries, args.names)
    from search.whoosh_match import folded

    folded_texts = {pk: folded(text) for pk, text in texts.items()}
    exact = {" ".join(terms): exact_matches(folded_texts, terms) for terms in chain.from_iterable(queries.values())}
    mixed = list(chain.from_iterable(
        sample_queries(texts, random.Random(args.seed + 1), args.rss_queries // 8, args.names).values()))
    random.Random(args.seed).shuffle(mixed)
    warm_up = mixed[: args.queries]
    datasette = fts5_peer.ensure_datasette(args.peer_venv)
    site, base = start_site(data_dir, {"ARCHIVE_SOLR_URL": args.solr_url} if args.engine == "solr" else {})
    peer = fts5_peer.Peer(datasette, peer_db, free_port())
    try:
        peer.wait_ready()
        targets = {
            "HTML": lambda terms: f"{base}/search/?{urllib.parse.urlencode({'q': ' '.join(terms)})}",
            "API": lambda terms: f"{base}/api/search?{urllib.parse.urlencode({'q': ' '.join(terms)})}",
            "peer": peer.url,
        }
        timings, counts, tops = time_queries(targets, queries, warm_up, html_queries)
        peer_rss = rss(peer.process.pid)
        served = 2 * (len(warm_up) + sum(map(len, queries.values())))  # HTML and API
        started = time.perf_counter()
        for number in range(max(0, args.rss_queries - served)):
            fetch(targets["API" if number % 2 else "HTML"](mixed[number % len(mixed)]))
        mixed_seconds = time.perf_counter() - started
        worker_rss = children_rss(site.pid)
    finally:
        site.terminate()
        site.wait(timeout=30)
        peer.stop()

    report_corpus(timings, counts, exact, tops, queries)
    print(f"\nworker RSS after {max(served, args.rss_queries)} project requests (warm-up and timed, then fresh"
          f" mixed ones, HTML and API alternating: {max(0, args.rss_queries - served)} in {mixed_seconds:.0f} s):"
          f" {', '.join(f'{total} MB (anonymous {anon} MB)' for total, anon in worker_rss)}")
    print(f"peer (datasette) RSS after the timed pass: {peer_rss[0]} MB (anonymous {peer_rss[1]} MB)")
    print(f"failed requests: {len(FAILURES)}", *FAILURES[:20], sep="\n  ")


def stats(values: list[float]) -> str:
    return f"{statistics.median(values):.0f} / {percentile(values, 0.95):.0f} / {max(values):.0f}"


def report_corpus(timings, counts, exact, tops, queries):
    print("\nSequential GETs, each target in turn after a warm-up pass of other queries. Project: /search/?q="
          " (HTML) and /api/search?q= (gunicorn, 2 workers). Peer: Datasette SQL over FTS5 trigram, strings of 3+"
          " characters as MATCH phrases ranked by bm25, 2-character strings as LIKE scans (benchmarks/fts5_peer.py)."
          " Counts: the project's total, articles containing every string exactly, the peer's total.")
    print("\n| class | n | HTML p50/p95/max ms | API p50/p95/max ms | peer p50/p95/max ms | API/peer p50 |"
          " API/peer p95 | counts project/exact/peer (median) | queries project≠exact | peer≠exact |")
    print("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |")
    for kind, kind_queries in queries.items():
        keys = [" ".join(terms) for terms in kind_queries]
        api, peer = timings[kind]["API"], timings[kind]["peer"]
        column = {
            source: statistics.median(counts.get(key, {}).get(source, -1) for key in keys)
            for source in ("project", "peer")
        }
        exact_median = statistics.median(len(exact[key]) for key in keys)
        off = sum(counts.get(key, {}).get("project") != len(exact[key]) for key in keys)
        peer_off = sum(counts.get(key, {}).get("peer") != len(exact[key]) for key in keys)
        print(f"| {kind} | {len(keys)} | {stats(timings[kind]['HTML'])} | {stats(api)} | {stats(peer)} |"
              f" {statistics.median(api) / statistics.median(peer):.1f} |"
              f" {percentile(api, 0.95) / percentile(peer, 0.95):.1f} |"
              f" {column['project']:.0f} / {exact_median:.0f} / {column['peer']:.0f} | {off} | {peer_off} |")
    print(f"\nprecision/recall, unquoted rare strings: project count vs exact substring count; 'top {TOP}' says whether"
          f" every exact match (up to {TOP}) is among the project's first {TOP} results")
    print(f"\n| string | project | exact | peer | top {TOP} |")
    print("| --- | --- | --- | --- | --- |")
    complete = 0
    for terms in queries[CLASSES[2]]:
        key = " ".join(terms)
        found = counts.get(key, {})
        wanted = set(exact[key])
        hit = len(wanted & set(tops.get(key, []))) == min(TOP, len(wanted))
        complete += hit
        print(f"| {key} | {found.get('project', 'error')} | {len(wanted)} | {found.get('peer', 'error')} |"
              f" {'yes' if hit else 'NO'} |")
    print(f"\nrare strings with every exact match (up to {TOP}) in the first {TOP}:"
          f" {complete}/{len(queries[CLASSES[2]])}")
    others = [(kind, key) for kind, kind_queries in queries.items() if kind != CLASSES[2]
              for key in map(" ".join, kind_queries) if counts.get(key, {}).get("project") != len(exact[key])]
    if others:
        print("\nother queries whose project count is not the exact count:")
        print("\n| class | query | project | exact | peer |")
        print("| --- | --- | --- | --- | --- |")
        for kind, key in others:
            print(f"| {kind} | {key} | {counts.get(key, {}).get('project', 'error')} | {len(exact[key])} |"
                  f" {counts.get(key, {}).get('peer', 'error')} |")


def report_latency(title: str, figures: dict):
    print(f"\n{title}")
    for kind, value in figures.items():
        if isinstance(value, list):
            print(f"  {kind:16s} p50 {statistics.median(value):7.1f} ms   p95 {percentile(value, 0.95):7.1f} ms"
                  f"   (n={len(value)})")
        else:
            print(f"  {kind:16s} {value:.2f}")


def run_synthetic(args, data_dir: Path):
    """The synthetic-corpus benchmark: build (unless reused), index, then in-process and HTTP latency per kind."""
    from django.core.management import call_command

    rng = random.Random(args.seed)
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
    real = parser.add_argument_group("real articles (--corpus)")
    real.add_argument("--corpus", type=Path, metavar="FILE.jsonl",
                      help='one {"date", "title", "body"} per line (benchmarks/corpus_xwlb.py makes one)')
    real.add_argument("--scale", type=int, help="articles to load: fewer than the corpus, or copies with shifted dates")
    real.add_argument("--data-dir", type=Path, help="build in this new directory and keep it (implies --keep)")
    real.add_argument("--names", type=lambda text: text.split(","), default=list(LEADERS), metavar="NAME,NAME",
                      help="the leaders' names query class (default: national leaders in CCTV news)")
    real.add_argument("--rss-queries", type=int, default=1000,
                      help="project requests served in all before worker RSS is read (mixed queries top it up)")
    real.add_argument("--rebuild", action="store_true", help="with --reuse: run rebuild_index again (timed)")
    real.add_argument("--peer-venv", type=Path, default=Path("/tmp/bench-venv"),
                      help="virtual environment for Datasette, created with pip install datasette if missing")
    real.add_argument("--engine", choices=("whoosh", "solr"), default="whoosh")
    real.add_argument("--solr-url", help="ARCHIVE_SOLR_URL for the rebuild and the served site (--engine solr)")
    args = parser.parse_args()
    if args.engine == "solr" and not args.solr_url:
        parser.error("--engine solr needs --solr-url")

    if args.data_dir and not args.reuse:
        args.data_dir.mkdir(parents=True)
        args.keep = True
    data_dir = args.reuse or args.data_dir or Path(tempfile.mkdtemp(prefix="search-bench-"))
    (data_dir / "staticfiles").mkdir(exist_ok=True)
    os.environ["ARCHIVE_DATA_DIR"] = str(data_dir)
    if args.engine == "solr":
        os.environ["ARCHIVE_SOLR_URL"] = args.solr_url
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()

    try:
        if args.corpus or (args.reuse and (args.reuse / "peer.sqlite3").exists()):
            run_corpus(args, data_dir)
        else:
            run_synthetic(args, data_dir)
    finally:
        if not (args.keep or args.reuse):
            shutil.rmtree(data_dir, ignore_errors=True)


if __name__ == "__main__":
    main()
