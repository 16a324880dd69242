"""The advanced search form in the search page's filter panel, used as a reader would at 390 and 1280 px.

Over the imported seeds: the reader picks 仅标题 and an event-date range (or 仅正文, a reporter and an
edition), submits, and gets the engine's answer for exactly those conditions, shown as removable chips;
the page never scrolls sideways. Screenshots go to tests/artifacts/advanced-<width>-*.png.
"""
import io
import re

import pytest
from django.core.management import call_command
from playwright.sync_api import expect

from archive.models import Article
from search.engine import SearchRequest, run_search
from tests.search.conftest import search_index  # noqa: F401  (fixture: a fresh Whoosh index in tmp_path)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def seeds(transactional_db, search_index):  # noqa: F811
    call_command("import_seeds", stdout=io.StringIO())


@pytest.mark.parametrize("width", [390, 1280])
def test_a_reader_narrows_a_search_to_headlines_and_event_dates(live_server, browser_page, screenshot, seeds, width):
    dated = sorted(Article.objects.exclude(event_date=None).values_list("event_date", flat=True))
    assert dated
    start, end = dated[0], dated[-1]
    page = browser_page
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(live_server.url + "/search/?q=%E4%BC%9A%E8%AE%AE")
    if width < 800:
        page.get_by_text("筛选", exact=True).click()
    form = page.get_by_role("form", name="高级检索")
    expect(form).to_be_visible()
    form.get_by_label("仅标题").check()
    form.get_by_label("事件起始日期").fill(start.isoformat())
    form.get_by_label("事件截止日期").fill(end.isoformat())
    form.get_by_role("button", name="应用高级检索").click()
    page.wait_for_url(re.compile(r"scope=headline"))

    expected = run_search(SearchRequest(q="会议", scope="headline", event_from=start, event_to=end)).total
    everywhere = run_search(SearchRequest(q="会议")).total
    assert 0 < expected < everywhere
    expect(page.locator(".total")).to_have_text(str(expected))
    chips = page.get_by_role("group", name="已选条件")
    expect(chips).to_contain_text("仅标题")
    expect(chips).to_contain_text(f"事件自 {start:%Y-%m-%d}")
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    if width < 800:
        page.get_by_text("筛选", exact=True).click()
    form = page.get_by_role("form", name="高级检索")
    expect(form.get_by_label("仅标题")).to_be_checked()
    expect(form.get_by_label("事件起始日期")).to_have_value(start.isoformat())
    form.scroll_into_view_if_needed()
    screenshot(page, f"advanced-{width}-form", full_page=False)
    screenshot(page, f"advanced-{width}-page")

    chips.get_by_role("link", name=re.compile("仅标题")).click()
    expect(page.locator(".total")).to_have_text(
        str(run_search(SearchRequest(q="会议", event_from=start, event_to=end)).total)
    )


@pytest.mark.parametrize("width", [390, 1280])
def test_a_reader_finds_a_reporter_s_articles_in_an_edition_by_their_body(
    live_server, browser_page, screenshot, seeds, width
):
    bylined = [a for a in Article.objects.select_related("page__issue") if a.reporters]
    assert bylined
    article = bylined[0]
    reporter, edition = article.reporters[0], article.page.issue.edition
    word = next(w for w in ("会议", "工作", "发展", "焦作") if w in article.body)
    page = browser_page
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(f"{live_server.url}/search/?q={word}")
    if width < 800:
        page.get_by_text("筛选", exact=True).click()
    form = page.get_by_role("form", name="高级检索")
    form.get_by_label("仅正文").check()
    form.get_by_label("记者").fill(reporter)
    form.get_by_label("版别").select_option(edition)
    form.get_by_role("button", name="应用高级检索").click()
    page.wait_for_url(re.compile(r"scope=body"))

    request = SearchRequest(q=word, scope="body", filters={"reporter": [reporter], "edition": [edition]})
    expected = run_search(request).total
    assert 0 < expected < run_search(SearchRequest(q=word)).total
    expect(page.locator(".total")).to_have_text(str(expected))
    chips = page.get_by_role("group", name="已选条件")
    for label in ("仅正文", f"记者：{reporter}", f"版别：{edition}"):
        expect(chips).to_contain_text(label)
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    if width < 800:
        page.get_by_text("筛选", exact=True).click()
    form = page.get_by_role("form", name="高级检索")
    expect(form.get_by_label("记者")).to_have_value(reporter)
    expect(form.get_by_label("版别")).to_have_value(edition)
    form.scroll_into_view_if_needed()
    screenshot(page, f"advanced-{width}-byline-form", full_page=False)

    chips.get_by_role("link", name=re.compile(re.escape(reporter))).click()
    expect(page.locator(".total")).to_have_text(
        str(run_search(SearchRequest(q=word, scope="body", filters={"edition": [edition]})).total))
