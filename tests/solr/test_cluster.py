"""The repository's Solr configset on a real SolrCloud cluster started by ``bash .ci/solr up``.

Chinese phrase search over character bigrams, exact facet counts, the 2 shards x 2 replicas
layout, and a query still answered in full after one node's JVM is SIGKILLed (its replicas on
the other node serve; ``shards.tolerant`` is not used), then that node's recovery.

Skipped unless ARCHIVE_SOLR_URL names the collection, e.g.
``ARCHIVE_SOLR_URL=$(bash .ci/solr up | tail -n 1)``. The kill test drives ``.ci/solr`` with
ARCHIVE_SOLR_DIR, default var/solr: set it when the cluster's state lives elsewhere.
"""
import io
import json
import os
import subprocess
import time
import uuid
from pathlib import Path
from urllib.error import URLError
from urllib.parse import urlencode
from urllib.request import Request, urlopen

import pytest
from django.core.management import call_command

ROOT = Path(__file__).resolve().parents[2]
SOLR_URL = os.environ.get("ARCHIVE_SOLR_URL", "").rstrip("/")

pytestmark = [
    pytest.mark.solr,
    pytest.mark.skipif(not SOLR_URL, reason="ARCHIVE_SOLR_URL is not set: no SolrCloud cluster to test"),
]

# Invented texts. The layout space and line break inside 文明 城市 come from PDF columns.
MEETING_TEXT = "市政府召开全国文明 城市创建推进会议\n部署下一阶段 重点工作"
SCENIC_TEXT = "云台山景区迎来游客高峰，会场秩序井然。"


def base_url(collection_url):
    return collection_url.rsplit("/", 1)[0]


def solr_get(url, **params):
    with urlopen(f"{url}?{urlencode({**params, 'wt': 'json'}, doseq=True)}", timeout=60) as response:
        return json.load(response)


def solr_post(url, payload):
    request = Request(url, data=json.dumps(payload).encode(), headers={"Content-Type": "application/json"})
    with urlopen(request, timeout=60) as response:
        return json.load(response)


def ci_solr(*args):
    """Runs ``bash .ci/solr ARGS`` against the cluster's state directory; returns its stdout."""
    env = {**os.environ, "ARCHIVE_SOLR_DIR": os.environ.get("ARCHIVE_SOLR_DIR", str(ROOT / "var" / "solr"))}
    done = subprocess.run(
        ["bash", str(ROOT / ".ci" / "solr"), *args], env=env, capture_output=True, text=True, timeout=600
    )
    assert done.returncode == 0, f".ci/solr {' '.join(args)} failed:\n{done.stderr}"
    return done.stdout


def cluster_status():
    """{shard: [(node, active), ...]} of the collection, and the live node names."""
    name = SOLR_URL.rsplit("/", 1)[1]
    cluster = solr_get(f"{base_url(SOLR_URL)}/admin/collections", action="CLUSTERSTATUS", collection=name)["cluster"]
    live = set(cluster["live_nodes"])
    shards = cluster["collections"][name]["shards"]
    layout = {
        shard: sorted((replica["node_name"], is_active(replica, live)) for replica in info["replicas"].values())
        for shard, info in shards.items()
    }
    return layout, live


def is_active(replica, live_nodes):
    return replica["state"] == "active" and replica["node_name"] in live_nodes


@pytest.fixture(scope="module")
def docs():
    """Two articles under run-unique ids; removed again afterwards. Returns {label: id}."""
    token = uuid.uuid4().hex
    ids = {"meeting": f"tests.solrsmoke.{token}-1", "scenic": f"tests.solrsmoke.{token}-2"}
    solr_post(
        f"{SOLR_URL}/update?commit=true",
        [
            {
                "id": ids["meeting"],
                "django_ct": "tests.solrsmoke",
                "django_id": "1",
                "text": MEETING_TEXT,
                "district_slugs": ["jiefang", "shanyang"],
            },
            {
                "id": ids["scenic"],
                "django_ct": "tests.solrsmoke",
                "django_id": "2",
                "text": SCENIC_TEXT,
                "district_slugs": ["jiefang"],
            },
        ],
    )
    yield ids
    solr_post(f"{SOLR_URL}/update?commit=true", {"delete": list(ids.values())})


def search(docs, query, url=SOLR_URL, **params):
    """The select answer for ``query`` restricted to this run's documents."""
    return solr_get(f"{url}/select", q=query, fq="{!terms f=id}" + ",".join(docs.values()), fl="id", **params)


