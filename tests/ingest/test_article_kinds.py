"""Article kinds from evidence any page shows: captions, teasers, ads and notices (invented texts)."""
from datetime import date

import pytest

from archive.ingest.kinds import POINTER_CHARS, TEASER_CHARS, article_kind, is_advertisement, is_caption, is_teaser
from archive.ingest.pipeline import parse_page

DAY = date(2021, 5, 12)


@pytest.mark.parametrize(
    "body",
    [
        "图为新区志愿者在社区开展义诊活动。",
        "上图：春耕时节，农民在田间播种。",
        "新区湿地公园里白鹭翩翩起舞。（林晓摄）",
    ],
)
def test_untitled_short_text_saying_what_a_picture_shows_is_a_caption(body):
    assert article_kind("news", None, body) == "photo"


def test_a_titled_report_that_starts_with_tu_wei_stays_a_report():
    body = "图为昨日召开的新区经济工作会议。会议总结了一季度工作，部署了下一阶段的重点任务。"
    assert article_kind("news", "新区召开经济工作会议", body) != "photo"
    assert not is_caption("图为" + "新区" * 80)


@pytest.mark.parametrize(
    "body", ["乡村教师的坚守▶▶详见第3版", "新区夏粮喜获丰收（见A03版）", "夜市经济火起来 请看今日本报第五版"]
)
def test_short_text_pointing_to_another_page_is_a_teaser(body):
    assert article_kind("news", "乡村教师", body) == "teaser"


def test_a_long_report_mentioning_a_page_is_not_a_teaser():
    body = "昨日，新区召开植树动员会，部署全区植树造林工作，要求各乡镇落实责任，确保完成年度植树任务，相关报道详见第3版"
    assert not is_teaser(body)
    assert article_kind("news", "新区召开植树动员会", body) != "teaser"


@pytest.mark.parametrize(
    "body",
    [
        "新店开业 全场优惠 订购热线：0391-7654321",
        "招生咨询：13912345678 地址：新区人民路8号",
        "团购电话 15837261234 乘车路线：3路、15路",
    ],
)
def test_contact_details_without_a_sentence_are_an_ad(body):
    assert article_kind("news", None, body) == "ad"


def test_a_report_quoting_a_hotline_is_not_an_ad():
    body = "新区开通便民服务热线，市民拨打电话0391-1234567即可反映问题。"
    assert not is_advertisement(body)
    assert article_kind("news", "新区开通便民服务热线", body) == "brief"


@pytest.mark.parametrize("headline", ["关于调整公交线路的公告", "新区拟任干部任前公示", "关于开展安全检查的通知"])
def test_notice_headings_make_a_notice(headline):
    assert article_kind("news", headline, "各单位：请按要求做好相关工作。") == "notice"


def test_front_page_kinds_from_a_whole_page():
    page = (
        "新区召开防汛工作会议\n\n"
        "本报讯（记者陈思远）5月10日，新区召开防汛工作会议。新区管委会主任赵明远主持会议并讲话，"
        "要求各单位落实防汛责任，备足防汛物资，确保安全度汛。\n\n"
        "图为会议现场。\n\n"
        "乡村教师的坚守\n\n▶▶▶ 详见今日本报A02版\n\n"
        "电话：0391-1234567\n地址：新区人民路1号\n"
    )
    articles = parse_page(page, DAY).articles
    assert [(a.kind, a.headline) for a in articles] == [
        ("brief", "新区召开防汛工作会议"),
        ("photo", None),
        ("teaser", "乡村教师的坚守"),
        ("ad", None),
    ]
    assert articles[1].body == "图为会议现场。"
    assert articles[0].body.endswith("确保安全度汛。")


def test_a_text_longer_than_a_headline_and_its_pointer_is_no_teaser():
    assert is_teaser("全市重点项目建设加快推进▶详见第3版")
    assert not is_teaser("（" * (TEASER_CHARS + POINTER_CHARS) + "详见第3版")
