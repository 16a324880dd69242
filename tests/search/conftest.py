"""Fixtures for the engines (a real Whoosh index in a temporary directory, the SolrCloud cluster) and seed articles.

``seed_articles`` builds articles through the ORM from the two gold-annotated seed
pages: headline, subtitles, people and districts from the annotation, the body cut
from the seed text between the annotated body start and end (line wraps joined).
"""
import contextlib
import json
import os
import re
from datetime import date
from pathlib import Path

import pytest
from haystack import connections

from archive.districts import sync_districts
from archive.models import Article, District, Issue, Mention, Page, Person
from archive.signals import changes_batched
from search import generation, indexing

ROOT = Path(__file__).resolve().parents[2]
GOLD = sorted((ROOT / "tests" / "data").glob("*.json"))
CJK_GAP = re.compile(r"(?<=[\u4e00-\u9fff]) +(?=[\u4e00-\u9fff])")


SOLR_URL = os.environ.get("ARCHIVE_SOLR_URL", "")


@contextlib.contextmanager
def default_connection(options):
    """haystack's default connection replaced by ``options`` for the block; yields its backend."""
    info = connections.connections_info
    original = info["default"]
    info["default"] = options
    connections.reload("default")
    generation.forget()
    try:
        yield connections["default"].get_backend()
    finally:
        generation.forget()
        info["default"] = original
        connections.reload("default")


@pytest.fixture
def search_index(tmp_path):
    """The embedded engine over an empty Whoosh index under ``tmp_path``; yields the backend."""
    options = {"ENGINE": "search.backend.JiebaWhooshEngine", "PATH": str(tmp_path / "whoosh_index")}
    with default_connection(options) as backend:
        yield backend.ready()


@pytest.fixture
def solr_index():
    """The SolrCloud engine over the cluster of ``ARCHIVE_SOLR_URL``, its collection emptied; yields the backend."""
    if not SOLR_URL:
        pytest.skip("ARCHIVE_SOLR_URL is not set (start a cluster with `bash .ci/solr up`)")
    options = {"ENGINE": "search.solr_backend.ArchiveSolrEngine", "URL": SOLR_URL, "TIMEOUT": 5}
    with default_connection(options) as backend:
        backend.clear()
        yield backend


@pytest.fixture(params=["whoosh", pytest.param("solr", marks=pytest.mark.solr)])
def engine(request):
    """Each engine in turn (the contract tests run on both): the Whoosh one always, Solr when a cluster is set."""
    return request.getfixturevalue("search_index" if request.param == "whoosh" else "solr_index")


@pytest.fixture
def index_commits(monkeypatch):
    """The article ids of each index commit from now on (``apply_changes`` makes one commit a call)."""
    commits, apply = [], indexing.apply_changes

    def counted(article_ids):
        article_ids = set(article_ids)
        commits.append(article_ids)
        apply(article_ids)

    monkeypatch.setattr(indexing, "apply_changes", counted)
    return commits


def seed_text(name):
    text = (ROOT / "seeds" / name).read_text(encoding="utf-8").replace("\n", "")
    return CJK_GAP.sub("", text)


def create_article(page, order, headline="", body="", people=(), districts=(), subtitles=(), **fields):
    """An article with mentions of ``people`` (names, created if new) and the given district names."""
    article = Article.objects.create(
        page=page, order=order, headline=headline or "", subtitles=list(subtitles), body=body,
        publication_date=fields.pop("publication_date", page.issue.date), **fields,
    )
    for position, name in enumerate(people):
        person = Person.objects.filter(name=name).first() or Person.objects.create(name=name, kind=Person.Kind.OFFICIAL)
        Mention.objects.get_or_create(article=article, person=person, defaults={"position": position})
    article.districts.set(District.objects.filter(name__in=districts))
    return article


def load_gold_page(path):
    gold = json.loads(path.read_text(encoding="utf-8"))
    issue, _ = Issue.objects.get_or_create(date=date.fromisoformat(gold["publication_date"]))
    page = Page.objects.create(issue=issue, source_file=gold["file"], raw_text="", sha256="0" * 64)
    text = seed_text(gold["file"])
    articles, cursor = [], 0
    for order, entry in enumerate(gold["articles"], start=1):
        start = text.find(entry["body_start"], cursor)
        if start < 0:
            start = text.find(entry["body_start"])
        end = text.find(entry["body_end"], start)
        body = text[start : end + len(entry["body_end"])] if end >= start else text[start : start + 200]
        cursor = max(cursor, start)
        articles.append(create_article(
            page, order, headline=entry["headline"], subtitles=entry["subtitles"], body=body,
            kind=entry["kind"], people=[p["name"] for p in entry["persons"]], districts=entry["districts"],
            event_date=date.fromisoformat(entry["event_date"]) if entry["event_date"] else None,
        ))
    return articles


@pytest.fixture
def seed_articles(db, engine):
    """The gold pages' articles in the database and in the index, which follows them as it follows an import."""
    sync_districts()
    with changes_batched():
        articles = [article for path in GOLD for article in load_gold_page(path)]
    return articles
