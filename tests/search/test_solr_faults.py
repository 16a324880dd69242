"""SolrCloud faults with real processes: a node killed under load, the whole cluster unreachable.

Nodes are killed and restarted through the cluster's control script (``.ci/solr``, or
``ARCHIVE_SOLR_CONTROL``), which must be the one that started the cluster of ``ARCHIVE_SOLR_URL``.
"""
import io
import os
import subprocess
import time
from pathlib import Path

import pytest
from django.core.management import call_command
from django.urls import reverse

from archive.models import Article
from search.engine import UNAVAILABLE, SearchRequest, run_search
from search.models import PendingChange
from tests.search.conftest import SOLR_URL, default_connection

pytestmark = pytest.mark.solr
ROOT = Path(__file__).resolve().parents[2]
CONTROL = Path(os.environ.get("ARCHIVE_SOLR_CONTROL", ROOT / ".ci" / "solr"))
UNREACHABLE = {"ENGINE": "search.solr_backend.ArchiveSolrEngine", "URL": "http://127.0.0.1:9/solr/archive",
               "TIMEOUT": 2}


@pytest.fixture
def engine(solr_index):
    """Seed articles go into the cluster only."""
    return solr_index


def control(*args):
    if not CONTROL.exists():
        pytest.skip(f"no cluster control script at {CONTROL}")
    subprocess.run(["bash", str(CONTROL), *args], check=True, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)


def search_status(*args):
    """(exit status, output) of ``manage.py search_status``."""
    out, err = io.StringIO(), io.StringIO()
    try:
        call_command("search_status", *args, stdout=out, stderr=err)
    except SystemExit as exit_:
        return exit_.code, out.getvalue() + err.getvalue()
    return 0, out.getvalue() + err.getvalue()


def test_searches_keep_answering_while_a_node_is_killed(seed_articles):
    if len(SOLR_URL.split(",")) < 2:
        pytest.skip("ARCHIVE_SOLR_URL names one node: failover needs every node's URL")
    expected = {q: run_search(SearchRequest(q=q, per_page=100)).total for q in ("会议", "王小平", "市", "")}
    assert all(expected.values())
    answered, started = 0, time.monotonic()
    control("kill-node", "1")
    try:
        while time.monotonic() - started < 10:
            for q, total in expected.items():
                response = run_search(SearchRequest(q=q, per_page=100))
                assert response.total == total == len(response.hits), q
                answered += 1
    finally:
        control("start-node", "1")
    assert answered > len(expected)
    assert {h.article_id for h in run_search(SearchRequest(per_page=100)).hits} == {a.pk for a in seed_articles}


def test_a_report_waits_until_a_restarted_nodes_replicas_are_active(seed_articles, solr_index):
    """Read while node 1 recovers, the index would seem to lack documents; the report waits instead."""
    if len(SOLR_URL.split(",")) < 2:
        pytest.skip("ARCHIVE_SOLR_URL names one node: node 1 is killed")
    expected = {a.pk for a in seed_articles}
    control("kill-node", "1")
    starting = subprocess.Popen(["bash", str(CONTROL), "start-node", "1"], stdout=subprocess.DEVNULL,
                                stderr=subprocess.PIPE)
    try:
        seen, deadline = [], time.monotonic() + 180
        while not seen and starting.poll() is None and time.monotonic() < deadline:
            seen = solr_index.settling()
            time.sleep(0.1)
        assert seen and all("active" not in line for line in seen), seen
        assert solr_index.indexed_ids() == expected
        assert solr_index.settling() == []
    finally:
        assert starting.wait() == 0, starting.stderr.read().decode()


def test_unreachable_cluster_search_503_browse_200_imports_kept_and_repaired(
    db, client, solr_index, django_capture_on_commit_callbacks
):
    """An import while Solr cannot be reached commits; its changes wait in the outbox until ``--repair``."""
    with default_connection(UNREACHABLE):
        with django_capture_on_commit_callbacks(execute=True):
            call_command("import_seeds", stdout=io.StringIO())
        articles = set(Article.objects.values_list("pk", flat=True))
        assert articles
        pending = list(PendingChange.objects.all())
        assert {p.article_id for p in pending} == articles
        assert all(p.attempts >= 1 and "Failed to connect" in p.last_error for p in pending)

        page = client.get(reverse("search:search"), {"q": "会议"})
        assert page.status_code == 503 and UNAVAILABLE in page.content.decode()
        api = client.get(reverse("search:api"), {"q": "会议"})
        assert api.status_code == 503 and api.json()["error"] == UNAVAILABLE
        assert client.get(reverse("archive:home")).status_code == 200
        assert client.get(Article.objects.first().get_absolute_url()).status_code == 200
        status, output = search_status()
        assert status == 2 and "搜索引擎无法访问" in output, output

    status, output = search_status()
    assert status == 1 and "状态：索引落后于数据库" in output and "Failed to connect" in output, output
    status, output = search_status("--repair")
    assert status == 0 and "状态：一致" in output, output
    assert solr_index.indexed_ids() == articles
    assert not PendingChange.objects.exists()
    assert run_search(SearchRequest(q="会议")).total > 0
