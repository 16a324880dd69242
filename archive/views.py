"""Browse pages: home, dates, issues, pages, articles, people, meetings and districts.

Views only gather context; the queries live in ``archive.queries`` so feeds and
sitemaps reuse them.
"""
import re
from datetime import MAXYEAR, MINYEAR, date

from django.db.models import Count
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.views.generic import DetailView, ListView, TemplateView
from django.views.generic.detail import SingleObjectMixin

from archive import queries
from archive.formats import ArticleData, DistrictData, IssueData, MeetingData, PageData, PersonData
from archive.meeting_filters import MeetingFilterForm
from archive.models import Article, District, Issue, Meeting, Page, Person
from archive.navigation import IssueNeighboursMixin, PageNeighboursMixin
from archive.pagination import RepairedPaginationMixin
from archive.people_filters import PeopleFilterForm

PAGE_LABEL = re.compile(r"[A-Z]?\d+")


def calendar_year(year):
    """``year`` if a calendar can be drawn for it; otherwise Http404 (the database and ``date`` stop at 1..9999)."""
    if not MINYEAR <= year <= MAXYEAR:
        raise Http404("年份超出范围")
    return year


class HomeView(TemplateView):
    """Search box, latest issues, counts, the year's most-mentioned people and articles over time."""

    template_name = "archive/home.html"

    def get_context_data(self, **kwargs):
        year = queries.latest_year_with_articles()
        top_people = (
            queries.most_mentioned_people(Article.objects.filter(publication_date__year=year)) if year else []
        )
        latest_issues = Issue.objects.annotate(article_count=Count("pages__articles")).order_by("-date", "edition")
        return super().get_context_data(
            latest_issues=latest_issues[:8],
            counts=queries.archive_counts(),
            top_year=year,
            top_people=top_people,
            histogram=queries.articles_per_year(),
            **kwargs,
        )


class DateIndexView(TemplateView):
    """The years that have issues."""

    extra_context = {"nav_section": "dates"}
    template_name = "archive/date_index.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(years=queries.years_with_issues(), **kwargs)


class YearView(TemplateView):
    """A calendar for each month of a year that has issues."""

    extra_context = {"nav_section": "dates"}
    template_name = "archive/year_detail.html"

    def get_context_data(self, **kwargs):
        year = calendar_year(self.kwargs["year"])
        months = queries.month_calendars(year)
        if not months:
            raise Http404("这一年没有收录报纸")
        years = [y for y, _ in queries.years_with_issues()]
        return {**super().get_context_data(**kwargs), "months": months, "years": years}


class MonthView(TemplateView):
    """One month's calendar and the list of its issues."""

    extra_context = {"nav_section": "dates"}
    template_name = "archive/month_detail.html"

    def get_context_data(self, **kwargs):
        year, month = calendar_year(self.kwargs["year"]), self.kwargs["month"]
        if not 1 <= month <= 12:
            raise Http404("月份无效")
        months = queries.month_calendars(year, month)
        if not months:
            raise Http404("这个月没有收录报纸")
        issues = Issue.objects.filter(date__year=year, date__month=month).annotate(
            article_count=Count("pages__articles")
        ).order_by("date", "edition")
        return {**super().get_context_data(**kwargs), "month": months[0], "issues": issues}


class IssueDetailView(IssueNeighboursMixin, IssueData, DetailView):
    """One edition on one day: its pages and their articles in reading order."""

    extra_context = {"nav_section": "dates"}
    template_name = "archive/issue_detail.html"
    context_object_name = "issue"

    def get_object(self, queryset=None):
        try:
            day = date.fromisoformat(self.kwargs["date"])
        except ValueError as error:
            raise Http404("日期格式应为 YYYY-MM-DD") from error
        if "\x00" in self.kwargs["edition"]:  # no edition holds it, and PostgreSQL refuses it in a query
            raise Http404("没有这个版别")
        return get_object_or_404(Issue, date=day, edition=self.kwargs["edition"])

    def get_context_data(self, **kwargs):
        articles = {}
        for article in queries.issue_articles(self.object):
            articles.setdefault(article.page_id, []).append(article)
        pages = [(page, articles.get(page.pk, [])) for page in queries.issue_pages(self.object)]
        other_editions = Issue.objects.filter(date=self.object.date).exclude(pk=self.object.pk)
        return super().get_context_data(pages=pages, other_editions=other_editions, **kwargs)


class PageDetailView(PageNeighboursMixin, PageData, DetailView):
    """One page: its original text and the articles found on it."""

    model = Page
    extra_context = {"nav_section": "dates"}
    template_name = "archive/page_detail.html"
    context_object_name = "page"
    queryset = Page.objects.select_related("issue")

    def get_context_data(self, **kwargs):
        return super().get_context_data(articles=self.object.articles.order_by("order"), **kwargs)


