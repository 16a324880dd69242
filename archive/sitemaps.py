"""``sitemap.xml`` sections: the browse pages, issues, articles, people, meetings and districts."""
from django.contrib.sitemaps import Sitemap
from django.db.models import Max
from django.urls import reverse

from archive.models import Article, District, Issue, Meeting, Person


class BrowsePagesSitemap(Sitemap):
    priority = 0.8
    changefreq = "daily"

    def items(self):
        return ["archive:home", "archive:date_index", "archive:person_list", "archive:meeting_list",
                "archive:district_list"]

    def location(self, item):
        return reverse(item)


class DatedSitemap(Sitemap):
    """A section whose lastmod is a date column; the index asks the database for the latest
    instead of Django's default, which calls ``lastmod`` on every item."""

    changefreq = "yearly"
    limit = 2000
    date_field = ""

    def lastmod(self, item):
        return getattr(item, self.date_field)

    def get_latest_lastmod(self):
        return self.items().aggregate(latest=Max(self.date_field))["latest"]


class IssueSitemap(DatedSitemap):
    date_field = "date"

    def items(self):
        return Issue.objects.order_by("-date", "edition")


class ArticleSitemap(DatedSitemap):
    date_field = "publication_date"

    def items(self):
        return Article.objects.only("pk", "publication_date").order_by("-publication_date", "pk")


class PersonSitemap(Sitemap):
    changefreq = "weekly"
    limit = 2000

    def items(self):
        return Person.objects.only("pk").order_by("pk")


class MeetingSitemap(Sitemap):
    changefreq = "yearly"
    limit = 2000

    def items(self):
        return Meeting.objects.only("pk").order_by("pk")


class DistrictSitemap(Sitemap):
    changefreq = "weekly"

    def items(self):
        return District.objects.order_by("position")


SITEMAPS = {
    "browse": BrowsePagesSitemap,
    "issues": IssueSitemap,
    "articles": ArticleSitemap,
    "people": PersonSitemap,
    "meetings": MeetingSitemap,
    "districts": DistrictSitemap,
}
