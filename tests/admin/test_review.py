"""Preview warnings: suspicious names, missing articles, dates that disagree, and date inference."""
from datetime import date

import pytest

from archive.import_review import issue_date_from, review_warnings, suspicious_name_reason
from archive.ingest.records import ParsedArticle, ParsedPage, PersonMention
from tests.admin.conftest import IMPORT_URL, upload, upload_form

ISSUE = date(2016, 9, 2)


@pytest.mark.parametrize(
    ("name", "reason"),
    [("张三", None), ("欧阳明华", None), ("张", "长度为1个字"), ("司马相如之", "长度为5个字"),
     ("张3", "含数字"), ("张，三", "含标点或空格"), ("张 三", "含标点或空格")],
)
def test_suspicious_names(name, reason):
    assert suspicious_name_reason(name) == reason


def test_warnings_for_a_page():
    article = ParsedArticle(
        order=1, headline="标题", event_date=date(2016, 9, 5),
        persons=[PersonMention("张三"), PersonMention("王")],
    )
    warnings = review_warnings(ParsedPage(articles=[article]), ISSUE, "2016年9月3日 星期六\n本报讯")
    assert warnings == [
        "版面上印的日期 2016-09-03 与所填出版日期 2016-09-02 不一致。",
        "《标题》的事件日期 2016-09-05 晚于出版日期。",
        "《标题》中的人名“王”可疑（长度为1个字）。",
    ]
    assert review_warnings(ParsedPage(), ISSUE, "") == ["未识别出任何文章，请检查文件内容。"]
    assert review_warnings(ParsedPage(articles=[ParsedArticle(order=1)]), ISSUE, "2016年9月2日 星期五") == []


@pytest.mark.parametrize(
    ("file_name", "text", "expected"),
    [
        ("2016-09-02.txt", "", ISSUE),
        ("jzrb_20160902_A01.txt", "", ISSUE),
        ("page.txt", "焦作日报\n2016年 9月\n2日　星期五", ISSUE),
        ("page.txt", "2016年2月30日 星期五", None),
        ("page.txt", "本报讯 2016年9月2日上午，会议召开", None),
        ("123456789.txt", "", None),
    ],
)
def test_issue_date_from_file_name_or_masthead(file_name, text, expected):
    assert issue_date_from(file_name, text) == expected


@pytest.mark.django_db
def test_preview_shows_warnings(editor_client):
    text = "2016年9月3日 星期六\n\n本报讯 市委召开常委会议，研究部署下一阶段工作。".encode()
    response = editor_client.post(IMPORT_URL, upload_form(upload("page.txt", text)))
    assert response.context["step"] == "preview"
    assert "版面上印的日期 2016-09-03 与所填出版日期 2016-09-02 不一致" in response.content.decode()
