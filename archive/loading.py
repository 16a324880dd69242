"""Importer output → database: one page file at a time, atomically and idempotently.

API for the commands and the admin import (upload → preview → confirm):

- ``preview_page(data, source_file=..., date=...)`` decodes and parses without
  writing and returns a ``PagePreview``: the ``ParsedPage``, warnings for the
  editor, whether the stored page has the same text, and a ``PageDiff``
  (articles added/changed/removed) against the stored page.
- ``load_page(data, source_file=..., date=...)`` writes it and returns a
  ``LoadResult``; on any failure it raises ``PageImportError`` (Chinese message)
  and the database is as it was.

A page is identified by its issue (paper, edition, date) and ``source_file``.
A file whose text has the stored SHA-256 is ``unchanged`` and nothing is
written (``force=True`` re-parses it anyway, e.g. after the importer improved).
A changed file replaces the page's articles, mentions and meetings in one
transaction (editors' corrections to that page are replaced too); an article
whose headline (or, untitled, body start) is still on the page keeps its id,
so links and the search index stay valid. Every attempt
is recorded as an ``ImportRun`` (a failure's record is written after the
rollback, so it survives). After commit ``archive.signals.articles_changed``
is sent with the ids of the added or changed articles and of the removed ones.
"""
from __future__ import annotations

import hashlib
import traceback
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date as Date
from functools import partial

from django.conf import settings
from django.db import transaction
from django.db.models import F

from archive.districts import gazetteer_from_db
from archive.export import article_record, articles_for_export
from archive.import_review import IssueDateError, check_issue_date
from archive.ingest.budget import Deadline, ParseBudgetExceeded
from archive.ingest.decode import PageDecodeError, decode_page
from archive.ingest.names import load_dictionaries
from archive.ingest.pipeline import parse_page
from archive.ingest.records import ParsedArticle, ParsedPage
from archive.models import Article, District, ImportRun, Issue, Meeting, Mention, Page, Person
from archive.signals import articles_changed

DistrictLink = Article.districts.through

DEFAULT_PAPER = "焦作日报"
# Failures that refuse a file for a reason the editor can act on: their message is the whole record.
REFUSALS = (PageDecodeError, IssueDateError, ParseBudgetExceeded)
# Added to kept articles' order while a page is rewritten, so (page, order) stays unique throughout.
ORDER_SHIFT = 1_000_000


class PageImportError(Exception):
    """One file could not be imported; ``str(error)`` is the editor's message, ``import_run`` its audit record."""

    def __init__(self, message: str, import_run: ImportRun | None = None):
        super().__init__(message)
        self.import_run = import_run


@dataclass
class PageDiff:
    """How a parse differs from the stored page; each list holds article titles (as ``Article.title`` shows them)."""

    added: list[str] = field(default_factory=list)
    changed: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    unchanged: int = 0

    def as_counts(self) -> dict:
        """Sizes of the lists, as stored in ``ImportRun.counts`` (added/changed/removed articles)."""
        return {"added": len(self.added), "changed": len(self.changed), "removed": len(self.removed)}


@dataclass
class PagePreview:
    """What importing a file would do; ``existing`` is the stored page with the same identity, if any."""

    text: str
    encoding: str
    sha256: str
    parsed: ParsedPage
    warnings: list[str]
    existing: Page | None
    unchanged: bool
    diff: PageDiff


@dataclass
class LoadResult:
    """The outcome of one ``load_page`` (``ImportRun.Outcome.IMPORTED`` or ``UNCHANGED``) and what the page holds."""

    outcome: str
    page: Page
    counts: dict
    diff: PageDiff
    warnings: list[str]
    import_run: ImportRun

    @property
    def unchanged(self) -> bool:
        return self.outcome == ImportRun.Outcome.UNCHANGED


def preview_page(
    data: bytes | str,
    *,
    source_file: str,
    date: Date,
    edition: str = DEFAULT_PAPER,
    paper: str = DEFAULT_PAPER,
    deadline: Deadline | None = None,
) -> PagePreview:
    """Decode and parse ``data`` without writing anything; raises ``PageDecodeError`` for unusable files,
    ``IssueDateError`` for a date outside the accepted range and ``ParseBudgetExceeded`` when parsing passes
    ``deadline`` (by default ``ARCHIVE_PARSE_BUDGET_SECONDS`` from now)."""
    check_issue_date(date)
    decoded = decode_page(data, max_bytes=settings.ARCHIVE_MAX_UPLOAD_BYTES)
    sha256 = hashlib.sha256(decoded.text.encode("utf-8")).hexdigest()
    existing = (
        Page.objects.filter(issue__paper=paper, issue__edition=edition, issue__date=date, source_file=source_file)
        .select_related("issue")
        .first()
    )
    parsed = parse_page(decoded.text, date, edition, gazetteer_from_db(), deadline or parse_deadline())
    warnings = list(parsed.warnings)
    plan = _plan(existing, parsed)
    return PagePreview(
        text=decoded.text,
        encoding=decoded.encoding,
        sha256=sha256,
        parsed=parsed,
        warnings=warnings,
        existing=existing,
        unchanged=existing is not None and existing.sha256 == sha256,
        diff=plan.diff,
    )


