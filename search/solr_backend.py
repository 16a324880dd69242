"""The scale-out engine: haystack's Solr backend (pysolr) on a SolrCloud collection, implementing the search contract.

Settings (``HAYSTACK_CONNECTIONS``): ``URL`` is one or more comma-separated collection URLs on
different nodes of the same cluster; a request goes to the node that answered last and, when
that node refuses, times out (``TIMEOUT``, short: readers wait for an answer) or answers 5xx,
to the next one, so losing a node leaves search answering from the replicas. Writes use the
same nodes with ``WRITE_TIMEOUT`` (a rebuild batch takes longer than a query).

The collection's configset (``search/solr/configset``) analyses text as CJK bigrams plus
single characters, joining Han characters split by layout spaces, as ``search.analysis``
does for the embedded engine; ``rank`` turns each piece of the reader's query into a phrase
over those tokens (see ``piece_phrase``). Documents carry, besides haystack's fields,
``year``/``month`` (date facets), ``words`` (jieba words, for ranking only), ``body`` (the body
alone, folded: the body-only scope) and
``document_version`` (``DOCUMENT_VERSION``, so ``schema_outdated`` sees documents an older
version wrote).
"""
from __future__ import annotations

import json
import logging
import time
from datetime import date
from fnmatch import fnmatch

import pysolr
import requests
from haystack.backends.solr_backend import SolrEngine, SolrSearchBackend, SolrSearchQuery
from haystack.constants import DJANGO_CT, DJANGO_ID, ID
from haystack.exceptions import SkipDocument
from haystack.inputs import Exact
from haystack.utils import get_identifier, get_model_ct

from search import analysis, dictionary
from search.engine import Ranked, SearchRequest, SearchUnavailable
from search.query import Item, ParsedQuery
from search.schema import BODY_FIELD, DAY_FIELD, EVENT_DAY_FIELD, FACETS, PAGE_NUMBER_FIELD, SCOPES_BY_NAME

log = logging.getLogger(__name__)

# Raised whenever documents gain or change fields: a collection holding article documents of an older
# version (or a configset without a field documents carry) is outdated and must be refilled.
DOCUMENT_VERSION = 3
VERSION_FIELD = "document_version"
# what ``solr_document`` adds to haystack's fields
COMPUTED_FIELDS = ("year", "month", "words", BODY_FIELD, VERSION_FIELD)
HEADLINE_BOOST = 2.0
WORDS_BOOST = 0.5
INDEXED_IDS_PAGE = 10_000
SETTLE_SECONDS = 30.0  # the longest a consistency report waits for replicas still recovering
_SORTS = {
    "relevance": f"score desc,{DAY_FIELD} desc,{ID} desc",
    "date_desc": f"{DAY_FIELD} desc,{ID} desc",
    "date_asc": f"{DAY_FIELD} asc,{ID} asc",
}
# Sorts first the articles matching the request's ``headline`` parameter (``headline_query``)
HEADLINE_TIER = "if(exists(query($headline)),1,0) desc"
# pysolr turns every failure into SolrError; these messages mean the node itself did not answer
_NODE_DOWN = (
    "Failed to connect to server", "Connection to server", "Unhandled error", "Solr responded with an error (HTTP 5",
)


# Text fields folded as the embedded engine folds them (traditional to simplified, full-width to
# half-width, one character for one): queries are folded by ``search.analysis`` on both engines.
FOLDED_FIELDS = ("text", "headline", "subtitles")


def node_down(error: pysolr.SolrError) -> bool:
    """Whether ``error`` says the node was unreachable, too slow or failing (another node may answer)."""
    return str(error).startswith(_NODE_DOWN)


