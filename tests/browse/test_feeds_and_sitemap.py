"""Atom feeds (latest, person, district, search query) and sitemap.xml."""
import xml.etree.ElementTree as ET

from django.urls import reverse

from archive.models import Article, Person

ATOM = "{http://www.w3.org/2005/Atom}"
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


def entries(response):
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    feed = ET.fromstring(response.content)
    return feed, [
        (entry.findtext(f"{ATOM}title"), entry.find(f"{ATOM}link").get("href"), entry.findtext(f"{ATOM}updated"))
        for entry in feed.findall(f"{ATOM}entry")
    ]


def test_latest_articles_feed_is_newest_first(client, archive):
    feed, items = entries(client.get(reverse("archive:feed_latest")))
    assert feed.findtext(f"{ATOM}title") == "焦作新闻档案：最新文章"
    assert len(items) == 6, "the sample's photo caption is not a report: left out"
    assert archive.photo.get_absolute_url() not in {link.removeprefix("http://testserver") for _, link, _ in items}
    assert items[0][0] == "市长调研冬季供暖" and items[0][2].startswith("2020-12-21")
    assert items[-1][0] == "示范区召开动员大会"
    assert all(link.startswith("http://testserver/articles/") for _, link, _ in items)


def test_person_feed_has_only_their_articles(client, archive):
    feed, items = entries(client.get(reverse("archive:feed_person", args=[archive.mayor.pk])))
    assert "吴海川" in feed.findtext(f"{ATOM}title")
    assert [title for title, _, _ in items] == ["市长调研冬季供暖", "市委常委会召开会议", "武陟县推进产业集聚"]
    assert client.get(reverse("archive:feed_person", args=[9999])).status_code == 404


def test_district_feed_has_only_its_articles(client, archive):
    _, items = entries(client.get(reverse("archive:feed_district", args=["wenxian"])))
    assert {title for title, _, _ in items} == {"市长调研冬季供暖", "市委常委会召开会议", "示范区一周动态"}
    assert client.get(reverse("archive:feed_district", args=["atlantis"])).status_code == 404


def test_feed_summaries_are_escaped_text(client, archive):
    archive.lead.body = "<script>alert(1)</script>正文"
    archive.lead.save()
    response = client.get(reverse("archive:feed_latest"))
    assert b"<script>" not in response.content


def test_search_feed_follows_a_query_and_filters_over_the_real_index(client, seeded_db):
    feed, items = entries(client.get(reverse("search:feed"), {"q": "武陟"}))
    assert "武陟" in feed.findtext(f"{ATOM}title")
    assert items, "the seeds mention 武陟"
    dates = [updated for _, _, updated in items]
    assert dates == sorted(dates, reverse=True)

    person = Person.objects.filter(mentions__isnull=False).first()
    feed, items = entries(client.get(reverse("search:feed"), {"official": person.pk}))
    expected = set(Article.objects.filter(mentions__person=person).values_list("pk", flat=True))
    assert {int(link.rstrip("/").rsplit("/", 1)[1]) for _, link, _ in items} == expected
    assert feed.find(f"{ATOM}link").get("href").endswith(f"/search/?official={person.pk}")


def test_search_feed_needs_a_query(client, db):
    response = client.get(reverse("search:feed"))
    assert response.status_code == 400
    assert "参数 q" in response.content.decode()


def test_sitemap_index_leads_to_every_browse_page_and_object(client, archive):
    index = client.get("/sitemap.xml")
    assert index.status_code == 200
    sections = [loc.text for loc in ET.fromstring(index.content).iter(f"{SITEMAP}loc")]
    assert "http://testserver/sitemap-articles.xml" in sections
    locations = set()
    for section in sections:
        response = client.get(section.removeprefix("http://testserver"))
        assert response.status_code == 200, section
        locations |= {loc.text for loc in ET.fromstring(response.content).iter(f"{SITEMAP}loc")}
    for path in [
        "/", "/dates/", "/meetings/", archive.lead.get_absolute_url(), archive.mayor.get_absolute_url(),
        archive.main_issue.get_absolute_url(), archive.wenxian.get_absolute_url(), archive.meeting.get_absolute_url(),
    ]:
        assert f"http://testserver{path}" in locations, path


def test_pages_advertise_their_feeds(client, archive):
    html = client.get(reverse("archive:home")).content.decode()
    assert 'rel="alternate" type="application/atom+xml" href="/feeds/articles/"' in html


def test_sitemap_index_dates_each_section_by_its_newest_item(client, archive):
    index = ET.fromstring(client.get("/sitemap.xml").content)
    sections = index.iter(f"{SITEMAP}sitemap")
    lastmod = {entry.findtext(f"{SITEMAP}loc"): entry.findtext(f"{SITEMAP}lastmod") for entry in sections}
    assert lastmod["http://testserver/sitemap-articles.xml"].startswith("2020-12-21")
    assert lastmod["http://testserver/sitemap-issues.xml"].startswith("2020-12-21")
