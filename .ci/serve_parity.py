"""The same site on every engine and database: ``.ci/serve`` four times, the seed pages compared.

    .venv/bin/python .ci/serve_parity.py      # ARCHIVE_SOLR_URL: a collection URL of a running SolrCloud
                                              # (every node's URL, comma-separated, is fine)

Serves the seeds with ``.ci/serve`` on Whoosh + SQLite, Whoosh + PostgreSQL, Solr + SQLite and
Solr + PostgreSQL, one after the other, each with its own data directory, port and (``.ci/postgres``)
throw-away PostgreSQL cluster; each Solr server gets a new collection (``parity_sqlite``,
``parity_postgresql``, created in the cluster of ARCHIVE_SOLR_URL and deleted after), so the
collection the URL names is never touched. Each server is asked the same pages (search API and
search page with queries and facet filters, people, districts, dates, home); some pages follow
links of the first server's answers, so the seeds' own people, districts and years are visited.
Exits 1 listing every difference, 0 when all agree. Every process and directory it made is
removed, also on failure or Ctrl-C.

Compared: the API's counts, pages, facet values and counts, people cards, notices, and the
results (headline, date, page) in order for date sorts and, for relevance, as a set when one page
holds them all (each engine scores in its own way); the visible text, without snippets (each engine
picks its own fragment), of HTML pages, searches there sorted by date.
ARCHIVE_PARITY_TIMEOUT: seconds a server may take to start (default 600).
"""
from __future__ import annotations

import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from html.parser import HTMLParser
from pathlib import Path
from urllib.error import HTTPError
from urllib.parse import quote, urlencode, urlsplit
from urllib.request import urlopen

ROOT = Path(__file__).resolve().parents[1]
PYTHON = str(ROOT / ".venv" / "bin" / "python")
COLLECTION = "parity"
START_TIMEOUT = float(os.environ.get("ARCHIVE_PARITY_TIMEOUT", 600))
SEARCHES = [
    {"q": "会议", "sort": "date_desc"},
    {"q": "会议"},
    {"q": "市 -会议", "sort": "date_asc"},
    {"q": "工作 OR 建设"},
    {"q": '"全市"', "sort": "date_desc", "page": "2"},
    {"q": "焦作", "year": "2016"},
    {"sort": "date_desc"},
]


def say(message: str) -> None:
    print(f"serve parity: {message}", file=sys.stderr, flush=True)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def get(base: str, path: str) -> tuple[int, bytes]:
    try:
        with urlopen(base + path, timeout=60) as response:
            return response.status, response.read()
    except HTTPError as error:
        return error.code, error.read()


class VisibleText(HTMLParser):
    """The text a reader sees, whitespace collapsed, without scripts, styles and ``class="snippet"`` elements."""

    SKIPPED = {"script", "style"}
    VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}

    def __init__(self):
        super().__init__()
        self.parts: list[str] = []
        self.skipping: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag in self.VOID:
            return
        if self.skipping or tag in self.SKIPPED or "snippet" in (dict(attrs).get("class") or "").split():
            self.skipping.append(tag)

    def handle_endtag(self, tag):
        if self.skipping and self.skipping[-1] == tag:
            self.skipping.pop()

    def handle_data(self, data):
        if not self.skipping:
            self.parts.append(data)

    @classmethod
    def of(cls, html: str) -> str:
        parser = cls()
        parser.feed(html)
        return re.sub(r"\s+", " ", " ".join(parser.parts)).strip()


def api_summary(answer: dict, ordered: bool) -> dict:
    """The compared data of an API answer; a relevance page's results only when it holds them all."""
    results = [[r["headline"], r["publication_date"], r["page"]] for r in answer.get("results", [])]
    if not ordered:
        results = sorted(results) if answer.get("num_pages") == 1 else None
    return {
        "count": answer.get("count"), "num_pages": answer.get("num_pages"), "page": answer.get("page"),
        "facets": {name: [[v["value"], v["label"], v["count"], v["selected"]] for v in values]
                   for name, values in answer.get("facets", {}).items()},
        "people": answer.get("people"), "notices": answer.get("notices"), "error": answer.get("error"),
        "results": results,
    }


