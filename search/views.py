"""Search page, JSON API and CSV export: three renderings of one ``SearchResults``.

Bad parameters are repaired on the page (with a notice) and refused by the API
and the export (HTTP 400 with the same Chinese messages); a query the engine
cannot parse gives 400 everywhere, with a friendly page for readers; an engine that
cannot answer (SolrCloud down) gives 503 with 搜索暂不可用 (browse pages do not search).
"""
from dataclasses import dataclass, field, replace

from django.http import HttpResponse, JsonResponse
from django.urls import reverse
from django.utils import timezone
from django.views import View
from django.views.generic import TemplateView

from search import engine
from search.engine import (
    UNAVAILABLE,
    QuerySyntaxError,
    SearchRequest,
    SearchUnavailable,
    run_search,
)
from search.export import CSV_MAX_ROWS, content_disposition, export_rows, file_name, render_csv
from search.forms import MAX_QUERY_LENGTH, SearchForm, has_criteria, query_items, query_string
from search.presentation import build_results, known_labels
from search.schema import ADVANCED_FACETS, MAX_PAGE_NUMBER, SCOPES, TYPED

JSON_OPTIONS = {"ensure_ascii": False}
# the filter panel's 高级检索 form
ADVANCED_FIELDS = ("scope", "event_from", "event_to", "page_number", *(facet.name for facet in ADVANCED_FACETS))


@dataclass
class Option:
    value: str
    label: str
    selected: bool


@dataclass
class AdvancedInput:
    """A facet's input in the advanced form: a text box holding the selected values, or a list of every value."""

    name: str
    label: str
    typed: bool
    value: str = ""
    options: list[Option] = field(default_factory=list)


def advanced_inputs(search_request) -> list[AdvancedInput]:
    """The inputs of ``search.schema.ADVANCED_FACETS``, filled in from ``search_request``.

    A list's values and labels are read once per index generation (``engine.generation_cache``).
    """
    cache = engine.generation_cache()
    inputs = []
    for facet in ADVANCED_FACETS:
        selected = search_request.selected(facet.name)
        if facet.advanced == TYPED:
            inputs.append(AdvancedInput(facet.name, facet.label, True, value="、".join(selected)))
            continue
        choices = cache.get(("choices", facet.name))
        if choices is None:
            choices = cache[("choices", facet.name)] = facet.choices()
        labels = known_labels(facet, choices, cache)
        options = [Option(value, labels[value], value in selected) for value in choices if value in labels]
        inputs.append(AdvancedInput(facet.name, facet.label, False, options=options))
    return inputs


def json_error(message, problems=(), status=400):
    return JsonResponse({"error": message, "problems": list(problems)}, status=status, json_dumps_params=JSON_OPTIONS)


def hidden_fields(search_request, *left_out):
    """The request's parameters except ``left_out``, for a form that sets those itself."""
    return [(name, value) for name, value in query_items(search_request) if name not in left_out]


def feed_url(search_request):
    """The Atom feed of this search (newest first, whatever the page's sort); None when there is nothing to follow."""
    if not has_criteria(search_request):
        return None
    return reverse("search:feed") + query_string(replace(search_request, sort="relevance", page=1))


class SearchView(TemplateView):
    """``/search/``: results, facets, person cards; always renders, 400 for an unparsable query."""

    template_name = "search/search.html"

    def get(self, request, *args, **kwargs):
        form = SearchForm(request.GET)
        search_request = form.search_request()
        context = {"form": form, "problems": form.problems, "results": None, "csv_max_rows": CSV_MAX_ROWS}
        status = 200
        try:
            results = build_results(search_request, request.path)
        except QuerySyntaxError as error:
            context["syntax_error"] = str(error)
            status = 400
        except SearchUnavailable:
            context["unavailable"] = UNAVAILABLE
            status = 503
        else:
            context["results"] = results
            search_request = results.request
            context["feed_url"] = feed_url(search_request)
        params = query_string(search_request)
        context.update(
            search_request=search_request,
            api_url=reverse("search:api") + params,
            csv_url=reverse("search:csv") + query_string(replace(search_request, page=1)),
            query_hidden=hidden_fields(search_request, "q", "page"),
            range_hidden=hidden_fields(search_request, "date_from", "date_to", "page"),
            advanced_hidden=hidden_fields(search_request, *ADVANCED_FIELDS, "page"),
            advanced_inputs=advanced_inputs(search_request),
            scopes=SCOPES,
            max_page_number=MAX_PAGE_NUMBER,
        )
        return self.render_to_response(self.get_context_data(**context), status=status)


class SearchHelpView(TemplateView):
    """``/search/help/``: the query language, as ``search.query`` implements it."""

    template_name = "search/help.html"
    extra_context = {"max_chars": MAX_QUERY_LENGTH, "scopes": SCOPES, "max_page_number": MAX_PAGE_NUMBER}


class ReporterListView(TemplateView):
    """``/reporters/``: every byline reporter with their article count, from the search engine's reporter facet.

    Each name leads to the search page filtered by that reporter, newest first.
    """

    template_name = "search/reporters.html"

    def get(self, request, *args, **kwargs):
        try:
            reporters = run_search(SearchRequest(per_page=1)).facets.get("reporter", [])
        except SearchUnavailable:
            return self.render_to_response(self.get_context_data(unavailable=UNAVAILABLE), status=503)
        return self.render_to_response(self.get_context_data(reporters=reporters, nav_section="reporters"))


class SearchApiView(View):
    """``/api/search``: the page's data as JSON."""

    def get(self, request):
        form = SearchForm(request.GET)
        search_request = form.search_request()
        if form.problems:
            return json_error("参数有误", form.problems)
        try:
            results = build_results(search_request, request.path)
        except QuerySyntaxError as error:
            return json_error(str(error))
        except SearchUnavailable:
            return json_error(UNAVAILABLE, status=503)
        return JsonResponse(results.as_json(), json_dumps_params=JSON_OPTIONS)


class SearchCsvView(View):
    """``/api/search.csv``: the whole result set (capped) as a spreadsheet."""

    def get(self, request):
        form = SearchForm(request.GET)
        search_request = form.search_request(page=1)
        plain = "text/plain; charset=utf-8"
        if form.problems:
            return HttpResponse("参数有误：" + " ".join(form.problems), status=400, content_type=plain)
        try:
            total, rows = export_rows(search_request, request.build_absolute_uri)
        except QuerySyntaxError as error:
            return HttpResponse(str(error), status=400, content_type=plain)
        except SearchUnavailable:
            return HttpResponse(UNAVAILABLE, status=503, content_type=plain)
        response = HttpResponse(render_csv(rows), content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = content_disposition(file_name(search_request, timezone.localdate()))
        response["X-Total-Count"] = str(total)
        response["X-Exported-Count"] = str(len(rows))
        return response
