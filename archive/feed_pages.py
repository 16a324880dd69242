"""Feeds a person can read: an HTML page beside each Atom feed, and ``/feeds/`` listing them all.

A browser shows an Atom document as raw XML, so the links people click lead here. The page
renders the feed's own output (parsed back from its XML), so it shows exactly what a feed
reader will get, and passes the feed's refusals (404, 400) through unchanged.
"""
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from datetime import datetime
from urllib.parse import urlsplit

from django.template.response import TemplateResponse
from django.urls import NoReverseMatch, Resolver404, resolve, reverse
from django.views.generic import TemplateView

from archive import queries

ATOM = "{http://www.w3.org/2005/Atom}"
ABOUT_SUFFIX = "_about"


@dataclass(frozen=True)
class Entry:
    title: str
    url: str
    published: datetime | None
    category: str
    summary: str


def parse_atom(content):
    """(title, subtitle, entries) of an Atom document made by ``archive.feeds``."""
    root = ET.fromstring(content)
    entries = []
    for entry in root.findall(f"{ATOM}entry"):
        published = entry.findtext(f"{ATOM}published") or entry.findtext(f"{ATOM}updated")
        category = entry.find(f"{ATOM}category")
        entries.append(Entry(
            title=entry.findtext(f"{ATOM}title", ""),
            url=entry.find(f"{ATOM}link").get("href"),
            published=datetime.fromisoformat(published) if published else None,
            category=category.get("term") if category is not None else "",
            summary=entry.findtext(f"{ATOM}summary", ""),
        ))
    return root.findtext(f"{ATOM}title", ""), root.findtext(f"{ATOM}subtitle", ""), entries


def about_url(feed_url):
    """The HTML page of the feed at ``feed_url`` (a path with its query), or ``feed_url`` if it is no feed."""
    parts = urlsplit(feed_url)
    try:
        match = resolve(parts.path)
    except Resolver404:
        return feed_url
    if not match.url_name or not match.url_name.startswith("feed") or match.url_name.endswith(ABOUT_SUFFIX):
        return feed_url
    try:
        path = reverse(f"{match.namespace}:{match.url_name}{ABOUT_SUFFIX}", kwargs=match.kwargs)
    except NoReverseMatch:
        return feed_url
    return f"{path}?{parts.query}" if parts.query else path


class FeedAboutView(TemplateView):
    """The HTML page of one feed: how to subscribe and its current entries. ``feed_url_name`` names the feed's URL
    (with its namespace); the page's own URL is that name with ``_about`` appended."""

    template_name = "archive/feed_about.html"
    feed_url_name = ""
    extra_context = {"nav_section": "feeds"}

    def get(self, request, *args, **kwargs):
        path = reverse(self.feed_url_name, kwargs=kwargs)
        feed_path = f"{path}?{request.GET.urlencode()}" if request.GET else path
        feed_response = resolve(path).func(request, **kwargs)
        if feed_response.status_code != 200:
            return feed_response
        title, subtitle, entries = parse_atom(feed_response.content)
        context = self.get_context_data(
            feed_title=title, feed_subtitle=subtitle, entries=entries,
            feed_path=feed_path, feed_address=request.build_absolute_uri(feed_path), **kwargs,
        )
        return TemplateResponse(request, self.template_name, context)


class FeedIndexView(TemplateView):
    """``/feeds/``: every feed the archive offers, with the district feeds listed and the others explained."""

    template_name = "archive/feed_index.html"
    extra_context = {"nav_section": "feeds"}

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            districts=queries.districts_with_counts(),
            top_people=queries.most_mentioned_people(limit=10),
            **kwargs,
        )

