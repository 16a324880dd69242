"""Bare names tied to officials across the archive, and the editors' decisions on unsure ones.

A mention is *bare* when its article states no title for the person (``Mention.titles`` empty).
The importer already gives every later mention of a name the titles stated for it anywhere in
the same article (``archive.ingest.people``: "every later mention of a name found once is the
same person"), so a bare mention has no title in the whole article. Each bare mention of a name is
decided against the officials of exactly that name (``Person.kind`` official, not a holding person)
whose titled mentions were published within ``WINDOW`` of the bare mention's article:

- exactly one → the mention is theirs (``Mention.Link.INFERRED``), with ``linked_titles`` the titles of
  their titled mention nearest in date (the post they held then);
- several (``AMBIGUOUS``), or none in the window while officials of the name exist at other times
  (``OUTSIDE``) → the mention is held apart under the name's holding person (note ``HELD_NOTE``, kind
  other: no official's page or facet claims it), with the officials as ``candidates``, and listed for
  editors (admin 待核对人物), who confirm one (``confirm_link``: ``CONFIRMED``);
- no official of the name → nothing to link (``NONE``); the mention stays with the person the
  loader gave it.

Why two years either side: an official active in 焦作 is named with a title many times a year, so
the nearest titled report of the same person is almost always within months; two years still
covers officials reported rarely (township and bureau posts), while staying under half of a
five-year term, so a namesake who held office a term earlier or later is not taken for them.

Decisions follow the archive: ``archive.loading`` re-decides the names of each page it loads within
``WINDOW`` of its date (a new titled mention can make an old bare one linkable or ambiguous), and
``manage.py link_people`` re-decides every name (after editors merged or split people). Both are
idempotent. Mentions an editor confirmed, and every mention of an article an editor corrected, are
never changed.
Callers announce ``LinkResult.relinked_articles`` (``archive.signals.articles_changed``) so the
search index's official facet follows (the index holds who is mentioned, not the inferred titles).
"""
from __future__ import annotations

import bisect
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date as Date
from datetime import timedelta
from typing import NamedTuple

from django.db import transaction
from django.db.models import Min, Q

from archive.corrections import announce_changed, mark_corrected, move_meeting_roles
from archive.models import Meeting, Mention, Person

WINDOW = timedelta(days=730)
# The note of the person a name's unsure bare mentions are held under until an editor decides.
HELD_NOTE = "同名待核对"
# Names decided per query batch (well under SQLite's limit on query parameters).
NAME_BATCH = 500
# Mentions read or written per query (also well under that limit).
SOURCE_BATCH = 10_000
Link = Mention.Link
CandidateLink = Mention.candidates.through


@dataclass
class LinkResult:
    """``changed_articles``: ids of articles whose mentions changed; ``relinked_articles``: those of them in which
    a mention went to another person or was linked or unlinked (what the search index holds: only the inferred
    titles changed in the others); ``decided``: (article id, name, link) of every bare mention looked at."""

    changed_articles: set[int] = field(default_factory=set)
    relinked_articles: set[int] = field(default_factory=set)
    decided: list[tuple[int, str, str]] = field(default_factory=list)


@dataclass
class _Decision:
    person_id: int | None  # None: the name's holding person
    link: str
    linked_titles: list[str] = field(default_factory=list)
    candidates: list[int] = field(default_factory=list)
    source: int | None = None  # the titled mention ``linked_titles`` are read from


