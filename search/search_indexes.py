"""The haystack index of ``archive.Article``: what each article contributes to the Whoosh index.

Field types and analysis are decided by ``search.backend`` (schema) and
``search.analysis`` (tokens); this module only says which values go in.
"""
from django.db.models import Prefetch
from haystack import indexes

from archive.models import Article, Mention


def day_number(value):
    """A date as the integer YYYYMMDD, the form facets and range filters use."""
    return value.year * 10000 + value.month * 100 + value.day if value else None


class ArticleIndex(indexes.SearchIndex, indexes.Indexable):
    text = indexes.CharField(document=True)
    headline = indexes.CharField(model_attr="headline")
    subtitles = indexes.CharField()
    publication_date = indexes.DateField(model_attr="publication_date")
    publication_day = indexes.IntegerField()
    event_date = indexes.DateField(model_attr="event_date", null=True)
    officials = indexes.MultiValueField()
    official_ids = indexes.MultiValueField()
    districts = indexes.MultiValueField()
    district_slugs = indexes.MultiValueField()
    kind = indexes.FacetCharField(model_attr="kind")
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

    def prepare_officials(self, article):
        return sorted({mention.person.name for mention in article.mentions.all()})

    def prepare_official_ids(self, article):
        return sorted({str(mention.person_id) for mention in article.mentions.all()})

    def prepare_districts(self, article):
        return [district.name for district in article.districts.all()]

    def prepare_district_slugs(self, article):
        return [district.slug for district in article.districts.all()]

    def prepare_edition(self, article):
        return article.page.issue.edition

