"""One meeting per event: articles reporting the same event share one Meeting (invented pages)."""
from datetime import date

import pytest
from django.urls import reverse

from archive import loading
from archive.ingest.records import MeetingRecord, ParsedArticle, ParsedPage, PersonMention
from archive.loading import load_page
from archive.meeting_merge import Event, name_similarity
from archive.models import Article, Meeting, Person

pytestmark = pytest.mark.django_db
DAY = date(2019, 3, 6)
EVENT_DAY = date(2019, 3, 5)


@pytest.fixture
def pages(monkeypatch):
    """``pages[source_file] = [ParsedArticle, …]``; ``load(source_file)`` imports that page as parsed there."""
    parsed: dict[str, list[ParsedArticle]] = {}

    def parse(text, *args, deadline=None):
        return ParsedPage(articles=parsed[text])

    monkeypatch.setattr(loading, "parse_page", parse)
    return parsed


def load(name, **options):
    return load_page(name, source_file=f"{name}.txt", date=DAY, **options)


def report(order, headline, meeting, roles):
    """An article reporting ``meeting``; ``roles`` maps each name to its roles in this article."""
    persons = [PersonMention(name, [], list(r)) for name, r in roles.items()]
    return ParsedArticle(order=order, headline=headline, paragraphs=[f"{headline}的正文。"], persons=persons,
                         meeting=meeting)


VISIT = MeetingRecord(
    "会见某集团高层", EVENT_DAY, "迎宾馆", speakers=["柏晓川", "蔺雪峰"], attended_by=["柯文山"]
)
CAPTION = MeetingRecord(
    "会见某集团董事长蔺雪峰一行", EVENT_DAY, "迎宾馆", attended_by=["柏晓川", "柯文山", "蔺雪峰"]
)


def people_of(meeting):
    return {
        role: sorted(p.name for p in getattr(meeting, role).all()) for role in ("presided_by", "speakers", "attendees")
    }


def test_two_reports_of_one_visit_are_one_meeting_with_each_person_once(pages):
    pages["一版"] = [report(1, "柏晓川会见某集团高层", VISIT, {"柏晓川": ["spoke"], "蔺雪峰": ["spoke"],
                                                              "柯文山": ["attended"]})]
    pages["二版"] = [
        ParsedArticle(order=1, paragraphs=["图为会见现场。"], kind="photo", meeting=CAPTION,
                      persons=[PersonMention(n, [], ["attended"]) for n in ("柏晓川", "柯文山", "蔺雪峰")]),
    ]
    load("一版")
    load("二版")
    meeting = Meeting.objects.get()
    assert meeting.articles.count() == 2
    assert (meeting.name, meeting.location) == ("会见某集团高层", "迎宾馆")
    assert people_of(meeting) == {"presided_by": [], "speakers": ["柏晓川", "蔺雪峰"], "attendees": ["柯文山"]}


def test_meeting_and_person_pages_list_the_event_once_with_all_its_articles(client, pages):
    test_two_reports_of_one_visit_are_one_meeting_with_each_person_once(pages)
    meeting = Meeting.objects.get()
    html = client.get(meeting.get_absolute_url()).content.decode()
    for article in Article.objects.all():
        assert article.get_absolute_url() in html
    assert "图片说明：图为会见现场。" in html
    person = Person.objects.get(name="柏晓川")
    html = client.get(person.get_absolute_url()).content.decode()
    assert html.count(meeting.get_absolute_url()) == 1
    listed = client.get(reverse("archive:meeting_list"), {"official": person.pk}).context["meetings"]
    assert [m.pk for m in listed] == [meeting.pk]


def test_same_day_different_meetings_of_the_same_people_stay_apart(pages):
    other = MeetingRecord("全市防汛工作推进会", EVENT_DAY, None, presided_by=["柏晓川"], attended_by=["柯文山"])
    elsewhere = MeetingRecord("会见某集团高层", EVENT_DAY, "市委会议室", speakers=["柏晓川"])
    later = MeetingRecord("会见某集团高层", date(2019, 3, 6), "迎宾馆", speakers=["柏晓川"])
    pages["一版"] = [
        report(1, "会见", VISIT, {"柏晓川": ["spoke"], "蔺雪峰": ["spoke"], "柯文山": ["attended"]}),
        report(2, "防汛", other, {"柏晓川": ["presided"], "柯文山": ["attended"]}),
        report(3, "另一会见", elsewhere, {"柏晓川": ["spoke"]}),
        report(4, "次日会见", later, {"柏晓川": ["spoke"]}),
    ]
    load("一版")
    assert Meeting.objects.count() == 4


def test_a_report_naming_nobody_joins_the_meeting_of_the_same_name():
    named = Event(1, "美丽乡村建设动员大会", EVENT_DAY, "", {"柏晓川"}, {"柏晓川"})
    scene = Event(2, "美丽乡村建设动员大会", EVENT_DAY, "", set(), set())
    strangers = Event(3, "美丽乡村建设动员大会", EVENT_DAY, "", {"柯文山"}, {"柯文山"})
    assert named.is_same_event(scene)
    assert not named.is_same_event(strangers)
    assert not Event(4, "会议", None, "", set(), set()).is_same_event(Event(5, "会议", None, "", set(), set()))


@pytest.mark.parametrize(
    ("first", "second", "same"),
    [
        ("会见某集团高层", "会见某集团董事长蔺雪峰一行", True),
        ("农村人居环境整治工作推进会", "冬季大气污染防治工作推进会", False),
        ("专题会议", "专题会议", True),
        ("专题会议", "常务会议", False),
    ],
)
def test_names_are_compared_without_their_generic_words(first, second, same):
    assert (name_similarity(first, second) >= 0.4) is same


def test_reimporting_one_report_keeps_the_shared_meeting_for_the_other(pages):
    test_two_reports_of_one_visit_are_one_meeting_with_each_person_once(pages)
    meeting_id = Meeting.objects.get().pk
    pages["一版"] = [ParsedArticle(order=1, headline="另一条消息", paragraphs=["正文。"])]
    load("一版", force=True)
    meeting = Meeting.objects.get()
    assert meeting.pk == meeting_id
    assert [a.kind for a in meeting.articles.all()] == ["photo"]
    assert people_of(meeting) == {"presided_by": [], "speakers": [], "attendees": ["柏晓川", "柯文山", "蔺雪峰"]}
    pages["二版"] = [ParsedArticle(order=1, headline="又一条消息", paragraphs=["正文。"])]
    load("二版", force=True)
    assert not Meeting.objects.exists()


def test_forced_reimport_of_an_unchanged_page_keeps_its_meeting_and_reports_nothing_changed(pages):
    test_two_reports_of_one_visit_are_one_meeting_with_each_person_once(pages)
    meeting_id = Meeting.objects.get().pk
    result = load("二版", force=True)
    assert (result.diff.changed, result.diff.unchanged) == ([], 1)
    assert Meeting.objects.get().pk == meeting_id
