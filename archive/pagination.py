"""One rule for page numbers on every paginated browse page, so no ``?page=`` value is ever a 404 or a 500.

An invalid number (letters, zero, negative, a fraction, thousands of digits) shows page 1 and a
past-the-end number the last page; either way the reader gets a Chinese notice saying so. The
search page (``search.presentation``) follows the same rule with the same wording for the end.
"""
from __future__ import annotations

from django.core.paginator import Paginator

PAGE_PARAMETER = "page"
# Longer values are not numbers anyone typed; they are refused before int() is asked to parse them.
MAX_PAGE_DIGITS = 9


def repaired_page_number(raw: str | None, num_pages: int) -> tuple[int, str | None]:
    """The page to show for the ``page`` value ``raw`` among ``num_pages``, and a notice if it was repaired."""
    if raw is None or raw == "":
        return 1, None
    text = raw.strip()
    if not (text.isascii() and text.isdigit() and len(text) <= MAX_PAGE_DIGITS and int(text) >= 1):
        shown = "".join(c if c.isprintable() else "\ufffd" for c in raw[:20]) + ("…" if len(raw) > 20 else "")
        return 1, f"页码“{shown}”无效，已显示第1页。"
    number = int(text)
    if number > num_pages:
        return num_pages, f"共{num_pages}页，已显示第{num_pages}页。"
    return number, None


class RepairedPaginationMixin:
    """For ``ListView``s: paginate by ``repaired_page_number`` and put its notice in ``page_notices``."""

    page_kwarg = PAGE_PARAMETER

    def paginate_queryset(self, queryset, page_size):
        paginator: Paginator = self.get_paginator(
            queryset, page_size, orphans=self.get_paginate_orphans(), allow_empty_first_page=True
        )
        number, notice = repaired_page_number(self.request.GET.get(self.page_kwarg), paginator.num_pages)
        self.page_notices = [notice] if notice else []
        page = paginator.page(number)
        return paginator, page, page.object_list, page.has_other_pages()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)  # paginates, setting page_notices
        context["page_notices"] = self.page_notices
        return context
