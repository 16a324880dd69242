"""The peer search_bench compares against: Datasette serving SQLite FTS5 (trigram tokenizer) over the same articles.

The peer database holds one FTS5 table ``articles(title, body, date UNINDEXED)`` with
``tokenize='trigram'`` and the project's article ids as rowids. A query is a list of strings
that must all occur (as substrings, like the project's bigram chain promises). Each string of
three or more characters becomes a quoted FTS5 phrase (a trigram phrase is an exact substring
match), all of them in one ``MATCH``, ranked by FTS5's bm25 ``rank``; the trigram index cannot
answer shorter strings, so a two-character string becomes ``(title LIKE '%xx%' OR body LIKE
'%xx%')``, which SQLite answers by scanning, and a query made only of such strings is ordered by
date instead of rank. One request returns the first 20 rows and, through ``count(*) over ()``,
the total: the same work as the project's count plus first result page. Datasette runs in its own
virtual environment (``ensure_datasette``), with the SQL time limit raised so slow scans finish.
"""
from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from collections.abc import Iterable
from pathlib import Path

TRIGRAM = 3
PAGE = 20
SQL_TIME_LIMIT_MS = 120_000


def ensure_datasette(venv: Path) -> Path:
    """The ``datasette`` executable of ``venv``, creating the venv and installing Datasette if it is missing."""
    executable = venv / "bin" / "datasette"
    if not executable.exists():
        subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
        subprocess.run([str(venv / "bin" / "pip"), "install", "--quiet", "datasette"], check=True)
    return executable


def build(path: Path, rows: Iterable[tuple[int, str, str, str]]) -> int:
    """Write the FTS5 table from ``(id, date, title, body)`` rows into a new database at ``path``; returns the rows."""
    path.unlink(missing_ok=True)
    connection = sqlite3.connect(path)
    connection.execute("CREATE VIRTUAL TABLE articles USING fts5(title, body, date UNINDEXED, tokenize='trigram')")
    count = 0
    batch = []
    for row in rows:
        batch.append(row)
        if len(batch) == 5000:
            connection.executemany("INSERT INTO articles(rowid, date, title, body) VALUES (?, ?, ?, ?)", batch)
            count += len(batch)
            batch = []
    connection.executemany("INSERT INTO articles(rowid, date, title, body) VALUES (?, ?, ?, ?)", batch)
    count += len(batch)
    connection.execute("INSERT INTO articles(articles) VALUES ('optimize')")
    connection.commit()
    connection.close()
    return count


def sql_for(terms: list[str]) -> tuple[str, dict[str, str]]:
    """The SELECT and its named parameters that find articles containing every one of ``terms``."""
    phrases = [term for term in terms if len(term) >= TRIGRAM]
    scans = [term for term in terms if len(term) < TRIGRAM]
    conditions, params = [], {}
    if phrases:
        conditions.append("articles MATCH :m")
        params["m"] = " ".join('"' + term.replace('"', '""') + '"' for term in phrases)
    for number, term in enumerate(scans):
        conditions.append(f"(title LIKE :s{number} OR body LIKE :s{number})")
        params[f"s{number}"] = f"%{term}%"
    order = "rank" if phrases else "date DESC"
    sql = (f"SELECT rowid, date, title, count(*) OVER () AS total FROM articles WHERE {' AND '.join(conditions)}"
           f" ORDER BY {order} LIMIT {PAGE}")
    return sql, params


class Peer:
    """A running ``datasette serve`` of the peer database, queried over HTTP."""

    def __init__(self, executable: Path, database: Path, port: int):
        self.database = database
        self.base = f"http://127.0.0.1:{port}/{database.stem}.json"
        self.process = subprocess.Popen(
            [str(executable), "serve", str(database), "--host", "127.0.0.1", "--port", str(port),
             "--setting", "sql_time_limit_ms", str(SQL_TIME_LIMIT_MS)],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )

    def wait_ready(self, timeout: float = 60) -> None:
        deadline = time.monotonic() + timeout
        while True:
            try:
                urllib.request.urlopen(self.base + "?sql=select+1", timeout=10).read()
                return
            except OSError:
                if time.monotonic() > deadline or self.process.poll() is not None:
                    raise RuntimeError("datasette did not start") from None
                time.sleep(0.3)

    def url(self, terms: list[str]) -> str:
        sql, params = sql_for(terms)
        return f"{self.base}?{urllib.parse.urlencode({'sql': sql, **params, '_shape': 'array'})}"

    @staticmethod
    def count(body: bytes) -> int:
        """The total number of matches in a response to ``url``."""
        rows = json.loads(body)
        return rows[0]["total"] if rows else 0

    def stop(self) -> None:
        self.process.terminate()
        self.process.wait(timeout=30)
