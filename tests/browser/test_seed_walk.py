"""The issue-4 walk over the imported seeds: home → a date → an issue → an article → an official → a search facet."""
import io
import re
from datetime import date

import pytest
from django.core.management import call_command
from playwright.sync_api import expect

from archive.models import Article, Person
from tests.search.conftest import search_index  # noqa: F401  (fixture: a fresh Whoosh index in tmp_path)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def seeds(transactional_db, search_index):  # noqa: F811
    """The five seeds imported and indexed, committed so the live server's thread sees them."""
    call_command("import_seeds", stdout=io.StringIO())


def test_reader_walks_from_home_to_a_search_facet(live_server, browser_page, screenshot, seeds):
    page = browser_page
    page.goto(live_server.url + "/")
    histogram = page.get_by_role("list", name="每年收录的文章数")
    histogram.get_by_role("link", name=re.compile("2022")).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("2022年")

    page.get_by_role("link", name="8月4日 焦作日报").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("2022年8月4日")
    screenshot(page, "10-seed-issue")

    article = Article.objects.filter(mentions__person__name="李亦博", publication_date=date(2022, 8, 4)).first()
    assert article is not None, "the importer no longer finds 李亦博 on 2022-08-04"
    page.get_by_role("link", name=article.title, exact=True).first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text(article.title)
    people = page.get_by_role("region", name="文中人物")
    expect(people.get_by_role("link", name="李亦博")).to_be_visible()
    screenshot(page, "11-seed-article")

    people.get_by_role("link", name="李亦博").click()
    person = Person.objects.get(name="李亦博")
    expect(page).to_have_url(re.compile(rf"/people/{person.pk}/$"))
    timeline = page.get_by_role("region", name="职务时间线")
    expect(timeline.get_by_role("heading", name="市长", exact=True)).to_be_visible()
    expect(timeline.get_by_role("heading", name="市委副书记", exact=True)).to_be_visible()
    screenshot(page, "12-seed-person")

    page.get_by_role("link", name="在搜索中筛选此人").click()
    expect(page).to_have_url(re.compile(rf"/search/\?official={person.pk}$"))
    page.get_by_role("search", name="全文检索").get_by_label("关键词").fill("焦作")
    page.get_by_role("search", name="全文检索").get_by_role("button", name="搜索").click()
    expect(page).to_have_url(re.compile(rf"q=%E7%84%A6%E4%BD%9C.*official={person.pk}|official={person.pk}.*q="))
    before = page.locator(".total").inner_text()

    dates = page.get_by_role("region", name=re.compile("^日期"))
    dates.get_by_role("link", name=re.compile("^2022年")).click()
    expect(page).to_have_url(re.compile(r"year=2022"))
    expect(page).to_have_url(re.compile(rf"official={person.pk}"))
    expect(page.get_by_role("group", name="已选条件").get_by_role("listitem")).to_have_count(2)
    after = page.locator(".total").inner_text()
    assert int(after.replace(",", "")) <= int(before.replace(",", ""))
    screenshot(page, "13-seed-search-facet")
