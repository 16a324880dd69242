"""Browse pages: home, issue, page, article, person, meeting, district."""
from django.shortcuts import get_object_or_404
from django.views.generic import DetailView, TemplateView

from archive.models import Article, District, Issue, Meeting, Page, Person


class HomeView(TemplateView):
    template_name = "archive/home.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(latest_issues=Issue.objects.all()[:10], **kwargs)


class IssueDetailView(DetailView):
    template_name = "archive/issue_detail.html"

    def get_object(self, queryset=None):
        return get_object_or_404(Issue, date=self.kwargs["date"], edition=self.kwargs["edition"])


class PageDetailView(DetailView):
    model = Page
    template_name = "archive/page_detail.html"


class ArticleDetailView(DetailView):
    model = Article
    template_name = "archive/article_detail.html"


class PersonDetailView(DetailView):
    model = Person
    template_name = "archive/person_detail.html"


class MeetingDetailView(DetailView):
    model = Meeting
    template_name = "archive/meeting_detail.html"


class DistrictDetailView(DetailView):
    model = District
    template_name = "archive/district_detail.html"