def load_page(
    data: bytes | str,
    *,
    source_file: str,
    date: Date,
    edition: str = DEFAULT_PAPER,
    paper: str = DEFAULT_PAPER,
    label: str = "",
    user=None,
    source: str = "command",
    force: bool = False,
    deadline: Deadline | None = None,
) -> LoadResult:
    """Import one page file (bytes in UTF-8/GBK, or text); see the module docstring for the rules.

    Parsing stops at ``deadline`` (by default ``ARCHIVE_PARSE_BUDGET_SECONDS`` from now): the file is refused.
    """
    run = ImportRun(user=user, source=source, files=[source_file])
    try:
        with transaction.atomic():
            result = _load(data, source_file, date, edition, paper, label, force, run, deadline or parse_deadline())
    except Exception as error:
        if isinstance(error, REFUSALS):
            message = detail = str(error)
        else:
            message = f"导入失败（{type(error).__name__}: {error}）"
            detail = f"{message}\n\n{traceback.format_exc()}"
        run.outcome = ImportRun.Outcome.FAILED
        run.counts = {}
        run.error = detail
        run.save()
        raise PageImportError(f"{source_file}：{message}", run) from error
    run.save()
    return result


def parse_deadline() -> Deadline:
    """The deadline of one page's parse: ``ARCHIVE_PARSE_BUDGET_SECONDS`` from now, once the importer's
    dictionaries are loaded (a process's first parse does not pay for them)."""
    load_dictionaries()
    return Deadline(settings.ARCHIVE_PARSE_BUDGET_SECONDS)


def _load(data, source_file, date, edition, paper, label, force, run, deadline) -> LoadResult:
    check_issue_date(date)
    decoded = decode_page(data, max_bytes=settings.ARCHIVE_MAX_UPLOAD_BYTES)
    sha256 = hashlib.sha256(decoded.text.encode("utf-8")).hexdigest()
    issue, _ = Issue.objects.get_or_create(paper=paper, edition=edition, date=date)
    page = Page.objects.filter(issue=issue, source_file=source_file).first()
    if page is not None and page.sha256 == sha256 and not force:
        run.outcome = ImportRun.Outcome.UNCHANGED
        run.counts = page_counts(page)
        return LoadResult(run.outcome, page, run.counts, PageDiff(unchanged=run.counts["articles"]), [], run)

    parsed = parse_page(decoded.text, date, edition, gazetteer_from_db(), deadline)
    warnings = list(parsed.warnings)
    plan = _plan(page, parsed)
    if page is None:
        page = Page(issue=issue, source_file=source_file)
    page.label = label
    page.raw_text = decoded.text
    page.sha256 = sha256
    page.save()
    article_ids = _write_articles(page, parsed.articles, plan, date, warnings)
    changed = [pk for index, pk in enumerate(article_ids) if index not in plan.same]
    if changed or plan.removed_ids:
        transaction.on_commit(
            partial(articles_changed.send, sender=Article, changed=changed, deleted=list(plan.removed_ids))
        )

    run.outcome = ImportRun.Outcome.IMPORTED
    run.counts = page_counts(page) | plan.diff.as_counts()
    return LoadResult(run.outcome, page, run.counts, plan.diff, warnings, run)


def page_counts(page: Page) -> dict:
    """Articles, distinct people, mentions, meetings and distinct districts stored for ``page``."""
    mentions = Mention.objects.filter(article__page=page)
    return {
        "articles": page.articles.count(),
        "people": mentions.values("person").distinct().count(),
        "mentions": mentions.count(),
        "meetings": Meeting.objects.filter(article__page=page).count(),
        "districts": District.objects.filter(articles__page=page).distinct().count(),
    }


@dataclass
class _Plan:
    """Which stored article each parsed article replaces (by index), which are removed, and the diff.

    ``same`` holds the indexes of parsed articles equal to the stored article they replace, order included.
    """

    diff: PageDiff
    kept: dict[int, int]
    removed_ids: list[int]
    same: set[int] = field(default_factory=set)