def summary(path: str, status: int, body: bytes):
    """What is compared of one answer: status and, by kind of page, its data or visible text."""
    if path.startswith("/api/search?"):
        ordered = "sort=date" in path
        try:
            return status, api_summary(json.loads(body), ordered)
        except ValueError:
            return status, body.decode("utf-8", "replace")
    return status, VisibleText.of(body.decode("utf-8", "replace"))


def pages_to_compare(base: str) -> list[str]:
    """The fixed searches plus pages reached from the first server's answers (a facet value, a person, ...)."""
    paths = [f"/api/search?{urlencode(params)}" for params in SEARCHES]
    paths += [f"/search/?{urlencode(params)}" for params in SEARCHES if params.get("sort", "").startswith("date")]
    paths += ["/", "/people/", "/districts/", "/dates/"]
    _, body = get(base, "/api/search?" + urlencode({"sort": "date_desc"}))
    everything = json.loads(body)
    for _, values in sorted(everything["facets"].items()):
        if values:
            paths.append(relative(values[0]["toggle_url"]).replace("/search/?", "/api/search?", 1))
    linked = [link["url"] for result in everything["results"] for key in ("officials", "districts")
              for link in result[key]]
    for prefix in ("/people/", "/districts/"):
        first = next((relative(url) for url in linked if relative(url).startswith(prefix)), None)
        if first:
            paths.append(first)
    years = everything["facets"].get("year") or []
    if years:
        paths.append(f"/dates/{years[0]['value']}/")
    return list(dict.fromkeys(paths))


def relative(url: str) -> str:
    parts = urlsplit(url)
    return quote(parts.path, safe="/%") + (f"?{parts.query}" if parts.query else "")


class Stack:
    """Processes, PostgreSQL clusters and directories started here, removed in reverse on ``close``."""

    def __init__(self):
        self.undo: list = []

    def close(self):
        while self.undo:
            try:
                self.undo.pop()()
            except Exception as error:  # keep cleaning up the rest
                say(f"cleanup: {type(error).__name__}: {error}")

    def directory(self, prefix: str) -> Path:
        path = Path(tempfile.mkdtemp(prefix=prefix, dir="/tmp"))
        self.undo.append(lambda: shutil.rmtree(path, ignore_errors=True))
        return path

    def postgres(self) -> str:
        cluster = self.directory("archive-parity-pg-")
        self.undo.append(lambda: subprocess.run(["bash", str(ROOT / ".ci" / "postgres"), "stop", str(cluster)],
                                                check=False, stdout=subprocess.DEVNULL))
        exported = subprocess.run(["bash", str(ROOT / ".ci" / "postgres"), "start", str(cluster)], check=True,
                                  capture_output=True, text=True).stdout
        return exported.strip().removeprefix("export DATABASE_URL=")

    def serve(self, name: str, env: dict) -> str:
        """Starts ``.ci/serve`` with ``env``; returns its base URL once the home page answers."""
        port = free_port()
        log = open(env["ARCHIVE_DATA_DIR"] + "/serve.log", "wb")  # noqa: SIM115 - closed by the undo
        server = subprocess.Popen(
            ["bash", str(ROOT / ".ci" / "serve")], cwd=ROOT, stdout=log, stderr=subprocess.STDOUT,
            env={**env, "ARCHIVE_BIND": f"127.0.0.1:{port}", "ARCHIVE_WORKERS": "1"}, start_new_session=True,
        )

        def stop():
            try:
                os.killpg(server.pid, signal.SIGTERM)
                server.wait(timeout=30)
            except ProcessLookupError:
                pass
            except subprocess.TimeoutExpired:
                os.killpg(server.pid, signal.SIGKILL)
                server.wait()
            log.close()

        self.undo.append(stop)
        base, deadline = f"http://127.0.0.1:{port}", time.monotonic() + START_TIMEOUT
        while time.monotonic() < deadline:
            if server.poll() is not None:
                break
            try:
                if get(base, "/")[0] == 200:
                    return base
            except OSError:
                pass
            time.sleep(1)
        log.flush()
        tail = Path(env["ARCHIVE_DATA_DIR"], "serve.log").read_text(errors="replace")[-3000:]
        raise RuntimeError(f"{name}: .ci/serve did not answer (exit {server.poll()}):\n{tail}")


