"""An editor logs in to the admin in headless Chromium, uploads a seed page, previews it and confirms the import."""
import re

import pytest
from playwright.sync_api import expect

from archive.models import ImportRun, Page
from tests.admin.conftest import FRONT_PAGE, FRONT_PAGE_DATE, SEEDS, create_editor

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def editor(transactional_db):
    return create_editor()


def test_editor_uploads_previews_and_confirms(live_server, browser_page, screenshot, editor):
    page = browser_page
    page.goto(f"{live_server.url}/admin/archive/page/")
    page.get_by_label("用户名").fill("bianji")
    page.get_by_label("密码").fill("pw-editor-123")
    page.get_by_role("button", name="登录").click()

    page.get_by_role("link", name="导入版面").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("导入版面")
    page.get_by_label("版面文件").set_input_files(str(SEEDS / FRONT_PAGE))
    page.get_by_label("出版日期").fill(FRONT_PAGE_DATE.isoformat())
    page.get_by_label("版号").fill("01")
    page.get_by_role("button", name="预览").click()

    expect(page.get_by_role("heading", name=re.compile(re.escape(FRONT_PAGE)))).to_be_visible()
    articles = page.locator("table.import-articles tbody tr")
    expect(articles.first).to_be_visible()
    previewed = articles.count()
    assert Page.objects.count() == 0
    screenshot(page, "admin-import-preview")

    page.get_by_role("button", name="确认导入").click()
    results = page.locator("#import-results tbody tr")
    expect(results).to_have_count(1)
    expect(results.first).to_contain_text("已导入")
    screenshot(page, "admin-import-done")

    stored = Page.objects.get()
    assert (stored.source_file, stored.label, stored.issue.date) == (FRONT_PAGE, "01", FRONT_PAGE_DATE)
    assert stored.articles.count() == previewed
    assert ImportRun.objects.get().user == editor
