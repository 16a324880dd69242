"""Browse URLs. Names are the contract used by get_absolute_url and templates."""
from django.urls import path

from archive import views

app_name = "archive"

urlpatterns = [
    path("", views.HomeView.as_view(), name="home"),
    path("issues/<str:date>/<str:edition>/", views.IssueDetailView.as_view(), name="issue_detail"),
    path("pages/<int:pk>/", views.PageDetailView.as_view(), name="page_detail"),
    path("articles/<int:pk>/", views.ArticleDetailView.as_view(), name="article_detail"),
    path("people/<int:pk>/", views.PersonDetailView.as_view(), name="person_detail"),
    path("meetings/<int:pk>/", views.MeetingDetailView.as_view(), name="meeting_detail"),
    path("districts/<slug:slug>/", views.DistrictDetailView.as_view(), name="district_detail"),
]
