"""The embedded engine: haystack's Whoosh backend, made fit for the archive, implementing the search contract.

- Every text field is analysed by ``search.analysis`` (jieba words + character
  bigrams) into a ``search.whoosh_match.ChainText`` field (no positions); parsing a query
  through haystack gives a ``RunPhrase`` of bigrams.
- Writes go through ``search.indexing.index_writer``: one writer at a time across
  processes, waiting instead of raising LockError or dropping changes.
- ``update`` prepares a whole batch with one writer and no spelling graph
  (haystack opens a searcher per document and analyses the text twice).
- ``rank`` (the contract's search, ``search.whoosh_search``) uses one cached searcher per
  index generation instead of haystack's two or three per query.
- haystack's match-all query ``*`` (an unfiltered ``SearchQuerySet``) is every document:
  Whoosh's parser finds no terms in it through our analysis and matched nothing.
- ``date_facet`` counts are keyed by each range's start, as haystack documents (Whoosh
  gave (start, end) pairs); ``facet`` lists values only, as Solr does (Whoosh added a
  ``None`` bucket for documents without a value).
- A ``SearchQuerySet`` slice starts where asked: haystack turned offsets into Whoosh page
  numbers, so ``[2:5]`` returned the first results.
- ``django_id`` also has a column, so a result page maps document numbers to articles from a list
  built once per segment (``search.generation``) instead of unpickling each hit's stored fields.
- Big text is not stored; haystack's highlighting (a StemmingAnalyzer that
  returns '' for Chinese) is replaced by ``search.snippets`` over the database text.
"""
from __future__ import annotations

from django.db import DEFAULT_DB_ALIAS
from django.db import connections as db_connections
from haystack.backends.whoosh_backend import WhooshEngine, WhooshSearchBackend
from haystack.constants import DJANGO_CT, DJANGO_ID, ID
from haystack.exceptions import SkipDocument
from haystack.fields import FacetField
from haystack.utils import get_identifier
from whoosh.fields import DATETIME, KEYWORD, NUMERIC, Schema
from whoosh.fields import ID as WHOOSH_ID
from whoosh.qparser import QueryParser
from whoosh.query import Every
from whoosh.writing import CLEAR

from search import dictionary, generation, snippets, whoosh_search
from search.analysis import analyzer
from search.whoosh_match import ChainText, RunPhrase, chain_text
from search.whoosh_writer import index_writer, writer_lock, writer_processes


def schema_field(field):
    """The Whoosh field for one haystack field (see module docstring for why each choice)."""
    if field.is_multivalued:
        return KEYWORD(stored=True, commas=True, scorable=True)
    if field.field_type in ("date", "datetime"):
        return DATETIME(stored=True)
    if field.field_type == "integer":
        return NUMERIC(numtype=int, stored=True, sortable=True)
    if isinstance(field, FacetField):
        return WHOOSH_ID(stored=True)
    return ChainText(analyzer(), stored=not field.document, field_boost=field.boost)


def schema_signature(schema) -> dict:
    """What makes two Whoosh schemas index alike, field by field (their ``==`` compares column and
    struct objects by identity, so a schema never equals itself read back from the index)."""
    return {
        name: (
            type(field).__name__, field.stored, field.unique, field.scorable,
            type(getattr(field, "analyzer", None)).__name__, getattr(getattr(field, "analyzer", None), "version", 1),
            type(field.column_type).__name__,
            getattr(field, "numtype", None), getattr(field, "bits", None),
        )
        for name, field in schema.items()
    }


class MatchAllQueryParser(QueryParser):
    """Whoosh's query parser, with haystack's match-all query ``*`` parsed as every document."""

    def parse(self, text, normalize=True, debug=False):
        if text.strip() == "*":
            return Every()
        return super().parse(text, normalize=normalize, debug=debug)


