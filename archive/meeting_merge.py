"""One meeting per event: articles reporting the same event share one ``Meeting`` (used by ``archive.loading``).

A front page may report a visit twice (the report and a photo caption of it), and a district
page the same meeting again a day later. The importer gives each article its own
``MeetingRecord``; at load time a record joins a stored meeting that is the same event:

- the same date (undated meetings never join);
- the same location, or either location unknown;
- shared people: someone who presided or spoke at one was there at the other (a record or
  meeting naming nobody, e.g. a caption of the scene, shares with anyone);
- similar names once generic words (会议, 推进会, 会见…) are set aside: at least
  ``NAME_OVERLAP`` of the shorter name's character pairs occur in the other.

A meeting's people lists are derived from the roles its articles' mentions state, each person
once with their strongest role (主持 > 讲话 > 出席).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from archive.ingest.canonical import CJK
from archive.ingest.records import MeetingRecord
from archive.models import Meeting, Mention, Person

# Meeting people lists by role, strongest first; a person is in the first list their roles reach.
ROLE_RELATIONS = (("presided", "presided_by"), ("spoke", "speakers"), ("attended", "attendees"))
# Words every kind of meeting name has; they say nothing about which event it is.
GENERIC_WORDS = re.compile(
    r"会见|会谈|工作|调研|考察|检查|督导|视察|活动|仪式|暨|第[一二三四五六七八九十\d]+次"
    r"|(?:推进|动员|部署|座谈|汇报|总结|表彰|调度|分析|协调|联席|专题|常务|全体)?(?:大会|会议|会(?![见谈]))"
)
CJK_RUN = re.compile(f"[{CJK}A-Za-z0-9]+")
NAME_OVERLAP = 0.4


def name_similarity(first: str, second: str) -> float:
    """Share (0..1) of the shorter name's character pairs found in the other, generic words set aside;
    names with nothing distinctive left are similar only when equal."""
    pairs = [_pairs(GENERIC_WORDS.sub(" ", name)) for name in (first, second)]
    if not pairs[0] or not pairs[1]:
        return 1.0 if first == second else 0.0
    shorter, longer = sorted(pairs, key=len)
    return len(shorter & longer) / len(shorter)


def _pairs(text: str) -> set[str]:
    return {run[i : i + 2] for run in CJK_RUN.findall(text) for i in range(len(run) - 1)}


@dataclass
class Event:
    """What matching needs to know of a meeting: its fields and the names of its people."""

    pk: int
    name: str
    date: date | None
    location: str
    leaders: set[str] = field(default_factory=set)
    everyone: set[str] = field(default_factory=set)

    def is_same_event(self, other: Event) -> bool:
        if self.date is None or self.date != other.date:
            return False
        if self.location and other.location and self.location != other.location:
            return False
        shares_people = (
            not self.everyone
            or not other.everyone
            or bool(self.leaders & other.everyone)
            or bool(other.leaders & self.everyone)
        )
        return shares_people and name_similarity(self.name, other.name) >= NAME_OVERLAP


def _record_event(record: MeetingRecord) -> Event:
    leaders = {n.strip() for n in (*record.presided_by, *record.speakers)}
    everyone = leaders | {n.strip() for n in record.attended_by}
    return Event(0, record.name, record.date, record.location or "", leaders, everyone)


class MeetingMerger:
    """Places the meeting records of one page load on stored meetings, creating those that are new.

    ``records`` are the page's meeting records (their dates select the stored candidates);
    ``previous`` are the ids of meetings the page's articles reported before this load: with
    every meeting a record joins or creates, their people are rebuilt by ``save_people``, and
    those no article reports any more are deleted.
    """

    def __init__(self, records: list[MeetingRecord], previous: set[int]):
        self._touched = set(previous)
        self._stated: dict[tuple[int, int], int] = {}
        dates = {record.date for record in records if record.date}
        self._events = {
            pk: Event(pk, name, day, location)
            for pk, name, day, location in Meeting.objects.filter(date__in=dates).values_list(
                "pk", "name", "date", "location"
            )
        }
        for role, relation in ROLE_RELATIONS:
            through = getattr(Meeting, relation).through
            for meeting_id, name in through.objects.filter(meeting_id__in=self._events).values_list(
                "meeting_id", "person__name"
            ):
                event = self._events[meeting_id]
                event.everyone.add(name)
                if role != "attended":
                    event.leaders.add(name)

    def place(self, record: MeetingRecord, fit) -> Meeting:
        """The meeting ``record`` reports: a stored one of the same event, else a new one.

        ``fit(model, field, value)`` returns the value cut to the field's length (with a warning).
        """
        new = _record_event(record)
        new.name = fit(Meeting, "name", new.name)
        new.location = fit(Meeting, "location", new.location)
        event = next((e for e in self._events.values() if e.is_same_event(new)), None)
        if event is None:
            meeting = Meeting.objects.create(name=new.name, date=new.date, location=new.location)
            new.pk = meeting.pk
            self._events[meeting.pk] = new
        else:
            meeting = Meeting(pk=event.pk, name=event.name, date=event.date, location=event.location)
            if new.location and not event.location:
                event.location = meeting.location = new.location
                meeting.save(update_fields=["location"])
            event.leaders |= new.leaders
            event.everyone |= new.everyone
        self._touched.add(meeting.pk)
        return meeting

    def add_people(self, meeting: Meeting, record: MeetingRecord, people: dict[str, Person]) -> None:
        """Note the roles ``record`` gives its people (``people``: name → Person) in ``meeting``."""
        lists = (record.presided_by, record.speakers, record.attended_by)
        for rank, names in enumerate(lists):
            for name in names:
                person = people.get(name.strip())
                if person is not None:
                    key = (meeting.pk, person.pk)
                    self._stated[key] = min(self._stated.get(key, rank), rank)

    def save_people(self) -> None:
        """Rebuild the people lists of every meeting this load touched from its articles' mentions and
        this load's records (each person once, strongest role first); delete those no article reports
        any more."""
        Meeting.objects.filter(pk__in=self._touched, articles=None).delete()
        strongest = dict(self._stated)
        rows = Mention.objects.filter(article__meeting_id__in=self._touched).order_by("article_id", "position")
        for meeting_id, person_id, roles in rows.values_list("article__meeting_id", "person_id", "roles"):
            ranks = [rank for rank, (role, _) in enumerate(ROLE_RELATIONS) if role in roles]
            if ranks:
                key = (meeting_id, person_id)
                strongest[key] = min(strongest.get(key, len(ROLE_RELATIONS)), *ranks)
        for rank, (_, relation) in enumerate(ROLE_RELATIONS):
            through = getattr(Meeting, relation).through
            through.objects.filter(meeting_id__in=self._touched).delete()
            through.objects.bulk_create(
                through(meeting_id=meeting_id, person_id=person_id)
                for (meeting_id, person_id), role in strongest.items()
                if role == rank
            )
