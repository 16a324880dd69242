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


def log_in(page, live_server):
    page.goto(f"{live_server.url}/admin/archive/page/")
    page.get_by_label("用户名").fill("bianji")
    page.get_by_label("密码").fill("pw-editor-123")
    page.get_by_role("button", name="登录").click()


def test_editor_uploads_previews_and_confirms(live_server, browser_page, screenshot, editor):
    page = browser_page
    log_in(page, live_server)

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
    # A file's confirm takes up to ~6 s on a loaded 2-core machine (benchmarks/admin_import_bench.py).
    expect(progress.get_by_role("status")).to_contain_text("导入完成：共 2 个文件，已导入 2 个", timeout=30_000)
    expect(progress.locator("progress")).to_have_attribute("max", "2")
    assert progress.locator("progress").evaluate("bar => bar.value") == 2
    results = progress.locator("#import-results tbody tr")
    expect(results).to_have_count(2)
    for row, name in zip(results.all(), names, strict=True):
        expect(row).to_contain_text(name)
        expect(row).to_contain_text("已导入")
    expect(progress.get_by_role("link", name="继续导入")).to_be_visible()
    expect(page.get_by_role("button", name="确认导入")).to_be_hidden()
    expect(progress.get_by_role("status")).to_contain_text("已导入的内容已保存")
    expect(progress.locator(".import-status-success")).to_be_visible()
    expect(page.get_by_text("尚未保存")).to_be_hidden()
    expect(page.locator("table.import-articles").first).to_be_hidden()
    assert page.url == preview_url
    screenshot(page, "admin-import-done")

    stored = Page.objects.order_by("source_file")
    assert [(p.source_file, p.issue.date) for p in stored] == [(name, FRONT_PAGE_DATE) for name in sorted(names)]
    assert sum(p.articles.count() for p in stored) == previewed
    assert [run.user for run in ImportRun.objects.all()] == [editor, editor]


def test_without_javascript_the_confirmed_page_says_it_is_saved(live_server, chromium_browser, screenshot, editor):
    context = chromium_browser.new_context(viewport={"width": 1280, "height": 900}, locale="zh-CN",
                                           java_script_enabled=False)
    page = context.new_page()
    page.set_default_timeout(10_000)
    log_in(page, live_server)
    page.goto(f"{live_server.url}/admin/archive/page/import/")
    page.get_by_label("版面文件").set_input_files([str(SEEDS / FRONT_PAGE)])
    page.get_by_label("出版日期").fill(FRONT_PAGE_DATE.isoformat())
    page.get_by_role("button", name="预览").click()
    expect(page.get_by_text("尚未保存")).to_be_visible()
    page.get_by_role("button", name="确认导入").click()
    expect(page.locator(".messagelist .success")).to_have_text(
        "导入完成：共 1 个文件，已导入 1 个，未变化 0 个，失败 0 个。已导入的内容已保存，并已更新检索。", timeout=30_000
    )
    expect(page.get_by_text("尚未保存")).to_have_count(0)
    screenshot(page, "admin-import-done-without-js")
    assert Page.objects.get().source_file == FRONT_PAGE
    context.close()


def test_change_lists_give_chinese_columns_room(live_server, browser_page, screenshot, editor):
    """Titles and names wrap as whole lines, not a few characters each, and the headers are Chinese."""
    from tests.browse.sample_archive import build_sample_archive

    build_sample_archive()
    page = browser_page
    log_in(page, live_server)
    for model, column in (("article", "标题"), ("mention", "职务")):
        page.goto(f"{live_server.url}/admin/archive/{model}/")
        header = page.locator("#result_list thead th").filter(has_text=column)
        expect(header).to_have_count(1)
        cell = page.locator("#result_list tbody tr").first.locator("td, th").nth(
            header.evaluate("th => th.cellIndex")
        )
        assert cell.bounding_box()["width"] >= 150, f"{model}: {column} column is cramped"
        screenshot(page, f"admin-{model}-list", full_page=False)
    expect(page.locator("#nav-sidebar")).to_have_count(0)
