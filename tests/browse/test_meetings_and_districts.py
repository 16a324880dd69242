"""Meetings (list, filters, detail) and districts (list and detail with towns)."""
from django.urls import reverse

from archive.models import District
from tests.browse.sample_archive import add_filler_articles


def test_meeting_list_shows_date_host_and_attendees(client, archive):
    response = client.get(reverse("archive:meeting_list"))
    assert response.status_code == 200
    assert list(response.context["meetings"]) == [archive.meeting]
    html = response.content.decode()
    assert "2016年9月1日" in html and "主持" in html and "周立成" in html and "郑秋实（温县）" in html


def test_meeting_list_filters_by_district_and_person(client, archive):
    url = reverse("archive:meeting_list")
    assert list(client.get(url, {"district": "wenxian"}).context["meetings"]) == [archive.meeting]
    assert list(client.get(url, {"district": "mengzhou"}).context["meetings"]) == []
    assert list(client.get(url, {"official": archive.county_head.pk}).context["meetings"]) == [archive.meeting]
    by_both = client.get(url, {"district": "wenxian", "official": archive.secretary.pk})
    assert list(by_both.context["meetings"]) == [archive.meeting]
    assert "人物：" in by_both.content.decode()


def test_meeting_filter_with_bad_values_says_so_and_shows_all(client, archive):
    response = client.get(reverse("archive:meeting_list"), {"district": "nowhere", "official": "x"})
    assert response.status_code == 200
    assert list(response.context["meetings"]) == [archive.meeting]
    html = response.content.decode()
    assert "人物参数无效" in html and "errorlist" in html


def test_meeting_pagination_keeps_the_filters(client, archive):
    add_filler_articles(archive, 35)
    response = client.get(reverse("archive:meeting_list"), {"district": "wenxian"})
    assert response.context["paginator"].count == 36
    assert 'href="?page=2&amp;district=wenxian"' in response.content.decode()


def test_meeting_detail(client, archive):
    response = client.get(archive.meeting.get_absolute_url())
    assert response.status_code == 200
    html = response.content.decode()
    assert "市委常委会会议" in html and "市委会议室" in html and archive.lead.get_absolute_url() in html


def test_district_list_counts_articles_and_names_places(client, archive):
    response = client.get(reverse("archive:district_list"))
    assert response.status_code == 200
    counts = {d.slug: d.article_count for d in response.context["districts"]}
    assert counts["wenxian"] == 3 and counts["wuzhi"] == 1 and len(counts) == District.objects.count()
    assert "高新区" in response.content.decode()


def test_district_detail_rolls_up_towns_and_lists_articles_meetings_people(client, archive):
    response = client.get(archive.wenxian.get_absolute_url())
    assert response.status_code == 200
    html = response.content.decode()
    assert "样例镇" in html and "乡镇/街道" in html
    assert response.context["paginator"].count == 3
    assert list(response.context["meetings"]) == [archive.meeting]
    top = {(p.name, p.article_count) for p in response.context["top_people"]}
    assert top == {("吴海川", 2), ("郑秋实", 2), ("周立成", 1)}
    assert 'href="/search/?district=wenxian"' in html and 'href="/feeds/districts/wenxian/"' in html


def test_unknown_district_is_404(client, db):
    assert client.get("/districts/atlantis/").status_code == 404


def test_meeting_list_filters_by_year_and_offers_the_years_with_meetings(client, archive):
    url = reverse("archive:meeting_list")
    response = client.get(url)
    assert response.context["filters"].fields["year"].choices == [("", "全部年份"), (2016, "2016年（1）")]
    assert list(client.get(url, {"year": 2016}).context["meetings"]) == [archive.meeting]
    assert list(client.get(url, {"year": 2016, "district": "mengzhou"}).context["meetings"]) == []
    ignored = client.get(url, {"year": 1999, "district": "wuzhi"})
    assert list(ignored.context["meetings"]) == [], "the valid district filter still applies"
    assert "errorlist" in ignored.content.decode()
