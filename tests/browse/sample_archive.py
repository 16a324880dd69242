"""A small archive built through the ORM for browse and browser tests.

Three people (one a 市长 who later appears only as 市长, so the title timeline
has two spans), two editions on one day, a continued article, a meeting, a
photo without headline, and issues in 2014, 2016 and 2020 (2015 empty, so the
histogram has a gap).
"""
from dataclasses import dataclass, field
from datetime import date

from archive.models import Article, District, DistrictAlias, Issue, Meeting, Mention, Page, Person

RAW_TEXT = "原版第一行\n市委常委会召开会议\n本报讯（记者 周文）9月1日……\n（下转02版）\n"


@dataclass
class SampleArchive:
    secretary: Person
    mayor: Person
    county_head: Person
    main_issue: Issue
    district_issue: Issue
    later_issue: Issue
    lead: Article
    photo: Article
    last_on_page: Article
    continuation_page: Page
    meeting: Meeting
    wenxian: District
    extra: list = field(default_factory=list)


def reported_meeting(*articles, **fields):
    """A new meeting with ``fields``, reported by ``articles``."""
    meeting = Meeting.objects.create(**fields)
    Article.objects.filter(pk__in=[a.pk for a in articles]).update(meeting=meeting)
    for article in articles:
        article.meeting = meeting
    return meeting


def add_article(page, order, headline, *, people=(), districts=(), **fields):
    """An article on ``page`` mentioning ``people`` as (person, titles, roles) triples."""
    fields.setdefault("body", f"{headline or '图片'}的正文第一段。\n正文第二段。")
    article = Article.objects.create(
        page=page, order=order, headline=headline, publication_date=page.issue.date, **fields
    )
    for position, (person, titles, roles) in enumerate(people):
        Mention.objects.create(article=article, person=person, position=position, titles=titles, roles=roles)
    article.districts.set(districts)
    return article


def build_sample_archive():
    wenxian = District.objects.get(slug="wenxian")
    wuzhi = District.objects.get(slug="wuzhi")
    DistrictAlias.objects.get_or_create(name="样例镇", defaults={"district": wenxian, "kind": DistrictAlias.Kind.TOWN})
    secretary = Person.objects.create(name="周立成")
    mayor = Person.objects.create(name="吴海川")
    county_head = Person.objects.create(name="郑秋实", note="温县")

    main_issue = Issue.objects.create(date=date(2016, 9, 2), edition="焦作日报")
    front = Page.objects.create(issue=main_issue, label="01", source_file="a.txt", raw_text=RAW_TEXT, sha256="a")
    second = Page.objects.create(issue=main_issue, label="02", source_file="b.txt", raw_text="第二版", sha256="b")
    lead = add_article(
        front, 1, "市委常委会召开会议",
        subtitles=["研究部署秋季重点工作"],
        reporters=["周文"], contributors=["钱雨"],
        continued_to="02版",
        event_date=date(2016, 9, 1),
        people=[
            (secretary, ["市委书记"], ["presided"]),
            (mayor, ["市委副书记", "市长"], ["spoke"]),
            (county_head, ["温县县长"], ["attended"]),
        ],
        districts=[wenxian],
    )
    photo = add_article(
        front, 2, "", kind=Article.Kind.PHOTO, body="秋收时节，农民在田间劳作。", photographers=["孙影"]
    )
    last_on_page = add_article(front, 3, "武陟县推进产业集聚", people=[(mayor, ["市长"], ["mentioned"])],
                               districts=[wuzhi])
    add_article(second, 1, "市委常委会召开会议（续）", people=[(secretary, ["市委书记"], ["mentioned"])])
    meeting = reported_meeting(lead, name="市委常委会会议", date=date(2016, 9, 1), location="市委会议室")
    meeting.presided_by.set([secretary])
    meeting.speakers.set([mayor])
    meeting.attendees.set([county_head])

    district_issue = Issue.objects.create(date=date(2016, 9, 2), edition="示范区")
    district_page = Page.objects.create(issue=district_issue, source_file="c.txt", raw_text="示范区版", sha256="c")
    add_article(district_page, 1, "示范区一周动态", people=[(county_head, ["温县县长"], ["mentioned"])],
                districts=[wenxian])

    later_issue = Issue.objects.create(date=date(2020, 12, 21), edition="示范区")
    later_page = Page.objects.create(issue=later_issue, source_file="d.txt", raw_text="后来的版面", sha256="d")
    add_article(later_page, 1, "市长调研冬季供暖", people=[(mayor, ["市长"], ["mentioned"])], districts=[wenxian])

    early_issue = Issue.objects.create(date=date(2014, 4, 17), edition="示范区")
    early_page = Page.objects.create(issue=early_issue, source_file="e.txt", raw_text="早期版面", sha256="e")
    add_article(early_page, 1, "示范区召开动员大会")

    return SampleArchive(
        secretary=secretary, mayor=mayor, county_head=county_head,
        main_issue=main_issue, district_issue=district_issue, later_issue=later_issue,
        lead=lead, photo=photo, last_on_page=last_on_page, continuation_page=second,
        meeting=meeting, wenxian=wenxian,
    )


def add_filler_articles(archive, count):
    """``count`` more articles on the main issue's front page, each with a meeting, people and a district,
    so list pages can be checked for query counts that do not grow with the data."""
    front = archive.lead.page
    start = front.articles.count() + 1
    for order in range(start, start + count):
        article = add_article(
            front, order, f"填充文章{order}",
            people=[(archive.secretary, ["市委书记"], ["presided"]), (archive.mayor, ["市长"], ["attended"])],
            districts=[archive.wenxian],
        )
        meeting = reported_meeting(article, name=f"填充会议{order}", date=archive.main_issue.date)
        meeting.presided_by.set([archive.secretary])
        meeting.attendees.set([archive.mayor, archive.county_head])
