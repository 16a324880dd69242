"""The pipeline on small pages written for these tests: printed text kept, enrich gated by kind."""
from datetime import date

from archive.ingest.pipeline import parse_page

DAY = date(2021, 5, 12)

ASCII_PAGE = """新区召开防汛工作会议

本报讯(记者陈思远)5月10日,新区召开防汛工作会议。新区管委会主任赵明远主持会议并讲话,要求各单位落实防汛责任(特别是重点部位),备足防汛物资,确保安全度汛。
"""

KINDS_PAGE = """关于做好防汛物资储备工作的通知

各乡镇、各部门：5月10日起，新区管委会主任赵明远将带队检查防汛物资储备情况，请各单位于5月20日前完成自查，确保防汛物资储备到位。

市长赵明远主持召开防汛工作会议

▶▶▶ 详见今日本报A02版

电话：0391-1234567
地址：新区人民路1号
"""


def test_body_keeps_printed_punctuation_while_people_and_dates_are_found():
    article = parse_page(ASCII_PAGE, DAY).articles[0]
    assert article.paragraphs[0].startswith("5月10日,新区召开防汛工作会议。")
    assert "(特别是重点部位)," in article.body
    assert article.reporters == ["陈思远"]
    assert article.event_date == date(2021, 5, 10)
    assert [p.name for p in article.persons] == ["赵明远"]
    assert article.meeting is not None


def test_ads_and_teasers_report_no_event_and_notices_have_no_event_date():
    articles = {a.kind: a for a in parse_page(KINDS_PAGE, DAY).articles}
    assert set(articles) == {"notice", "teaser", "ad"}
    assert articles["notice"].event_date is None
    for kind in ("teaser", "ad"):
        assert articles[kind].event_date is None and articles[kind].meeting is None
        assert all(p.roles == [] for p in articles[kind].persons)
    assert [p.name for p in articles["teaser"].persons] == ["赵明远"]


def test_layout_space_inside_a_name_does_not_hide_it_from_the_meeting():
    page = (
        "本报讯（记者林晓）昨日，县委\n书记鲁正方主持召开座谈会。\n县长柯 文山、副县长岑丽出\n席会议。\n"
    )
    (article,) = parse_page(page, date(2021, 5, 12)).articles
    assert article.meeting.presided_by == ["鲁正方"]
    assert article.meeting.attended_by == ["柯文山", "岑丽"]


def test_an_article_printed_twice_is_read_alike_into_records_of_its_own():
    brief = "本报讯（记者 陈思远）5月8日，市长赵明远在温县主持会议。\n\n"
    first, second = parse_page(brief * 2, DAY).articles
    alone = parse_page(brief, DAY).articles[0].as_export()
    assert first.as_export() == {**alone, "order": 1} and second.as_export() == {**alone, "order": 2}
    assert [p.name for p in second.persons] == ["赵明远"] and second.districts == ["温县"]
    first.persons[0].titles.append("县长")
    first.persons.append(first.persons[0])
    first.districts.append("孟州市")
    assert second.as_export() == {**alone, "order": 2}
