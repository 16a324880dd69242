"""load_page / preview_page: idempotent, atomic per file, people reused, every attempt audited."""
from datetime import date
from pathlib import Path

import pytest

from archive import linking, loading
from archive.export import export_records
from archive.ingest.pipeline import parse_page
from archive.ingest.records import MeetingRecord, ParsedArticle, ParsedPage, PersonMention
from archive.loading import PageImportError, comparable_content, load_page, preview_page
from archive.models import Article, ImportRun, Issue, Meeting, Mention, Page, Person
from archive.signals import articles_changed

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
FILE = "000_aa96861d60fbaec3.txt"
DAY = date(2016, 9, 2)
RAW = (SEEDS / FILE).read_bytes()

pytestmark = pytest.mark.django_db


def snapshot():
    """Every row the loader writes, ids included, and the export."""
    return {
        "issues": list(Issue.objects.values_list("pk", "paper", "edition", "date")),
        "pages": list(Page.objects.values_list("pk", "sha256", "label", "imported_at")),
        "articles": list(Article.objects.order_by("pk").values_list("pk", "order", "headline", "body", "meeting")),
        "people": list(Person.objects.order_by("pk").values_list("pk", "name")),
        "mentions": list(Mention.objects.order_by("pk").values_list("pk", "article", "person", "titles", "roles")),
        "meetings": list(Meeting.objects.order_by("pk").values_list("pk", "name")),
        "export": list(export_records()),
    }


def load(data=RAW, **options):
    return load_page(data, **{"source_file": FILE, "date": DAY, **options})


def page_of(*articles):
    """A fixed parse result, for rules that must not depend on how well the importer stages do today."""
    return ParsedPage(articles=list(articles), warnings=["测试警告"])


def article(order, headline, body, persons=(), meeting=None, districts=()):
    return ParsedArticle(
        order=order, headline=headline, paragraphs=[body], persons=list(persons), meeting=meeting,
        districts=list(districts),
    )


@pytest.fixture
def fixed_parse(monkeypatch):
    """Make ``parse_page`` return the ParsedPage put in ``fixed_parse.page``."""
    class Fixed:
        page = page_of()

    monkeypatch.setattr(loading, "parse_page", lambda *args, **kwargs: Fixed.page)
    return Fixed


@pytest.fixture
def sent():
    """The ``articles_changed`` signals sent during the test (inside each import's transaction)."""
    received = []

    def receiver(**kwargs):
        received.append(kwargs)

    articles_changed.connect(receiver)
    yield received
    articles_changed.disconnect(receiver)


def test_import_stores_what_the_importer_found():
    result = load(label="01")
    parsed = parse_page(RAW.decode("utf-8"), DAY, "焦作日报", loading.gazetteer_from_db())
    assert result.outcome == ImportRun.Outcome.IMPORTED
    expected = [comparable_content(a.as_export()) for a in parsed.articles]
    assert [comparable_content(r) for r in export_records()] == expected
    page = Page.objects.get()
    assert (page.issue.date, page.issue.edition, page.label, page.source_file) == (DAY, "焦作日报", "01", FILE)
    assert result.counts["articles"] == len(parsed.articles) == page.articles.count()
    assert result.counts["mentions"] == Mention.objects.count()
    assert result.diff.added and not result.diff.changed and not result.diff.removed
    run = ImportRun.objects.get()
    assert (run.outcome, run.files, run.source) == ("imported", [FILE], "command")


