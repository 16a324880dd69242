"""Search parameters: GET query string in, ``SearchRequest`` out, and back again.

``SearchForm`` repairs what it can: an invalid value falls back to its default,
an unknown facet value (person, district, kind…) is dropped, an over-long query is cut. Every
repair is reported in ``problems`` (Chinese, for the reader), so the page can
show them and the API can refuse the request instead.
``query_string`` is the inverse: the canonical parameters of a request, used
for every link the page builds (toggles, sorting, pagination).
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import replace
from urllib.parse import urlencode

from django import forms

from search.engine import SORTS, SearchRequest
from search.schema import DEFAULT_SCOPE, FACETS, MAX_PAGE_NUMBER, SCOPES, TYPED

SORT_LABELS = {"relevance": "相关度", "date_desc": "日期（新→旧）", "date_asc": "日期（旧→新）"}
MAX_QUERY_LENGTH = 100
MAX_FILTER_VALUES = 10
MAX_PAGE = 10_000
# Between the values typed into one box of the advanced form (``search.schema.TYPED``): 张三 李四, 张三、李四
TYPED_SEPARATORS = re.compile(r"[\s、，,；;]+")


def clean_text(value: str) -> str:
    """Drop control and format characters (NUL, bidi overrides…) and collapse whitespace runs."""
    kept = "".join(" " if ch.isspace() else ch for ch in value if unicodedata.category(ch)[0] != "C" or ch.isspace())
    return " ".join(kept.split())


class QueryField(forms.CharField):
    """Free text with control characters removed before validation, so a stray NUL repairs instead of failing."""

    def to_python(self, value):
        return clean_text(super().to_python(value))


class SearchForm(forms.Form):
    """The search page's GET parameters; ``search_request()`` gives the repaired request."""

    q = QueryField(label="关键词", required=False)
    year = forms.IntegerField(label="年份", required=False, min_value=1900, max_value=2100)
    month = forms.IntegerField(label="月份", required=False, min_value=1, max_value=12)
    date_from = forms.DateField(label="起始日期", required=False)
    date_to = forms.DateField(label="截止日期", required=False)
    scope = forms.ChoiceField(label="检索范围", required=False, choices=[(s.name, s.label) for s in SCOPES])
    event_from = forms.DateField(label="事件起始日期", required=False)
    event_to = forms.DateField(label="事件截止日期", required=False)
    page_number = forms.IntegerField(label="版次", required=False, min_value=1, max_value=MAX_PAGE_NUMBER)
    sort = forms.ChoiceField(label="排序", required=False, choices=[(s, SORT_LABELS[s]) for s in SORTS])
    page = forms.IntegerField(label="页码", required=False, min_value=1, max_value=MAX_PAGE)

    def __init__(self, data, **kwargs):
        super().__init__(data, **kwargs)
        self.repairs: list[str] = []
        for facet in FACETS:
            self.fields[facet.name] = forms.Field(label=facet.label, required=False, widget=forms.MultipleHiddenInput)

    def clean_q(self):
        text = self.cleaned_data["q"]
        if len(text) > MAX_QUERY_LENGTH:
            self.repairs.append(f"关键词过长，只检索前{MAX_QUERY_LENGTH}个字。")
            text = text[:MAX_QUERY_LENGTH].rstrip()
        return text

    def clean(self):
        data = super().clean()
        for facet in FACETS:
            data[facet.name] = self._known_values(facet)
        if data.get("month") and not data.get("year"):
            self.repairs.append("只给了月份没有年份，已忽略月份。")
            data["month"] = None
        for low, high, what in (("date_from", "date_to", ""), ("event_from", "event_to", "事件")):
            start, end = data.get(low), data.get(high)
            if start and end and start > end:
                self.repairs.append(f"{what}起始日期晚于{what}截止日期，已对调。")
                data[low], data[high] = end, start
        return data

    @property
    def problems(self) -> list[str]:
        """Every invalid or repaired parameter, as sentences for the reader."""
        invalid = [f"{self.fields[name].label}：{'；'.join(errors)}已忽略。" for name, errors in self.errors.items()]
        return invalid + self.repairs

    def search_request(self, **overrides) -> SearchRequest:
        """The request to run: valid parameters as given, invalid ones at their defaults."""
        self.is_valid()
        data = self.cleaned_data
        request = SearchRequest(
            q=data.get("q") or "",
            filters={facet.name: data[facet.name] for facet in FACETS if data.get(facet.name)},
            year=data.get("year"),
            month=data.get("month"),
            date_from=data.get("date_from"),
            date_to=data.get("date_to"),
            scope=data.get("scope") or DEFAULT_SCOPE,
            event_from=data.get("event_from"),
            event_to=data.get("event_to"),
            page_number=data.get("page_number"),
            sort=data.get("sort") or "relevance",
            page=data.get("page") or 1,
        )
        return replace(request, **overrides)

    def _known_values(self, facet):
        """The facet's distinct values that exist; unknown ones are reported and dropped.

        Most requests select no value of most facets: those ask the database nothing (building the
        edition's empty query took ~0.3 ms of every search).
        """
        raw = list(dict.fromkeys(self._values(facet.name, split=facet.advanced == TYPED)))
        if not raw:
            return []
        known = facet.labels(raw)
        bad = [value for value in raw if value not in known]
        if bad:
            self.repairs.append(f"没有找到{facet.label}“{self._quote(bad)}”，已忽略该条件。")
        return [value for value in raw if value in known]

    def _values(self, name, split=False):
        values = [clean_text(v) for v in self.data.getlist(name) if clean_text(v)] if self.data else []
        if split:
            values = [part for value in values for part in TYPED_SEPARATORS.split(value) if part]
        if len(values) > MAX_FILTER_VALUES:
            self.repairs.append(f"{self.fields[name].label}条件最多{MAX_FILTER_VALUES}个，其余已忽略。")
            values = values[:MAX_FILTER_VALUES]
        return values

    @staticmethod
    def _quote(values):
        return "、".join(v[:30] for v in values)


def query_items(request: SearchRequest) -> list[tuple[str, str]]:
    """The canonical GET parameters of ``request``; defaults are left out."""
    items = [("q", request.q)] if request.q else []
    items += [(facet.name, value) for facet in FACETS for value in request.selected(facet.name)]
    if request.year:
        items.append(("year", str(request.year)))
        if request.month:
            items.append(("month", str(request.month)))
    if request.date_from:
        items.append(("date_from", request.date_from.isoformat()))
    if request.date_to:
        items.append(("date_to", request.date_to.isoformat()))
    if request.scope != DEFAULT_SCOPE:
        items.append(("scope", request.scope))
    if request.event_from:
        items.append(("event_from", request.event_from.isoformat()))
    if request.event_to:
        items.append(("event_to", request.event_to.isoformat()))
    if request.page_number:
        items.append(("page_number", str(request.page_number)))
    if request.sort != "relevance":
        items.append(("sort", request.sort))
    if request.page > 1:
        items.append(("page", str(request.page)))
    return items


def has_criteria(request: SearchRequest) -> bool:
    """Whether ``request`` says what to follow; a feed of everything would repeat the latest-articles feed."""
    return bool(
        request.q or any(request.filters.values()) or request.year or request.date_from or request.date_to
        or request.event_from or request.event_to or request.page_number
    )


def query_string(request: SearchRequest) -> str:
    """``?``-prefixed query string of ``request`` ("" when it has no parameters)."""
    items = query_items(request)
    return "?" + urlencode(items) if items else ""
