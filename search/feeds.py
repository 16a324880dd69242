"""The Atom feed of a search: the newest articles matching the search page's parameters, to follow a topic."""
from dataclasses import replace

from django.http import HttpResponse, HttpResponseBadRequest
from django.urls import reverse

from archive.feeds import FEED_SIZE, ArticleFeed
from search.engine import UNAVAILABLE, QuerySyntaxError, SearchUnavailable, run_search
from search.forms import SearchForm, has_criteria, query_string


def feed_search_request(request):
    """The search page's parameters (``q``, ``official``, ``district``, ``year``…) as the newest-first request."""
    return SearchForm(request.GET).search_request(sort="date_desc", page=1, per_page=FEED_SIZE)


class SearchResultsFeed(ArticleFeed):
    """The newest articles matching a search, with the search page's parameters, so a reader can follow a topic."""

    def __call__(self, request, *args, **kwargs):
        if not has_criteria(feed_search_request(request)):
            return HttpResponseBadRequest(
                "请用参数 q（关键词）或 official、district 等筛选条件说明要订阅的搜索。",
                content_type="text/plain; charset=utf-8",
            )
        try:
            return super().__call__(request, *args, **kwargs)
        except QuerySyntaxError as error:
            return HttpResponseBadRequest(str(error), content_type="text/plain; charset=utf-8")
        except SearchUnavailable:
            return HttpResponse(UNAVAILABLE, status=503, content_type="text/plain; charset=utf-8")

    def get_object(self, request):
        return feed_search_request(request)

    def title(self, wanted):
        return f"焦作新闻档案：“{wanted.q}”的搜索结果" if wanted.q else "焦作新闻档案：筛选结果"

    def subtitle(self, wanted):
        return "符合搜索条件的最新文章"

    def link(self, wanted):
        return reverse("search:search") + query_string(replace(wanted, sort="relevance", page=1))

    def items(self, wanted):
        return [hit.article for hit in run_search(wanted).hits]
