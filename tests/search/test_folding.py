"""Traditional and simplified characters find the same articles on each engine, in every scope.

Articles are written in either script; the expected sets are read from the texts as the test
writes them, never from fixed ids.
"""
from datetime import date

import pytest

from archive.models import Issue, Page
from search import indexing
from search.engine import SearchRequest, run_search
from search.schema import SCOPES
from tests.search.conftest import create_article


@pytest.fixture
def both_scripts(engine, db):
    issue = Issue.objects.create(date=date(2020, 3, 4))
    page = Page.objects.create(issue=issue, label="02", source_file="f.txt", raw_text="", sha256="0" * 64)
    texts = [("全市工作會議召開", "會議要求各縣區落實。"), ("全市工作会议召开", "会议要求各县区落实。"),
             ("乙", "市政府召開常務會議。"), ("会议纪要", "丙"), ("丁", "没有这个词。")]
    made = [create_article(page, n, headline=h, body=b) for n, (h, b) in enumerate(texts, start=1)]
    indexing.drain()
    return made


@pytest.mark.parametrize("scope", [scope.name for scope in SCOPES])
def test_traditional_and_simplified_queries_find_the_same_articles(both_scripts, scope):
    part = {"all": lambda a: a.headline + a.body, "headline": lambda a: a.headline, "body": lambda a: a.body}[scope]
    expected = {a.pk for a in both_scripts if "会议" in part(a) or "會議" in part(a)}
    assert expected and len(expected) < len(both_scripts)
    for typed in ("会议", "會議", "會议"):
        found = {hit.article_id for hit in run_search(SearchRequest(q=typed, scope=scope, per_page=100)).hits}
        assert found == expected, (typed, scope)
