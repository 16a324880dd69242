"""Machine-readable twins of the browse pages: ``?format=json`` on every detail page, and an
article's citation as GB/T 7714-2015 text, RIS and BibTeX (``?format=ris`` / ``?format=bibtex``).

One mechanism serves them all: ``DataFormatsMixin`` answers a ``format`` parameter from the
same context the HTML page is rendered from, so the data and the page never disagree. Each
page's mixin below only says what its JSON holds (``get_payload``) and, for articles, which
downloads it offers.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from django.http import HttpResponse, HttpResponseBadRequest, JsonResponse

from archive.export import article_record, articles_for_export

FORMAT_PARAMETER = "format"
JSON_OPTIONS = {"ensure_ascii": False, "indent": 1}
CITED_AUTHORS = 3  # GB/T 7714-2015 §8.1.2: at most three responsible persons, then "等"


@dataclass(frozen=True)
class Download:
    """A file a page offers besides JSON: its label for the page, content type, extension and renderer."""

    label: str
    content_type: str
    extension: str
    render: Callable[[object, str], str]


class DataFormatsMixin:
    """Answers ``?format=json`` (and the view's ``downloads``) instead of HTML, from the page's context.

    Subclasses implement ``get_payload(context) -> dict``. A format the page does not offer is a
    400 with the list of those it does. The context gets ``data_formats`` (label, URL, content
    type) for ``<link rel="alternate">`` and the page's visible links.
    """

    downloads: dict[str, Download] = {}

    def get_payload(self, context):
        raise NotImplementedError

    def format_url(self, name, **changes):
        query = self.request.GET.copy()
        query[FORMAT_PARAMETER] = name
        for key, value in changes.items():
            query[key] = value
        return f"{self.request.path}?{query.urlencode()}"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["data_formats"] = [("JSON", self.format_url("json"), "application/json")] + [
            (download.label, self.format_url(name), download.content_type) for name, download in self.downloads.items()
        ]
        return context

    def render_to_response(self, context, **response_kwargs):
        wanted = self.request.GET.get(FORMAT_PARAMETER) or "html"
        if wanted == "html":
            return super().render_to_response(context, **response_kwargs)
        if wanted == "json":
            payload = {"url": self.absolute(self.object.get_absolute_url()), **self.get_payload(context)}
            return JsonResponse(payload, json_dumps_params=JSON_OPTIONS)
        download = self.downloads.get(wanted)
        if download is None:
            offered = "、".join(["html", "json", *self.downloads])
            return HttpResponseBadRequest(
                f"不支持的格式“{wanted[:20]}”。本页可用：{offered}。", content_type="text/plain; charset=utf-8"
            )
        permalink = self.absolute(self.object.get_absolute_url())
        response = HttpResponse(download.render(self.object, permalink), content_type=download.content_type)
        stem = f"{self.object._meta.model_name}-{self.object.pk}"
        response["Content-Disposition"] = f'attachment; filename="{stem}.{download.extension}"'
        return response

    def paginated(self, context, rows):
        """A ListView page of ``rows`` with its position and the URLs of the neighbouring pages' JSON."""
        page = context["page_obj"]
        return {
            "count": page.paginator.count,
            "page": page.number,
            "num_pages": page.paginator.num_pages,
            "previous": self.absolute(self.format_url("json", page=page.previous_page_number()))
            if page.has_previous() else None,
            "next": self.absolute(self.format_url("json", page=page.next_page_number())) if page.has_next() else None,
            "results": rows,
        }

    def absolute(self, path):
        return self.request.build_absolute_uri(path)

    def link(self, obj, **fields):
        """``obj`` as ``{"id", "url", **fields}``, for lists of related things."""
        return {"id": obj.pk, "url": self.absolute(obj.get_absolute_url()), **fields}

    def article_summary(self, article, edition=None):
        """An article in a list; pass the ``edition`` when the list's articles did not load their issue."""
        page = article.page
        return self.link(
            article, title=article.title, kind=article.kind, kind_label=article.get_kind_display(),
            publication_date=article.publication_date.isoformat(), edition=edition or page.issue.edition,
            page=page.label or None, order=article.order,
        )

    def person_summary(self, person, **fields):
        return self.link(person, name=person.name, note=person.note or None, **fields)

    def meeting_summary(self, meeting):
        return self.link(
            meeting, name=meeting.name, date=meeting.date.isoformat() if meeting.date else None,
            location=meeting.location or None,
            articles=[self.absolute(article.get_absolute_url()) for article in meeting.articles.all()],
        )


# GB/T 7714-2015 and its two exchange formats


def authors_of(article):
    """Who answers for the article: its reporters, else its contributors, else its photographers."""
    return list(article.reporters or article.contributors or article.photographers)


def newspaper_of(article):
    issue = article.page.issue
    return issue.paper if issue.edition == issue.paper else f"{issue.paper}·{issue.edition}"


def gbt7714_citation(article):
    """The article as a GB/T 7714-2015 newspaper reference: ``作者. 题名[N]. 报纸名, 出版日期(版次).``

    More than three authors are cut to three followed by ``等``; an untitled item (a photo)
    uses the start of its text; the page is left out when the page file had no label.
    """
    authors = authors_of(article)
    names = ", ".join(authors[:CITED_AUTHORS]) + (", 等" if len(authors) > CITED_AUTHORS else "")
    page = article.page.label
    where = f"{newspaper_of(article)}, {article.publication_date:%Y-%m-%d}" + (f"({page})" if page else "")
    return (f"{names}. " if names else "") + f"{article.title}[N]. {where}."


def ris_record(article, permalink):
    """The article as one RIS record (type NEWS), CRLF line ends as the RIS specification asks."""
    lines = [("TY", "NEWS")]
    lines += [("AU", name) for name in authors_of(article)]
    lines += [
        ("TI", article.title),
        ("T2", newspaper_of(article)),
        ("PY", f"{article.publication_date:%Y}"),
        ("DA", f"{article.publication_date:%Y/%m/%d}"),
    ]
    if article.page.label:
        lines.append(("SP", article.page.label))
    lines += [("UR", permalink), ("LA", "zh"), ("DB", "焦作新闻档案"), ("ER", "")]
    return "".join(f"{tag}  - {value}\r\n" for tag, value in lines)


BIBTEX_SPECIALS = str.maketrans({
    "\\": r"\textbackslash{}", "{": r"\{", "}": r"\}", "%": r"\%", "&": r"\&", "$": r"\$", "#": r"\#", "_": r"\_",
})


def bibtex_entry(article, permalink):
    """The article as a BibTeX ``@article`` whose journal is the newspaper; names and title braced as given."""
    def text(value):
        return value.translate(BIBTEX_SPECIALS)

    fields = []
    authors = authors_of(article)
    if authors:
        fields.append(("author", " and ".join(f"{{{text(name)}}}" for name in authors)))
    fields += [
        ("title", f"{{{text(article.title)}}}"),
        ("journal", text(newspaper_of(article))),
        ("date", article.publication_date.isoformat()),
        ("year", f"{article.publication_date:%Y}"),
        ("month", str(article.publication_date.month)),
    ]
    if article.page.label:
        fields.append(("pages", text(article.page.label)))
    fields += [("url", permalink), ("langid", "chinese")]
    body = ",\n".join(f"  {name} = {{{value}}}" for name, value in fields)
    return f"@article{{jiaozuo-article-{article.pk},\n{body}\n}}\n"


# What each page's JSON holds


class ArticleData(DataFormatsMixin):
    downloads = {
        "ris": Download("RIS", "application/x-research-info-systems; charset=utf-8", "ris", ris_record),
        "bibtex": Download("BibTeX", "application/x-bibtex; charset=utf-8", "bib", bibtex_entry),
    }

    def get_context_data(self, **kwargs):
        return super().get_context_data(citation=gbt7714_citation(self.object), **kwargs)

    def get_payload(self, context):
        article = articles_for_export(type(self.object).objects.filter(pk=self.object.pk)).get()
        record = article_record(article)
        for person, mention in zip(record["persons"], article.mentions.all(), strict=True):
            person.update(self.person_summary(mention.person))
        neighbours = {
            key: self.absolute(context[key].get_absolute_url()) if context[key] else None
            for key in ("previous_article", "next_article")
        }
        return {
            "id": article.pk, "title": article.title, **record, "citation": context["citation"],
            "issue": self.absolute(article.page.issue.get_absolute_url()),
            "page_url": self.absolute(article.page.get_absolute_url()),
            "meeting_url": self.absolute(context["meeting"].get_absolute_url()) if context["meeting"] else None,
            **neighbours,
        }


class IssueData(DataFormatsMixin):
    def get_payload(self, context):
        issue = self.object
        return {
            "paper": issue.paper, "edition": issue.edition, "date": issue.date.isoformat(),
            "previous_issue": self.issue_url(context["previous_issue"]),
            "next_issue": self.issue_url(context["next_issue"]),
            "other_editions": [self.issue_url(other) for other in context["other_editions"]],
            "pages": [
                self.link(page, label=page.label or None, source_file=page.source_file,
                          articles=[self.article_summary(article, issue.edition) for article in articles])
                for page, articles in context["pages"]
            ],
        }

    def issue_url(self, issue):
        return self.absolute(issue.get_absolute_url()) if issue else None


class PageData(DataFormatsMixin):
    def get_payload(self, context):
        page = self.object

        def url(other):
            return self.absolute(other.get_absolute_url()) if other else None

        return {
            "id": page.pk, "label": page.label or None, "source_file": page.source_file,
            "issue": url(page.issue), "previous_page": url(context["previous_page"]),
            "next_page": url(context["next_page"]),
            "articles": [self.article_summary(article) for article in context["articles"]],
            "raw_text": page.raw_text,
        }


class PersonData(DataFormatsMixin):
    def get_payload(self, context):
        person = self.object
        return {
            "id": person.pk, "name": person.name, "note": person.note or None,
            "titles": [
                {"title": span.title, "first": span.first.isoformat(), "last": span.last.isoformat(),
                 "count": span.count}
                for span in context["timeline"]
            ],
            "co_appearing": [self.person_summary(other, shared_count=other.shared_count)
                             for other in context["co_appearing"]],
            "meetings": [self.meeting_summary(meeting) for meeting in context["meetings"]],
            "articles": self.paginated(context, [self.article_summary(a) for a in context["object_list"]]),
        }


class MeetingData(DataFormatsMixin):
    def get_payload(self, context):
        meeting = self.object
        return {
            **self.meeting_summary(meeting),
            "presided_by": [self.person_summary(p) for p in meeting.presided_by.all()],
            "speakers": [self.person_summary(p) for p in meeting.speakers.all()],
            "attendees": [self.person_summary(p) for p in meeting.attendees.all()],
            "districts": sorted({d.slug for article in meeting.articles.all() for d in article.districts.all()}),
        }


class DistrictData(DataFormatsMixin):
    def get_payload(self, context):
        district = self.object
        return {
            "slug": district.slug, "name": district.name,
            "places": [{"name": alias.name, "kind": alias.kind} for alias in district.aliases.all()],
            "top_people": [self.person_summary(p, article_count=p.article_count) for p in context["top_people"]],
            "meetings": [self.meeting_summary(meeting) for meeting in context["meetings"]],
            "articles": self.paginated(context, [self.article_summary(a) for a in context["object_list"]]),
        }
