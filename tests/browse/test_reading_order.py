"""Reading on: previous/next issue and page, a page's articles in reading order, feeds a browser can show,
robots.txt, the favicon and districts in administrative order."""
import re

from django.urls import reverse

from archive.ingest.gazetteer import COUNTIES


def neighbour_links(html):
    head = html.split("</head>", 1)[0]
    return (
        re.findall(r'<link rel="(prev|next)" href="([^"]+)">', head),
        re.findall(r'<a rel="(prev|next)" href="([^"]+)"><span class="label">([^<]+)</span>', html),
    )


def test_an_issue_links_the_same_editions_previous_and_next_issue(client, archive):
    html = client.get(archive.district_issue.get_absolute_url()).content.decode()
    head, visible = neighbour_links(html)
    earlier = "/issues/2014-04-17/%E7%A4%BA%E8%8C%83%E5%8C%BA/"
    later = archive.later_issue.get_absolute_url()
    assert head == [("prev", earlier), ("next", later)]
    assert visible == [("prev", earlier, "上一期"), ("next", later, "下一期")]
    assert "2020年12月21日" in html


def test_the_last_issue_of_an_edition_has_no_next(client, archive):
    head, visible = neighbour_links(client.get(archive.later_issue.get_absolute_url()).content.decode())
    assert [rel for rel, _ in head] == ["prev"] and [v[0] for v in visible] == ["prev"]


def test_pages_link_page_to_page_and_on_to_the_next_issue(client, archive):
    front, second = archive.lead.page, archive.continuation_page
    head, visible = neighbour_links(client.get(front.get_absolute_url()).content.decode())
    assert head == [("next", second.get_absolute_url())]
    assert visible == [("next", second.get_absolute_url(), "下一版")]
    head, visible = neighbour_links(client.get(second.get_absolute_url()).content.decode())
    assert visible == [("prev", front.get_absolute_url(), "上一版")]

    district_page = archive.district_issue.pages.get()
    _, visible = neighbour_links(client.get(district_page.get_absolute_url()).content.decode())
    assert [(rel, label) for rel, _, label in visible] == [("prev", "上一期"), ("next", "下一期")]
    assert visible[1][1] == archive.later_issue.get_absolute_url()


def test_a_page_lists_its_articles_in_reading_order_with_their_kinds(client, archive):
    html = client.get(archive.lead.page.get_absolute_url()).content.decode()
    rows = re.findall(r'<li><a href="/articles/\d+/">([^<]+)</a> <span class="kind">([^<]+)</span></li>', html)
    assert rows == [
        ("市委常委会召开会议", "消息"),
        ("图片说明：秋收时节，农民在田间劳作。", "图片新闻"),
        ("武陟县推进产业集聚", "消息"),
    ]


def test_an_article_links_its_neighbours_in_the_head(client, archive):
    head, _ = neighbour_links(client.get(archive.photo.get_absolute_url()).content.decode())
    assert head == [("prev", archive.lead.get_absolute_url()), ("next", archive.last_on_page.get_absolute_url())]


def test_feed_pages_show_a_feed_as_html_with_its_address(client, archive):
    response = client.get(reverse("archive:feed_person_about", args=[archive.mayor.pk]))
    assert response.status_code == 200 and response["Content-Type"].startswith("text/html")
    html = response.content.decode()
    feed = reverse("archive:feed_person", args=[archive.mayor.pk])
    assert f'<code id="feed-address">http://testserver{feed}</code>' in html
    assert f'<link rel="alternate" type="application/atom+xml" href="{feed}"' in html
    titles = re.findall(r'<a class="article-title" href="[^"]+">([^<]+)</a>', html)
    assert titles == ["市长调研冬季供暖", "市委常委会召开会议", "武陟县推进产业集聚"]
    assert client.get(reverse("archive:feed_person_about", args=[987654])).status_code == 404


def test_the_search_feed_page_keeps_the_query_and_refuses_an_empty_one(client, archive):
    response = client.get(reverse("search:feed_about"))
    assert response.status_code == 400 and "请用参数" in response.content.decode()


def test_visible_subscribe_links_lead_to_the_feed_pages(client, archive):
    person = client.get(archive.mayor.get_absolute_url()).content.decode()
    assert f'href="{reverse("archive:feed_person_about", args=[archive.mayor.pk])}">订阅</a>' in person
    district = client.get(archive.wenxian.get_absolute_url()).content.decode()
    assert f'href="{reverse("archive:feed_district_about", args=["wenxian"])}">订阅</a>' in district
    index = client.get(reverse("archive:feed_index")).content.decode()
    assert reverse("archive:feed_latest_about") in index
    assert index.index(">解放区</a>") < index.index(">温县</a>") < index.index(">孟州市</a>")


def test_robots_txt_names_the_sitemap_and_the_favicon_is_served(client, archive):
    response = client.get("/robots.txt")
    assert response.status_code == 200 and response["Content-Type"] == "text/plain; charset=utf-8"
    assert "Sitemap: http://testserver/sitemap.xml" in response.content.decode().splitlines()
    favicon = client.get("/favicon.ico")
    assert favicon.status_code == 301 and favicon["Location"].endswith("favicon.svg")
    assert f'<link rel="icon" href="{favicon["Location"]}"' in client.get("/").content.decode()


def test_districts_are_listed_in_administrative_order_with_counts(client, archive):
    html = client.get(reverse("archive:district_list")).content.decode()
    names = re.findall(r'<h2><a href="/districts/[a-z]+/">([^<]+)</a></h2>', html)
    assert names == [name for name, _ in COUNTIES]
    assert re.search(r'>温县</a></h2>\s*<p class="count">3 篇文章</p>', html)


INLINE_CODE = re.compile(r"<script(?![^>]*\ssrc=)[^>]*>|<style[\s>]|\sstyle=|\son[a-z]+=", re.I)


def test_pages_carry_no_inline_script_style_or_handler(client, archive):
    """What a Content-Security-Policy without 'unsafe-inline' would block."""
    paths = [
        "/", "/dates/", "/dates/2016/", "/dates/2016/9/", archive.main_issue.get_absolute_url(),
        archive.lead.page.get_absolute_url(), archive.lead.get_absolute_url(), "/people/",
        archive.mayor.get_absolute_url(), "/meetings/", archive.meeting.get_absolute_url(), "/districts/",
        archive.wenxian.get_absolute_url(), "/feeds/", reverse("archive:feed_latest_about"), "/search/?q=会议",
    ]
    for path in paths:
        response = client.get(path)
        assert response.status_code == 200, path
        assert INLINE_CODE.findall(response.content.decode()) == [], path


def test_about_feed_maps_any_feed_url_to_its_page_and_leaves_others_alone():
    from archive.feed_pages import about_url

    query = "?q=%E4%BC%9A&district=wenxian"
    assert about_url(f"/feeds/search/{query}") == f"/feeds/search/about/{query}"
    assert about_url("/feeds/people/7/") == "/feeds/people/7/about/"
    assert about_url("/feeds/people/7/about/") == "/feeds/people/7/about/"
    assert about_url("/people/7/") == "/people/7/"
    assert about_url("/no/such/") == "/no/such/"


def test_the_search_page_links_its_feed_page(client, archive):
    html = client.get("/search/", {"q": "会议"}).content.decode()
    assert 'href="/feeds/search/about/?q=%E4%BC%9A%E8%AE%AE">如何订阅</a>' in html
