"""Phone first, over the imported seeds: no page (browse, search, advanced search, help, reporters, feeds)
scrolls sideways at 360, 390 or 1280 px; the search filters fold above the results on a phone and sit beside
them on a desktop; the citation copies; issues and pages lead on to the next. Screenshots go to
tests/artifacts/reader-<width>-<page>.png."""
import io
import re
from urllib.parse import urlencode

import pytest
from django.core.management import call_command
from playwright.sync_api import expect

from archive.models import Article, District, Issue, Meeting, Person
from tests.search.conftest import search_index  # noqa: F401  (fixture: a fresh Whoosh index in tmp_path)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SCREENSHOTS = ("home", "search", "article", "person", "issue")


@pytest.fixture
def seeds(transactional_db, search_index):  # noqa: F811
    """The five seeds imported and indexed; returns {name: path} of the pages a reader visits."""
    call_command("import_seeds", stdout=io.StringIO())
    issue = Issue.objects.order_by("-date").first()
    article = Article.objects.filter(page__issue=issue).exclude(mentions=None).order_by("page__label", "order").first()
    person = Person.objects.filter(mentions__article=article).first()
    return {
        "home": "/", "dates": "/dates/", "year": f"/dates/{issue.date.year}/", "issue": issue.get_absolute_url(),
        "page": article.page.get_absolute_url(), "article": article.get_absolute_url(), "people": "/people/",
        "person": person.get_absolute_url(), "meetings": "/meetings/", "districts": "/districts/",
        "search": "/search/?q=%E7%84%A6%E4%BD%9C", "feeds": "/feeds/", "feed": "/feeds/articles/about/",
        "meeting": Meeting.objects.order_by("pk").first().get_absolute_url(),
        "district": District.objects.filter(articles__isnull=False).order_by("position").first().get_absolute_url(),
        "reporters": "/reporters/", "help": "/search/help/", "people-search": "/people/?q=wxp",
        "advanced": "/search/?" + urlencode({"q": "工作", "scope": "body", "edition": issue.edition, "page_number": 1}),
    }


@pytest.mark.parametrize("width", [360, 390, 1280])
def test_no_page_is_wider_than_the_screen(live_server, browser_page, screenshot, seeds, width):
    page = browser_page
    page.set_viewport_size({"width": width, "height": 800})
    too_wide = {}
    for name, path in seeds.items():
        page.goto(live_server.url + path)
        scroll_width = page.evaluate("document.documentElement.scrollWidth")
        if scroll_width > width:
            too_wide[name] = scroll_width
        if name in SCREENSHOTS and width != 360:
            screenshot(page, f"reader-{width}-{name}", full_page=name != "search")
    assert too_wide == {}, f"pages scroll sideways at {width}px"


def test_search_filters_fold_above_the_results_on_a_phone(live_server, browser_page, screenshot, seeds):
    page = browser_page
    page.set_viewport_size({"width": 390, "height": 800})
    page.goto(live_server.url + seeds["search"])
    panel = page.locator("details.facets-panel")
    results = page.get_by_role("region", name=re.compile("共"))
    expect(panel).not_to_have_attribute("open", "")
    assert panel.bounding_box()["y"] < results.bounding_box()["y"]
    district_facet = page.get_by_role("region", name="区县")
    expect(district_facet).to_be_hidden()
    page.get_by_text("筛选", exact=True).click()
    expect(district_facet).to_be_visible()
    screenshot(page, "reader-390-search-filters-open", full_page=False)

    page.set_viewport_size({"width": 1280, "height": 900})
    expect(panel).to_have_attribute("open", "")
    facets, hits = panel.bounding_box(), results.bounding_box()
    assert facets["x"] > hits["x"] + hits["width"] - 1 and abs(facets["y"] - hits["y"]) < 40


def test_the_citation_copies_to_the_clipboard(live_server, browser_page, seeds):
    page = browser_page
    page.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=live_server.url)
    page.goto(live_server.url + seeds["article"])
    citation = page.locator("#citation-text").inner_text()
    assert re.fullmatch(r".+\[N\]\. 焦作日报, \d{4}-\d\d-\d\d\([A-Z]?\d+\)\.", citation)
    page.get_by_role("button", name="复制引文").click()
    expect(page.get_by_role("status").filter(has_text="已复制")).to_be_visible()
    assert page.evaluate("navigator.clipboard.readText()") == citation
    with page.expect_download() as download:
        page.get_by_role("link", name="下载 RIS").click()
    assert re.fullmatch(r"article-\d+\.ris", download.value.suggested_filename)


def test_a_reader_turns_the_pages_of_an_issue(live_server, browser_page, seeds):
    page = browser_page
    page.goto(live_server.url + seeds["issue"])
    page.locator("section.issue-page h2 a").first.click()
    seen = []
    while True:
        seen.append(page.get_by_role("heading", level=1).inner_text())
        kinds = page.locator("ol.article-list .kind")
        assert kinds.count() == page.locator("ol.article-list > li").count() > 0
        following = page.get_by_role("navigation", name="前后版面").locator("a[rel=next]")
        if following.count() == 0 or "下一期" in following.inner_text():
            break
        following.click()
    assert len(seen) == Issue.objects.order_by("-date").first().pages.count()
    assert len(set(seen)) == len(seen)


def test_without_javascript_the_citation_is_there_and_no_dead_button(live_server, chromium_browser, seeds):
    context = chromium_browser.new_context(java_script_enabled=False, locale="zh-CN")
    page = context.new_page()
    page.set_default_timeout(10_000)
    page.goto(live_server.url + seeds["article"])
    expect(page.locator("#citation-text")).to_be_visible()
    expect(page.get_by_role("button", name="复制引文")).to_be_hidden()
    expect(page.get_by_role("link", name="下载 BibTeX")).to_be_visible()
    page.goto(live_server.url + seeds["search"])
    expect(page.get_by_text("筛选", exact=True)).to_be_visible()
    context.close()
