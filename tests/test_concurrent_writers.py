"""Four ``manage.py import_pages`` processes at once while a live gunicorn answers searches (real processes).

Runs on SQLite in a temporary data directory, or, when DATABASE_URL names a PostgreSQL
server, on a fresh database created there for the test. Every import must succeed, every
search must answer, and the archive must end up holding exactly what the same four
imports write when run one after another.
"""
import json
import os
import re
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
import uuid
from contextlib import contextmanager
from pathlib import Path

import dj_database_url

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
WRITERS = 4
IMPORT_TIMEOUT = 600
SEARCHES = ({"q": "焦作"}, {"q": "会议"}, {})
# Run by ``manage.py shell``: what the archive holds, after the imports given as JSON in ARCHIVE_TEST_IMPORTS
# (a list of import_pages argument lists), each run alone, one after another; prints both as JSON.
IMPORT_AND_COUNT = """
import io, json, os
from django.core.management import call_command
from archive.models import Article, Mention, Meeting, Page, Person
single = []
for arguments in json.loads(os.environ.get("ARCHIVE_TEST_IMPORTS", "[]")):
    before = Article.objects.count()
    call_command("import_pages", *arguments, stdout=io.StringIO())
    single.append(Article.objects.count() - before)
print(json.dumps({"single": single, "pages": Page.objects.count(), "articles": Article.objects.count(),
                  "people": Person.objects.count(), "mentions": Mention.objects.count(),
                  "meetings": Meeting.objects.count()}))
"""
MONTH_DAY = re.compile(r"(\d{1,2})月(\d{1,2})日")


def writer_pages(directory: Path, writer: int) -> list[Path]:
    """The seed pages as writer ``writer``'s own files: renamed, their "M月D日" dates moved by ``writer`` days."""
    directory.mkdir(parents=True)
    paths = []
    for seed in sorted(SEEDS.glob("*.txt")):
        text = MONTH_DAY.sub(lambda m: f"{m[1]}月{(int(m[2]) + writer - 1) % 28 + 1}日", seed.read_text("utf-8"))
        path = directory / f"w{writer}-{seed.name}"
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths


def import_arguments(paths: list[Path], writer: int) -> list[str]:
    return [*map(str, paths), "--date", f"2011-0{writer}-15"]


def manage(env, *args, timeout=300) -> str:
    result = subprocess.run([sys.executable, "manage.py", *args], cwd=ROOT, env=env, capture_output=True, text=True,
                            timeout=timeout)
    assert result.returncode == 0, f"manage.py {args[0]} failed:\n{result.stdout}\n{result.stderr}"
    return result.stdout


def import_and_count(env, imports=()) -> dict:
    """Run ``imports`` (import_pages argument lists) one by one in one process; returns what the archive holds."""
    output = manage({**env, "ARCHIVE_TEST_IMPORTS": json.dumps(imports)}, "shell", "-c", IMPORT_AND_COUNT)
    return json.loads(output.strip().splitlines()[-1])


def reported_articles(output: str) -> int:
    """The article total of an import's closing summary line."""
    return int(re.search(r"涉及文章 (\d+) 篇", output)[1])


@contextmanager
def fresh_database(data_dir: Path):
    """The environment of a new, migrated archive database: SQLite in ``data_dir`` or a new PostgreSQL database."""
    env = {**os.environ, "ARCHIVE_DATA_DIR": str(data_dir)}
    url = os.environ.get("DATABASE_URL", "")
    if not url:
        manage(env, "migrate", "--noinput")
        yield env
        return
    import psycopg

    config = dj_database_url.parse(url)
    name = f"archive_concurrency_{uuid.uuid4().hex[:12]}"
    server = {key: config[field] for key, field in (("host", "HOST"), ("port", "PORT"), ("user", "USER"),
                                                   ("password", "PASSWORD")) if config[field]}
    with psycopg.connect(dbname="postgres", autocommit=True, **server) as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    try:
        env["DATABASE_URL"] = urllib.parse.urlunsplit(urllib.parse.urlsplit(url)._replace(path=f"/{name}"))
        manage(env, "migrate", "--noinput")
        yield env
    finally:
        with psycopg.connect(dbname="postgres", autocommit=True, **server) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def get_json(url: str) -> tuple[int, dict]:
    try:
        with urllib.request.urlopen(url, timeout=60) as response:
            return response.status, json.loads(response.read())
    except urllib.error.HTTPError as error:
        return error.code, {}


@contextmanager
def gunicorn(env):
    """A real gunicorn (2 workers) on a free port; yields its base URL once it answers a search."""
    port = free_port()
    (Path(env["ARCHIVE_DATA_DIR"]) / "staticfiles").mkdir(exist_ok=True)  # WhiteNoise warns without it
    server = subprocess.Popen(
        [str(Path(sys.executable).with_name("gunicorn")), "config.wsgi:application", "--bind", f"127.0.0.1:{port}",
         "--workers", "2", "--config", "config/gunicorn.conf.py", "--log-level", "warning"],
        cwd=ROOT, env=env,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 120
        while True:
            try:
                get_json(f"{base}/api/search")
                break
            except OSError:
                assert server.poll() is None and time.monotonic() < deadline, "gunicorn did not start"
                time.sleep(0.3)
        yield base
    finally:
        server.terminate()
        server.wait(timeout=30)


class SearchLoop(threading.Thread):
    """Searches the server in a loop until stopped, keeping every response's status and time (ms)."""

    def __init__(self, base: str):
        super().__init__(daemon=True)
        self.base, self.statuses, self.timings, self.stopping = base, [], [], threading.Event()

    def run(self):
        number = 0
        while not self.stopping.is_set():
            params = urllib.parse.urlencode(SEARCHES[number % len(SEARCHES)])
            started = time.perf_counter()
            try:
                self.statuses.append(get_json(f"{self.base}/api/search?{params}")[0])
            except OSError as error:
                self.statuses.append(f"{type(error).__name__}: {error}")
            self.timings.append((time.perf_counter() - started) * 1000)
            number += 1


def test_four_concurrent_imports_lose_nothing_while_gunicorn_searches(tmp_path):
    writers = {n: writer_pages(tmp_path / "pages" / str(n), n) for n in range(1, WRITERS + 1)}

    with fresh_database(tmp_path / "one_by_one") as env:
        expected = import_and_count(env, [import_arguments(writers[n], n) for n in writers])
    single = expected.pop("single")
    assert expected["articles"] == sum(single) > 0 and expected["pages"] == WRITERS * len(writers[1])

    with fresh_database(tmp_path / "concurrent") as env, gunicorn(env) as base:
        searches = SearchLoop(base)
        searches.start()
        imports = [
            subprocess.Popen([sys.executable, "manage.py", "import_pages", *import_arguments(paths, n)], cwd=ROOT,
                             env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
            for n, paths in writers.items()
        ]
        outputs = [process.communicate(timeout=IMPORT_TIMEOUT) for process in imports]
        searches.stopping.set()
        searches.join(timeout=120)
        failed = [f"writer {n}: exit {p.returncode}\n{out}\n{err}"
                  for n, p, (out, err) in zip(writers, imports, outputs, strict=True) if p.returncode != 0]
        assert not failed, "\n".join(failed)
        assert sorted(reported_articles(out) for out, _ in outputs) == sorted(single)
        assert import_and_count(env) == expected | {"single": []}
        status, everything = get_json(f"{base}/api/search")
        assert status == 200 and everything["count"] == expected["articles"]

    assert len(searches.statuses) >= WRITERS and set(searches.statuses) == {200}, searches.statuses