class FailoverSolr:
    """pysolr's ``Solr`` API over several node URLs of one collection, trying the next node when one is down.

    Requests start at the node that answered last; a 4xx (a bad request) is raised at once,
    the last node's error when every node is down.
    """

    REQUESTS = frozenset({"search", "add", "delete", "commit", "optimize", "more_like_this", "suggest_terms",
                          "extract", "ping", "_update", "_send_request"})

    def __init__(self, urls: list[str], timeout: float, **kwargs):
        self.nodes = [pysolr.Solr(url, timeout=timeout, **kwargs) for url in urls]
        self.preferred = 0

    def __getattr__(self, name):
        if name not in self.REQUESTS:
            return getattr(self.nodes[0], name)

        def request(*args, **kwargs):
            order = [*range(self.preferred, len(self.nodes)), *range(self.preferred)]
            for attempt, number in enumerate(order):
                try:
                    answer = getattr(self.nodes[number], name)(*args, **kwargs)
                except pysolr.SolrError as error:
                    if not node_down(error) or attempt == len(order) - 1:
                        raise
                    continue
                self.preferred = number
                return answer

        return request


def node_urls(url: str) -> list[str]:
    return [part.strip().rstrip("/") for part in url.split(",") if part.strip()]


def piece_phrase(text: str) -> str | None:
    """``text`` (a piece of the query) as a Solr phrase matching where the embedded engine's phrase matches.

    The index has a token per Han character (with the bigram starting there at the same
    position) and one per latin/digit word; the query analyser gives bigrams only, one
    position fewer per Han run. A run followed by another run therefore repeats its last
    character as a lone token, keeping the next run at its index position. Runs are joined
    by "，" (a token break). Unlike the embedded engine, "会议，纪要" then also matches
    会议纪要: positions cannot tell a punctuation gap from none.
    """
    runs = list(analysis.runs(text))
    parts = []
    for number, run in enumerate(runs):
        parts.append(run.text)
        if run.chinese and len(run.text) > 1 and number < len(runs) - 1:
            parts.append(run.text[-1])
    return f'"{"，".join(parts)}"' if parts else None


def _all(clauses: list[str]) -> str | None:
    if not clauses:
        return None
    return clauses[0] if len(clauses) == 1 else "(" + " ".join(f"+{clause}" for clause in clauses) + ")"


def _one_of(clauses: list[str]) -> str:
    """A required clause matching any of ``clauses`` (an OR-group of the query)."""
    return "+" + (clauses[0] if len(clauses) == 1 else "(" + " ".join(clauses) + ")")


def required(item: Item, split: bool, field: str = "text") -> str | None:
    """What a matching document must contain for ``item``: each piece as a phrase of ``field``."""
    return _all([f"{field}:{phrase}" for phrase in map(piece_phrase, item.pieces(split)) if phrase])


def scored(item: Item, split: bool, field: str = "text") -> str | None:
    """``required`` plus optional boosts: the item in the headline, as a jieba word, and, split, as typed."""
    must = required(item, split, field)
    if must is None:
        return None
    phrase = piece_phrase(item.text)
    boosts = [f"headline:{phrase}^{HEADLINE_BOOST}"]
    words = list(analysis.runs(item.text))
    if len(words) == 1 and words[0].chinese:
        boosts.append(f'words:"{words[0].text}"^{WORDS_BOOST}')
    if split and item.splits():
        boosts.append(f"{field}:{phrase}")
    return f"(+{must} {' '.join(boosts)})"


def compile_query(parsed: ParsedQuery, field: str = "text") -> tuple[str, bool]:
    """(the Lucene query over ``field``, the scope's, and whether it scores: anything required); every
    document when nothing is."""
    clauses = []
    for group in parsed.groups:
        items = [q for q in (scored(item, parsed.split, field) for item in group) if q is not None]
        if items:
            clauses.append(_one_of(items))
    scores = bool(clauses)
    clauses.extend(f"-{q}" for q in (required(item, False, field) for item in parsed.excluded) if q is not None)
    if not scores:
        clauses.insert(0, "*:*")
    return " ".join(clauses), scores


def headline_query(parsed: ParsedQuery) -> str | None:
    """The Lucene query of the headline tier: for every group, one of its items whole in the headline.

    The embedded engine's tier (``search.whoosh_search``) is the same set, so an exact title
    match is never buried under long articles that repeat the words. None when no group has text.
    """
    groups = []
    for group in parsed.groups:
        items = [_all([f"headline:{phrase}" for phrase in map(piece_phrase, item.pieces()) if phrase])
                 for item in group]
        items = [item for item in items if item is not None]
        if items:
            groups.append(_one_of(items))
    return " ".join(groups) or None


