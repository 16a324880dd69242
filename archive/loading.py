"""Importer output → database: one page file at a time, atomically and idempotently.

API for the commands and the admin import (upload → preview → confirm):

- ``preview_page(data, source_file=..., date=...)`` decodes and parses without
  writing and returns a ``PagePreview``: the ``ParsedPage``, warnings for the
  editor, whether the stored page has the same text, and a ``PageDiff``
  (articles added/changed/removed) against the stored page.
- ``load_page(data, source_file=..., date=...)`` writes it and returns a
  ``LoadResult``; on any failure it raises ``PageImportError`` (Chinese message)
  and the database is as it was.

A page is parsed against the archive as it stands (``parse_against_archive``): the editable gazetteer, and the
people it knows (``known_people``: officials and people named often), whose names are recognised where the
page names them bare.
A page is identified by its issue (paper, edition, date) and ``source_file``.
A file whose text has the stored SHA-256 is ``unchanged`` and nothing is
written (``force=True`` re-parses it anyway, e.g. after the importer improved).
A changed file replaces the page's articles, mentions and meetings in one
transaction; an article whose headline (or, untitled, body start) at import
time is still on the page keeps its id, so links and the search index stay
valid; a meeting another article already reports (same event:
``archive.meeting_merge``) is shared rather than repeated. Editors' work is never
silently lost: an article an editor corrected (``Article.corrected_at``) that is
still on the page is kept exactly as the editor left it, and a corrected article
the new file no longer has is only deleted with ``discard_corrections=True`` (else
``CorrectionsWouldBeLost``, listing them; the preview's diff lists them too). The
page records where its current version came from (``origin``, ``origin_path``,
``imported_by``). Every attempt
is recorded as an ``ImportRun`` (a failure's record is written after the
rollback, so it survives). Inside the transaction ``archive.signals.articles_changed``
is sent with the ids of the added or changed articles and of the removed ones, and of the
articles elsewhere whose bare names this page's people re-decided (``archive.linking``).
"""
from __future__ import annotations

import hashlib
import traceback
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date as Date
from functools import partial

from django.conf import settings
from django.db import connection, transaction
from django.db.models import Count, F, Q

from archive.article_diff import ArticleChange, article_change
from archive.districts import gazetteer_from_db
from archive.export import article_record, articles_for_export
from archive.import_review import IssueDateError, check_issue_date
from archive.ingest.budget import Deadline, ParseBudgetExceeded
from archive.ingest.decode import PageDecodeError, decode_page
from archive.ingest.names import load_dictionaries
from archive.ingest.pipeline import parse_page
from archive.ingest.records import ParsedArticle, ParsedPage
from archive.linking import HELD_NOTE, delete_orphans, link_names, officials_of
from archive.meeting_merge import MeetingMerger
from archive.models import Article, District, ImportRun, Issue, Meeting, Mention, Origin, Page, Person
from archive.signals import articles_changed

DistrictLink = Article.districts.through

DEFAULT_PAPER = "焦作日报"
# Added to kept articles' order while a page is rewritten, so (page, order) stays unique throughout.
ORDER_SHIFT = 1_000_000
# PostgreSQL advisory lock key under which page loads take turns ("焦作" as a number, arbitrary but fixed).
LOAD_LOCK_KEY = 0x7126_4F5C
OFFICIAL = Person.Kind.OFFICIAL
# Articles a person who is no official must be named in for a bare mention of the name to be recognised.
KNOWN_IN_ARTICLES = 3
# What the loader tells the editor about a bare name it could not tie to one official.
UNDECIDED_WARNINGS = {
    Mention.Link.AMBIGUOUS: "同期有多位同名官员，未能确定是谁",
    Mention.Link.OUTSIDE: "同名官员的报道都不在前后两年内，未关联",
}


class CorrectionsWouldBeLost(Exception):
    """The new file drops articles that editors corrected; ``str(error)`` names them for the editor."""


