"""Browse URLs. Names are the contract used by get_absolute_url and templates."""
from django.templatetags.static import static
from django.urls import path
from django.utils.functional import lazy
from django.views.generic import RedirectView, TemplateView

from archive import feed_pages, feeds, views

app_name = "archive"

urlpatterns = [
    path("", views.HomeView.as_view(), name="home"),
    path("dates/", views.DateIndexView.as_view(), name="date_index"),
    path("dates/<int:year>/", views.YearView.as_view(), name="year_detail"),
    path("dates/<int:year>/<int:month>/", views.MonthView.as_view(), name="month_detail"),
    path("issues/<str:date>/<str:edition>/", views.IssueDetailView.as_view(), name="issue_detail"),
    path("pages/<int:pk>/", views.PageDetailView.as_view(), name="page_detail"),
    path("articles/<int:pk>/", views.ArticleDetailView.as_view(), name="article_detail"),
    path("people/", views.PersonListView.as_view(), name="person_list"),
    path("people/<int:pk>/", views.PersonDetailView.as_view(), name="person_detail"),
    path("meetings/", views.MeetingListView.as_view(), name="meeting_list"),
    path("meetings/<int:pk>/", views.MeetingDetailView.as_view(), name="meeting_detail"),
    path("districts/", views.DistrictListView.as_view(), name="district_list"),
    path("districts/<slug:slug>/", views.DistrictDetailView.as_view(), name="district_detail"),
    path("feeds/", feed_pages.FeedIndexView.as_view(), name="feed_index"),
    path("feeds/articles/", feeds.LatestArticlesFeed(), name="feed_latest"),
    path("feeds/people/<int:pk>/", feeds.PersonArticlesFeed(), name="feed_person"),
    path("feeds/districts/<slug:slug>/", feeds.DistrictArticlesFeed(), name="feed_district"),
    path("feeds/articles/about/", feed_pages.FeedAboutView.as_view(feed_url_name="archive:feed_latest"),
         name="feed_latest_about"),
    path("feeds/people/<int:pk>/about/", feed_pages.FeedAboutView.as_view(feed_url_name="archive:feed_person"),
         name="feed_person_about"),
    path("feeds/districts/<slug:slug>/about/", feed_pages.FeedAboutView.as_view(feed_url_name="archive:feed_district"),
         name="feed_district_about"),
    path("robots.txt", TemplateView.as_view(template_name="robots.txt", content_type="text/plain; charset=utf-8"),
         name="robots"),
    path("favicon.ico", RedirectView.as_view(url=lazy(static, str)("favicon.svg"), permanent=True), name="favicon"),
]
