"""People extraction: speed, accuracy on synthetic roll calls, on the e-paper gold, and on general news.

    .venv/bin/python benchmarks/people_bench.py
    .venv/bin/python benchmarks/people_bench.py --rounds 20 --synthetic 2000
    .venv/bin/python benchmarks/people_bench.py --general /tmp/pdner/example.test

General news: ``--general`` takes a character-per-line BIO file (``字 B-PER``, a blank line
between sentences), such as the public People's Daily NER test set; every sentence is read
on its own and the names the importer records for it are compared with the B-PER/I-PER spans (kept out
of the repository: fetch it to /tmp). Those are the story's people (``extract_people``) and the names
in its bylines and photo credits (reporters, contributors, photographers, as the importer reads a page
made of the sentence), which the set labels persons too (本报北京5月4日讯记者甲、乙报道：…); a byline name
the set does not label counts against precision. A line gives the story's people alone. Then the set is
read as the archive: every sentence again, with the names the other sentences make known (``--known-in``,
as the importer knows the archive's people), and the names that reading added or removed are listed with
``--show``. Recall is also printed without the bylines' names missed and without those the gold schema does
not count as persons (a family name alone, a doctrine named after its author). E-paper gold: precision/recall per
field on ``tests/data/epaper``, tuned and blind parts apart (see ``tests/goldcompare.py``).

Speed: every seed page is cut into articles at its 本报讯 datelines, and all of them
are read ``--rounds`` times (after one untimed pass that loads jieba and the tables built
from it); prints articles per minute.
Accuracy: sentences built from random names (never real people), organisations,
titles and follower verbs, in the shapes local news uses (title chains, shared
lists, roll calls, quotes); prints how many came back exactly right, and a few misses.
"""
from __future__ import annotations

import argparse
import random
import re
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from archive.ingest.blocks import classify  # noqa: E402
from archive.ingest.normalize import clean_line  # noqa: E402
from archive.ingest.people import extract_people  # noqa: E402
from archive.ingest.records import PersonMention  # noqa: E402
from archive.ingest.segment import segment_page  # noqa: E402
from archive.ingest.surnames import surname_length  # noqa: E402

SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔"
GIVEN = "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超兰霞平桂华建国文玉红志海波宏斌鹏飞辉丹萍云峰亮雪琳晶燕梅林春新德永庆"
ORGANISATIONS = (
    "县农业农村局", "镇人民政府", "市科技局高新处", "县人民医院", "产业集聚区管委会", "某银行分行",
    "某材料股份有限公司",
)
CORES = ("局长", "副局长", "院长", "副主任", "行长", "董事长", "总经理", "处长")
# What introduces a byline's reporter (新华社记者甲、本报记者乙报道): the person set counts them as persons.
BYLINE_WORDS = "(?:记者|通讯员|实习生)(?:[\u4e00-\u9fff·]{2,4}、)*"
# What follows a name heading a doctrine rather than naming its person (邓小平理论, 毛泽东思想, 马克思主义).
DOCTRINE = "(?:党建|建党|党的建设)?(?:理论|思想|主义)"
VERBS = (
    "出席会议", "主持会议", "调研", "强调", "带队检查", "一行到", "作报告", "现场办公", "深入企业", "听取汇报",
    "慰问群众",
)


def seed_articles() -> list[str]:
    articles = []
    for path in sorted((ROOT / "seeds").glob("*.txt")):
        text = re.sub(r"(?<=\S)\n(?=\S)", "", path.read_text(encoding="utf-8"))
        articles += [part for part in re.split(r"(?=本报讯)", text) if part.strip()]
    return articles


def speed(rounds: int) -> None:
    articles = seed_articles()
    for article in articles:
        extract_people(article)
    started = time.perf_counter()
    for _ in range(rounds):
        for article in articles:
            extract_people(article)
    elapsed = time.perf_counter() - started
    count = rounds * len(articles)
    chars = rounds * sum(map(len, articles))
    print(f"speed: {count} articles ({chars} characters) in {elapsed:.2f} s = {count / elapsed * 60:,.0f} articles/min")


def random_name(rng: random.Random) -> str:
    return rng.choice(SURNAMES) + "".join(rng.choice(GIVEN) for _ in range(rng.choice((1, 2, 2))))