def link_names(
    names: Iterable[str] | None = None, around: Date | None = None, officials_before: dict | None = None
) -> LinkResult:
    """Decide the bare mentions of ``names`` (every name when None) and store what changed.

    With ``around`` (the date of a page just loaded) and ``officials_before`` (``officials_of(names)`` before it
    was written) only the bare mentions published within ``WINDOW`` of it are decided: a titled mention dated
    ``around`` can be the nearest one, or a candidate, only for those. A name whose officials the page changed
    (its first titled mention, or its last one gone) is decided at every date: whether officials of the name
    exist at all tells "outside the window" from "nothing to link". Runs inside the caller's transaction; the
    caller announces ``relinked_articles``.
    """
    if names is None:
        names = set(Person.objects.filter(kind=Person.Kind.OFFICIAL).values_list("name", flat=True))
        names.update(Mention.objects.exclude(link=Link.NONE).values_list("person__name", flat=True))
    result = LinkResult()
    ordered = sorted(set(names))
    for start in range(0, len(ordered), NAME_BATCH):
        batch = ordered[start : start + NAME_BATCH]
        officials = officials_of(batch)
        everywhere = set(batch) if around is None else {
            name for name in batch if officials.get(name, set()) != (officials_before or {}).get(name, set())
        }
        _link_batch(batch, officials, around, everywhere, result)
    return result


class _Bare(NamedTuple):
    """A bare mention as read for deciding it (plain values: a page load reads thousands)."""

    pk: int
    article_id: int
    meeting_id: int | None
    day: Date
    person_id: int
    name: str
    note: str
    link: str
    linked_titles: list[str]


def _link_batch(
    names: list[str], officials: dict[str, set[int]], around: Date | None, everywhere: set[str], result: LinkResult
) -> None:
    """Decide the bare mentions of ``names``: those of ``everywhere`` at every date, the others near ``around``."""
    bare_mentions = Mention.objects.filter(person__name__in=names, titles=[], article__corrected_at__isnull=True)
    titled_mentions = Mention.objects.filter(person__name__in=names)
    if around is not None:
        anywhere = Q(person__name__in=everywhere)
        bare_mentions = bare_mentions.filter(
            anywhere | Q(article__publication_date__range=(around - WINDOW, around + WINDOW))
        )
        titled_mentions = titled_mentions.filter(
            anywhere | Q(article__publication_date__range=(around - 2 * WINDOW, around + 2 * WINDOW))
        )
    fields = ("pk", "article_id", "article__meeting_id", "article__publication_date", "person_id", "person__name",
              "person__note", "link", "linked_titles")
    bare = [_Bare(*row) for row in bare_mentions.exclude(link=Link.CONFIRMED).order_by("pk").values_list(*fields)]
    if not bare:
        return
    titled = _titled(titled_mentions)
    undecided = bare_mentions.filter(link__in=Mention.UNDECIDED_LINKS).values("pk")
    candidates = defaultdict(list)
    for mention_id, person_id in CandidateLink.objects.filter(mention__in=undecided).values_list(
        "mention_id", "person_id"
    ):
        candidates[mention_id].append(person_id)
    decisions = [
        (mention, _decide(officials.get(mention.name, set()), titled.get(mention.name, {}), mention.day))
        for mention in bare
    ]
    _read_linked_titles([decision for _, decision in decisions])
    held: dict[str, Person] = {}
    changed: list[tuple[_Bare, _Decision]] = []
    for mention, decision in decisions:
        result.decided.append((mention.article_id, mention.name, decision.link))
        decision.person_id = _person_for(mention, decision, held)
        current = (mention.person_id, mention.link, mention.linked_titles, sorted(candidates[mention.pk]))
        if current != (decision.person_id, decision.link, decision.linked_titles, decision.candidates):
            changed.append((mention, decision))
    stored = []
    for start in range(0, len(changed), SOURCE_BATCH):
        stored += _store(changed[start : start + SOURCE_BATCH])
    changed = stored
    result.changed_articles.update(m.article_id for m, _ in changed)
    result.relinked_articles.update(m.article_id for m, d in changed if (d.person_id, d.link) != (m.person_id, m.link))


def _person_for(mention: _Bare, decision: _Decision, held: dict[str, Person]) -> int:
    """The id of the person ``mention`` goes to: the one official, the name's holding person (unsure), or
    (nothing to link) the person the loader gave it, unless that was a holding person."""
    if decision.person_id is not None:
        return decision.person_id
    if decision.link != Link.NONE:
        if mention.name not in held:
            held[mention.name] = _holding_person(mention.name)
        return held[mention.name].pk
    if mention.note != HELD_NOTE:
        return mention.person_id
    return _plain_person(mention.name).pk