class JiebaWhooshSearchBackend(WhooshSearchBackend):
    def setup(self):
        super().setup()
        plugins = self.parser.plugins
        self.parser = MatchAllQueryParser(
            self.content_field_name, schema=self.schema, plugins=plugins, phraseclass=RunPhrase
        )

    def build_schema(self, fields):
        schema_fields = {
            ID: WHOOSH_ID(stored=True, unique=True),
            DJANGO_CT: WHOOSH_ID(stored=True),
            DJANGO_ID: WHOOSH_ID(stored=True, sortable=True),
        }
        content_field_name = ""
        for field in fields.values():
            schema_fields[field.index_fieldname] = schema_field(field)
            if field.document:
                content_field_name = field.index_fieldname
        return content_field_name, Schema(**schema_fields)

    def ready(self):
        if not self.setup_complete:
            self.setup()
        return self

    def prepare_document(self, index, obj):
        """The Whoosh document for ``obj``, or None when the index skips it."""
        try:
            doc = index.full_prepare(obj)
        except SkipDocument:
            return None
        doc.pop("boost", None)
        return {key: self._from_python(value) for key, value in doc.items() if value is not None}

    def update(self, index, iterable, commit=True):
        """Index a batch with one writer; documents already in the index are replaced."""
        self.apply(index, iterable)

    def remove(self, obj_or_string, commit=True):
        self.ready()
        with index_writer(self) as writer:
            writer.delete_by_term(ID, get_identifier(obj_or_string))

    def search(self, query_string, start_offset=0, end_offset=None, **kwargs):
        """haystack's search, from the first result up to ``end_offset``, cut at ``start_offset`` here."""
        results = super().search(query_string, start_offset=0, end_offset=end_offset, **kwargs)
        if start_offset:
            results["results"] = results["results"][start_offset:]
        return results

    def rank(self, request, parsed):
        return whoosh_search.rank(request, parsed)

    def prepare(self):
        """Open the searcher, build the facet columns and read the headlines now (worker warm-up), not in a
        reader's request."""
        with generation.lock():
            current = generation.current()
            current.prepare()
            whoosh_search.hold_headlines(current)

    def generation_cache(self):
        with generation.lock():
            return generation.current().pages

    def indexed_ids(self):
        with generation.lock():
            current = generation.current()
            return {current.article_id(docnum) for docnum in current.live_docs()}

    def schema_outdated(self):
        self.ready()
        return schema_signature(self.storage.open_index().schema) != schema_signature(self.schema)

    def apply(self, index, objects, remove_identifiers=()):
        """Add or replace ``objects`` and delete ``remove_identifiers`` ("archive.article.12") in one commit.

        Deletes share one searcher: Whoosh opens a new one per ``delete_by_term`` otherwise.
        A bulk batch is split in ``writer_processes`` shares: each but the last is handed to a
        forked writer first, which reads (``update_index`` gives ids only), prepares and analyses
        it; this process then deletes and reads, prepares and writes the last. (Prepared here, and
        forked after the deletes, the forked writers' shares left this process the busiest.)
        Inside a transaction the articles are read here: a forked writer's connection would not
        see its rows.
        """
        self.ready()
        dictionary.refresh_user_words()
        objects = list(objects)
        if not objects and not remove_identifiers:
            return
        if db_connections[DEFAULT_DB_ALIAS].in_atomic_block:
            objects = list(index.load(objects))
        with index_writer(self) as writer:
            share = -(-len(objects) // writer_processes(len(objects))) or 1
            starts = range(0, len(objects), share)
            for start in starts[:-1]:
                writer.add_in_child(self._documents(index, objects[start : start + share], forked=True))
            with writer.searcher() as searcher:
                for identifier in [*remove_identifiers, *map(get_identifier, objects)]:
                    writer.delete_by_term(ID, identifier, searcher=searcher)
            for doc in self._documents(index, objects[starts[-1] if starts else 0 :]):
                writer.add_document(**doc)

    def _documents(self, index, objects, forked=False):
        """The Whoosh documents of ``objects`` (read whole by ``index.load`` if they are ``update_index``'s ids);
        ``forked``: iterated in a forked writer, which leaves the database connections it inherited to its
        parent (it opens its own to read the articles)."""
        if forked:
            _leave_inherited_connections()
        for obj in index.load(objects):
            doc = self.prepare_document(index, obj)
            if doc:
                yield doc

    def _process_results(self, raw_page, highlight=False, query_string="", spelling_query=None, result_class=None,
                         facet_types=None):
        results = super()._process_results(
            raw_page, highlight=False, query_string=query_string, spelling_query=spelling_query,
            result_class=result_class, facet_types=facet_types,
        )
        fields = results.get("facets", {}).get("fields", {})
        for field, counts in fields.items():
            fields[field] = [(value, n) for value, n in counts if value is not None]
        dates = results.get("facets", {}).get("dates", {})
        for field, counts in dates.items():
            dates[field] = [(when[0] if isinstance(when, tuple) else when, n) for when, n in counts]
        if highlight:
            pieces = query_pieces(self.parser.parse(query_string), self.content_field_name)
            for result in results["results"]:
                article = result.object
                text = "\n".join([article.headline, *article.subtitles, article.body]) if article else ""
                result.highlighted = {self.content_field_name: [snippets.snippet(text, pieces)]}
        return results

    def clear(self, models=None, commit=True):
        """Empty the index (or drop the given models' documents) without racing other writers.

        A full clear keeps the generation counter growing so other processes'
        searchers notice; only a changed schema needs the files deleted.
        """
        if models is None and self.schema_outdated():
            with writer_lock(self):
                self.delete_index()
            return
        with index_writer(self, mergetype=CLEAR if models is None else None) as writer:
            for model in models or ():
                writer.delete_by_term(DJANGO_CT, f"{model._meta.app_label}.{model._meta.model_name}")


_inherited_connections = []  # a forked writer's copies of its parent's connections: never closed nor freed


def _leave_inherited_connections():
    """In a forked writer: make Django open connections of its own instead of using the parent's.

    Closing (or freeing) an inherited PostgreSQL connection would end the parent's
    session through the shared socket, so the objects are kept until the process exits.
    """
    for connection in db_connections.all(initialized_only=True):
        _inherited_connections.append(connection.connection)
        connection.connection = None


def query_pieces(whoosh_query, fieldname):
    """The strings a parsed Whoosh query looks for in ``fieldname``, for highlighting."""
    pieces = []
    for leaf in whoosh_query.leaves():
        if getattr(leaf, "fieldname", None) != fieldname:
            continue
        words = getattr(leaf, "words", None) or [getattr(leaf, "text", None)]
        if all(isinstance(word, str) for word in words):
            pieces.append(chain_text(words))
    return pieces


class JiebaWhooshEngine(WhooshEngine):
    backend = JiebaWhooshSearchBackend