# Failures that refuse a file for a reason the editor can act on: their message is the whole record.
REFUSALS = (PageDecodeError, IssueDateError, ParseBudgetExceeded, CorrectionsWouldBeLost)


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
    corrections_kept: list[str] = field(default_factory=list)
    corrections_lost: list[str] = field(default_factory=list)
    # the changed articles, and the corrected ones the new file differs from, with their text diffs
    details: list[ArticleChange] = field(default_factory=list)

    def as_counts(self) -> dict:
        """Sizes of the lists, as stored in ``ImportRun.counts`` (added/changed/removed articles, corrections)."""
        counts = {"added": len(self.added), "changed": len(self.changed), "removed": len(self.removed)}
        if self.corrections_kept:
            counts["corrections_kept"] = len(self.corrections_kept)
        if self.corrections_lost:
            counts["corrections_lost"] = len(self.corrections_lost)
        return counts


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
    parsed = parse_against_archive(decoded.text, date, edition, deadline or parse_deadline())
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
    source: str = Origin.COMMAND,
    origin_path: str = "",
    force: bool = False,
    discard_corrections: bool = False,
    deadline: Deadline | None = None,
) -> LoadResult:
    """Import one page file (bytes in UTF-8/GBK, or text); see the module docstring for the rules.

    ``source`` (an ``Origin``), ``origin_path`` (the file's path, for commands) and ``user`` are recorded
    on the page version and its ``ImportRun``. Parsing stops at ``deadline`` (by default
    ``ARCHIVE_PARSE_BUDGET_SECONDS`` from now): the file is refused.
    """
    run = ImportRun(user=user, source=source, files=[source_file])
    try:
        result = _load(
            data, source_file, date, edition, paper, label, force, run, origin_path, discard_corrections,
            deadline or parse_deadline(),
        )
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


def parse_against_archive(text: str, date: Date, edition: str, deadline: Deadline) -> ParsedPage:
    """``parse_page`` with what the archive holds now: the editable gazetteer, and the people it knows (see
    ``known_people``), read once for the page."""
    return parse_page(text, date, edition, gazetteer_from_db(), deadline, known_people())


def known_people() -> frozenset[str]:
    """Names the importer recognises where a new article names them bare (``archive.ingest.people``): officials,
    and anyone named in ``KNOWN_IN_ARTICLES`` articles or more. A name found once may be a misreading; one
    found with a post, or again and again, is someone's."""
    frequent = Mention.objects.values("person").annotate(articles=Count("*")).filter(articles__gte=KNOWN_IN_ARTICLES)
    known = Person.objects.filter(Q(kind=OFFICIAL) | Q(pk__in=frequent.values("person")))
    return frozenset(known.order_by().values_list("name", flat=True))


def _load(
    data, source_file, date, edition, paper, label, force, run, origin_path, discard_corrections, deadline
) -> LoadResult:
    """Decode and parse outside the write transaction, then write in one.

    Parsing takes up to seconds; inside the transaction it would hold the database's
    write lock that long (SQLite has one for the whole file) and keep other writers waiting.
    """
    check_issue_date(date)
    decoded = decode_page(data, max_bytes=settings.ARCHIVE_MAX_UPLOAD_BYTES)
    sha256 = hashlib.sha256(decoded.text.encode("utf-8")).hexdigest()
    stored = Page.objects.filter(
        issue__paper=paper, issue__edition=edition, issue__date=date, source_file=source_file, sha256=sha256
    )
    parse = partial(parse_against_archive, decoded.text, date, edition, deadline)
    parsed = parse() if force or not stored.exists() else None
    with transaction.atomic():
        _serialize_writers()
        return _write(
            decoded.text, sha256, parsed, parse, source_file, date, edition, paper, label, force, run,
            origin_path, discard_corrections,
        )


def _serialize_writers() -> None:
    """Make concurrent loads take turns, as SQLite's single write lock does by itself.

    On PostgreSQL two loads would otherwise each create a Person for the same new name,
    neither seeing the other's uncommitted row. The lock is held until the transaction ends.
    """
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(%s)", [LOAD_LOCK_KEY])


def _write(
    text, sha256, parsed, parse, source_file, date, edition, paper, label, force, run, origin_path, discard_corrections
) -> LoadResult:
    """Write the page; ``parsed`` is None when it looked unchanged, ``parse()`` parses it after all."""
    issue, _ = Issue.objects.get_or_create(paper=paper, edition=edition, date=date)
    page = Page.objects.filter(issue=issue, source_file=source_file).first()
    if page is not None and page.sha256 == sha256 and not force:
        run.outcome = ImportRun.Outcome.UNCHANGED
        run.counts = page_counts(page)
        return LoadResult(run.outcome, page, run.counts, PageDiff(unchanged=run.counts["articles"]), [], run)

    if parsed is None:  # another writer replaced the stored page since it was looked at
        parsed = parse()
    warnings = list(parsed.warnings)
    plan = _plan(page, parsed)
    if plan.diff.corrections_lost and not discard_corrections:
        raise CorrectionsWouldBeLost(
            "新文件中已没有以下经编辑修改过的文章，导入会删除它们："
            + "、".join(f"《{title}》" for title in plan.diff.corrections_lost)
            + "。请确认后再导入（管理后台勾选确认；命令行加 --force）。"
        )
    if page is None:
        page = Page(issue=issue, source_file=source_file)
    page.label = label
    page.raw_text = text
    page.sha256 = sha256
    page.origin, page.origin_path, page.imported_by = run.source, origin_path, run.user
    page.save()
    article_ids, relinked = _write_articles(page, parsed.articles, plan, date, warnings)
    changed = [pk for index, pk in enumerate(article_ids) if index not in plan.same]
    changed += sorted(relinked - set(changed))
    if changed or plan.removed_ids:
        articles_changed.send(sender=Article, changed=changed, deleted=list(plan.removed_ids))

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
        "meetings": Meeting.objects.filter(articles__page=page).distinct().count(),
        "districts": District.objects.filter(articles__page=page).distinct().count(),
    }