def synthetic_case(rng: random.Random) -> tuple[str, dict[str, list[str]]] | None:
    a, b, c = (random_name(rng) for _ in range(3))
    if len({a, b, c}) < 3 or any(x != y and x in y for x in (a, b, c) for y in (a, b, c)):
        return None
    org, other = rng.sample(ORGANISATIONS, 2)
    first, second = rng.choice(CORES), rng.choice(CORES)
    shape = rng.randrange(4)
    if shape == 0:
        return f"近日，{org}{first}{a}、{second}{b}一行来我市考察。{a}表示，将加强合作。", {
            a: [org + first], b: [org + second]}
    if shape == 1:
        return f"{org}{first}{a}，{other}{second}{b}、{c}等参加活动。{b}说，要抓好落实。", {
            a: [org + first], b: [other + second], c: [other + second]}
    if shape == 2:
        return f"昨日，{org}{first}{a}{rng.choice(VERBS)}。“我们还要继续努力。”{a}说。", {a: [org + first]}
    return f"在{other}，{second}{b}{rng.choice(VERBS)}。村民{c}告诉记者，日子越过越好了。", {b: [second], c: []}


def accuracy(cases: int, seed: int) -> None:
    """Reads ``cases`` synthetic sentences and prints how many came back exactly right; none with no cases."""
    if cases <= 0:
        return
    rng = random.Random(seed)
    right, misses = 0, []
    made = 0
    while made < cases:
        case = synthetic_case(rng)
        if case is None:
            continue
        made += 1
        text, expected = case
        got = {p.name: p.titles for p in extract_people(text)}
        if got == expected:
            right += 1
        else:
            misses.append((text, got))
    print(f"synthetic: {right}/{cases} exactly right ({right / cases:.1%})")
    for text, got in misses[:10]:
        print(f"  {text}\n    got {got}")


def bio_sentences(path: Path) -> list[tuple[str, set[str]]]:
    """(sentence, person names) for every sentence of a character-per-line BIO file."""
    sentences = []
    chars: list[str] = []
    names: set[str] = set()
    current = ""
    for line in [*path.read_text(encoding="utf-8").splitlines(), ""]:
        parts = line.split()
        tag = parts[1] if len(parts) == 2 else "O"
        if current and tag != "I-PER":
            names.add(current)
            current = ""
        if not parts:
            if chars:
                sentences.append(("".join(chars), names))
            chars, names = [], set()
            continue
        chars.append(parts[0])
        if tag in ("B-PER", "I-PER"):
            current += parts[0]
    return sentences


def no_person_here(name: str, text: str) -> bool:
    """The set labels ``name`` a person where the gold schema (``tests/data/SCHEMA.md``: every individually
    named person) sees none: a family name alone (李老师, 老王, 陈小姐) or a name heading a doctrine
    (邓小平理论, 毛泽东思想, 马克思主义) in every mention of the sentence."""
    if surname_length(name, 0) == len(name):
        return True
    mentions = [m.end() for m in re.finditer(re.escape(name), text)]
    return bool(mentions) and all(re.match(DOCTRINE, text[end:]) for end in mentions)


def credited(text: str) -> set[str]:
    """The reporters, contributors and photographers the importer records for a page made of ``text``.

    A byline printed alone (本报记者甲《某》杂志记者乙) has no body: the importer gives its names to the
    article printed next to it, which a page made of the byline alone lacks, so its block is read directly."""
    articles, _ = segment_page(text)
    if articles:
        return {name for a in articles for name in (*a.reporters, *a.contributors, *a.photographers)}
    byline = classify([clean_line(text)]).byline
    return {*byline.reporters, *byline.contributors, *byline.photographers} if byline else set()


def _prf_line(label: str, tp: int, fp: int, fn: int) -> str:
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    return f"  {label} P {p:.3f}  R {r:.3f}  F1 {2 * p * r / (p + r) if p + r else 0:.3f}  (tp {tp} fp {fp} fn {fn})"


def general_news(path: Path, show: int, known_in: int) -> None:
    """Reads every sentence on its own, then again with the names the rest of the set is known to hold (the set
    as the archive: see ``known_elsewhere``), and prints both readings' figures."""
    sentences = bio_sentences(path)
    started = time.perf_counter()
    single = [extract_people(text) for text, _ in sentences]
    elapsed = time.perf_counter() - started
    score_general(f"general news: {len(sentences)} sentences, each on its own", sentences, single, elapsed, show)
    started = time.perf_counter()
    known = known_elsewhere(single, known_in)
    archive = [extract_people(text, names) for (text, _), names in zip(sentences, known, strict=True)]
    elapsed = time.perf_counter() - started
    score_general(
        f"general news with the names known from the other sentences (officials, or in {known_in} or more)",
        sentences, archive, elapsed, show, [{p.name for p in found} for found in single],
    )


