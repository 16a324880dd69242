"""Every browse page, on a phone and on a desktop: one h1, the landmarks, labelled controls, no sideways scroll."""
import pytest
from playwright.sync_api import expect

from tests.browse.sample_archive import build_sample_archive

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

UNLABELLED_CONTROLS = """() => [...document.querySelectorAll('input:not([type=hidden]), select, textarea, button')]
    .filter(el => !(el.labels && el.labels.length) && !el.getAttribute('aria-label') && !el.textContent.trim())
    .map(el => el.outerHTML)"""


@pytest.fixture
def paths(transactional_db):
    archive = build_sample_archive()
    return [
        "/", "/dates/", "/dates/2016/", "/dates/2016/9/", archive.main_issue.get_absolute_url(),
        archive.lead.page.get_absolute_url(), archive.lead.get_absolute_url(), "/people/",
        archive.mayor.get_absolute_url(), "/meetings/", archive.meeting.get_absolute_url(), "/districts/",
        archive.wenxian.get_absolute_url(), "/no-such-page/",
    ]


@pytest.mark.parametrize("width", [375, 1280])
def test_pages_have_landmarks_one_heading_and_labelled_controls(live_server, browser_page, paths, width):
    page = browser_page
    page.set_viewport_size({"width": width, "height": 800})
    for path in paths:
        page.goto(live_server.url + path)
        assert page.locator("html").get_attribute("lang") == "zh-Hans"
        expect(page.get_by_role("heading", level=1)).to_have_count(1)
        for role in ("banner", "main", "contentinfo", "navigation", "search"):
            assert page.get_by_role(role).count() >= 1, (path, role)
        assert page.evaluate(UNLABELLED_CONTROLS) == [], path
        scroll_width = page.evaluate("document.documentElement.scrollWidth")
        assert scroll_width <= width, f"{path} scrolls sideways at {width}px ({scroll_width}px)"
