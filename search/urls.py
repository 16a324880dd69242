"""Search page and its JSON/CSV API."""
from django.urls import path

from archive.feed_pages import FeedAboutView
from search import feeds, views

app_name = "search"

urlpatterns = [
    path("search/", views.SearchView.as_view(), name="search"),
    path("search/help/", views.SearchHelpView.as_view(), name="help"),
    path("reporters/", views.ReporterListView.as_view(), name="reporters"),
    path("api/search", views.SearchApiView.as_view(), name="api"),
    path("api/search.csv", views.SearchCsvView.as_view(), name="csv"),
    path("feeds/search/", feeds.SearchResultsFeed(), name="feed"),
    path("feeds/search/about/", FeedAboutView.as_view(feed_url_name="search:feed"), name="feed_about"),
]