def solr_admin(node: str, api: str, params: dict) -> None:
    with urlopen(f"{node}/admin/{api}?{urlencode(params)}", timeout=180) as response:
        response.read()


def new_collection(stack: Stack, solr_url: str, name: str) -> str:
    """A fresh 2x2 collection ``name`` in the cluster of ``solr_url``, deleted with its configset on ``close``;
    every node's URL of it."""
    nodes = [part.strip().rstrip("/").rsplit("/", 1)[0] for part in solr_url.split(",") if part.strip()]
    stack.undo.append(lambda: solr_admin(nodes[0], "configs", {"action": "DELETE", "name": name}))
    stack.undo.append(lambda: solr_admin(nodes[0], "collections", {"action": "DELETE", "name": name}))
    env = {**os.environ, "ARCHIVE_SOLR_URL": "", "ARCHIVE_DATA_DIR": str(stack.directory("archive-parity-admin-"))}
    subprocess.run([PYTHON, "manage.py", "solr_collection", "--url", f"{nodes[0]}/{name}"], cwd=ROOT, check=True,
                   stdout=subprocess.DEVNULL, env=env)
    return ",".join(f"{node}/{name}" for node in nodes)


def main() -> int:
    solr_url = os.environ.get("ARCHIVE_SOLR_URL", "")
    if not solr_url:
        say("ARCHIVE_SOLR_URL is not set: start a cluster with `bash .ci/solr up` and pass its collection URL")
        return 2
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    started, stack = time.monotonic(), Stack()
    base_env = {key: value for key, value in os.environ.items()
                if key not in ("ARCHIVE_SOLR_URL", "DATABASE_URL", "ARCHIVE_DATA_DIR", "ARCHIVE_BIND")}
    answers, paths = {}, []
    try:
        for engine in ("Whoosh", "Solr"):
            for database in ("SQLite", "PostgreSQL"):
                name, server = f"{engine} + {database}", Stack()
                stack.undo.append(server.close)
                env = {**base_env, "ARCHIVE_DATA_DIR": str(server.directory("archive-parity-data-"))}
                if engine == "Solr":
                    env["ARCHIVE_SOLR_URL"] = new_collection(server, solr_url, f"{COLLECTION}_{database.lower()}")
                if database == "PostgreSQL":
                    env["DATABASE_URL"] = server.postgres()
                base = server.serve(name, env)
                paths = paths or pages_to_compare(base)
                answers[name] = {path: summary(path, *get(base, path)) for path in paths}
                server.close()
                say(f"{name}: {len(paths)} pages read ({time.monotonic() - started:.0f} s)")
    finally:
        stack.close()
    return report(answers, paths, started)


def where_they_part(reference_name: str, expected, name: str, actual) -> list[str]:
    """Lines showing where two compared answers part: each differing API key, or text around the first change."""
    if isinstance(expected[1], dict) and isinstance(actual[1], dict) and expected[0] == actual[0]:
        return [f"  {key}: {reference_name} {expected[1].get(key)!s:.600} / {name} {actual[1].get(key)!s:.600}"
                for key in sorted(set(expected[1]) | set(actual[1])) if expected[1].get(key) != actual[1].get(key)]
    left, right = str(expected), str(actual)
    start = next((i for i, (a, b) in enumerate(zip(left, right, strict=False)) if a != b), min(len(left), len(right)))
    start = max(0, start - 100)
    return [f"  {reference_name}: …{left[start:start + 400]}", f"  {name}: …{right[start:start + 400]}"]


def report(answers: dict, paths: list[str], started: float) -> int:
    """Prints every page where a server differs from the first one (or the first one failed); 1 if any."""
    (reference_name, reference), *others = answers.items()
    differences = []
    for path in paths:
        expected = reference[path]
        if expected[0] != 200:
            differences.append(f"{path}: {reference_name} answered {expected[0]}")
        for name, pages in others:
            if pages[path] != expected:
                differences.append(f"{path}: {name} differs from {reference_name}:\n"
                                   + "\n".join(where_they_part(reference_name, expected, name, pages[path])))
    for difference in differences:
        print(difference)
    say(f"{len(paths)} pages on {len(answers)} servers, {len(differences)} differences, "
        f"{time.monotonic() - started:.0f} s")
    return 1 if differences else 0


if __name__ == "__main__":
    sys.exit(main())
