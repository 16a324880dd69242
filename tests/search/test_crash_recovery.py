"""Crashes lose nothing and leave nothing behind (real processes, SIGKILL, a real Whoosh index).

Each test runs ``manage.py`` in subprocesses against its own data directory (SQLite and
Whoosh under ``tmp_path``), never the test database.
"""
import json
import os
import random
import shutil
import signal
import subprocess
import sys
import time
from datetime import date, timedelta
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SEEDS = sorted((ROOT / "seeds").glob("*.txt"))
KILL_RUNS = 20

FORKED_WRITER = """
import os, sys, time
import django
django.setup()
from haystack import connections
from search.whoosh_writer import index_writer

backend = connections["default"].get_backend().ready()
documents = [dict(id=f"archive.article.{number}", django_ct="archive.article", django_id=str(number),
                  text="焦作日报测试文档正文" * 40 + str(number), headline=f"第{number}篇")
             for number in range(1, 20001)]
with index_writer(backend) as writer:
    writer.add_in_child(documents[:10000])
    writer.add_in_child(documents[10000:])
    print(" ".join(str(pid) for pid, _ in writer._children), flush=True)
    time.sleep(120)
"""


@pytest.fixture
def site(tmp_path):
    """Environment of a fresh, migrated site of its own; ``run(*args)`` runs manage.py in it."""
    env = {key: value for key, value in os.environ.items() if key != "DATABASE_URL"}
    env.update(ARCHIVE_DATA_DIR=str(tmp_path / "data"), DJANGO_SETTINGS_MODULE="config.settings", PYTHONPATH=str(ROOT))

    def run(*args, check=True):
        done = subprocess.run(
            [sys.executable, "manage.py", *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=300,
        )
        if check and done.returncode:
            raise AssertionError(f"manage.py {' '.join(args)} exited {done.returncode}:\n{done.stderr[-3000:]}")
        return done

    run("migrate", "--noinput", "-v0")
    run.env = env
    return run


def page_files(folder: Path, prefix: str) -> list[str]:
    """The seed pages under new file names, so each import adds new pages."""
    folder.mkdir(parents=True, exist_ok=True)
    names = []
    for seed in SEEDS:
        target = folder / f"{prefix}_{seed.name}"
        shutil.copyfile(seed, target)
        names.append(str(target))
    return names


def descendants(pid: int) -> set[int]:
    """Every live process below ``pid``."""
    parents = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                parents[int(entry.name)] = int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1])
            except (OSError, IndexError, ValueError):
                continue
    found, frontier = set(), {pid}
    while frontier:
        frontier = {child for child, parent in parents.items() if parent in frontier} - found
        found |= frontier
    return found


def alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


def status(site) -> dict:
    done = site("search_status", "--json", check=False)
    return json.loads(done.stdout) | {"exit": done.returncode}


def test_imports_killed_at_random_moments_lose_nothing_once_one_normal_command_runs(site, tmp_path):
    """The kill moments are spread over the whole length of an import, timed first on this machine, so
    kills land in start-up, in the page writes and in the index writing; at least one must leave the index
    behind (else the test never met the crash it is about)."""
    chance = random.Random()
    first = date(2020, 1, 1)
    started = time.monotonic()
    site("import_pages", *page_files(tmp_path / "pages", "timed"), "--date", (first - timedelta(days=1)).isoformat())
    length = time.monotonic() - started
    left_behind = 0
    index = Path(site.env["ARCHIVE_DATA_DIR"]) / "whoosh_index"
    for run in range(KILL_RUNS):
        files = page_files(tmp_path / "pages", f"killed{run:02d}")
        day = (first + timedelta(days=run)).isoformat()
        process = subprocess.Popen(
            [sys.executable, "manage.py", "import_pages", *files, "--date", day],
            cwd=ROOT, env=site.env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )
        time.sleep(length * (run + chance.random()) / KILL_RUNS)
        below = descendants(process.pid)
        process.send_signal(signal.SIGKILL)
        process.wait()
        deadline = time.monotonic() + 5
        while any(map(alive, below)) and time.monotonic() < deadline:
            time.sleep(0.1)
        assert not [pid for pid in below if alive(pid)], f"run {run}: the killed import left processes behind"
        left_behind += not status(site)["consistent"]

        site("import_pages", *page_files(tmp_path / "pages", f"normal{run:02d}")[:1],
             "--date", (first + timedelta(days=100 + run)).isoformat())
        found = status(site)
        assert found["exit"] == 0 and found["consistent"], f"run {run}: {found}"
        assert found["indexed"] == found["database"] and not found["pending"]
        assert not list(index.glob("*.tmp")), f"run {run}: the killed import's temporary index files remain"
    assert left_behind, f"no kill in {KILL_RUNS} runs over {length:.1f} s left the index behind the database"


def test_forked_index_writers_die_with_their_parent_and_their_temporary_files_are_cleaned(site, tmp_path):
    process = subprocess.Popen(
        [sys.executable, "-c", FORKED_WRITER], cwd=ROOT, env=site.env, stdout=subprocess.PIPE, text=True,
    )
    children = [int(pid) for pid in process.stdout.readline().split()]
    assert len(children) == 2 and all(map(alive, children))
    index = Path(site.env["ARCHIVE_DATA_DIR"]) / "whoosh_index"
    assert list(index.glob("*.tmp")), "a writer keeps a temporary folder while it runs"
    process.kill()
    process.wait()
    deadline = time.monotonic() + 5
    while any(map(alive, children)) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not any(map(alive, children))

    site("import_pages", page_files(tmp_path / "pages", "after")[0], "--date", "2020-01-01")
    assert not list(index.glob("*.tmp"))
    assert status(site)["consistent"]
