"""The haystack index of ``archive.Article``: what each article contributes to the search index.

Field types and analysis are decided by each engine (``search.backend``'s Whoosh schema,
the Solr configset); this module only says which values go in. The facet fields come
from ``search.schema.FACETS``.
"""
from django.db.models import Prefetch
from haystack import indexes

from archive.models import Article, Mention
from search.engine import day_number
from search.schema import FACETS, page_number


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
        """Articles with issue, people and districts in three queries per batch.

        People are joined to their mentions rather than prefetched: Django 5.2 prefetches a
        forward foreign key with a tuple lookup that SQLite receives as one OR per person,
        and a 5,000-article batch then exceeds SQLite's expression depth of 1,000.
        """
        mentions = Prefetch("mentions", queryset=Mention.objects.select_related("person"))
        return Article.objects.select_related("page__issue").prefetch_related(mentions, "districts").order_by("pk")

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
