"""How long the admin's import requests take for the largest uploads the limits allow.

    .venv/bin/python benchmarks/admin_import_bench.py

Drives 导入版面 through Django's test client as an editor, with the real importer,
SQLite database and Whoosh index in a temporary ARCHIVE_DATA_DIR. Each scenario
uploads fresh synthetic pages (seed text blocks, every line made unique so the
importer's duplicate removal cannot shrink them) filling the total upload limit,
then confirms them the way the browser does with JavaScript (one request per file)
or without it (one request for all). Prints the seconds each request took: every
one must stay well inside gunicorn's 30 s worker timeout.
"""
from __future__ import annotations

import os
import random
import re
import shutil
import sys
import tempfile
import time
from pathlib import Path

from import_bench import seed_blocks
from search_bench import GIVEN

ROOT = Path(__file__).resolve().parent.parent
PLAIN_STATIC_STORAGE = "django.contrib.staticfiles.storage.StaticFilesStorage"
BLOCKS = seed_blocks()[0]


def synthetic_page(size: int, rng: random.Random) -> bytes:
    """About ``size`` bytes of page text whose lines never repeat (two random characters end each line)."""
    parts, total = [], 0
    while total < size:
        lines = [line + rng.choice(GIVEN) + rng.choice(GIVEN) for line in rng.choice(BLOCKS).split("\n")]
        block = "\n".join(lines).encode("utf-8")
        parts.append(block)
        total += len(block) + 2
    return b"\n\n".join(parts)[:size].decode("utf-8", "ignore").encode("utf-8")


def timed(call):
    started = time.perf_counter()
    response = call()
    return time.perf_counter() - started, response


def run_scenario(client, label: str, files: int, size: int, per_file: bool, rng: random.Random, day: int) -> None:
    from django.core.files.uploadedfile import SimpleUploadedFile

    uploads = [
        SimpleUploadedFile(f"bench-{day}-{n}.txt", synthetic_page(size, rng), content_type="text/plain")
        for n in range(files)
    ]
    form = {"step": "upload", "files": uploads, "issue_date": f"2020-01-{day:02d}", "edition": "焦作日报"}
    preview_seconds, response = timed(lambda: client.post("/admin/archive/page/import/", form))
    token = re.search(r'name="token" value="([^"]+)"', response.content.decode())
    assert token, f"upload refused: {re.findall(r'<li>(.*?)</li>', response.content.decode())[:3]}"
    token = token.group(1)
    if per_file:
        confirms = [
            timed(lambda n=n: client.post(
                "/admin/archive/page/import/", {"step": "confirm_file", "token": token, "index": n}
            ))
            for n in range(files)
        ]
        outcomes = [reply.json()["outcome"] for _, reply in confirms]
        seconds = [duration for duration, _ in confirms]
        confirm = f"per file max {max(seconds):5.2f} s (sum {sum(seconds):5.2f} s)"
    else:
        duration, reply = timed(lambda: client.post("/admin/archive/page/import/", {"step": "confirm", "token": token}))
        outcomes = re.findall(r'class="import-outcome-(\w+)"', reply.content.decode())
        confirm = f"one request   {duration:5.2f} s"
    assert outcomes == ["imported"] * files, outcomes
    print(f"{label:<34} upload+preview {preview_seconds:5.2f} s   confirm {confirm}", flush=True)


def main() -> None:
    data_dir = Path(tempfile.mkdtemp(prefix="admin-import-bench-"))
    os.environ["ARCHIVE_DATA_DIR"] = str(data_dir)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    sys.path.insert(0, str(ROOT))
    try:
        import django

        django.setup()
        from django.conf import settings

        # Admin pages need static URLs; the manifest exists only after collectstatic.
        settings.STORAGES = {**settings.STORAGES, "staticfiles": {"BACKEND": PLAIN_STATIC_STORAGE}}
        from django.contrib.auth.models import User
        from django.core.management import call_command
        from django.test import Client

        from archive.forms import MAX_FILES_PER_UPLOAD
        from search.warmup import warm_up

        call_command("migrate", verbosity=0)
        call_command("import_seeds", verbosity=0)
        warm_up()
        client = Client()
        client.force_login(User.objects.create_superuser("bench", password="bench-pw-123"))
        total, single = settings.ARCHIVE_MAX_UPLOAD_TOTAL_BYTES, settings.ARCHIVE_MAX_UPLOAD_BYTES
        rng = random.Random(7)
        print(f"limits: {MAX_FILES_PER_UPLOAD} files, {single // 1024} KiB per file, {total // 1024} KiB per upload")
        many, large = MAX_FILES_PER_UPLOAD, max(1, total // single)
        for day, (files, size, per_file) in enumerate(
            [(many, total // many, True), (many, total // many, False), (large, single, True), (large, single, False)],
            start=1,
        ):
            label = f"{files} files × {size // 1024} KiB, {'with' if per_file else 'without'} JS"
            run_scenario(client, label, files, size, per_file, rng, day)
    finally:
        shutil.rmtree(data_dir, ignore_errors=True)


if __name__ == "__main__":
    main()