def officials_of(names: Iterable[str]) -> dict[str, set[int]]:
    """name → ids of the officials of that name ever reported with a title."""
    found = defaultdict(set)
    rows = (
        Mention.objects.filter(person__name__in=names, person__kind=Person.Kind.OFFICIAL)
        .exclude(person__note=HELD_NOTE)
        .exclude(titles=[])
        .order_by()
        .values_list("person__name", "person_id")
        .distinct()
    )
    for name, person_id in rows:
        found[name].add(person_id)
    return dict(found)


def _titled(mentions) -> dict[str, dict[int, list[tuple[Date, int]]]]:
    """name → official's id → (publication date, id of that day's first titled mention) for each day one of
    ``mentions`` gives them a title, by date. Titles are read later, for the nearest ones only."""
    found: dict[str, dict[int, list]] = defaultdict(lambda: defaultdict(list))
    rows = (
        mentions.filter(person__kind=Person.Kind.OFFICIAL)
        .exclude(person__note=HELD_NOTE)
        .exclude(titles=[])
        .order_by()
        .values_list("person__name", "person_id", "article__publication_date")
        .annotate(first=Min("pk"))
    )
    for name, person_id, day, first in rows:
        found[name][person_id].append((day, first))
    for by_person in found.values():
        for entries in by_person.values():
            entries.sort(key=lambda entry: entry[0])
    return found


def _decide(officials: set[int], titled: dict[int, list[tuple[Date, int]]], day: Date) -> _Decision:
    """What a bare mention published on ``day`` refers to, given the officials of its name and their titled
    mentions (at least those within ``WINDOW`` of ``day``)."""
    if not officials:
        return _Decision(None, Link.NONE)
    near = {}
    for person_id, entries in titled.items():
        nearest = _nearest(entries, day)
        if abs(nearest[0] - day) <= WINDOW:
            near[person_id] = nearest[1]
    if len(near) == 1:
        (person_id, source), = near.items()
        return _Decision(person_id, Link.INFERRED, source=source)
    if near:
        return _Decision(None, Link.AMBIGUOUS, candidates=sorted(near))
    return _Decision(None, Link.OUTSIDE, candidates=sorted(officials))


def outlook(names: Iterable[str], day: Date) -> dict[str, _Decision]:
    """How a bare mention of each of ``names`` published on ``day`` would be decided from the archive as it is,
    without writing anything (what an import preview tells the editor before the page is loaded)."""
    names = sorted(set(names))
    officials = officials_of(names)
    titled = _titled(Mention.objects.filter(
        person__name__in=list(officials), article__publication_date__range=(day - WINDOW, day + WINDOW)
    ))
    decisions = {name: _decide(officials.get(name, set()), titled.get(name, {}), day) for name in names}
    _read_linked_titles(list(decisions.values()))
    return decisions


def _read_linked_titles(decisions: list[_Decision]) -> None:
    """Fill in each inferred decision's ``linked_titles`` from its source mention."""
    sources = sorted({d.source for d in decisions if d.source is not None})
    titles = {}
    for start in range(0, len(sources), SOURCE_BATCH):
        titles.update(Mention.objects.filter(pk__in=sources[start : start + SOURCE_BATCH]).values_list("pk", "titles"))
    for decision in decisions:
        if decision.source is not None:
            decision.linked_titles = list(titles[decision.source])


def _nearest(entries: list[tuple[Date, object]], day: Date) -> tuple[Date, object]:
    """The entry closest in date to ``day`` (the earlier one on a tie)."""
    index = bisect.bisect_left(entries, day, key=lambda entry: entry[0])
    around = entries[max(index - 1, 0) : index + 1]
    return min(around, key=lambda entry: abs(entry[0] - day))


