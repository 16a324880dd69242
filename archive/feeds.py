"""Atom feeds: latest articles, a person's articles and a district's articles (search results: ``search.feeds``).

Feeds carry reports only: captions, ads, teasers and contents tables are left out (``queries.latest_articles``).
"""
from datetime import datetime, time

from django.contrib.syndication.views import Feed
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.html import escape
from django.utils.timezone import make_aware

from archive import queries
from archive.models import District, Person

FEED_SIZE = 30
SUMMARY_CHARS = 200


class ArticleFeed(Feed):
    """What every article feed shares: Atom, entries dated by publication, summary from the body."""

    feed_type = Atom1Feed
    author_name = "焦作新闻档案"

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        text = item.body.replace("\n", " ")
        return escape(text[:SUMMARY_CHARS] + ("…" if len(text) > SUMMARY_CHARS else ""))

    def item_pubdate(self, item):
        return make_aware(datetime.combine(item.publication_date, time()))

    def item_updateddate(self, item):
        """Atom requires ``<updated>`` on every entry; an archived article changes only by correction."""
        return self.item_pubdate(item)

    def item_categories(self, item):
        return [item.get_kind_display()]


class LatestArticlesFeed(ArticleFeed):
    title = "焦作新闻档案：最新文章"
    subtitle = "最近收录的焦作日报文章"

    def link(self):
        return reverse("archive:home")

    def items(self):
        return queries.latest_articles()[:FEED_SIZE]


class PersonArticlesFeed(ArticleFeed):
    def get_object(self, request, pk):
        return get_object_or_404(Person, pk=pk)

    def title(self, person):
        return f"焦作新闻档案：{person}的相关文章"

    def subtitle(self, person):
        return f"提及{person}的最新文章"

    def link(self, person):
        return person.get_absolute_url()

    def items(self, person):
        return queries.latest_articles().filter(mentions__person=person)[:FEED_SIZE]


class DistrictArticlesFeed(ArticleFeed):
    def get_object(self, request, slug):
        return get_object_or_404(District, slug=slug)

    def title(self, district):
        return f"焦作新闻档案：{district.name}的文章"

    def subtitle(self, district):
        return f"涉及{district.name}（含所辖乡镇、街道）的最新文章"

    def link(self, district):
        return district.get_absolute_url()

    def items(self, district):
        return queries.latest_articles().filter(districts=district)[:FEED_SIZE]
