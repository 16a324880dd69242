"""Bylines on small texts written for these tests."""
import pytest

from archive.ingest.byline import parse_credit, parse_feature_byline, split_dateline, split_photo_credit
from archive.ingest.normalize import clean_line


@pytest.mark.parametrize(
    ("text", "reporters", "contributors", "rest"),
    [
        ("本报讯（记者陈思远）昨日上午，新区召开会议。", ["陈思远"], [], "昨日上午，新区召开会议。"),
        ("本报讯（记者陈思远、林晓）3月5日，", ["陈思远", "林晓"], [], "3月5日，"),
        ("本报讯（记者陈思远 见习记者吴佳）昨日", ["陈思远"], ["吴佳"], "昨日"),
        ("本报讯（记者陈思远 通讯员孟凡 实习生丁一）昨日", ["陈思远"], ["孟凡", "丁一"], "昨日"),
        ("本报（记者林晓、方舟）8月3日上午", ["林晓", "方舟"], [], "8月3日上午"),
        ("本报讯 （记者陈思远） 12月", ["陈思远"], [], "12月"),
        ("本报讯 据了解，", [], [], "据了解，"),
    ],
)
def test_dateline_gives_byline_and_the_body_after_it(text, reporters, contributors, rest):
    byline, body = split_dateline(clean_line(text))
    assert (byline.reporters, byline.contributors, body) == (reporters, contributors, rest)


def test_ascii_dateline_keeps_the_printed_body():
    byline, body = split_dateline(clean_line("本报讯(记者陈思远)4月15日,新区召开大会。"))
    assert byline.reporters == ["陈思远"]
    assert body == "4月15日,新区召开大会。"


def test_text_without_dateline_is_not_one():
    assert split_dateline("本报记者从市统计局获悉，") is None
    assert split_dateline("昨日，本报讯息传来") is None


def test_feature_byline_on_its_own_line():
    assert parse_feature_byline(clean_line("本报记者 林晓 方舟")).reporters == ["林晓", "方舟"]
    spaced = parse_feature_byline(clean_line("本报记者 吴 佳 实习生 丁 一"))
    assert (spaced.reporters, spaced.contributors) == (["吴佳"], ["丁一"])


def test_body_sentences_and_commentary_are_not_feature_bylines():
    assert parse_feature_byline("本报评论员") is None
    assert parse_feature_byline("本报记者从会上获悉，今年粮食增产。") is None
    assert parse_feature_byline("记者看到") is None


def test_photo_credit_alone_and_after_a_caption():
    assert split_photo_credit(clean_line("本报记者 赵 晴 摄")) == ("", split_photo_credit("本报记者赵晴摄")[1])
    caption, byline = split_photo_credit(clean_line("工人在车间调试设备。 本报记者 林晓 摄"))
    assert (caption, byline.photographers) == ("工人在车间调试设备。", ["林晓"])
    assert split_photo_credit(clean_line("通讯员 孟凡 摄"))[1].photographers == ["孟凡"]


def test_photo_credit_needs_a_credit_form():
    assert split_photo_credit("他喜欢摄") is None
    assert split_photo_credit("会议要求做好拍摄") is None


def test_credit_with_unknown_text_is_refused():
    assert parse_credit("记者看到，现场人头攒动") is None


def test_bulleted_and_bare_role_feature_bylines():
    assert parse_feature_byline("■本报记者 林晓").reporters == ["林晓"]
    assert parse_feature_byline("记者 林晓 方舟").reporters == ["林晓", "方舟"]
    assert parse_feature_byline("记者林晓说") is None


def test_credit_in_parentheses_and_from_an_agency():
    assert split_photo_credit("（新华社记者 林晓 摄）")[1].photographers == ["林晓"]
    assert split_photo_credit("工人正在作业。（本报记者 林晓 方舟 摄）") == (
        "工人正在作业。",
        split_photo_credit("本报记者 林晓、方舟 摄")[1],
    )


def test_stray_layout_spaces_inside_bylines():
    byline, rest = split_dateline(clean_line("本报 讯（记 者陈思 远 见习 记者吴 佳） 昨日，市 政府召开会议"))
    assert (byline.reporters, byline.contributors, rest) == (["陈思远"], ["吴佳"], "昨日，市政府召开会议")
    assert split_photo_credit(clean_line("本报 记者 赵 晴 摄"))[1].photographers == ["赵晴"]
    assert parse_credit("记者 翟 艳 韦 冰").reporters == ["翟艳", "韦冰"]


def test_credit_words_that_are_not_names():
    assert parse_credit("记者 林晓 报道").reporters == ["林晓"]
    assert parse_credit("记者 林晓/文 方舟/图").reporters == ["林晓", "方舟"]
    assert parse_credit("通讯员 孟凡").contributors == ["孟凡"]
