"""Compare the pure importer's output with the gold annotations in ``tests/data``.

Every stage owner measures against the same figures: ``python -m tests.goldcompare``
prints one column per gold page plus the total; ``-v`` lists every mismatch (gold vs
got). Tests import ``load_gold``, ``export_page``, ``align`` and ``score``.
Comparisons of body text ignore whitespace; headlines keep their single spaces.

``python -m tests.goldcompare --epaper [--split tune|blind]`` scores the e-paper gold
(``tests/data/epaper``): real articles copied from public e-paper and web pages, chrome and
all, each annotated with its people, titles, event date and districts. Those are scored per
file: every person and district the importer finds anywhere in the file counts (chrome read
as an article is a false positive), and the event date is the one of the article that holds
the gold body's opening words.
"""
from __future__ import annotations

import argparse
import json
import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from archive.ingest.pipeline import parse_page

ROOT = Path(__file__).resolve().parent.parent
GOLD_DIR = ROOT / "tests" / "data"
EPAPER_DIR = GOLD_DIR / "epaper"
EPAPER_SPLITS = ("tune", "blind")
SEEDS_DIR = ROOT / "seeds"
BYLINE_FIELDS = ("reporters", "contributors", "photographers")
MEETING_ROLES = ("presided_by", "speakers", "attended_by")
MIN_MATCH = 6
SLACK = 40


@dataclass
class GoldPage:
    """One annotated page: its seed text, the manifest's date and edition, and the gold articles."""

    file: str
    path: Path
    date: date
    edition: str | None
    articles: list[dict]


def squash(text: str | None) -> str:
    """``text`` without any whitespace, for layout-insensitive comparison."""
    return re.sub(r"\s+", "", text or "")


def tidy(text: str | None) -> str | None:
    """Headline-like text with runs of whitespace collapsed to one space."""
    return re.sub(r"\s+", " ", text).strip() if text else text