class ArticleDetailView(ArticleData, DetailView):
    """An article with its people, meeting, districts, neighbours and the page's original text."""

    model = Article
    extra_context = {"nav_section": "dates"}
    template_name = "archive/article_detail.html"
    context_object_name = "article"
    queryset = Article.objects.select_related("page__issue").prefetch_related("districts")

    def get_context_data(self, **kwargs):
        article = self.object
        previous, following = queries.neighbours_in_issue(article)
        meeting = queries.meetings_for_listing().filter(pk=article.meeting_id).first() if article.meeting_id else None
        return super().get_context_data(
            mentions=article.mentions.select_related("person").order_by("position", "pk"),
            meeting=meeting,
            previous_article=previous,
            next_article=following,
            continued_page=self.continued_page(article),
            permalink=self.request.build_absolute_uri(article.get_absolute_url()),
            **kwargs,
        )

    @staticmethod
    def continued_page(article):
        """The page of the same issue the article continues on (转A02版 → page A02), if imported."""
        label = PAGE_LABEL.match(article.continued_to)
        if not label:
            return None
        return Page.objects.filter(issue_id=article.page.issue_id, label=label.group()).first()


class PersonListView(RepairedPaginationMixin, ListView):
    """Everyone in the archive, the most often named first, optionally found by name, pinyin or title."""

    extra_context = {"nav_section": "people"}
    template_name = "archive/person_list.html"
    context_object_name = "people"
    paginate_by = 50

    def get_queryset(self):
        self.filters = PeopleFilterForm(self.request.GET or None)
        people = Person.objects.annotate(article_count=queries.ARTICLE_COUNT).order_by("-article_count", "name", "pk")
        return self.filters.apply(people)

    def get_context_data(self, **kwargs):
        query = self.request.GET.copy()
        query.pop("page", None)
        pagination_query = "&" + query.urlencode() if query else ""
        return super().get_context_data(filters=self.filters, pagination_query=pagination_query, **kwargs)


class PersonDetailView(PersonData, RepairedPaginationMixin, SingleObjectMixin, ListView):
    """A person: titles over time, meetings, frequent co-appearances and their articles (paginated)."""

    extra_context = {"nav_section": "people"}
    template_name = "archive/person_detail.html"
    paginate_by = 20

    def get(self, request, *args, **kwargs):
        self.object = self.get_object(queryset=Person.objects.all())
        return super().get(request, *args, **kwargs)

    def get_queryset(self):
        return queries.articles_of_person(self.object)

    def get_context_data(self, **kwargs):
        person = self.object
        return super().get_context_data(
            person=person,
            timeline=queries.title_timeline(person),
            meetings=queries.meetings_of_person(person)[:10],
            co_appearing=queries.co_appearing_people(person),
            **kwargs,
        )


class MeetingListView(RepairedPaginationMixin, ListView):
    """Meetings by date, newest first, optionally narrowed to a district or a person."""

    extra_context = {"nav_section": "meetings"}
    template_name = "archive/meeting_list.html"
    context_object_name = "meetings"
    paginate_by = 30

    def get_queryset(self):
        self.filters = MeetingFilterForm(self.request.GET or None)
        return self.filters.apply(queries.meetings_for_listing())

    def get_context_data(self, **kwargs):
        query = self.request.GET.copy()
        query.pop("page", None)
        pagination_query = "&" + query.urlencode() if query else ""
        return super().get_context_data(filters=self.filters, pagination_query=pagination_query, **kwargs)


class MeetingDetailView(MeetingData, DetailView):
    """One meeting: when, where, who presided, spoke and attended, and the articles reporting it."""

    model = Meeting
    extra_context = {"nav_section": "meetings"}
    template_name = "archive/meeting_detail.html"
    context_object_name = "meeting"

    def get_queryset(self):
        return queries.meetings_for_listing()


class DistrictListView(ListView):
    """The county-level units with their article counts and place names."""

    extra_context = {"nav_section": "districts"}
    template_name = "archive/district_list.html"
    context_object_name = "districts"

    def get_queryset(self):
        return queries.districts_with_counts()


class DistrictDetailView(DistrictData, RepairedPaginationMixin, SingleObjectMixin, ListView):
    """A district: its towns and aliases, most-named people, meetings and articles (paginated)."""

    extra_context = {"nav_section": "districts"}
    template_name = "archive/district_detail.html"
    paginate_by = 20

    def get(self, request, *args, **kwargs):
        self.object = self.get_object(queryset=District.objects.prefetch_related("aliases"))
        return super().get(request, *args, **kwargs)

    def get_queryset(self):
        return queries.latest_articles().filter(districts=self.object)

    def get_context_data(self, **kwargs):
        district = self.object
        return super().get_context_data(
            district=district,
            top_people=queries.people_by_district(district),
            meetings=queries.meetings_for_listing().filter(queries.reported_in(district))[:10],
            **kwargs,
        )

