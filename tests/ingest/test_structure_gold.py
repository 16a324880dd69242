"""The page structure of the annotated seed pages, measured with tests/goldcompare.py,
plus structural sanity on the seed pages nobody annotated."""
import re
from datetime import date

import pytest

from archive.ingest.pipeline import parse_page
from tests.goldcompare import ROOT, align, export_page, format_table, load_gold, score

STRUCTURE_FIGURES = ("found", "boundary", "headline", "subtitles", "kind", "continued_to", "bylines")
GOLD_FILES = {page.file for page in load_gold()}
UNANNOTATED = sorted(p for p in (ROOT / "seeds").glob("*.txt") if p.name not in GOLD_FILES)


@pytest.mark.parametrize("page", load_gold(), ids=lambda page: page.file)
def test_every_gold_article_found_with_its_structure(page):
    pairs = align(page.articles, export_page(page.path, page.date, page.edition))
    figures = score(pairs)
    print(format_table([(page.file, figures, pairs)]))
    wrong = [m for m in figures["mismatches"] if m.split("]")[0][1:] in (*STRUCTURE_FIGURES, "missing", "extra")]
    got = {name: figures[name] for name in STRUCTURE_FIGURES}
    assert got == dict.fromkeys(STRUCTURE_FIGURES, figures["gold"]), wrong
    assert not any(m.startswith("[extra]") for m in figures["mismatches"]), wrong


@pytest.mark.parametrize("path", UNANNOTATED, ids=lambda path: path.name)
def test_unannotated_seed_pages_have_sensible_structure(path):
    page = parse_page(path.read_text(encoding="utf-8"), date(2020, 1, 1))
    text_articles = [a for a in page.articles if a.kind not in ("photo", "ad", "teaser", "index")]
    assert len(text_articles) >= 5
    assert page.warnings == []
    assert sum(1 for a in text_articles if a.headline) >= len(text_articles) - 1
    paragraphs = [p for a in page.articles for p in a.paragraphs if len(p) >= 30]
    assert len(paragraphs) == len(set(paragraphs)), "a repeated paragraph survived"
    for article in page.articles:
        assert article.paragraphs, article.headline
        assert not re.search(r"本报讯|下转|[①-⑳]\d*$", article.body), article.headline
        for name in article.reporters + article.photographers:
            assert name not in article.body[:30]
