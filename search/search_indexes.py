"""The haystack index of ``archive.Article``: what each article contributes to the search index.

Field types and analysis are decided by each engine (``search.backend``'s Whoosh schema,
the Solr configset); this module only says which values go in. The facet fields come
from ``search.schema.FACETS``.
"""
from itertools import chain

from django.db.models import Prefetch
from haystack import indexes

from archive.models import Article, Mention
from search.engine import day_number
from search.schema import FACETS, page_number

LOAD_CHUNK = 2000


class FacetValuesField(indexes.MultiValueField):
    """A keyword facet's values, read by the facet's own declaration."""

    def __init__(self, facet, **kwargs):
        super().__init__(**kwargs)
        self.facet = facet

    def prepare(self, obj):
        return self.facet.values(obj)


class ArticleFields(indexes.SearchIndex):
    text = indexes.CharField(document=True)
    headline = indexes.CharField(model_attr="headline")
    subtitles = indexes.CharField()
    publication_date = indexes.DateField(model_attr="publication_date")
    publication_day = indexes.IntegerField()
    event_date = indexes.DateField(model_attr="event_date", null=True)
    event_day = indexes.IntegerField(null=True)
    page_number = indexes.IntegerField(null=True)
    officials = indexes.MultiValueField()
    districts = indexes.MultiValueField()
    kind = indexes.CharField(model_attr="kind")
    edition = indexes.FacetCharField()

    def get_model(self):
        return Article

    def index_queryset(self, using=None):
        """Articles with issue, people and districts in three queries per chunk ``load`` reads.

        People are joined to their mentions rather than prefetched: Django 5.2 prefetches a
        forward foreign key with a tuple lookup that SQLite receives as one OR per person,
        and a 5,000-article batch then exceeds SQLite's expression depth of 1,000.
        """
        mentions = Prefetch("mentions", queryset=Mention.objects.select_related("person"))
        return Article.objects.select_related("page__issue").prefetch_related(mentions, "districts").order_by("pk")

    def build_queryset(self, using=None, start_date=None, end_date=None):
        """The articles ``update_index`` (and ``rebuild_index``) walks in batches: their ids only.

        haystack reads each batch whole in the command's process before handing it to the
        backend, and reading 30,000 articles with their people and districts took a
        rebuild's two cores 7 s with one of them idle. The backends read a batch with
        ``load`` where they prepare it: the Whoosh backend in each of its writer processes.
        (The index has no updated field, so the date options select nothing, as in haystack.)
        """
        return Article.objects.only("pk").order_by("pk")

    def load(self, articles):
        """``articles`` as ``full_prepare`` needs them: those of ``build_queryset`` read whole through
        ``index_queryset`` in id order, ``LOAD_CHUNK`` at a time (articles deleted since are left out);
        articles already read are returned as they are."""
        articles = list(articles)
        if not articles or not articles[0].get_deferred_fields():
            return articles
        ids = [article.pk for article in articles]
        chunks = (ids[start : start + LOAD_CHUNK] for start in range(0, len(ids), LOAD_CHUNK))
        return chain.from_iterable(self.index_queryset().filter(pk__in=chunk) for chunk in chunks)

    def prepare_text(self, article):
        return "\n".join([article.headline, *article.subtitles, article.body])

    def prepare_subtitles(self, article):
        return "\n".join(article.subtitles)

    def prepare_publication_day(self, article):
        return day_number(article.publication_date)

    def prepare_event_day(self, article):
        return day_number(article.event_date)

    def prepare_page_number(self, article):
        return page_number(article.page.label)

    def prepare_officials(self, article):
        return sorted({mention.person.name for mention in article.mentions.all()})

    def prepare_districts(self, article):
        return [district.name for district in article.districts.all()]

    def prepare_edition(self, article):
        return article.page.issue.edition


ArticleIndex = type(
    "ArticleIndex",
    (ArticleFields, indexes.Indexable),
    {"__module__": __name__, **{facet.field: FacetValuesField(facet) for facet in FACETS}},
)
