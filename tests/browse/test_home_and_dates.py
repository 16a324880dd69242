"""Home page and browsing by date: years → month calendars → issue."""
from datetime import date

from django.urls import reverse

from archive import queries
from archive.models import Issue


def test_home_shows_counts_latest_issues_top_people_and_histogram(client, archive):
    response = client.get(reverse("archive:home"))
    assert response.status_code == 200
    html = response.content.decode()
    assert 'role="search"' in html and 'action="/search/"' in html
    assert response.context["counts"] == {"articles": 7, "people": 3, "meetings": 1}
    latest = [issue.date for issue in response.context["latest_issues"]]
    assert latest == sorted(latest, reverse=True) and latest[0] == date(2020, 12, 21)
    assert response.context["top_year"] == 2020
    assert [p.name for p in response.context["top_people"]] == ["吴海川"]
    bars = response.context["histogram"]
    assert [(bar.label, bar.count) for bar in bars] == [
        (2014, 1), (2015, 0), (2016, 5), (2017, 0), (2018, 0), (2019, 0), (2020, 1)
    ]
    assert max(bar.percent for bar in bars) == 100
    assert reverse("archive:year_detail", args=[2016]) in html
    assert reverse("archive:year_detail", args=[2015]) not in html


def test_home_of_an_empty_archive(client, db):
    response = client.get(reverse("archive:home"))
    assert response.status_code == 200
    assert "还没有导入任何版面" in response.content.decode()


def test_latest_year_falls_back_to_the_last_year_with_articles(archive):
    assert queries.latest_year_with_articles(today=date(2030, 1, 1)) == 2020
    assert queries.latest_year_with_articles(today=date(2016, 5, 1)) == 2016


def test_date_index_lists_years_newest_first(client, archive):
    response = client.get(reverse("archive:date_index"))
    assert response.status_code == 200
    assert response.context["years"] == [(2020, 1), (2016, 2), (2014, 1)]


def test_year_calendar_links_each_edition_of_a_day(client, archive):
    response = client.get(reverse("archive:year_detail", args=[2016]))
    assert response.status_code == 200
    months = response.context["months"]
    assert [m.month for m in months] == [9]
    days = {day: issues for week in months[0].weeks for day, issues in week if day}
    assert len(days) == 30
    assert [i.edition for i in days[date(2016, 9, 2)]] == ["焦作日报", "示范区"]
    assert days[date(2016, 9, 3)] == []
    html = response.content.decode()
    assert archive.main_issue.get_absolute_url() in html
    assert archive.district_issue.get_absolute_url() in html


def test_month_view_lists_its_issues(client, archive):
    response = client.get(reverse("archive:month_detail", args=[2016, 9]))
    assert response.status_code == 200
    assert [(i.edition, i.article_count) for i in response.context["issues"]] == [("焦作日报", 4), ("示范区", 1)]


def test_dates_without_issues_are_404(client, archive):
    assert client.get(reverse("archive:year_detail", args=[2015])).status_code == 404
    assert client.get(reverse("archive:month_detail", args=[2016, 8])).status_code == 404
    assert client.get(reverse("archive:month_detail", args=[2016, 13])).status_code == 404


def test_issue_lists_pages_and_articles_in_reading_order(client, archive):
    response = client.get(archive.main_issue.get_absolute_url())
    assert response.status_code == 200
    pages = response.context["pages"]
    assert [page.label for page, _ in pages] == ["01", "02"]
    assert [a.order for a in pages[0][1]] == [1, 2, 3]
    assert [o.edition for o in response.context["other_editions"]] == ["示范区"]
    html = response.content.decode()
    assert html.index("市委常委会召开会议") < html.index("秋收时节") < html.index("武陟县推进产业集聚")


def test_issue_urls_that_do_not_match_are_404(client, archive):
    assert client.get("/issues/2016-09-31/焦作日报/").status_code == 404
    assert client.get("/issues/not-a-date/焦作日报/").status_code == 404
    assert client.get("/issues/2016-09-02/没有的版别/").status_code == 404


def test_an_issue_with_a_page_without_articles_still_shows_the_page(client, archive):
    issue = Issue.objects.create(date=date(2016, 9, 3), edition="焦作日报")
    page = issue.pages.create(label="A01", source_file="x.txt", raw_text="整版广告", sha256="x")
    response = client.get(issue.get_absolute_url())
    assert response.status_code == 200
    assert response.context["pages"] == [(page, [])]
    assert "本版未识别出文章" in response.content.decode()


def test_page_shows_its_original_text_and_articles(client, archive):
    response = client.get(archive.lead.page.get_absolute_url())
    assert response.status_code == 200
    html = response.content.decode()
    assert "原版第一行" in html and "市委常委会召开会议" in html


def test_issue_pages_keep_label_order_when_an_early_page_has_no_articles(client, archive):
    issue = archive.main_issue
    empty = issue.pages.create(label="00", source_file="z.txt", raw_text="导读", sha256="z")
    pages = client.get(issue.get_absolute_url()).context["pages"]
    assert [(page.label, len(articles)) for page, articles in pages] == [("00", 0), ("01", 3), ("02", 1)]
    assert pages[0][0] == empty