@dataclass
class _Plan:
    """Which stored article each parsed article replaces (by index), which are removed, and the diff.

    ``same`` holds the indexes of parsed articles equal to the stored article they replace, order included;
    ``preserved`` the indexes whose stored article an editor corrected, which is kept as it is.
    """

    diff: PageDiff
    kept: dict[int, int]
    removed_ids: list[int]
    same: set[int] = field(default_factory=set)
    preserved: set[int] = field(default_factory=set)


def _plan(page: Page | None, parsed: ParsedPage) -> _Plan:
    """Pair parsed articles with stored ones by their import-time headline (or body start) and classify
    the differences."""
    stored = {} if page is None else {a.pk: article_record(a) for a in articles_for_export(page.articles.all())}
    imported = {} if page is None else {
        a.pk: (a.source_key, a.corrected_at is not None)
        for a in page.articles.only("pk", "source_key", "corrected_at")
    }
    by_key = defaultdict(list)
    for pk, record in stored.items():
        by_key[imported[pk][0] or _match_key(record)].append(pk)
    corrected = {pk for pk, (_, was_corrected) in imported.items() if was_corrected}
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
        old, new = comparable_content(stored[pk]), comparable_content(record)
        if pk in corrected:
            plan.preserved.add(index)
            diff.corrections_kept.append(_title(stored[pk]))
            if old != new:
                diff.details.append(article_change(old, new, _title(stored[pk]), corrected=True))
        elif old == new:
            diff.unchanged += 1
            if stored[pk]["order"] == record["order"]:
                plan.same.add(index)
        else:
            diff.changed.append(_title(record))
            diff.details.append(article_change(old, new, _title(record)))
    plan.removed_ids = [pk for pk in stored if pk not in kept.values()]
    diff.removed = [_title(stored[pk]) for pk in plan.removed_ids]
    diff.corrections_lost = [_title(stored[pk]) for pk in plan.removed_ids if pk in corrected]
    return plan


def _match_key(record: dict) -> str:
    """What identifies an article of a page across imports (stored as ``Article.source_key``)."""
    return (record["headline"] or record["body"][:40])[: Article._meta.get_field("source_key").max_length]


def _title(record: dict) -> str:
    return Article(headline=record["headline"] or "", kind=record["kind"], body=record["body"]).title


def comparable_content(record: dict) -> dict:
    """An export record's article-level content (no page fields, no order), unordered parts sorted, empties None.

    Two records with equal content show the same article; used for diffs and round-trip checks.
    A meeting counts by its date only: it is an event other articles may report as well, so its
    name, place and people may come from them (the article's own roles are in ``persons``).
    """
    keys = ParsedArticle(order=0).as_export().keys() - {"order", "event_date_precision"}
    content = {key: record[key] or None for key in keys}
    content["districts"] = sorted(record["districts"])
    content["persons"] = [(p["name"], p["titles"], p["roles"]) for p in record["persons"]]
    if meeting := record["meeting"]:
        content["meeting"] = {"date": meeting["date"]}
    return content


