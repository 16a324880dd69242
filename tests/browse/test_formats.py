"""JSON beside every detail page, and an article's citation as GB/T 7714 text, RIS and BibTeX."""
import json
from datetime import date

import pytest
from django.urls import reverse

from archive.formats import bibtex_entry, gbt7714_citation, ris_record
from archive.models import Article, Issue, Page
from archive.views import PersonDetailView
from tests.browse.sample_archive import add_article


def get_json(client, url, **params):
    response = client.get(url, {"format": "json", **params})
    assert response.status_code == 200, response.content
    assert response["Content-Type"] == "application/json"
    return json.loads(response.content)


def test_article_json_has_the_export_fields_people_with_their_pages_and_neighbours(client, archive):
    data = get_json(client, archive.lead.get_absolute_url())
    assert data["url"] == f"http://testserver{archive.lead.get_absolute_url()}"
    assert data["headline"] == "市委常委会召开会议" and data["page"] == "01" and data["kind"] == "news"
    assert [(p["name"], p["titles"], p["roles"]) for p in data["persons"]] == [
        ("周立成", ["市委书记"], ["presided"]), ("吴海川", ["市委副书记", "市长"], ["spoke"]),
        ("郑秋实", ["温县县长"], ["attended"]),
    ]
    assert data["persons"][1]["url"] == f"http://testserver{archive.mayor.get_absolute_url()}"
    assert data["meeting"]["name"] == "市委常委会会议" and data["districts"] == ["温县"]
    assert data["previous_article"] is None
    assert data["next_article"] == f"http://testserver{archive.photo.get_absolute_url()}"
    assert data["citation"] == "周文. 市委常委会召开会议[N]. 焦作日报, 2016-09-02(01)."


def test_issue_json_lists_pages_and_articles_in_reading_order_with_the_neighbouring_issues(client, archive):
    data = get_json(client, archive.district_issue.get_absolute_url())
    assert data["edition"] == "示范区" and data["date"] == "2016-09-02"
    assert data["previous_issue"].endswith("/issues/2014-04-17/%E7%A4%BA%E8%8C%83%E5%8C%BA/")
    assert data["next_issue"].endswith("/issues/2020-12-21/%E7%A4%BA%E8%8C%83%E5%8C%BA/")
    main = get_json(client, archive.main_issue.get_absolute_url())
    assert [page["label"] for page in main["pages"]] == ["01", "02"]
    front = main["pages"][0]["articles"]
    assert [(a["order"], a["kind"]) for a in front] == [(1, "news"), (2, "photo"), (3, "news")]
    assert main["previous_issue"] is None and main["next_issue"] is None
    assert len(main["other_editions"]) == 1


def test_person_json_pages_through_their_articles(client, archive):
    data = get_json(client, archive.mayor.get_absolute_url())
    assert data["name"] == "吴海川"
    assert [span["title"] for span in data["titles"]] == ["市委副书记", "市长"]
    assert data["titles"][1]["last"] == "2020-12-21"
    assert data["articles"]["count"] == 3 and data["articles"]["next"] is None
    titles = [a["title"] for a in data["articles"]["results"]]
    assert titles == ["市长调研冬季供暖", "市委常委会召开会议", "武陟县推进产业集聚"]
    past_the_end = get_json(client, archive.mayor.get_absolute_url(), page=9)
    assert [a["title"] for a in past_the_end["articles"]["results"]] == titles


def test_person_json_links_the_next_page_of_articles(client, archive, monkeypatch):
    monkeypatch.setattr(PersonDetailView, "paginate_by", 2)
    data = get_json(client, archive.mayor.get_absolute_url())
    assert data["articles"]["num_pages"] == 2
    assert "format=json" in data["articles"]["next"] and "page=2" in data["articles"]["next"]
    second = get_json(client, archive.mayor.get_absolute_url(), page=2)
    assert [a["title"] for a in second["articles"]["results"]] == ["武陟县推进产业集聚"]
    assert "page=1" in second["articles"]["previous"]


def test_meeting_district_and_page_json(client, archive):
    meeting = get_json(client, archive.meeting.get_absolute_url())
    assert meeting["name"] == "市委常委会会议" and meeting["date"] == "2016-09-01"
    assert [p["name"] for p in meeting["presided_by"]] == ["周立成"] and meeting["districts"] == ["wenxian"]
    district = get_json(client, archive.wenxian.get_absolute_url())
    assert district["name"] == "温县" and {"name": "样例镇", "kind": "town"} in district["places"]
    assert district["articles"]["count"] == 3
    page = get_json(client, archive.lead.page.get_absolute_url())
    assert [a["title"] for a in page["articles"]] == [
        "市委常委会召开会议", "图片说明：秋收时节，农民在田间劳作。", "武陟县推进产业集聚"
    ]
    assert page["next_page"].endswith(archive.continuation_page.get_absolute_url())


