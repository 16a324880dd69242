"""Merging and splitting people, and inline article corrections, through the admin and the ORM functions."""
from datetime import date

import pytest
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.urls import reverse

from archive.corrections import merge_people, split_person
from archive.models import Article, District, Issue, Mention, Page, Person
from archive.signals import articles_changed
from tests.browse.sample_archive import reported_meeting

pytestmark = pytest.mark.django_db


@pytest.fixture
def page(db):
    issue = Issue.objects.create(date=date(2016, 9, 2))
    return Page.objects.create(issue=issue, source_file="a.txt", raw_text="本报讯", sha256="0" * 64)


def make_article(page, order, headline="标题"):
    return Article.objects.create(
        page=page, order=order, headline=f"{headline}{order}", publication_date=page.issue.date
    )


@pytest.fixture
def announced():
    """Article ids sent with ``articles_changed`` during the test."""
    seen = []

    def receiver(sender, changed=(), deleted=(), **kwargs):
        seen.extend(changed)

    articles_changed.connect(receiver, dispatch_uid="test-corrections")
    yield seen
    articles_changed.disconnect(dispatch_uid="test-corrections")


@pytest.fixture
def duplicates(page):
    """One official stored twice: both in article 1 (the unique constraint case), only the copy in article 2."""
    first, second, third = (make_article(page, n) for n in (1, 2, 3))
    kept = Person.objects.create(name="张明")
    copy = Person.objects.create(name="张明")
    Mention.objects.create(article=first, person=kept, position=3, titles=["市长"], roles=["spoke"])
    Mention.objects.create(article=first, person=copy, position=1, titles=["市委副书记", "市长"], roles=["attended"])
    Mention.objects.create(article=second, person=copy, position=0, titles=["副书记"], roles=["presided"])
    meeting = reported_meeting(third, name="常务会议")
    meeting.presided_by.add(copy)
    meeting.attendees.add(kept, copy)
    return kept, copy, (first, second, third), meeting


def test_merge_moves_mentions_merges_titles_and_roles(duplicates, announced, django_capture_on_commit_callbacks):
    kept, copy, (first, second, third), meeting = duplicates
    with django_capture_on_commit_callbacks(execute=True):
        affected = merge_people(kept, [copy])
    assert not Person.objects.filter(pk=copy.pk).exists()
    merged = Mention.objects.get(article=first)
    assert merged.person == kept
    assert merged.titles == ["市长", "市委副书记"] and merged.roles == ["spoke", "attended"] and merged.position == 1
    assert Mention.objects.get(article=second).person == kept
    assert list(meeting.presided_by.all()) == [kept] and list(meeting.attendees.all()) == [kept]
    assert affected == {first.pk, second.pk, third.pk}
    assert set(announced) >= affected


def test_merging_an_official_into_someone_else_makes_them_an_official_everywhere(page, announced):
    own, copied = make_article(page, 1), make_article(page, 2)
    target = Person.objects.create(name="张明")
    official = Person.objects.create(name="张明", kind=Person.Kind.OFFICIAL)
    Mention.objects.create(article=own, person=target)
    Mention.objects.create(article=copied, person=official, titles=["副县长"])
    merge_people(target, [official])
    assert Person.objects.get(pk=target.pk).kind == Person.Kind.OFFICIAL
    assert sorted(announced) == [own.pk, copied.pk]


def test_merge_through_the_admin_action_asks_for_the_target(editor_client, duplicates):
    kept, copy, *_ = duplicates
    url = reverse("admin:archive_person_changelist")
    data = {"action": "merge_selected", ACTION_CHECKBOX_NAME: [kept.pk, copy.pk]}
    chooser = editor_client.post(url, data)
    assert chooser.status_code == 200 and "确认合并" in chooser.content.decode()
    assert Person.objects.count() == 2

    done = editor_client.post(url, {**data, "target": copy.pk}, follow=True)
    assert "已将 1 个人物合并" in done.content.decode()
    assert list(Person.objects.all()) == [copy]
    assert Mention.objects.filter(person=copy).count() == 2


def test_merge_needs_two_people(editor_client, duplicates):
    kept, *_ = duplicates
    response = editor_client.post(
        reverse("admin:archive_person_changelist"),
        {"action": "merge_selected", ACTION_CHECKBOX_NAME: [kept.pk]},
        follow=True,
    )
    assert "请至少选择两个人物" in response.content.decode()
    assert Person.objects.count() == 2


def test_split_moves_chosen_mentions_and_their_meeting_roles(page, announced, django_capture_on_commit_callbacks):
    first, second = make_article(page, 1), make_article(page, 2)
    person = Person.objects.create(name="李华")
    stays = Mention.objects.create(article=first, person=person, titles=["县长"])
    moves = Mention.objects.create(article=second, person=person, titles=["校长"])
    meeting = reported_meeting(second, name="开学典礼")
    meeting.speakers.add(person)
    with django_capture_on_commit_callbacks(execute=True):
        newcomer = split_person(person, [moves], note="某中学校长")
    assert (newcomer.name, newcomer.note) == ("李华", "某中学校长")
    assert Mention.objects.get(pk=moves.pk).person == newcomer
    assert Mention.objects.get(pk=stays.pk).person == person
    assert list(meeting.speakers.all()) == [newcomer]
    assert announced == [second.pk]


