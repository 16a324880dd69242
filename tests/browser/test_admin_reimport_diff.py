"""An editor previews the re-import of a changed page in headless Chromium: the articles added, changed (an inline
text diff) and removed, and the corrected article the new file differs from, at 1280 and 390 px, with screenshots."""
import io
import re

import pytest
from django.core.management import call_command
from django.utils import timezone
from playwright.sync_api import expect

from archive.models import Article, Page
from tests.admin.conftest import FRONT_PAGE, FRONT_PAGE_DATE, SEEDS, create_editor
from tests.browser.test_admin_import import log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
NEW_SENTENCE = "新写入的句子"


def changed_file(tmp_path, stored_text):
    """The seed page with one phrase of its longest article replaced and its last paragraph cut off."""
    article = max(Article.objects.all(), key=lambda a: len(a.body))
    body = article.body
    phrase = next(
        chunk for start in range(len(body) // 2, len(body) - 6)
        if (chunk := body[start : start + 6]).strip() == chunk and "\n" not in chunk
        and stored_text.count(chunk) == 1
    )
    text = stored_text.replace(phrase, NEW_SENTENCE).rstrip().rsplit("\n\n", 1)[0] + "\n"
    path = tmp_path / FRONT_PAGE
    path.write_text(text, encoding="utf-8")
    return path, article, phrase


def test_reimport_preview_shows_the_text_diff_at_desktop_and_phone_widths(
    live_server, browser_page, screenshot, tmp_path
):
    editor = create_editor()
    call_command("import_pages", str(SEEDS / FRONT_PAGE), "--date", FRONT_PAGE_DATE.isoformat(), stdout=io.StringIO())
    stored = Page.objects.get()
    path, changed, phrase = changed_file(tmp_path, stored.raw_text)
    corrected = next(a for a in stored.articles.order_by("order") if a.headline and a.pk != changed.pk)
    Article.objects.filter(pk=corrected.pk).update(
        headline=corrected.headline + "（编辑改）", corrected_at=timezone.now(), corrected_by=editor)

    page = browser_page
    log_in(page, live_server)
    page.get_by_role("link", name="导入版面").click()
    page.get_by_label("版面文件").set_input_files(str(path))
    page.get_by_label("出版日期").fill(FRONT_PAGE_DATE.isoformat())
    page.get_by_role("button", name="预览").click()

    expect(page.get_by_text("该版面已导入过")).to_be_visible()
    counts = page.get_by_text(re.compile(r"新增 \d+ 篇，修改 [1-9]\d* 篇，删除 \d+ 篇"))
    expect(counts).to_be_visible()
    change = page.locator("details.article-diff", has=page.get_by_text("修改：" + changed.title))
    change.locator("summary").click()
    expect(change.locator("ins").filter(has_text=re.compile("[新写入的句子]+"))).to_be_visible()
    removed = change.locator("del")
    expect(removed.first).to_be_visible()
    assert "".join(removed.all_inner_texts()) in phrase
    touched = page.locator("details.article-diff-corrected")
    expect(touched.locator("summary")).to_contain_text("编辑修改过：" + corrected.headline)
    touched.locator("summary").click()
    expect(touched.get_by_text("将保留编辑后的内容")).to_be_visible()
    expect(touched.locator("del").filter(has_text="编辑改")).to_be_visible()
    assert Page.objects.get().raw_text == stored.raw_text, "a preview writes nothing"

    for width, name in ((1280, "admin-reimport-diff-1280"), (390, "admin-reimport-diff-390")):
        page.set_viewport_size({"width": width, "height": 900})
        change.scroll_into_view_if_needed()
        overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
        assert overflow <= 0, f"{width} px: the page is {overflow} px wider than the screen"
        box = change.bounding_box()
        assert box["x"] >= 0 and box["x"] + box["width"] <= width
        screenshot(page, name)