def nearest_titled(person: Person, day: Date) -> tuple[Date, list[str]] | None:
    """The publication date and titles of ``person``'s titled mention nearest to ``day``; None without any."""
    rows = person.mentions.exclude(titles=[]).order_by("article__publication_date", "pk")
    first_of_day: dict[Date, list[str]] = {}
    for day, titles in rows.values_list("article__publication_date", "titles"):
        first_of_day.setdefault(day, titles)
    entries = list(first_of_day.items())
    return _nearest(entries, day) if entries else None


def _holding_person(name: str) -> Person:
    person = Person.objects.filter(name=name, note=HELD_NOTE).order_by("pk").first()
    return person or Person.objects.create(name=name, note=HELD_NOTE)


def _plain_person(name: str) -> Person:
    """The person a name links to when it is nobody's official name: the oldest namesake not held apart."""
    person = Person.objects.filter(name=name).exclude(note=HELD_NOTE).order_by("pk").first()
    return person or Person.objects.create(name=name)


def _store(changed: list[tuple[_Bare, _Decision]]) -> list[tuple[_Bare, _Decision]]:
    """Write the changed mentions, their candidates and meeting roles, and drop people left with nothing;
    returns those written (not any that would repeat a person in its article)."""
    if not changed:
        return []
    taken = set(
        Mention.objects.filter(article_id__in={m.article_id for m, _ in changed})
        .exclude(pk__in=[m.pk for m, _ in changed])
        .values_list("article_id", "person_id")
    )
    changed = [(m, d) for m, d in changed if (m.article_id, d.person_id) not in taken]
    Mention.objects.bulk_update(
        [Mention(pk=m.pk, person_id=d.person_id, link=d.link, linked_titles=d.linked_titles) for m, d in changed],
        ["person", "link", "linked_titles"],
    )
    CandidateLink.objects.filter(mention_id__in=[m.pk for m, _ in changed]).delete()
    CandidateLink.objects.bulk_create(
        [CandidateLink(mention_id=m.pk, person_id=pk) for m, d in changed for pk in d.candidates]
    )
    moved = [(m, d) for m, d in changed if d.person_id != m.person_id]
    for mention, decision in moved:
        if mention.meeting_id is not None:
            move_meeting_roles(mention.person_id, decision.person_id, Meeting.objects.filter(pk=mention.meeting_id))
    delete_orphans({m.person_id for m, _ in moved})
    return changed


def delete_orphans(person_ids: set[int]) -> None:
    """Delete people nothing refers to any more, unless an editor's note (other than ``HELD_NOTE``) keeps them."""
    Person.objects.filter(
        Q(note="") | Q(note=HELD_NOTE),
        pk__in=person_ids,
        mentions=None,
        meetings_presided=None,
        meetings_spoken=None,
        meetings_attended=None,
    ).delete()


@transaction.atomic
def relink(names: Iterable[str]) -> set[int]:
    """Decide the bare mentions of ``names`` again at every date after editors merged or split people of those
    names (which officials a name has may have changed); announces and returns the articles relinked."""
    relinked = link_names(names).relinked_articles
    announce_changed(relinked)
    return relinked


def confirm_link(mention: Mention, person: Person, user=None) -> None:
    """An editor decides that the bare ``mention`` is ``person``: it moves to them for good.

    The article is marked corrected, so neither a re-import of its page nor ``link_people``
    undoes the decision; the search index follows through ``articles_changed``.
    """
    mention = Mention.objects.select_related("article").get(pk=mention.pk)
    old = mention.person_id
    mention.person = person
    mention.link = Link.CONFIRMED
    nearest = nearest_titled(person, mention.article.publication_date)
    mention.linked_titles = list(nearest[1]) if nearest else []
    mention.save(update_fields=["person", "link", "linked_titles"])
    mention.candidates.clear()
    if old != person.pk and mention.article.meeting_id is not None:
        move_meeting_roles(old, person.pk, Meeting.objects.filter(pk=mention.article.meeting_id))
    delete_orphans({old} - {person.pk})
    mark_corrected([mention.article_id], user)
    announce_changed([mention.article_id])
