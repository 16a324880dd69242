"""Every article has a title (never a cut-off sentence), and latest lists and feeds carry reports only."""
import re
from datetime import date

import pytest
from django.urls import reverse

from archive import queries
from archive.models import Article, Issue, Page
from tests.browse.sample_archive import add_article

pytestmark = pytest.mark.django_db
CUT_OFF = re.compile(r"…$|^第\d+篇$|无标题")


@pytest.mark.parametrize(
    ("kind", "body", "title"),
    [
        ("photo", "夜色中的老街。", "图片说明：夜色中的老街。"),
        ("photo", "春耕时节，新区各乡镇组织农机合作社抢抓农时，帮助群众播种，田间地头一派繁忙景象。", "图片说明"),
        ("ad", "电话：0391-1234567\n地址：新区人民路1号", "广告"),
        ("teaser", "详见第3版", "要闻导读"),
        ("index", "A02 新区召开植树动员会", "索引表格"),
        ("news", "5月10日，新区召开防汛工作会议，要求各单位落实防汛责任，备足防汛物资，确保安全度汛。", "消息"),
        ("brief", "新区开通两条公交线路。", "简讯：新区开通两条公交线路。"),
        ("news", "", "消息"),
    ],
)
def test_an_article_without_headline_is_titled_by_its_kind(kind, body, title):
    assert Article(kind=kind, body=body, order=3).title == title


def test_a_headline_is_the_title():
    assert Article(kind="photo", headline="秋收时节", body="农民在田间收获玉米。").title == "秋收时节"


@pytest.fixture
def front_page():
    issue = Issue.objects.create(date=date(2021, 5, 12))
    page = Page.objects.create(issue=issue, label="01", source_file="p.txt", raw_text="", sha256="0")
    kinds = ("news", "photo", "ad", "teaser", "index", "notice", "brief")
    return {kind: add_article(page, n, "" if kind in ("photo", "ad") else f"{kind}标题", kind=kind)
            for n, kind in enumerate(kinds, 1)}


def test_latest_lists_and_feeds_leave_out_captions_ads_teasers_and_tables(client, front_page):
    assert {a.kind for a in queries.latest_articles()} == {"news", "notice", "brief"}
    feed = client.get(reverse("archive:feed_latest")).content.decode()
    for kind, article in front_page.items():
        assert (article.get_absolute_url() in feed) is (kind in ("news", "notice", "brief")), kind


def test_captions_and_ads_stay_on_their_page_with_a_label(client, front_page):
    html = client.get(front_page["photo"].page.get_absolute_url()).content.decode()
    assert front_page["photo"].get_absolute_url() in html and "图片说明" in html
    assert front_page["ad"].get_absolute_url() in html and ">广告：" in html


def test_no_seed_article_is_untitled(seeded_db):
    """Every article imported from the seed pages has its headline or a kind's label as title."""
    articles = list(Article.objects.all())
    assert articles
    labels = tuple({*Article.UNTITLED_LABELS.values(), *Article.Kind.labels})
    for article in articles:
        title = article.title
        assert not CUT_OFF.search(title), title
        assert title == article.headline or (not article.headline and title.startswith(labels)), title