def _write_articles(page: Page, articles: list[ParsedArticle], plan: _Plan, date: Date, warnings: list[str]):
    """Rewrite the page's articles from ``articles``; returns their ids in order, and the ids of the articles
    (on this page or elsewhere) whose official facet changed: a bare name linked anew, or a person named there
    who first appears as an official on this page."""
    old_people = _people_on(page)
    names = _names(articles) | set(Person.objects.filter(pk__in=old_people).values_list("name", flat=True))
    officials_before = officials_of(names)
    old_meetings = set(Meeting.objects.filter(articles__page=page).values_list("pk", flat=True))
    Article.objects.filter(pk__in=plan.removed_ids).delete()
    rewritten_ids = [pk for index, pk in plan.kept.items() if index not in plan.preserved]
    Mention.objects.filter(article_id__in=rewritten_ids).delete()
    DistrictLink.objects.filter(article_id__in=rewritten_ids).delete()
    Article.objects.filter(pk__in=rewritten_ids).update(meeting=None)
    Article.objects.filter(pk__in=plan.kept.values()).update(order=F("order") + ORDER_SHIFT)

    districts = {d.name: d for d in District.objects.all()}
    people = PersonResolver(_names(articles))
    events = MeetingMerger([a.meeting for a in articles if a.meeting is not None], old_meetings)
    fit = partial(_fit, warnings=warnings)
    links = defaultdict(list)
    officials: set[int] = set()
    ids = []
    for index, parsed in enumerate(articles):
        if index in plan.preserved:
            Article.objects.filter(pk=plan.kept[index]).update(order=parsed.order)
            ids.append(plan.kept[index])
            continue
        meeting = events.place(parsed.meeting, fit) if parsed.meeting is not None else None
        article = _save_article(page, parsed, plan.kept.get(index), date, warnings, meeting)
        links[DistrictLink] += [
            DistrictLink(article_id=article.pk, district_id=d.pk) for d in _districts(parsed, districts, warnings)
        ]
        persons = _save_mentions(article, parsed, people, warnings, links[Mention])
        officials.update(
            persons[m.name.strip()].pk for m in parsed.persons if m.kind == OFFICIAL and m.name.strip() in persons
        )
        if meeting is not None:
            events.add_people(meeting, parsed.meeting, _meeting_people(parsed, persons, people, warnings))
        ids.append(article.pk)
    for model, rows in links.items():
        model.objects.bulk_create(rows)
    events.save_people()
    promoted = Person.objects.filter(pk__in=officials).exclude(kind=OFFICIAL)
    promoted_in = set(Mention.objects.filter(person__in=promoted).values_list("article_id", flat=True))
    promoted.update(kind=OFFICIAL)
    linked = link_names(names, around=date, officials_before=officials_before)
    order = {pk: parsed.order for pk, parsed in zip(ids, articles, strict=True)}
    for article_id, name, link in linked.decided:
        if article_id in order and link in UNDECIDED_WARNINGS:
            warnings.append(f"第{order[article_id]}篇：“{name}”{UNDECIDED_WARNINGS[link]}，已列入待核对人物。")
    delete_orphans(old_people)
    return ids, linked.relinked_articles | promoted_in


def _people_on(page: Page) -> set[int]:
    """Ids of everyone the page's articles mention or whose meetings they report."""
    ids = set(Mention.objects.filter(article__page=page).values_list("person_id", flat=True))
    for relation in (Meeting.presided_by, Meeting.speakers, Meeting.attendees):
        ids.update(relation.through.objects.filter(meeting__articles__page=page).values_list("person_id", flat=True))
    return ids


def _names(articles: list[ParsedArticle]) -> set[str]:
    names = {p.name.strip() for a in articles for p in a.persons}
    for meeting in filter(None, (a.meeting for a in articles)):
        names.update(n.strip() for n in (*meeting.presided_by, *meeting.speakers, *meeting.attended_by))
    return names


def _save_article(
    page: Page, parsed: ParsedArticle, pk: int | None, date: Date, warnings: list[str], meeting: Meeting | None
) -> Article:
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
        event_date_precision=parsed.event_date_precision or "",
        continued_to=_fit(Article, "continued_to", parsed.continued_to or "", warnings),
        source_key=_match_key(parsed.as_export()),
        meeting=meeting,
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


def _meeting_people(parsed: ParsedArticle, persons: dict[str, Person], people, warnings: list[str]):
    """name → Person for each name of the article's meeting record: the person its mention resolved to, else by name."""
    record = parsed.meeting
    names = dict.fromkeys(n.strip() for n in (*record.presided_by, *record.speakers, *record.attended_by))
    return {n: persons.get(n) or people.resolve(n, []) for n in names if _valid_name(n, parsed.order, warnings)}


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


class PersonResolver:
    """Finds the Person a name refers to during one load, creating one when the name is new.

    Names are not unique: among several people with the name, the one whose
    known titles overlap the stated ones wins (a title matches with or without
    its organisation prefix: 副市长 ~ 焦作市副市长), else the oldest. People holding
    unsure bare names (``archive.linking.HELD_NOTE``) are nobody's namesakes here: which
    official a bare name is, is decided after the page is written (``archive.linking``).
    """

    def __init__(self, names=()):
        self._known: dict[str, list[tuple[Person, set[str]]]] = {name: [] for name in names}
        for person in self._namesakes().filter(name__in=self._known):
            self._known[person.name].append((person, set()))
        self._load_titles([c for c in self._known.values() if len(c) > 1])

    @staticmethod
    def _namesakes():
        return Person.objects.exclude(note=HELD_NOTE).order_by("pk")

    def resolve(self, name: str, titles: list[str]) -> Person:
        candidates = self._known.get(name)
        if candidates is None:
            candidates = self._known[name] = [(p, set()) for p in self._namesakes().filter(name=name)]
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
