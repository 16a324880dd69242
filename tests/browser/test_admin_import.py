"""An editor logs in to the admin in headless Chromium, uploads two seed pages, previews them and confirms
the import, watching per-file progress."""
import re

import pytest
from playwright.sync_api import expect

from archive.models import ImportRun, Page
from tests.admin.conftest import FRONT_PAGE, FRONT_PAGE_DATE, SEEDS, create_editor

SECOND_PAGE = "002_0504d8e1677960ee.txt"

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
    names = [FRONT_PAGE, SECOND_PAGE]
    page.get_by_label("版面文件").set_input_files([str(SEEDS / name) for name in names])
    page.get_by_label("出版日期").fill(FRONT_PAGE_DATE.isoformat())
    page.get_by_role("button", name="预览").click()

    for name in names:
        expect(page.get_by_role("heading", name=re.compile(re.escape(name)))).to_be_visible()
    articles = page.locator("table.import-articles tbody tr")
    expect(articles.first).to_be_visible()
    previewed = articles.count()
    assert Page.objects.count() == 0
    screenshot(page, "admin-import-preview")

    preview_url = page.url
    page.get_by_role("button", name="确认导入").click()
    progress = page.get_by_role("region", name="导入进度")
    expect(progress.get_by_role("status")).to_contain_text("导入完成：共 2 个文件，已导入 2 个")
    expect(progress.locator("progress")).to_have_attribute("max", "2")
    assert progress.locator("progress").evaluate("bar => bar.value") == 2
    results = progress.locator("#import-results tbody tr")
    expect(results).to_have_count(2)
    for row, name in zip(results.all(), names, strict=True):
        expect(row).to_contain_text(name)
        expect(row).to_contain_text("已导入")
    expect(progress.get_by_role("link", name="继续导入")).to_be_visible()
    expect(page.get_by_role("button", name="确认导入")).to_be_hidden()
    assert page.url == preview_url
    screenshot(page, "admin-import-done")

    stored = Page.objects.order_by("source_file")
    assert [(p.source_file, p.issue.date) for p in stored] == [(name, FRONT_PAGE_DATE) for name in sorted(names)]
    assert sum(p.articles.count() for p in stored) == previewed
    assert [run.user for run in ImportRun.objects.all()] == [editor, editor]