def _plan(page: Page | None, parsed: ParsedPage) -> _Plan:
    """Pair parsed articles with stored ones by headline (or body start) and classify the differences."""
    stored = {} if page is None else {a.pk: article_record(a) for a in articles_for_export(page.articles.all())}
    by_key = defaultdict(list)
    for pk, record in stored.items():
        by_key[_match_key(record)].append(pk)
    plan = _Plan(PageDiff(), {}, [])
    diff, kept = plan.diff, plan.kept
    for index, article in enumerate(parsed.articles):
        record = article.as_export()
        candidates = by_key.get(_match_key(record))
        if not candidates:
            diff.added.append(_title(record))
            continue
        pk = candidates.pop(0)
        kept[index] = pk
        if comparable_content(stored[pk]) == comparable_content(record):
            diff.unchanged += 1
            if stored[pk]["order"] == record["order"]:
                plan.same.add(index)
        else:
            diff.changed.append(_title(record))
    plan.removed_ids = [pk for pk in stored if pk not in kept.values()]
    diff.removed = [_title(stored[pk]) for pk in plan.removed_ids]
    return plan


def _match_key(record: dict) -> str:
    return record["headline"] or record["body"][:40]


def _title(record: dict) -> str:
    return Article(headline=record["headline"] or "", body=record["body"], order=record["order"]).title


def comparable_content(record: dict) -> dict:
    """An export record's article-level content (no page fields, no order), unordered parts sorted, empties None.

    Two records with equal content show the same article; used for diffs and round-trip checks.
    """
    keys = ParsedArticle(order=0).as_export().keys() - {"order"}
    content = {key: record[key] or None for key in keys}
    content["districts"] = sorted(record["districts"])
    content["persons"] = [(p["name"], p["titles"], p["roles"]) for p in record["persons"]]
    if meeting := record["meeting"]:
        content["meeting"] = {key: sorted(v) if isinstance(v, list) else v or None for key, v in meeting.items()}
    return content


def _write_articles(page: Page, articles: list[ParsedArticle], plan: _Plan, date: Date, warnings: list[str]):
    """Rewrite the page's articles from ``articles``; returns their ids in order."""
    old_people = _people_on(page)
    Article.objects.filter(pk__in=plan.removed_ids).delete()
    kept_ids = list(plan.kept.values())
    Mention.objects.filter(article_id__in=kept_ids).delete()
    Meeting.objects.filter(article_id__in=kept_ids).delete()
    DistrictLink.objects.filter(article_id__in=kept_ids).delete()
    Article.objects.filter(pk__in=kept_ids).update(order=F("order") + ORDER_SHIFT)

    districts = {d.name: d for d in District.objects.all()}
    people = PersonResolver(_names(articles))
    links = defaultdict(list)
    ids = []
    for index, parsed in enumerate(articles):
        article = _save_article(page, parsed, plan.kept.get(index), date, warnings)
        links[DistrictLink] += [
            DistrictLink(article_id=article.pk, district_id=d.pk) for d in _districts(parsed, districts, warnings)
        ]
        persons = _save_mentions(article, parsed, people, warnings, links[Mention])
        if parsed.meeting is not None:
            _save_meeting(article, parsed, persons, people, warnings, links)
        ids.append(article.pk)
    for model, rows in links.items():
        model.objects.bulk_create(rows)
    _delete_orphans(old_people)
    return ids


def _people_on(page: Page) -> set[int]:
    """Ids of everyone the page's articles mention or whose meetings they report."""
    ids = set(Mention.objects.filter(article__page=page).values_list("person_id", flat=True))
    for relation in (Meeting.presided_by, Meeting.speakers, Meeting.attendees):
        ids.update(relation.through.objects.filter(meeting__article__page=page).values_list("person_id", flat=True))
    return ids


def _names(articles: list[ParsedArticle]) -> set[str]:
    names = {p.name.strip() for a in articles for p in a.persons}
    for meeting in filter(None, (a.meeting for a in articles)):
        names.update(n.strip() for n in (*meeting.presided_by, *meeting.speakers, *meeting.attended_by))
    return names


def _save_article(page: Page, parsed: ParsedArticle, pk: int | None, date: Date, warnings: list[str]) -> Article:
    kind = parsed.kind
    if kind not in Article.Kind.values:
        warnings.append(f"第{parsed.order}篇：未知的文章类型“{kind}”，按消息处理。")
        kind = Article.Kind.NEWS
    article = Article(
        pk=pk,
        page=page,
        order=parsed.order,
        kind=kind,
        headline=_fit(Article, "headline", parsed.headline or "", warnings),
        subtitles=list(parsed.subtitles),
        body=parsed.body,
        reporters=list(parsed.reporters),
        contributors=list(parsed.contributors),
        photographers=list(parsed.photographers),
        publication_date=date,
        event_date=parsed.event_date,
        continued_to=_fit(Article, "continued_to", parsed.continued_to or "", warnings),
    )
    article.save(force_insert=pk is None, force_update=pk is not None)
    return article