def known_elsewhere(found: list[list[PersonMention]], known_in: int) -> list[frozenset[str]]:
    """For each sentence, the names the other sentences make known, as the importer's archive does
    (``archive.loading.known_people``): someone found as an official in one of them, or found in ``known_in`` of
    them or more (``found``: the people found in each sentence read on its own)."""
    counts = Counter(name for people in found for name in {p.name for p in people})
    officials = Counter(name for people in found for name in {p.name for p in people if p.kind == "official"})
    known = []
    for people in found:
        own = {p.name for p in people}
        own_officials = {p.name for p in people if p.kind == "official"}
        known.append(frozenset(
            name for name, count in counts.items()
            if count - (name in own) >= known_in or officials[name] - (name in own_officials) > 0
        ))
    return known


def score_general(
    label: str, sentences: list[tuple[str, set[str]]], found_people: list[list[PersonMention]], elapsed: float,
    show: int, before: list[set[str]] | None = None,
) -> None:
    """Prints precision and recall of ``found_people`` against the sentences' names; with ``before`` (the names
    found before), lists the names added and removed instead of every extra and missed one."""
    tp = fp = fn = bylines = unnamed = 0
    story_tp = story_fp = 0
    misses: list[str] = []
    extras: list[str] = []
    for index, ((text, names), people) in enumerate(zip(sentences, found_people, strict=True)):
        story = {p.name for p in people}
        story_tp += len(story & names)
        story_fp += len(story - names)
        found = story | credited(text)
        tp += len(found & names)
        fp += len(found - names)
        fn += len(names - found)
        bylines += sum(1 for name in names - found if re.search(f"{BYLINE_WORDS}、?{re.escape(name)}", text))
        unnamed += sum(1 for name in names - found if no_person_here(name, text))
        if before is None:
            extras += [f"extra: {n}  | {text[:60]}" for n in found - names]
            misses += [f"missed: {n}  | {text[:60]}" for n in names - found]
        else:
            extras += [f"{_judged(n in names)} addition: {n}  | {text[:60]}" for n in found - before[index]]
            misses += [f"{_judged(n not in names)} removal: {n}  | {text[:60]}" for n in before[index] - found]
    print(f"{label}: {tp + fn} person names, {elapsed:.1f} s")
    print(_prf_line("persons", tp, fp, fn) + "  story people and bylines' names")
    print(_prf_line("story only", story_tp, story_fp, tp + fn - story_tp) + "  extract_people alone")
    print(f"  of the missed, {bylines} are reporters in bylines the importer does not read (记者甲报道);"
          f" R without them {tp / (tp + fn - bylines) if tp + fn > bylines else 1.0:.3f}")
    named = tp + fn - bylines - unnamed
    print(f"  {unnamed} more are no individually named person in the gold schema (a family name alone, 李老师,"
          f" 老王; a doctrine, 邓小平理论); R without those either {tp / named if named > 0 else 1.0:.3f}")
    for row in (extras[:show] + misses[:show]):
        print(f"  {row}")


def _judged(right: bool) -> str:
    return "right" if right else "wrong"


def epaper_gold() -> None:
    from tests.goldcompare import EPAPER_SPLITS, format_epaper, load_epaper_gold, score_epaper

    for split in EPAPER_SPLITS:
        print(format_epaper(score_epaper(load_epaper_gold(split)), f"e-paper gold, {split}"))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rounds", type=int, default=10)
    parser.add_argument("--synthetic", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--general", type=Path, help="a BIO file of general news sentences (see above)")
    parser.add_argument("--show", type=int, default=0, help="list this many missed and extra names")
    parser.add_argument(
        "--known-in", type=int, default=2,
        help="general news: other sentences a non-official must be found in to be known (the importer asks for"
        " archive.loading.KNOWN_IN_ARTICLES articles of an archive far larger than the set)",
    )
    args = parser.parse_args()
    speed(args.rounds)
    accuracy(args.synthetic, args.seed)
    epaper_gold()
    if args.general:
        general_news(args.general, args.show, args.known_in)


if __name__ == "__main__":
    main()
