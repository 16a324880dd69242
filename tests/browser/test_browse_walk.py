"""A reader's walk through the browse pages in headless Chromium: home → date → issue → article → person."""
import re

import pytest
from playwright.sync_api import expect

from tests.browse.sample_archive import build_sample_archive

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def archive(transactional_db):
    return build_sample_archive()


def test_walk_from_home_to_a_person(live_server, browser_page, screenshot, archive):
    page = browser_page
    page.goto(live_server.url + "/")
    expect(page.get_by_role("heading", level=1)).to_have_text("焦作新闻档案")
    expect(page.get_by_role("search", name="全文检索").get_by_label("关键词")).to_be_visible()
    histogram = page.get_by_role("list", name="每年收录的文章数")
    expect(histogram.get_by_role("listitem")).to_have_count(2020 - 2014 + 1)
    screenshot(page, "01-home")

    histogram.get_by_role("link", name=re.compile("2016")).click()
    expect(page).to_have_url(re.compile(r"/dates/2016/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("2016年")
    screenshot(page, "02-year")

    page.get_by_role("link", name="9月2日 焦作日报").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("2016年9月2日")
    expect(page.get_by_role("link", name="示范区")).to_be_visible()
    screenshot(page, "03-issue")

    page.get_by_role("link", name="市委常委会召开会议", exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("市委常委会召开会议")
    expect(page.get_by_text("研究部署秋季重点工作")).to_be_visible()
    expect(page.locator(".byline")).to_contain_text("记者 周文")
    people = page.get_by_role("region", name="文中人物")
    expect(people.get_by_role("listitem").filter(has_text="吴海川")).to_contain_text("市委副书记、市长")
    expect(page.get_by_role("link", name="02版")).to_be_visible()
    original = page.locator("details.original")
    expect(original.locator("pre")).to_be_hidden()
    original.locator("summary").click()
    expect(original.locator("pre")).to_contain_text("原版第一行")
    screenshot(page, "04-article")

    people.get_by_role("link", name="吴海川").click()
    expect(page).to_have_url(re.compile(rf"/people/{archive.mayor.pk}/$"))
    timeline = page.get_by_role("region", name="职务时间线")
    expect(timeline.get_by_role("heading", level=3)).to_have_text(["市委副书记", "市长"])
    expect(timeline.get_by_role("listitem").filter(has_text="市长").last).to_contain_text("2020年12月21日")
    expect(page.get_by_role("link", name="在搜索中筛选此人")).to_have_attribute(
        "href", f"/search/?official={archive.mayor.pk}"
    )
    screenshot(page, "05-person")


def test_phone_layout_keeps_navigation_and_search_usable(live_server, browser_page, screenshot, archive):
    page = browser_page
    page.set_viewport_size({"width": 375, "height": 740})
    page.goto(live_server.url + archive.lead.get_absolute_url())
    search = page.get_by_role("search", name="站内搜索")
    expect(search.get_by_role("button", name="搜索")).to_be_visible()
    expect(page.get_by_role("navigation", name="主导航").get_by_role("link", name="按日期")).to_have_attribute(
        "aria-current", "page"
    )
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 375, f"page scrolls sideways on a phone ({width}px)"
    screenshot(page, "06-article-phone")

    page.keyboard.press("Tab")
    expect(page.get_by_role("link", name="跳到正文")).to_be_focused()


def test_meetings_filter_by_district_and_district_page(live_server, browser_page, screenshot, archive):
    page = browser_page
    page.goto(live_server.url + "/meetings/")
    expect(page.get_by_text("共 1 场")).to_be_visible()
    page.get_by_label("区县").select_option(label="孟州市")
    page.get_by_role("button", name="筛选").click()
    expect(page).to_have_url(re.compile(r"district=mengzhou"))
    expect(page.get_by_text("没有符合条件的会议活动")).to_be_visible()
    page.get_by_label("区县").select_option(label="温县")
    page.get_by_role("button", name="筛选").click()
    expect(page.get_by_role("heading", name="市委常委会会议")).to_be_visible()
    screenshot(page, "07-meetings-filtered")

    page.get_by_role("listitem").filter(has_text="市委常委会会议").get_by_role("link", name="温县", exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("温县")
    expect(page.get_by_role("region", name="所辖地名")).to_contain_text("样例镇")
    expect(page.get_by_role("region", name="文章 3 篇").get_by_role("link")).to_have_count(3)
    screenshot(page, "08-district")


def test_missing_page_offers_search_and_links(live_server, browser_page, screenshot, archive):
    page = browser_page
    response = page.goto(live_server.url + "/articles/987654/")
    assert response.status == 404
    expect(page.get_by_role("heading", level=1)).to_have_text("找不到这个页面")
    page.get_by_label("试试搜索").fill("会议")
    page.get_by_label("试试搜索").press("Enter")
    expect(page).to_have_url(re.compile(r"/search/\?q=%E4%BC%9A%E8%AE%AE"))
    page.go_back()
    screenshot(page, "09-not-found")