def term_filter(field: str, value) -> str:
    """An ``fq`` matching ``value`` exactly (no query syntax in the value)."""
    return f"{{!term f={field}}}{value}"


def document_words(text: str) -> str:
    """The jieba words of ``text``'s Chinese runs, space-separated (the ``words`` field)."""
    return " ".join(word for run in analysis.runs(text) if run.chinese for word in dictionary.segment(run.text))


class ArchiveSolrSearchBackend(SolrSearchBackend):
    def __init__(self, connection_alias, **connection_options):
        super().__init__(connection_alias, **connection_options)
        urls = node_urls(connection_options["URL"])
        kwargs = connection_options.get("KWARGS", {})
        self.conn = FailoverSolr(urls, timeout=self.timeout, **kwargs)
        self.writer = FailoverSolr(urls, timeout=connection_options.get("WRITE_TIMEOUT", 300), **kwargs)

    # --- writing -------------------------------------------------------------------------

    def solr_document(self, index, obj) -> dict | None:
        """The Solr document for ``obj`` (values as Solr reads them), or None when the index skips it."""
        try:
            prepared = index.full_prepare(obj)
        except SkipDocument:
            return None
        prepared.pop("boost", None)
        for field in FOLDED_FIELDS:
            if prepared.get(field):
                prepared[field] = analysis.normalize(prepared[field])
        day = prepared[DAY_FIELD]
        prepared.update(
            year=day // 10000, month=day // 100 % 100, words=document_words(prepared["text"]),
            **{BODY_FIELD: analysis.normalize(obj.body), VERSION_FIELD: DOCUMENT_VERSION},
        )
        document = {}
        for key, value in prepared.items():
            if isinstance(value, list | tuple | set):
                if value:
                    document[key] = [self.conn._from_python(item) for item in value]
            elif value is not None:
                document[key] = self.conn._from_python(value)
        return document

    def apply(self, index, objects, remove_identifiers=()):
        """Add or replace ``objects`` and delete ``remove_identifiers`` ("archive.article.12") in one request.

        A soft commit makes the change visible on every replica before this returns; the
        transaction log and the configset's autoCommit make it durable.
        """
        dictionary.refresh_user_words()
        documents = [doc for doc in (self.solr_document(index, obj) for obj in objects) if doc]
        if not documents and not remove_identifiers:
            return
        commands = [f'"delete":{json.dumps(list(remove_identifiers))}'] if remove_identifiers else []
        commands += [f'"add":{{"doc":{json.dumps(doc, ensure_ascii=False)}}}' for doc in documents]
        self.writer._update("{" + ",".join(commands) + "}", softCommit=True, solrapi="JSON")

    def update(self, index, iterable, commit=True):
        """haystack's batch write (rebuild_index, update_index, whose batches hold ids only): the same documents
        as ``apply``."""
        self.apply(index, index.load(iterable))

    def remove(self, obj_or_string, commit=True):
        self.apply(None, (), [get_identifier(obj_or_string)])

    def clear(self, models=None, commit=True):
        """Delete every document (or the given models'), visible at once; no optimize (a whole-index rewrite)."""
        query = "*:*" if models is None else " OR ".join(f"{DJANGO_CT}:{get_model_ct(m)}" for m in models)
        self.writer.delete(q=query, softCommit=True)

    # --- reading -------------------------------------------------------------------------

    def build_search_kwargs(self, query_string, sort_by=None, highlight=False, **kwargs):
        """haystack's parameters, with ties broken by ``id`` and highlights marked with <mark> in escaped text.

        Replicas of a shard number documents differently, so without a unique last sort key
        the pages of one ``SearchQuerySet`` (answered by different replicas) miss or repeat
        documents that tie.
        """
        sort_by = f"{sort_by or 'score desc'},{ID} asc"
        search_kwargs = super().build_search_kwargs(query_string, sort_by=sort_by, highlight=highlight, **kwargs)
        if highlight:
            for key, value in {"hl.fl": "text", "hl.tag.pre": "<mark>", "hl.tag.post": "</mark>",
                               "hl.encoder": "html"}.items():
                search_kwargs.setdefault(key, value)
        return search_kwargs

    def _process_results(self, raw_results, **kwargs):
        """haystack's results; ``date_facet`` counts (Solr range facets) also under "dates", keyed by datetime.

        haystack documents ``facet_counts()["dates"]`` for ``date_facet``; its Solr backend
        asks for range facets and files them under "ranges" only.
        """
        results = super()._process_results(raw_results, **kwargs)
        facets = results.get("facets")
        if facets:
            facets["dates"] = {
                field: [(self.conn._to_python(when), n) for when, n in counts]
                for field, counts in facets.get("ranges", {}).items()
            }
        return results

    def rank(self, request: SearchRequest, parsed: ParsedQuery) -> Ranked:
        """The contract's ``rank`` (see ``search.engine.ArchiveBackend``) as one Solr request."""
        query, scores = compile_query(parsed, SCOPES_BY_NAME[request.scope].field)
        sort = request.sort if request.sort in _SORTS else "relevance"
        if sort == "relevance" and not scores:
            sort = "date_desc"
        order, titled = _SORTS[sort], headline_query(parsed) if sort == "relevance" else None
        if titled:
            order = f"{HEADLINE_TIER},{order}"
        filters = [term_filter(DJANGO_CT, "archive.article")]
        filters += [term_filter(f.field, value) for f in FACETS for value in sorted(set(request.selected(f.name)))]
        bounds = request.day_range()
        if bounds:
            filters.append(f"{DAY_FIELD}:[{bounds[0]} TO {bounds[1]}]")
        events = request.event_range()
        if events:
            filters.append(f"{EVENT_DAY_FIELD}:[{events[0]} TO {events[1]}]")
        if request.page_number:
            filters.append(f"{PAGE_NUMBER_FIELD}:{int(request.page_number)}")
        facet_fields = [facet.field for facet in FACETS] + ["year"] + (["month"] if request.year else [])
        tier = {"headline": titled} if titled else {}
        try:
            results = self.conn.search(
                query, defType="lucene", fq=filters, fl=f"{DJANGO_ID},score", sort=order,
                start=request.first, rows=request.size, facet="true", **{"facet.field": facet_fields},
                **{"facet.limit": -1, "facet.mincount": 1, "facet.sort": "count"}, **tier,
            )
        except pysolr.SolrError as error:
            if node_down(error):
                raise SearchUnavailable(str(error)) from error
            raise
        counts = {field: list(zip(values[::2], values[1::2], strict=True))
                  for field, values in results.facets.get("facet_fields", {}).items()}
        facets = {
            "year": sorted((int(year), n) for year, n in counts.get("year", [])),
            "month": sorted((int(month), n) for month, n in counts.get("month", [])),
        }
        for facet in FACETS:
            facets[facet.name] = sorted(counts.get(facet.field, []), key=lambda item: (-item[1], item[0]))
        ids = [(int(doc[DJANGO_ID]), float(doc.get("score", 0.0)) if scores else 0.0) for doc in results.docs]
        return Ranked(total=results.hits, ids=ids, facets=facets)

    def schema_outdated(self) -> bool:
        """Whether the collection's configset lacks a field the documents carry (upload it with
        ``solr_collection``) or an article document was written before ``DOCUMENT_VERSION`` (refill it)."""
        from search.indexing import article_index

        declared = json.loads(self.conn._send_request("get", "schema/fields?wt=json"))["fields"]
        patterns = json.loads(self.conn._send_request("get", "schema/dynamicfields?wt=json"))["dynamicFields"]
        names = {field.index_fieldname for field in article_index().fields.values()} | set(COMPUTED_FIELDS)
        known = {field["name"] for field in declared}
        if any(name not in known and not any(fnmatch(name, p["name"]) for p in patterns) for name in names):
            return True
        older = self.conn.search(
            "*:*", fq=[term_filter(DJANGO_CT, "archive.article"), f"-{VERSION_FIELD}:[{DOCUMENT_VERSION} TO *]"],
            rows=0,
        )
        return older.hits > 0

    def cluster_status(self) -> dict | None:
        """The collection's CLUSTERSTATUS (``live_nodes``, ``shards``) from the first node that answers.

        None when the server is not in SolrCloud mode (a standalone Solr answers 400): nothing to
        wait for. Raises ``pysolr.SolrError`` (a node-down message) when no node answers.
        """
        error = None
        for node in self.conn.nodes:
            base, _, collection = node.url.rstrip("/").rpartition("/")
            try:
                response = requests.get(f"{base}/admin/collections", timeout=self.timeout,
                                        params={"action": "CLUSTERSTATUS", "collection": collection, "wt": "json"})
            except requests.RequestException as failure:
                error = failure
                continue
            if response.status_code == 400:
                return None
            if not response.ok:  # a node still starting answers 404 or 503
                error = f"HTTP {response.status_code}"
                continue
            cluster = response.json().get("cluster", {})
            return {"live_nodes": set(cluster.get("live_nodes", [])),
                    "shards": cluster.get("collections", {}).get(collection, {}).get("shards", {})}
        raise pysolr.SolrError(f"Failed to connect to server: {error}")

    def settling(self) -> list[str]:
        """What a search may not yet see in step with the rest: shards without an active leader, and
        replicas on a live node that are not active (recovering after their node restarted, say)."""
        status = self.cluster_status()
        if status is None:
            return []
        live, waiting = status["live_nodes"], []
        for shard, info in sorted(status["shards"].items()):
            replicas = sorted(info.get("replicas", {}).items())
            if not any(r.get("leader") == "true" and r.get("state") == "active" and r.get("node_name") in live
                       for _, r in replicas):
                waiting.append(f"{shard} 无可用主副本")
            waiting += [f"{shard}/{name} {r.get('state')}" for name, r in replicas
                        if r.get("node_name") in live and r.get("state") != "active"]
        return waiting

    def indexed_ids(self) -> set[int]:
        """Every article id in the collection, read in pages with a cursor once the collection has settled.

        A replica that is recovering, or a shard whose leader is being elected, can answer
        without changes the others hold, so a report read then would show documents missing
        that are not: the read waits (up to ``SETTLE_SECONDS``) until every replica on a live
        node is active. An answer missing a shard is refused, never counted as missing documents.
        """
        deadline = time.monotonic() + SETTLE_SECONDS
        while (waiting := self.settling()) and time.monotonic() < deadline:
            time.sleep(0.5)
        if waiting:
            log.warning("reading the collection with replicas not active after %g s: %s", SETTLE_SECONDS, waiting)
        ids, cursor = set(), "*"
        while True:
            results = self.conn.search(
                "*:*", fq=term_filter(DJANGO_CT, "archive.article"), fl=DJANGO_ID, sort=f"{ID} asc",
                rows=INDEXED_IDS_PAGE, cursorMark=cursor, **{"shards.tolerant": "false"},
            )
            if results.raw_response.get("responseHeader", {}).get("partialResults"):
                raise pysolr.SolrError("Solr answered with partial results: a shard did not answer")
            ids.update(int(doc[DJANGO_ID]) for doc in results.docs)
            if results.nextCursorMark in (None, cursor):
                return ids
            cursor = results.nextCursorMark


class ArchiveSolrSearchQuery(SolrSearchQuery):
    def build_query_fragment(self, field, filter_type, value):
        """haystack's fragment, with a date compared for equality quoted (unquoted, "T00:" reads as a field)."""
        if isinstance(value, date) and filter_type in ("content", "exact"):
            value = Exact(self.backend.conn._from_python(value))
        return super().build_query_fragment(field, filter_type, value)


class ArchiveSolrEngine(SolrEngine):
    backend = ArchiveSolrSearchBackend
    query = ArchiveSolrSearchQuery