def test_every_detail_page_announces_its_json(client, archive):
    for obj in (archive.lead, archive.mayor, archive.meeting, archive.wenxian, archive.main_issue, archive.lead.page):
        html = client.get(obj.get_absolute_url()).content.decode()
        assert '<link rel="alternate" type="application/json" href="' in html and "format=json" in html, obj


def test_an_empty_format_is_the_html_page(client, archive):
    response = client.get(archive.lead.get_absolute_url(), {"format": ""})
    assert response.status_code == 200 and response["Content-Type"].startswith("text/html")


@pytest.mark.parametrize("value", ["xml", "csv", "x" * 500])
def test_an_unknown_format_is_refused_in_chinese(client, archive, value):
    response = client.get(archive.lead.get_absolute_url(), {"format": value})
    assert response.status_code == 400
    text = response.content.decode()
    assert "不支持的格式" in text and "json" in text and len(text) < 200


def test_ris_and_bibtex_downloads(client, archive):
    url = archive.lead.get_absolute_url()
    ris = client.get(url, {"format": "ris"})
    assert ris["Content-Type"] == "application/x-research-info-systems; charset=utf-8"
    assert ris["Content-Disposition"] == f'attachment; filename="article-{archive.lead.pk}.ris"'
    lines = ris.content.decode().split("\r\n")
    assert lines[0] == "TY  - NEWS" and "AU  - 周文" in lines and "TI  - 市委常委会召开会议" in lines
    assert "T2  - 焦作日报" in lines and "DA  - 2016/09/02" in lines and "SP  - 01" in lines
    assert f"UR  - http://testserver{url}" in lines and lines[-2] == "ER  - "
    bib = client.get(url, {"format": "bibtex"})
    assert bib["Content-Type"] == "application/x-bibtex; charset=utf-8"
    assert bib["Content-Disposition"] == f'attachment; filename="article-{archive.lead.pk}.bib"'
    text = bib.content.decode()
    assert text.startswith(f"@article{{jiaozuo-article-{archive.lead.pk},\n")
    assert "  author = {{周文}},\n" in text and "  title = {{市委常委会召开会议}},\n" in text
    assert "  journal = {焦作日报},\n" in text and "  date = {2016-09-02},\n" in text and text.endswith("}\n")


@pytest.fixture
def unlabelled_article(archive):
    issue = Issue.objects.create(date=date(2018, 5, 6), paper="焦作日报", edition="示范区")
    page = Page.objects.create(issue=issue, source_file="x.txt", raw_text="", sha256="x")
    return add_article(page, 1, "会议纪要_第1号 & {附件} 100%", reporters=["甲", "乙", "丙", "丁"])


def test_citation_cuts_authors_after_three_and_names_the_edition(unlabelled_article):
    assert gbt7714_citation(unlabelled_article) == (
        "甲, 乙, 丙, 等. 会议纪要_第1号 & {附件} 100%[N]. 焦作日报·示范区, 2018-05-06."
    )


def test_citation_without_author_starts_with_the_title(archive):
    photo = Article.objects.get(pk=archive.photo.pk)
    assert gbt7714_citation(photo) == "孙影. 图片说明：秋收时节，农民在田间劳作。[N]. 焦作日报, 2016-09-02(01)."
    photo.photographers = []
    assert gbt7714_citation(photo) == "图片说明：秋收时节，农民在田间劳作。[N]. 焦作日报, 2016-09-02(01)."


def test_bibtex_escapes_its_special_characters_and_ris_leaves_out_a_missing_page(unlabelled_article):
    text = bibtex_entry(unlabelled_article, "http://example.org/a/")
    assert r"title = {{会议纪要\_第1号 \& \{附件\} 100\%}}" in text
    assert "author = {{甲} and {乙} and {丙} and {丁}}" in text and "pages" not in text
    assert "SP  -" not in ris_record(unlabelled_article, "http://example.org/a/")


def test_article_page_shows_the_citation_with_a_copy_button_and_downloads(client, archive):
    html = client.get(archive.lead.get_absolute_url()).content.decode()
    citation = "周文. 市委常委会召开会议[N]. 焦作日报, 2016-09-02(01)."
    assert f'<p id="citation-text" class="citation-text">{citation}</p>' in html
    assert 'data-copy="citation-text"' in html and 'href="?format=ris"' in html and 'href="?format=bibtex"' in html
    assert "<script>" not in html and " onclick=" not in html
    assert reverse("archive:home") in html
