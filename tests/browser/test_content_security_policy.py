"""Every page satisfies the Content-Security-Policy: Chromium reports no violation on the browse pages,
the search page, and the admin from login through an import's upload, preview and confirmation."""
import re

import pytest
from django.contrib.auth.models import User
from playwright.sync_api import expect

from tests.admin.conftest import FRONT_PAGE, FRONT_PAGE_DATE, SEEDS
from tests.browse.sample_archive import build_sample_archive

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

# Collects violations the page itself sees, in addition to the console's reports.
LISTEN_FOR_VIOLATIONS = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.__cspViolations.push(`${event.violatedDirective} ${event.blockedURI} ${event.sourceFile}:${event.lineNumber}`);
});
"""


@pytest.fixture
def archive(transactional_db):
    return build_sample_archive()


@pytest.fixture
def watched_page(browser_page):
    """The browser page, with every CSP violation (console or event) collected in ``page.violations``."""
    page = browser_page
    page.violations = []
    page.add_init_script(LISTEN_FOR_VIOLATIONS)
    page.on(
        "console",
        lambda message: page.violations.append(message.text) if "Content Security Policy" in message.text else None,
    )
    return page


def assert_no_violations(page, where):
    seen = page.violations + page.evaluate("window.__cspViolations || []")
    assert not seen, f"{where}: {seen}"


def test_policy_is_sent_and_enforced(live_server, watched_page):
    page = watched_page
    response = page.goto(f"{live_server.url}/")
    policy = response.headers["content-security-policy"]
    assert "script-src 'self'" in policy and "style-src 'self'" in policy
    page.evaluate("""() => {
        const probe = document.createElement("div");
        probe.setAttribute("style", "color: red");
        document.body.append(probe);
    }""")
    page.wait_for_timeout(200)
    assert any("style-src" in seen for seen in page.violations + page.evaluate("window.__cspViolations"))


def test_reader_pages_have_no_violations(live_server, watched_page, archive):
    page = watched_page
    for path in (
        "/",
        "/search/?q=%E5%B8%82%E5%A7%94",
        "/search/?year=2016",
        archive.lead.get_absolute_url(),
        archive.mayor.get_absolute_url(),
        archive.main_issue.get_absolute_url(),
        "/dates/2016/",
        "/people/?page=abc",
        "/no-such-page/",
    ):
        page.goto(f"{live_server.url}{path}")
        page.wait_for_load_state("load")
        assert_no_violations(page, path)
    page.goto(f"{live_server.url}/")
    expect(page.locator(".year-bars .bar").first).to_be_visible()
    heights = page.locator(".year-bars .bar").evaluate_all("bars => bars.map(b => b.getBoundingClientRect().height)")
    assert max(heights) > 3 * min(heights), "the bars' lengths come from the share classes"


def test_admin_import_pages_have_no_violations(live_server, watched_page, screenshot, archive):
    User.objects.create_superuser("root", password="pw-root-123")
    page = watched_page
    page.goto(f"{live_server.url}/admin/")
    assert_no_violations(page, "login")
    page.get_by_label("用户名").fill("root")
    page.get_by_label("密码").fill("pw-root-123")
    page.get_by_role("button", name="登录").click()
    expect(page.get_by_role("link", name="导入版面")).to_be_visible()
    assert_no_violations(page, "admin index")

    for path in (f"/admin/archive/article/{archive.lead.pk}/change/", "/admin/archive/person/", "/admin/axes/"):
        page.goto(f"{live_server.url}{path}")
        assert_no_violations(page, path)

    page.goto(f"{live_server.url}/admin/archive/page/import/")
    assert_no_violations(page, "import form")
    page.get_by_label("版面文件").set_input_files([str(SEEDS / FRONT_PAGE)])
    page.get_by_label("出版日期").fill(FRONT_PAGE_DATE.isoformat())
    page.get_by_role("button", name="预览").click()
    expect(page.get_by_role("heading", name=re.compile(re.escape(FRONT_PAGE)))).to_be_visible()
    assert_no_violations(page, "import preview")
    page.get_by_role("button", name="确认导入").click()
    expect(page.get_by_role("region", name="导入进度").get_by_role("status")).to_contain_text("导入完成")
    assert_no_violations(page, "import confirmation")
    screenshot(page, "csp-admin-import-done")