@pytest.mark.parametrize("kind", Person.Kind.values)
def test_the_person_split_off_keeps_the_kind(page, kind):
    first, second = make_article(page, 1), make_article(page, 2)
    person = Person.objects.create(name="李华", kind=kind)
    Mention.objects.create(article=first, person=person, titles=["县长"])
    moves = Mention.objects.create(article=second, person=person, titles=["副县长"])
    assert split_person(person, [moves], note="另一位").kind == kind


def test_split_refuses_someone_elses_mentions(page):
    article = make_article(page, 1)
    person, other = Person.objects.create(name="李华"), Person.objects.create(name="王强")
    foreign = Mention.objects.create(article=article, person=other)
    with pytest.raises(ValueError, match="不属于"):
        split_person(person, [foreign], note="x")
    with pytest.raises(ValueError, match="至少选择"):
        split_person(person, [], note="x")
    assert Person.objects.count() == 2


def test_split_through_the_admin(editor_client, page):
    first, second = make_article(page, 1), make_article(page, 2)
    person = Person.objects.create(name="李华")
    Mention.objects.create(article=first, person=person, titles=["县长"])
    moves = Mention.objects.create(article=second, person=person, titles=["校长"])
    url = reverse("admin:archive_person_split", args=[person.pk])
    change = editor_client.get(reverse("admin:archive_person_change", args=[person.pk])).content.decode()
    assert url in change
    form = editor_client.get(url).content.decode()
    assert "校长" in form and "标题2" in form

    missing_note = editor_client.post(url, {"mentions": [moves.pk]})
    assert missing_note.status_code == 200 and Person.objects.count() == 1

    done = editor_client.post(url, {"mentions": [moves.pk], "note": "某中学校长"})
    newcomer = Person.objects.get(note="某中学校长")
    assert done.url == reverse("admin:archive_person_change", args=[newcomer.pk])
    assert list(newcomer.mentions.all()) == [moves]


def inline_data(article, mentions, **changes):
    """The article change form's POST data with its mention inline rows."""
    data = {
        "kind": article.kind, "headline": article.headline, "subtitles": "", "publication_date": "2016-09-02",
        "event_date": "", "reporters": "", "contributors": "", "photographers": "", "body": article.body,
        "continued_to": "", "mentions-TOTAL_FORMS": len(mentions), "mentions-INITIAL_FORMS": len(mentions),
        "mentions-MIN_NUM_FORMS": 0, "mentions-MAX_NUM_FORMS": 1000, "_save": "保存",
    }
    for index, (mention, titles, roles) in enumerate(mentions):
        data.update({
            f"mentions-{index}-id": mention.pk, f"mentions-{index}-article": article.pk,
            f"mentions-{index}-person": mention.person_id, f"mentions-{index}-position": mention.position,
            f"mentions-{index}-titles": titles, f"mentions-{index}-roles": roles,
        })
    return {**data, **changes}


def test_article_and_mentions_are_corrected_inline(editor_client, page):
    article = make_article(page, 1)
    person = Person.objects.create(name="李华")
    mention = Mention.objects.create(article=article, person=person, titles=["县长"], roles=["spoke"])
    district = District.objects.first()
    url = reverse("admin:archive_article_change", args=[article.pk])
    form = editor_client.get(url).content.decode()
    assert 'value="县长"' in form and 'value="讲话"' in form

    data = inline_data(
        article, [(mention, "市委常委、副市长", "主持，讲话")],
        headline="改正后的标题", kind="brief", event_date="2016-09-01", reporters="甲、乙",
        subtitles="引题一\n副题、二", districts=[district.pk],
    )
    response = editor_client.post(url, data)
    assert response.status_code == 302, response.context["errors"]
    article.refresh_from_db()
    mention.refresh_from_db()
    assert (article.headline, article.kind, article.event_date) == ("改正后的标题", "brief", date(2016, 9, 1))
    assert article.reporters == ["甲", "乙"] and article.subtitles == ["引题一", "副题、二"]
    assert list(article.districts.all()) == [district]
    assert mention.titles == ["市委常委", "副市长"] and mention.roles == ["presided", "spoke"]


def test_unknown_role_is_refused(editor_client, page):
    article = make_article(page, 1)
    mention = Mention.objects.create(article=article, person=Person.objects.create(name="李华"), roles=["spoke"])
    url = reverse("admin:archive_article_change", args=[article.pk])
    response = editor_client.post(url, inline_data(article, [(mention, "", "讲话、唱歌")]))
    assert response.status_code == 200 and "未知角色：唱歌" in response.content.decode()
    mention.refresh_from_db()
    assert mention.roles == ["spoke"]


def test_editor_adds_an_article_to_a_page(editor_client, page):
    url = reverse("admin:archive_article_add")
    data = inline_data(Article(kind="notice", headline="补录的通知"), [], page=page.pk, order=5, body="正文")
    data.update({"mentions-INITIAL_FORMS": 0})
    response = editor_client.post(url, data)
    assert response.status_code == 302, response.context["errors"]
    added = Article.objects.get(page=page, order=5)
    assert (added.headline, added.kind, added.body) == ("补录的通知", "notice", "正文")