def found(docs, query, **params):
    labels = {doc_id: label for label, doc_id in docs.items()}
    return sorted(labels[doc["id"]] for doc in search(docs, query, **params)["response"]["docs"])


def test_two_and_four_character_phrases_find_exactly_their_article(docs):
    assert found(docs, '"会议"') == ["meeting"]
    assert found(docs, '"文明城市"') == ["meeting"]  # joined across the layout space
    assert found(docs, "文明城市") == ["meeting"]  # unquoted runs are phrases too
    assert found(docs, '"景区"') == ["scenic"]


def test_reversed_phrases_match_nothing(docs):
    assert found(docs, '"议会"') == []
    assert found(docs, '"城市文明"') == []


def test_single_character_inside_a_run_is_found(docs):
    assert found(docs, "会") == ["meeting", "scenic"]


def test_separate_words_are_not_glued_into_one_phrase(docs):
    assert found(docs, "景区 秩序", **{"q.op": "AND"}) == ["scenic"]
    assert found(docs, '"景区 秩序"') == []


def test_highlighting_marks_the_phrase_in_the_stored_text(docs):
    answer = search(docs, '"文明城市"', hl="true", **{"hl.fl": "text"})
    snippets = answer["highlighting"][docs["meeting"]]["text"]
    assert "".join(snippets).replace(" ", "").count("<em>文明城市</em>") == 1


def test_district_facet_counts_are_exact(docs):
    answer = search(docs, "*:*", rows=0, facet="true", **{"facet.field": "district_slugs", "facet.mincount": 1})
    flat = answer["facet_counts"]["facet_fields"]["district_slugs"]
    assert dict(zip(flat[::2], flat[1::2], strict=True)) == {"jiefang": 2, "shanyang": 1}


def test_two_shards_of_two_active_replicas_on_different_nodes():
    layout, live = cluster_status()
    assert len(live) >= 2
    assert sorted(layout) == ["shard1", "shard2"]
    for replicas in layout.values():
        assert [active for _, active in replicas] == [True, True]
        assert len({node for node, _ in replicas}) == 2


def test_collection_command_reports_every_replica_active():
    out = io.StringIO()
    call_command("solr_collection", url=SOLR_URL, status=True, stdout=out)
    lines = out.getvalue().splitlines()
    assert len(lines) == 4
    assert all(line.split()[3] == "active" for line in lines)
    assert sorted(line.split()[0] for line in lines) == ["shard1", "shard1", "shard2", "shard2"]


def test_query_is_answered_in_full_while_a_node_is_killed(docs):
    urls = ci_solr("urls").split()
    assert base_url(SOLR_URL) in urls, f"{SOLR_URL} is not served by the cluster in ARCHIVE_SOLR_DIR ({urls})"
    killed = urls[1]
    survivor = base_url(SOLR_URL) if base_url(SOLR_URL) != killed else urls[0]
    collection = SOLR_URL.rsplit("/", 1)[1]
    ci_solr("kill-node", "2")
    try:
        with pytest.raises(URLError):
            urlopen(f"{killed}/admin/info/system", timeout=10)
        answered_by_survivor(docs, f"{survivor}/{collection}", survivor)

        killed_node = killed.removeprefix("http://").replace("/", "_")
        deadline = time.monotonic() + 120
        while killed_node in cluster_status()[1]:
            assert time.monotonic() < deadline, "the killed node never left live_nodes"
            time.sleep(1)
        layout, _ = cluster_status()
        assert all(sum(active for _, active in replicas) == 1 for replicas in layout.values())
        answered_by_survivor(docs, f"{survivor}/{collection}", survivor)
    finally:
        ci_solr("start-node", "2")
    layout, live = cluster_status()
    assert killed_node in live
    assert all([active for _, active in replicas] == [True, True] for replicas in layout.values())
    assert found(docs, '"会议"') == ["meeting"]


def answered_by_survivor(docs, collection_url, survivor):
    """Both articles come back, every shard answered, and each answer came from ``survivor``."""
    answer = search(docs, "会", url=collection_url, **{"shards.info": "true"})
    assert answer["response"]["numFound"] == 2
    assert not answer["responseHeader"].get("partialResults")
    shards = answer["shards.info"].values()
    assert len(shards) == 2
    assert all("error" not in shard and shard["shardAddress"].startswith(survivor) for shard in shards)