def _districts(parsed: ParsedArticle, districts: dict[str, District], warnings: list[str]) -> list[District]:
    found = []
    for name in dict.fromkeys(parsed.districts):
        if name in districts:
            found.append(districts[name])
        else:
            warnings.append(f"第{parsed.order}篇：区县“{name}”不在区县表中，已忽略。")
    return found


def _save_mentions(article, parsed: ParsedArticle, people, warnings: list[str], rows: list[Mention]):
    """Add the article's mentions to ``rows`` in order (a name given twice is merged); returns name → Person."""
    mentions: dict[int, Mention] = {}
    by_name: dict[str, Person] = {}
    for mention in parsed.persons:
        name = mention.name.strip()
        if not _valid_name(name, parsed.order, warnings):
            continue
        person = by_name.get(name) or people.resolve(name, mention.titles)
        by_name[name] = person
        row = mentions.setdefault(
            person.pk, Mention(article=article, person=person, position=len(mentions), titles=[], roles=[])
        )
        row.titles += [t for t in mention.titles if t not in row.titles]
        row.roles += [r for r in mention.roles if r not in row.roles]
    rows += mentions.values()
    return by_name


def _save_meeting(article, parsed: ParsedArticle, persons: dict[str, Person], people, warnings, links) -> None:
    """Create the article's meeting; its people links are added to ``links`` (through model → rows)."""
    record = parsed.meeting
    meeting = Meeting.objects.create(
        article=article,
        name=_fit(Meeting, "name", record.name, warnings),
        date=record.date,
        location=_fit(Meeting, "location", record.location or "", warnings),
    )
    for names, relation in (
        (record.presided_by, Meeting.presided_by),
        (record.speakers, Meeting.speakers),
        (record.attended_by, Meeting.attendees),
    ):
        through = relation.through
        links[through] += [
            through(meeting_id=meeting.pk, person_id=(persons.get(name) or people.resolve(name, [])).pk)
            for name in dict.fromkeys(n.strip() for n in names)
            if _valid_name(name, parsed.order, warnings)
        ]


def _valid_name(name: str, order: int, warnings: list[str]) -> bool:
    if not name:
        return False
    if len(name) > Person._meta.get_field("name").max_length:
        warnings.append(f"第{order}篇：人名“{name}”过长，已忽略。")
        return False
    return True


def _fit(model, field_name: str, value: str, warnings: list[str]) -> str:
    """``value`` cut to the field's length, with a warning when it had to be cut."""
    limit = model._meta.get_field(field_name).max_length
    if len(value) <= limit:
        return value
    warnings.append(f"{model._meta.get_field(field_name).verbose_name}过长（{len(value)}字），已截断为{limit}字。")
    return value[:limit]


def _delete_orphans(person_ids: set[int]) -> None:
    """Delete people this re-import no longer refers to, unless something else (or an editor's note) keeps them."""
    Person.objects.filter(
        pk__in=person_ids,
        note="",
        mentions=None,
        meetings_presided=None,
        meetings_spoken=None,
        meetings_attended=None,
    ).delete()


class PersonResolver:
    """Finds the Person a name refers to during one load, creating one when the name is new.

    Names are not unique: among several people with the name, the one whose
    known titles overlap the stated ones wins (a title matches with or without
    its organisation prefix: 副市长 ~ 焦作市副市长), else the oldest.
    """

    def __init__(self, names=()):
        self._known: dict[str, list[tuple[Person, set[str]]]] = {name: [] for name in names}
        for person in Person.objects.filter(name__in=self._known).order_by("pk"):
            self._known[person.name].append((person, set()))
        self._load_titles([c for c in self._known.values() if len(c) > 1])

    def resolve(self, name: str, titles: list[str]) -> Person:
        candidates = self._known.get(name)
        if candidates is None:
            candidates = self._known[name] = [(p, set()) for p in Person.objects.filter(name=name).order_by("pk")]
            self._load_titles([candidates])
        if not candidates:
            candidates.append((Person.objects.create(name=name), set()))
        person, known = max(candidates, key=lambda c: _title_overlap(c[1], titles))
        known.update(titles)
        return person

    @staticmethod
    def _load_titles(namesakes: list[list[tuple[Person, set[str]]]]) -> None:
        """Fill in the titles stated for people who share their name (only those need telling apart)."""
        known = {person.pk: titles for candidates in namesakes for person, titles in candidates}
        if not known:
            return
        for person_id, stated in Mention.objects.filter(person_id__in=known).values_list("person_id", "titles"):
            known[person_id].update(stated)


def _title_overlap(known: set[str], titles: list[str]) -> int:
    return sum(1 for t in titles if any(k.endswith(t) or t.endswith(k) for k in known))