def test_reimporting_the_same_file_writes_nothing(sent, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        load()
    assert len(sent) == 1
    before = snapshot()
    with django_capture_on_commit_callbacks(execute=True):
        again = load()
        same_text_in_gbk = load(RAW.decode("utf-8").encode("gbk"))
    assert again.outcome == same_text_in_gbk.outcome == ImportRun.Outcome.UNCHANGED
    assert snapshot() == before
    assert len(sent) == 1
    assert list(ImportRun.objects.order_by("pk").values_list("outcome", flat=True)) == [
        "imported", "unchanged", "unchanged"
    ]


def test_same_file_name_in_another_issue_is_another_page():
    load()
    load(date=date(2016, 9, 3))
    load(edition="示范区")
    assert Page.objects.count() == 3
    assert Issue.objects.count() == 3


def test_changed_file_replaces_articles_keeping_ids_of_those_still_there(
    fixed_parse, sent, django_capture_on_commit_callbacks
):
    meeting = MeetingRecord("甲会议", presided_by=["张三"])
    fixed_parse.page = page_of(
        article(1, "甲会议召开", "甲的正文。", [PersonMention("张三", ["市长"])], meeting),
        article(2, "乙项目开工", "乙的正文。", [PersonMention("李四", ["局长"])]),
    )
    load(b"\xe7\xac\xac\xe4\xb8\x80\xe7\x89\x88")
    kept_id = Article.objects.get(headline="甲会议召开").pk
    removed_id = Article.objects.get(headline="乙项目开工").pk
    fixed_parse.page = page_of(
        article(1, "新的头条", "丙的正文。", [PersonMention("王五", ["主任"])]),
        article(2, "甲会议召开", "甲的正文已修改。", [PersonMention("张三", ["市长"])]),
    )
    sent.clear()
    with django_capture_on_commit_callbacks(execute=True):
        result = load("第一版，改过".encode())

    assert result.outcome == ImportRun.Outcome.IMPORTED
    diff = result.diff
    assert (diff.added, diff.changed, diff.removed) == (["新的头条"], ["甲会议召开"], ["乙项目开工"])
    rows = list(Article.objects.order_by("order").values_list("pk", "order", "headline", "body"))
    assert rows[1] == (kept_id, 2, "甲会议召开", "甲的正文已修改。")
    assert rows[0][0] not in (kept_id, removed_id)
    assert not Meeting.objects.exists()
    assert sorted(Person.objects.values_list("name", flat=True)) == ["张三", "王五"], "李四 was only on the old page"
    assert Page.objects.get().raw_text == "第一版，改过"
    assert len(sent) == 1
    assert sent[0]["changed"] == [rows[0][0], kept_id]
    assert sent[0]["deleted"] == [removed_id]


def test_failure_mid_load_leaves_the_database_as_it_was(fixed_parse, monkeypatch):
    fixed_parse.page = page_of(article(1, "甲会议召开", "甲的正文。", [PersonMention("张三", ["市长"])]))
    load("第一版".encode())
    before = snapshot()
    fixed_parse.page = page_of(
        article(1, "新的头条", "新的正文。", [PersonMention("王五", ["主任"])]),
        article(2, "第二篇", "第二篇正文。", meeting=MeetingRecord("某会议")),
    )

    def broken_meeting(*args):
        raise RuntimeError("磁盘已满")

    monkeypatch.setattr(loading.MeetingMerger, "save_people", broken_meeting)
    with pytest.raises(PageImportError, match="磁盘已满") as raised:
        load("第一版，改过".encode(), date=DAY)
    assert snapshot() == before
    assert raised.value.import_run.outcome == ImportRun.Outcome.FAILED
    failed = ImportRun.objects.get(outcome="failed")
    assert "磁盘已满" in failed.error and "Traceback" in failed.error
    assert failed.files == [FILE]


def test_failure_on_a_new_issue_creates_nothing(fixed_parse, monkeypatch):
    fixed_parse.page = page_of(article(1, "甲", "正文。", [PersonMention("张三")]))
    monkeypatch.setattr(loading, "_save_mentions", lambda *args: (_ for _ in ()).throw(ValueError("坏数据")))
    with pytest.raises(PageImportError):
        load("第一版".encode())
    assert not Issue.objects.exists() and not Page.objects.exists() and not Person.objects.exists()
    assert ImportRun.objects.get().outcome == ImportRun.Outcome.FAILED


@pytest.mark.parametrize(("data", "message"), [(b"", "为空"), (b"\x00\x01binary", "二进制"), (b"no chinese", "汉字")])
def test_undecodable_files_are_refused_and_recorded(data, message):
    with pytest.raises(PageImportError, match=message) as raised:
        load(data)
    assert str(raised.value).startswith(FILE)
    assert not Issue.objects.exists()
    run = ImportRun.objects.get()
    assert run.outcome == ImportRun.Outcome.FAILED and message in run.error


def test_people_are_reused_by_name_and_title_overlap(fixed_parse):
    older = Person.objects.create(name="张伟")
    namesake = Person.objects.create(name="张伟", note="另一人")
    fixed_parse.page = page_of(article(1, "旧闻", "旧的正文。", [PersonMention("张伟", ["市人大常委会副主任"])]))
    load("旧版".encode(), source_file="old.txt")
    assert Mention.objects.get().person == older, "without titles known, the oldest namesake is taken"
    Mention.objects.filter(person=older).update(person=namesake)

    fixed_parse.page = page_of(
        article(1, "会议", "正文。", [PersonMention("张伟", ["副主任"]), PersonMention("", ["市长"])]),
        article(2, "另一篇", "正文二。", [PersonMention("李娜", ["校长"])]),
        article(3, "第三篇", "正文三。", [PersonMention("李娜", [])]),
    )
    load("新版".encode(), source_file="new.txt")
    page = Page.objects.get(source_file="new.txt")
    assert Mention.objects.get(article__page=page, person__name="张伟").person == namesake
    assert Person.objects.filter(name="李娜").count() == 1
    assert not Person.objects.filter(name="").exists()


def test_meeting_people_and_duplicate_mentions_are_stored_once(fixed_parse):
    meeting = MeetingRecord("座谈会", date(2016, 9, 1), "市委", presided_by=["张三"], speakers=["张三", "赵六"])
    fixed_parse.page = page_of(
        article(
            1,
            "座谈会召开",
            "正文。",
            [PersonMention("张三", ["市长"]), PersonMention("张三", ["书记"], ["presided"])],
            meeting,
            ["温县", "不存在县"],
        ),
    )
    result = load("一版".encode())
    record = next(export_records())
    assert record["persons"] == [{"name": "张三", "titles": ["市长", "书记"], "roles": ["presided"]}]
    assert record["meeting"]["presided_by"] == ["张三"]
    assert record["meeting"]["speakers"] == ["赵六"], "张三 presided: their strongest role"
    assert record["districts"] == ["温县"]
    assert any("不存在县" in w for w in result.warnings)
    assert "测试警告" in result.warnings


def test_preview_writes_nothing_and_diffs_against_the_stored_page():
    preview = preview_page(RAW, source_file=FILE, date=DAY)
    assert preview.existing is None and not preview.unchanged
    assert len(preview.diff.added) == len(preview.parsed.articles)
    assert not Page.objects.exists() and not ImportRun.objects.exists()

    load()
    again = preview_page(RAW, source_file=FILE, date=DAY)
    assert again.unchanged and again.existing == Page.objects.get()
    assert again.diff.unchanged == len(again.parsed.articles)
    assert not again.diff.added and not again.diff.changed and not again.diff.removed
    assert ImportRun.objects.count() == 1


def test_force_reparses_an_unchanged_file_and_reports_no_change(sent, django_capture_on_commit_callbacks):
    load()
    ids = list(Article.objects.values_list("pk", flat=True))
    sent.clear()
    with django_capture_on_commit_callbacks(execute=True):
        result = load(force=True)
    assert result.outcome == ImportRun.Outcome.IMPORTED
    assert list(Article.objects.values_list("pk", flat=True)) == ids
    assert result.diff.unchanged == len(ids)
    assert sent == []


def test_kind_and_event_date_precision_are_stored(fixed_parse):
    official = PersonMention("罗春华", ["副县长"], kind="official")
    dated = article(1, "会议", "正文。", [official, PersonMention("贺明轩", ["某公司董事长"])])
    dated.event_date, dated.event_date_precision = date(2016, 9, 1), "day"
    fixed_parse.page = page_of(dated, article(2, "另一篇", "正文二。", [PersonMention("罗春华", [])]))
    load()
    assert dict(Person.objects.values_list("name", "kind")) == {"罗春华": "official", "贺明轩": "other"}
    assert list(Article.objects.order_by("order").values_list("event_date_precision", flat=True)) == ["day", ""]


def test_a_bare_name_links_to_the_one_official_of_that_name_near_its_date(fixed_parse):
    def load_on(day, mention, source):
        fixed_parse.page = page_of(article(1, "会议", f"{source}正文。", [mention]))
        return load(f"{source}版面".encode(), source_file=f"{source}.txt", date=day)

    load_on(date(2010, 3, 1), PersonMention("韦东林", ["副县长"], kind="official"), "a")
    earlier = Person.objects.get(name="韦东林")
    later = Person.objects.create(name="韦东林", note="另一人", kind=Person.Kind.OFFICIAL)
    load_on(date(2016, 5, 1), PersonMention("宋嘉", []), "b")
    article_b = Article.objects.get(body="b正文。")
    Mention.objects.create(article=article_b, person=later, titles=["县委书记"], position=1)

    load_on(date(2016, 6, 1), PersonMention("韦东林", []), "c")
    assert Mention.objects.get(article__body="c正文。").person == later

    Mention.objects.create(article=article_b, person=earlier, titles=["副县长"], position=2)
    result = load_on(date(2016, 7, 1), PersonMention("韦东林", []), "d")
    held = Mention.objects.get(article__body="d正文。").person
    assert held not in (earlier, later) and held.note == linking.HELD_NOTE
    assert any("韦东林" in w and "待核对" in w for w in result.warnings)
