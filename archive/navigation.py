"""Reading an issue page by page and day by day: the previous and next issue and page of a view's object.

The mixins add the neighbouring objects (for JSON) and ``previous_link`` / ``next_link``
(``Neighbour``s, for ``<link rel="prev"/"next">`` and the visible links of
``archive/includes/neighbour_nav.html``).
"""
from dataclasses import dataclass

from archive import queries


@dataclass(frozen=True)
class Neighbour:
    """A link to the previous or next thing to read: its URL, what it is (上一版, 下一期…) and its name."""

    url: str
    kind: str
    label: str


def issue_link(issue, kind):
    if issue is None:
        return None
    return Neighbour(issue.get_absolute_url(), kind, f"{issue.date.year}年{issue.date.month}月{issue.date.day}日")


def page_link(page, kind):
    if page is None:
        return None
    return Neighbour(page.get_absolute_url(), kind, f"{page.label}版" if page.label else page.source_file)


class IssueNeighboursMixin:
    """``previous_issue`` / ``next_issue``: the same edition's issues before and after this one."""

    def get_context_data(self, **kwargs):
        previous, following = queries.issue_neighbours(self.object)
        return super().get_context_data(
            previous_issue=previous, next_issue=following,
            previous_link=issue_link(previous, "上一期"), next_link=issue_link(following, "下一期"), **kwargs,
        )


class PageNeighboursMixin:
    """``previous_page`` / ``next_page`` in the issue; from the first and last page the links go on to the
    adjacent issue."""

    def get_context_data(self, **kwargs):
        previous_page, next_page = queries.page_neighbours(self.object)
        previous_issue, next_issue = queries.issue_neighbours(self.object.issue)
        return super().get_context_data(
            previous_page=previous_page, next_page=next_page,
            previous_link=page_link(previous_page, "上一版") or issue_link(previous_issue, "上一期"),
            next_link=page_link(next_page, "下一版") or issue_link(next_issue, "下一期"),
            **kwargs,
        )
