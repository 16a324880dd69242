"""Editors' corrections: merge duplicates of one official, split one name into two people, and the
record that an article was corrected by hand.

Pure ORM functions, each atomic. Inside the transaction they send
``archive.signals.articles_changed`` with the affected articles so the search
index (official facets) follows. Every article a correction touches is marked
(``mark_corrected``): re-importing its page then keeps the article as the editor
left it (see ``archive.loading``).
"""
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from archive.models import Article, Meeting, Mention, Person
from archive.signals import articles_changed

MEETING_PEOPLE_FIELDS = ("presided_by", "speakers", "attendees")


def ordered_union(first, second):
    """``first`` followed by the items of ``second`` it lacks, order kept (titles and roles lists)."""
    return list(first) + [item for item in second if item not in first]


def mark_corrected(article_ids, user=None):
    """Record that an editor (``user``, if known) corrected the articles ``article_ids`` just now."""
    Article.objects.filter(pk__in=set(article_ids)).update(corrected_at=timezone.now(), corrected_by=user)


def announce_changed(article_ids):
    """Send ``articles_changed`` for ``article_ids`` (inside the surrounding transaction)."""
    changed = sorted(set(article_ids))
    if changed:
        articles_changed.send(sender=Article, changed=changed, deleted=[])


def in_any_meeting_role(person):
    """A Q matching meetings in which ``person`` has any role."""
    query = Q()
    for field in MEETING_PEOPLE_FIELDS:
        query |= Q(**{field: person})
    return query


def move_meeting_roles(source, target, meetings):
    """Put ``target`` in place of ``source`` in every people list of ``meetings``."""
    for field in MEETING_PEOPLE_FIELDS:
        for meeting in meetings.filter(**{field: source}):
            getattr(meeting, field).remove(source)
            getattr(meeting, field).add(target)


@transaction.atomic
def merge_people(target, duplicates, user=None):
    """Fold each of ``duplicates`` into ``target`` and delete them; returns the affected article ids.

    A mention of a duplicate in an article that already mentions ``target`` is
    merged into target's mention (titles and roles united, earliest position kept).
    ``target`` becomes an official if any duplicate was one. A moved bare mention that was waiting for an
    editor to choose among same-name officials is confirmed as ``target`` (merging is that choice).
    """
    duplicates = [person for person in duplicates if person.pk != target.pk]
    affected = set()
    if target.kind != Person.Kind.OFFICIAL and any(person.kind == Person.Kind.OFFICIAL for person in duplicates):
        target.kind = Person.Kind.OFFICIAL
        target.save(update_fields=["kind"])
        affected.update(target.mentions.values_list("article_id", flat=True))
    for duplicate in duplicates:
        for mention in Mention.objects.filter(person=duplicate).select_for_update():
            affected.add(mention.article_id)
            kept = Mention.objects.filter(article_id=mention.article_id, person=target).first()
            if kept is None:
                mention.person = target
                if mention.link in Mention.UNDECIDED_LINKS:
                    mention.link = Mention.Link.CONFIRMED
                    mention.candidates.clear()
                mention.save(update_fields=["person", "link"])
                continue
            kept.titles = ordered_union(kept.titles, mention.titles)
            kept.roles = ordered_union(kept.roles, mention.roles)
            kept.position = min(kept.position, mention.position)
            kept.save(update_fields=["titles", "roles", "position"])
            mention.delete()
        meetings = Meeting.objects.all()
        affected.update(
            Article.objects.filter(meeting__in=meetings.filter(in_any_meeting_role(duplicate))).values_list(
                "pk", flat=True
            )
        )
        move_meeting_roles(duplicate, target, meetings)
        duplicate.delete()
    mark_corrected(affected, user)
    announce_changed(affected)
    return affected


@transaction.atomic
def split_person(person, mentions, note, name=None, user=None):
    """Move ``mentions`` of ``person`` (and their articles' meeting roles) to a new Person; returns it.

    ``note`` tells the two apart (both usually share the name); ``name`` defaults to the person's. The new
    person keeps the kind of ``person`` (an official split in two stays in the officials facet both times).
    Raises ValueError when no mention is given or one belongs to someone else.
    """
    mentions = list(mentions)
    if not mentions:
        raise ValueError("请至少选择一条人物提及。")
    if any(mention.person_id != person.pk for mention in mentions):
        raise ValueError("所选提及不属于该人物。")
    newcomer = Person.objects.create(name=name or person.name, note=note, kind=person.kind)
    article_ids = {mention.article_id for mention in mentions}
    Mention.objects.filter(pk__in=[mention.pk for mention in mentions]).update(person=newcomer)
    move_meeting_roles(person, newcomer, Meeting.objects.filter(articles__in=article_ids).distinct())
    mark_corrected(article_ids, user)
    announce_changed(article_ids)
    return newcomer
