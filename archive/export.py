"""Articles in the database → the gold-annotation shape (``tests/data/SCHEMA.md``).

One dict per article, fields in the order of ``FIELDS``. Used by the
``export_archive`` command (JSON Lines) and by ``archive.loading`` to diff a
re-imported page against what is stored.
"""
from __future__ import annotations

from collections.abc import Iterator

from django.db.models import Prefetch, QuerySet

from archive.models import Article, Mention

FIELDS = (
    "source_file",
    "publication_date",
    "edition",
    "page",
    "order",
    "kind",
    "headline",
    "subtitles",
    "body",
    "reporters",
    "contributors",
    "photographers",
    "event_date",
    "continued_to",
    "persons",
    "meeting",
    "districts",
)
EXPORT_CHUNK = 500
PAGE_ORDER = ("publication_date", "page__issue__edition", "page__label", "page__source_file", "order")


def articles_for_export(queryset: QuerySet[Article] | None = None) -> QuerySet[Article]:
    """``queryset`` (default: every article) in page order, with everything ``article_record`` reads prefetched."""
    queryset = Article.objects.all() if queryset is None else queryset
    return (
        queryset.select_related("page__issue", "meeting")
        .prefetch_related(
            Prefetch("mentions", queryset=Mention.objects.select_related("person").order_by("position", "pk")),
            "districts",
            "meeting__presided_by",
            "meeting__speakers",
            "meeting__attendees",
        )
        .order_by(*PAGE_ORDER)
    )


def export_records(queryset: QuerySet[Article] | None = None) -> Iterator[dict]:
    """One export dict per article, in page order, read in chunks so memory stays flat on a large archive."""
    for article in articles_for_export(queryset).iterator(chunk_size=EXPORT_CHUNK):
        yield article_record(article)


def article_record(article: Article) -> dict:
    """The article as a gold-shaped dict; empty headline, page label and 转版 become None."""
    page = article.page
    mentions = list(article.mentions.all())
    return {
        "source_file": page.source_file,
        "publication_date": article.publication_date.isoformat(),
        "edition": page.issue.edition,
        "page": page.label or None,
        "order": article.order,
        "kind": article.kind,
        "headline": article.headline or None,
        "subtitles": list(article.subtitles),
        "body": article.body,
        "reporters": list(article.reporters),
        "contributors": list(article.contributors),
        "photographers": list(article.photographers),
        "event_date": article.event_date.isoformat() if article.event_date else None,
        "continued_to": article.continued_to or None,
        "persons": [{"name": m.person.name, "titles": list(m.titles), "roles": list(m.roles)} for m in mentions],
        "meeting": meeting_record(article, mentions),
        "districts": [district.name for district in article.districts.all()],
    }


def meeting_record(article: Article, mentions: list[Mention]) -> dict | None:
    """The meeting the article reports (the whole event, which other articles may report too), its people
    listed in the order the article mentions them."""
    meeting = article.meeting
    if meeting is None:
        return None
    position = {m.person_id: m.position for m in mentions}

    def names(people):
        return [p.name for p in sorted(people.all(), key=lambda p: (position.get(p.pk, len(position)), p.pk))]

    return {
        "name": meeting.name,
        "date": meeting.date.isoformat() if meeting.date else None,
        "location": meeting.location or None,
        "presided_by": names(meeting.presided_by),
        "speakers": names(meeting.speakers),
        "attended_by": names(meeting.attendees),
    }