def load_gold() -> list[GoldPage]:
    """Every gold page, in file order, joined with its manifest entry."""
    manifest = json.loads((SEEDS_DIR / "manifest.json").read_text(encoding="utf-8"))
    pages_by_file = {page["file"]: page for page in manifest["pages"]}
    gold = []
    for path in sorted(GOLD_DIR.glob("*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        entry = pages_by_file[data["file"]]
        gold.append(
            GoldPage(
                file=data["file"],
                path=SEEDS_DIR / data["file"],
                date=date.fromisoformat(entry["date"]),
                edition=entry.get("edition"),
                articles=data["articles"],
            )
        )
    return gold


def export_page(path: Path, issue_date: date, edition: str | None) -> list[dict]:
    """The pure pipeline's articles for the page at ``path``, in export shape."""
    text = Path(path).read_text(encoding="utf-8")
    return [article.as_export() for article in parse_page(text, issue_date, edition).articles]


def _common_prefix(a: str, b: str) -> int:
    n = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        n += 1
    return n


def _match_strength(gold: dict, got: dict) -> float:
    body = squash(got["body"])
    start, end = squash(gold["body_start"]), squash(gold["body_end"])
    head = _common_prefix(start, body)
    tail = _common_prefix(end[::-1], body[::-1])
    if head < len(start) and start in body[:SLACK + len(start)]:
        head = max(head, len(start) / 2)
    if tail < len(end) and end in body[-SLACK - len(end) :]:
        tail = max(tail, len(end) / 2)
    return head + tail


def align(gold_articles: list[dict], exported: list[dict]) -> list[tuple[dict | None, dict | None]]:
    """Pair each gold article with at most one exported article (strongest body match first).

    Unmatched gold articles come back as ``(gold, None)``, unmatched exported ones as
    ``(None, got)``, so precision figures can count what the importer invented.
    """
    candidates = sorted(
        (
            (_match_strength(g, e), gi, ei)
            for gi, g in enumerate(gold_articles)
            for ei, e in enumerate(exported)
        ),
        key=lambda c: (-c[0], abs(c[1] - c[2])),
    )
    gold_to_got: dict[int, int] = {}
    used: set[int] = set()
    for strength, gi, ei in candidates:
        if strength < MIN_MATCH:
            break
        if gi in gold_to_got or ei in used:
            continue
        gold_to_got[gi] = ei
        used.add(ei)
    pairs: list[tuple[dict | None, dict | None]] = [
        (g, exported[gold_to_got[gi]] if gi in gold_to_got else None) for gi, g in enumerate(gold_articles)
    ]
    pairs += [(None, e) for ei, e in enumerate(exported) if ei not in used]
    return pairs


def stated_day(article: dict) -> str | None:
    """The exported event date when the text states the day: gold gives 近日/日前 items no date."""
    return article["event_date"] if article.get("event_date_precision") in ("day", None) else None


def same_title(a: str, b: str) -> bool:
    """Titles match when equal or when one is the other with an organisation prefix."""
    return a == b or a.endswith(b) or b.endswith(a)


def _prf(tp: int, fp: int, fn: int) -> dict:
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    return {"p": p, "r": r, "f1": 2 * p * r / (p + r) if p + r else 0.0, "tp": tp, "fp": fp, "fn": fn}


def _boundary_ok(gold: dict, got: dict) -> bool:
    body = squash(got["body"])
    return body.startswith(squash(gold["body_start"])) and body.endswith(squash(gold["body_end"]))


def _persons(article: dict | None) -> dict[str, list[str]]:
    return {squash(p["name"]): p.get("titles", []) for p in (article or {}).get("persons", [])}


def _matched_titles(gold_titles: list[str], got_titles: list[str]) -> int:
    remaining = list(got_titles)
    hits = 0
    for title in gold_titles:
        match = next((t for t in remaining if same_title(title, t)), None)
        if match is not None:
            remaining.remove(match)
            hits += 1
    return hits


def _meeting_people(article: dict | None) -> set[tuple[str, str]]:
    meeting = (article or {}).get("meeting") or {}
    return {(role, squash(name)) for role in MEETING_ROLES for name in meeting.get(role) or []}


# Kinds the gold annotation predates, as it records them: a front-page teaser was annotated as an index.
GOLD_KIND = {"teaser": "index"}


# (figure, what the article pair is compared on); each returns (gold value, got value).
FIELD_CHECKS = {
    "headline": lambda g, e: (tidy(g["headline"]), tidy(e["headline"])),
    "subtitles": lambda g, e: ([tidy(s) for s in g["subtitles"]], [tidy(s) for s in e["subtitles"]]),
    "kind": lambda g, e: (g["kind"], GOLD_KIND.get(e["kind"], e["kind"])),
    "continued_to": lambda g, e: (g["continued_to"], e["continued_to"]),
    "bylines": lambda g, e: (
        [[squash(n) for n in g[f]] for f in BYLINE_FIELDS],
        [[squash(n) for n in e[f]] for f in BYLINE_FIELDS],
    ),
    "event_date": lambda g, e: (g["event_date"], stated_day(e)),
    "meeting": lambda g, e: (g["meeting"] is not None, e["meeting"] is not None),
}


def score(pairs: list[tuple[dict | None, dict | None]]) -> dict:
    """Figures for one page's (or several pages') aligned pairs, and the list of mismatches.

    Accuracies are over gold articles (an unmatched gold article counts as wrong);
    P/R/F1 figures also count what unmatched exported articles invented.
    """
    gold_count = sum(1 for g, _ in pairs if g is not None)
    matched = [(g, e) for g, e in pairs if g is not None and e is not None]
    mismatches: list[str] = []
    figures: dict = {"gold": gold_count, "found": len(matched)}

    def label(g: dict | None, e: dict | None) -> str:
        source = g if g is not None else e
        return (source.get("headline") or squash(source.get("body_start") or source.get("body"))[:16]) or "?"

    for g, e in pairs:
        if e is None:
            mismatches.append(f"[missing] {label(g, None)}")
        elif g is None:
            mismatches.append(f"[extra] {e['kind']}: {label(None, e)}")
    boundary_ok = 0
    for g, e in matched:
        if _boundary_ok(g, e):
            boundary_ok += 1
        else:
            body = squash(e["body"])
            mismatches.append(
                f"[boundary] {label(g, e)}: gold {g['body_start']}…{g['body_end']} | got {body[:20]}…{body[-20:]}"
            )
    figures["boundary"] = boundary_ok
    for name, check in FIELD_CHECKS.items():
        ok = 0
        for g, e in matched:
            want, got = check(g, e)
            if want == got:
                ok += 1
            else:
                mismatches.append(f"[{name}] {label(g, e)}: gold {want!r} | got {got!r}")
        figures[name] = ok

    person_counts = [0, 0, 0]
    title_counts = [0, 0, 0]
    district_counts = [0, 0, 0]
    role_counts = [0, 0, 0]
    for g, e in pairs:
        gold_people, got_people = _persons(g), _persons(e)
        listed = g is not None and e is not None
        if listed:
            mismatches += [f"[person missing] {label(g, e)}: {n}" for n in gold_people.keys() - got_people.keys()]
            mismatches += [f"[person extra] {label(g, e)}: {n}" for n in got_people.keys() - gold_people.keys()]
        person_counts[0] += len(gold_people.keys() & got_people.keys())
        person_counts[1] += len(got_people.keys() - gold_people.keys())
        person_counts[2] += len(gold_people.keys() - got_people.keys())
        for name in gold_people.keys() | got_people.keys():
            want, got = gold_people.get(name, []), got_people.get(name, [])
            hits = _matched_titles(want, got)
            title_counts[0] += hits
            title_counts[1] += len(got) - hits
            title_counts[2] += len(want) - hits
            if listed and want and got and (hits != len(want) or hits != len(got)):
                mismatches.append(f"[titles] {label(g, e)}: {name} gold {want} | got {got}")
        for counts, want_set, got_set, tag in (
            (district_counts, set((g or {}).get("districts", [])), set((e or {}).get("districts", [])), "districts"),
            (role_counts, _meeting_people(g), _meeting_people(e), "meeting people"),
        ):
            counts[0] += len(want_set & got_set)
            counts[1] += len(got_set - want_set)
            counts[2] += len(want_set - got_set)
            if listed and want_set != got_set:
                mismatches.append(f"[{tag}] {label(g, e)}: gold {sorted(want_set)} | got {sorted(got_set)}")
    figures["persons"] = _prf(*person_counts)
    figures["titles"] = _prf(*title_counts)
    figures["districts"] = _prf(*district_counts)
    figures["meeting_people"] = _prf(*role_counts)
    figures["mismatches"] = mismatches
    return figures


def compare_all() -> list[tuple[str, dict, list]]:
    """(file, figures, pairs) for every gold page, then ("TOTAL", figures, all pairs)."""
    rows = []
    all_pairs: list = []
    for page in load_gold():
        pairs = align(page.articles, export_page(page.path, page.date, page.edition))
        all_pairs += pairs
        rows.append((page.file, score(pairs), pairs))
    rows.append(("TOTAL", score(all_pairs), all_pairs))
    return rows


def format_table(rows: list[tuple[str, dict, list]]) -> str:
    """A compact text table: one line per figure, one column per page and the total."""
    names = [file.split("_")[0] if file != "TOTAL" else file for file, _, _ in rows]
    lines = ["figure".ljust(16) + "".join(n.rjust(18) for n in names)]
    counted = ["found", "boundary", *FIELD_CHECKS]
    for key in counted:
        cells = [f"{f[key]}/{f['gold']} {f[key] / f['gold']:.0%}" if f["gold"] else "-" for _, f, _ in rows]
        lines.append(key.ljust(16) + "".join(c.rjust(18) for c in cells))
    for key in ("persons", "titles", "districts", "meeting_people"):
        cells = [f"P{f[key]['p']:.2f} R{f[key]['r']:.2f} F{f[key]['f1']:.2f}" for _, f, _ in rows]
        lines.append(key.ljust(16) + "".join(c.rjust(18) for c in cells))
    return "\n".join(lines)


@dataclass
class EpaperGold:
    """One e-paper file: its text, where it was published, which split it belongs to, and its gold articles."""

    stem: str
    text: str
    date: date
    split: str
    source: str
    articles: list[dict]


def load_epaper_gold(split: str | None = None) -> list[EpaperGold]:
    """The e-paper gold files, in name order; only those of ``split`` when given."""
    gold = []
    for path in sorted(EPAPER_DIR.glob("*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        if split and data["split"] != split:
            continue
        gold.append(
            EpaperGold(
                stem=path.stem,
                text=(EPAPER_DIR / data["file"]).read_text(encoding="utf-8"),
                date=date.fromisoformat(data["publication_date"]),
                split=data["split"],
                source=data["source"],
                articles=data["articles"],
            )
        )
    return gold


def _people_of(articles: list[dict]) -> dict[str, list[str]]:
    people: dict[str, list[str]] = {}
    for article in articles:
        for name, titles in _persons(article).items():
            known = people.setdefault(name, [])
            known += [t for t in titles if not any(same_title(t, k) for k in known)]
    return people


def _event_date_of(gold: dict, exported: list[dict]) -> str | None:
    start = squash(gold["body_start"])
    holder = next((e for e in exported if start in squash(e["body"])), None)
    return stated_day(holder) if holder else "(gold body not found)"


def score_epaper(files: list[EpaperGold]) -> dict:
    """Per-field figures over ``files``: P/R/F1 for persons, titles and districts, accuracy of event dates."""
    counts = {field: [0, 0, 0] for field in ("persons", "titles", "districts")}
    dates_right = dates = 0
    mismatches: list[str] = []
    for file in files:
        exported = [a.as_export() for a in parse_page(file.text, file.date).articles]
        want, got = _people_of(file.articles), _people_of(exported)
        counts["persons"][0] += len(want.keys() & got.keys())
        counts["persons"][1] += len(got.keys() - want.keys())
        counts["persons"][2] += len(want.keys() - got.keys())
        mismatches += [f"[person missing] {file.stem}: {n}" for n in want.keys() - got.keys()]
        mismatches += [f"[person extra] {file.stem}: {n}" for n in got.keys() - want.keys()]
        for name in want.keys() | got.keys():
            hits = _matched_titles(want.get(name, []), got.get(name, []))
            counts["titles"][0] += hits
            counts["titles"][1] += len(got.get(name, [])) - hits
            counts["titles"][2] += len(want.get(name, [])) - hits
            if name in want and name in got and hits != max(len(want[name]), len(got[name])):
                mismatches.append(f"[titles] {file.stem}: {name} gold {want[name]} | got {got[name]}")
        want_districts = {d for a in file.articles for d in a["districts"]}
        got_districts = {d for a in exported for d in a["districts"]}
        counts["districts"][0] += len(want_districts & got_districts)
        counts["districts"][1] += len(got_districts - want_districts)
        counts["districts"][2] += len(want_districts - got_districts)
        if want_districts != got_districts:
            mismatches.append(f"[districts] {file.stem}: gold {sorted(want_districts)} | got {sorted(got_districts)}")
        for article in file.articles:
            dates += 1
            found = _event_date_of(article, exported)
            if found == article["event_date"]:
                dates_right += 1
            else:
                mismatches.append(f"[event_date] {file.stem}: gold {article['event_date']} | got {found}")
    figures: dict = {field: _prf(*c) for field, c in counts.items()}
    figures["event_date"] = dates_right / dates if dates else 1.0
    figures["files"] = len(files)
    figures["mismatches"] = mismatches
    return figures


def format_epaper(figures: dict, label: str) -> str:
    """One line per field: P/R/F1 (persons, titles, districts) or accuracy (event date)."""
    lines = [f"{label}: {figures['files']} files"]
    for field in ("persons", "titles", "districts"):
        f = figures[field]
        counts = f"(tp {f['tp']} fp {f['fp']} fn {f['fn']})"
        lines.append(f"  {field:<11} P {f['p']:.3f}  R {f['r']:.3f}  F1 {f['f1']:.3f}  {counts}")
    lines.append(f"  {'event_date':<11} {figures['event_date']:.3f}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description="Compare the importer with the gold pages.")
    parser.add_argument("-v", "--verbose", action="store_true", help="list every mismatch")
    parser.add_argument("--epaper", action="store_true", help="score the e-paper gold instead of the seed pages")
    parser.add_argument("--split", choices=EPAPER_SPLITS, help="only this part of the e-paper gold")
    args = parser.parse_args(argv)
    if args.epaper:
        for split in [args.split] if args.split else EPAPER_SPLITS:
            figures = score_epaper(load_epaper_gold(split))
            print(format_epaper(figures, split))
            if args.verbose:
                print("\n".join("  " + line for line in figures["mismatches"]))
        return
    rows = compare_all()
    print(format_table(rows))
    if args.verbose:
        for file, figures, _ in rows[:-1]:
            print(f"\n== {file}")
            for line in figures["mismatches"]:
                print("  " + line)


if __name__ == "__main__":
    main()
