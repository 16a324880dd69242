"""``sitemap.xml`` sections: the browse pages, issues, articles, people, meetings and districts."""
from django.contrib.sitemaps import Sitemap
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


class IssueSitemap(Sitemap):
    changefreq = "yearly"

    def items(self):
        return Issue.objects.order_by("-date", "edition")

    def lastmod(self, issue):
        return issue.date


class ArticleSitemap(Sitemap):
    changefreq = "yearly"

    def items(self):
        return Article.objects.only("pk", "publication_date").order_by("-publication_date", "pk")

    def lastmod(self, article):
        return article.publication_date


class PersonSitemap(Sitemap):
    changefreq = "weekly"

    def items(self):
        return Person.objects.only("pk").order_by("pk")


class MeetingSitemap(Sitemap):
    changefreq = "yearly"

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
