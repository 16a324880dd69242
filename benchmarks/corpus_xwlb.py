"""Convert a local copy of the xwlb dataset (CCTV 新闻联播 transcripts) into search_bench's corpus JSONL.

    python3 benchmarks/corpus_xwlb.py /work/.mirror/china-data+xwlb/repo /tmp/xwlb.jsonl

The source is one ``assets/YYYY/YYYYMMDD.json`` per broadcast, whose ``videoList`` items carry a
``video_title`` and a ``video_detail.content`` of HTML paragraphs. DIR is either a checkout (the
files are read from disk) or a bare git directory (they are read from HEAD with ``git cat-file``).
Each item with text becomes one line ``{"date", "title", "body"}``: the title without its
``[视频]`` prefix, the body as plain paragraphs. The output is benchmark data for /tmp only: the
dataset is CCTV's text and is never committed here.
"""
from __future__ import annotations

import argparse
import html
import json
import re
import subprocess
from collections.abc import Iterator
from pathlib import Path

DAY_FILE = re.compile(r"assets/\d{4}/(\d{4})(\d{2})(\d{2})\.json$")
PARAGRAPH_BREAK = re.compile(r"</?p[^>]*>|<br\s*/?>", re.IGNORECASE)
TAG = re.compile(r"<[^>]+>")
TITLE_PREFIX = re.compile(r"^\s*\[[^\]]{1,8}\]\s*")
# Closing credit such as "(视频编辑：… 文字编辑：…)": metadata, not article text.
CREDIT = re.compile(r"^[（(][^）)]*编辑[^）)]*[）)]$")


def day_files(source: Path) -> Iterator[tuple[str, bytes]]:
    """(path, contents) of every day file, in date order, from a checkout or a bare git directory."""
    if (source / "assets").is_dir():
        for path in sorted((source / "assets").glob("*/*.json")):
            yield str(path.relative_to(source)), path.read_bytes()
        return
    listing = subprocess.run(
        ["git", "--git-dir", str(source), "ls-tree", "-r", "HEAD", "assets/"],
        check=True, capture_output=True, text=True,
    ).stdout
    entries = sorted((line.split("\t")[1], line.split()[2]) for line in listing.splitlines())
    with subprocess.Popen(["git", "--git-dir", str(source), "cat-file", "--batch"],
                          stdin=subprocess.PIPE, stdout=subprocess.PIPE) as batch:
        for path, blob in entries:
            batch.stdin.write(f"{blob}\n".encode())
            batch.stdin.flush()
            size = int(batch.stdout.readline().split()[2])
            contents = batch.stdout.read(size)
            batch.stdout.read(1)
            yield path, contents
        batch.stdin.close()


def plain_text(content: str) -> str:
    """HTML paragraphs -> one line per paragraph, entities decoded, spacing and credit lines dropped."""
    text = html.unescape(TAG.sub("", PARAGRAPH_BREAK.sub("\n", content)))
    lines = (line.replace("\u3000", " ").replace("\xa0", " ").strip() for line in text.splitlines())
    return "\n".join(line for line in lines if line and not CREDIT.match(line))


def articles(source: Path) -> Iterator[dict]:
    for path, contents in day_files(source):
        match = DAY_FILE.search(path)
        if not match:
            continue
        day = "-".join(match.groups())
        for item in json.loads(contents).get("videoList") or []:
            detail = item.get("video_detail") or {}
            body = plain_text(detail.get("content") or "")
            title = TITLE_PREFIX.sub("", item.get("video_title") or detail.get("title") or "").strip()
            if title and body:
                yield {"date": day, "title": title, "body": body}


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("source", type=Path, help="xwlb checkout or bare git directory")
    parser.add_argument("output", type=Path, help="JSONL file to write (keep it under /tmp)")
    args = parser.parse_args()
    count = size = 0
    with args.output.open("w", encoding="utf-8") as out:
        for article in articles(args.source):
            line = json.dumps(article, ensure_ascii=False)
            out.write(line + "\n")
            count += 1
            size += len(line.encode("utf-8")) + 1
    print(f"{count} articles, {size / 1e6:.1f} MB -> {args.output}")


if __name__ == "__main__":
    main()
