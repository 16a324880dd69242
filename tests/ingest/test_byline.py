"""Bylines on small texts written for these tests."""
import pytest

from archive.ingest.byline import (
    is_closing_byline,
    parse_credit,
    parse_feature_byline,
    split_dateline,
    split_photo_credit,
)
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


@pytest.mark.parametrize(
    ("text", "reporters", "contributors", "rest"),
    [
        ("新华社北京3月5日电（记者张晓明 李华）3月5日上午，", ["张晓明", "李华"], [], "3月5日上午，"),
        ("新华社郑州 6月2日电 （记者 周 岩） 记者从省政府获悉，", ["周岩"], [], "记者从省政府获悉，"),
        ("据新华社电 近日，国务院印发通知。", [], [], "近日，国务院印发通知。"),
        ("人民日报讯 近日，国务院印发通知。", [], [], "近日，国务院印发通知。"),
        ("河南日报讯（记者宋敏 通讯员韩磊）6月2日，", ["宋敏"], ["韩磊"], "6月2日，"),
        ("本报讯 记者王芳 通讯员刘建国 3月4日下午，新区召开会议。", ["王芳"], ["刘建国"], "3月4日下午，新区召开会议。"),
        ("本报讯 记者 王 芳 通讯员 刘 建 国 昨日上午，新区开会。", ["王芳"], ["刘建国"], "昨日上午，新区开会。"),
        ("本报讯 记者王芳、李明 实习生赵园 近日，", ["王芳", "李明"], ["赵园"], "近日，"),
        ("本报讯（通讯员 孟凡）昨日，", [], ["孟凡"], "昨日，"),
        ("本报讯（记者 林晓 实习生 丁一 通讯员 孟凡）昨日", ["林晓"], ["丁一", "孟凡"], "昨日"),
        ("■本报讯 记者林晓 昨日，", ["林晓"], [], "昨日，"),
    ],
)
def test_other_papers_wire_services_and_credits_without_brackets(text, reporters, contributors, rest):
    byline, body = split_dateline(clean_line(text))
    assert (byline.reporters, byline.contributors, body) == (reporters, contributors, rest)


def test_body_words_after_an_opening_are_not_taken_for_names():
    byline, body = split_dateline(clean_line("本报讯 记者从市统计局获悉，今年粮食增产。"))
    assert (byline.reporters, body) == ([], "记者从市统计局获悉，今年粮食增产。")
    assert split_dateline("新华社记者林晓摄") is None
    assert split_dateline("情报讯息显示，") is None


@pytest.mark.parametrize("text", ["□本报记者 林晓", "●本报记者 林 晓", "■记者 林晓", "■记者 林 晓", "◆ 记者 林晓"])
def test_bulleted_feature_bylines(text):
    assert parse_feature_byline(clean_line(text)).reporters == ["林晓"]


def test_text_and_photos_by_the_same_reporter():
    before = parse_feature_byline(clean_line("文/图 本报记者 林晓"))
    after = parse_feature_byline(clean_line("本报记者 林晓 文/图"))
    assert before == after
    assert (after.reporters, after.photographers) == (["林晓"], ["林晓"])
    assert not is_closing_byline("文/图 本报记者 林晓") and is_closing_byline("本报记者 林晓 文/图")


@pytest.mark.parametrize(
    ("text", "caption", "names"),
    [
        ("李明 摄", "", ["李明"]),
        ("李明 王刚 摄", "", ["李明", "王刚"]),
        ("欧阳明 摄", "", ["欧阳明"]),
        ("林晓/摄", "", ["林晓"]),
        ("工人在车间调试设备。 李明 摄", "工人在车间调试设备。", ["李明"]),
        ("本报通讯员 孟凡 摄", "", ["孟凡"]),
        ("（本报记者 林晓 摄）", "", ["林晓"]),
        ("工人在车间调试设备。 本报记者 林晓/摄", "工人在车间调试设备。", ["林晓"]),
    ],
)
def test_photo_credits_with_and_without_a_role(text, caption, names):
    got_caption, byline = split_photo_credit(clean_line(text))
    assert (got_caption, byline.photographers) == (caption, names)


@pytest.mark.parametrize("text", ["用手机拍摄", "张师傅拍摄", "工人们正在拍摄", "会议现场。大家拍摄"])
def test_sentences_ending_in_she_are_not_credits(text):
    assert split_photo_credit(text) is None


def test_own_reporter_away_from_home_and_special_correspondent():
    byline, rest = split_dateline("本报杭州5月9日电（特派记者陈思远）5月7日至9日，考察团一行到某地考察。")
    assert byline.reporters == ["陈思远"]
    assert rest.startswith("5月7日至9日")
    feature = parse_feature_byline("本报特派记者 林晓")
    assert feature.reporters == ["林晓"]


def test_photo_credit_with_two_roles_names_only_the_people():
    caption, byline = split_photo_credit("图为工人正在河道施工。本报记者 林晓 本报通讯员 孟凡 摄")
    assert byline.photographers == ["林晓", "孟凡"]
    assert caption == "图为工人正在河道施工。"


def test_photo_credit_with_two_roles_after_layout_spaces_are_gone():
    caption, byline = split_photo_credit("图为工人正在河道施工。本报记者林晓本报通讯员孟凡摄")
    assert byline.photographers == ["林晓", "孟凡"]
    assert caption == "图为工人正在河道施工。"


@pytest.mark.parametrize(
    ("text", "reporters", "rest"),
    [
        ("本报上海3月8日讯记者陈思远、林晓报道：全市春播进度过半。", ["陈思远", "林晓"], "全市春播进度过半。"),
        ("本报郑州三月二十日电记者方舟报道：全省春播进度过半。", ["方舟"], "全省春播进度过半。"),
        ("本报讯 记者孟凡报道 近日，新区召开会议。", ["孟凡"], "近日，新区召开会议。"),
        ("本报讯新华社记者陈思远、本报记者林晓报道：全市春播进度过半。", ["陈思远", "林晓"], "全市春播进度过半。"),
        ("本报武汉4月2日电中新社记者方舟 本报记者孟凡报道：江城春播忙。", ["方舟", "孟凡"], "江城春播忙。"),
    ],
)
def test_dated_own_reporters_and_several_outlets_credited_before_baodao(text, reporters, rest):
    byline, body = split_dateline(text)
    assert (byline.reporters, body) == (reporters, rest)


def test_baodao_inside_the_body_closes_no_credit():
    byline, body = split_dateline("本报讯 记者近日报道的问题已经解决。")
    assert (byline.reporters, body) == ([], "记者近日报道的问题已经解决。")


def test_wire_copy_credits_its_reporters_by_name_alone():
    byline, body = split_dateline("据新华社南京5月2日电（陈思远、林晓）从首演到今天，剧团演出了60余场。")
    assert (byline.reporters, body) == (["陈思远", "林晓"], "从首演到今天，剧团演出了60余场。")
    assert split_dateline("新华社北京5月2日电（综合外电）近日，")[0].reporters == []
    assert split_dateline("本报讯（孟凡）昨日，")[0].reporters == ["孟凡"]


def test_feature_byline_of_two_publications():
    byline = parse_feature_byline("本报记者陈思远《田野》杂志记者林晓")
    assert byline.reporters == ["陈思远", "林晓"]


def test_reporters_posted_abroad_or_to_the_capital():
    byline, body = split_dateline("本报东京5月2日电 本报驻日本记者林晓报道：日本央行今天宣布维持利率不变。")
    assert (byline.reporters, body) == (["林晓"], "日本央行今天宣布维持利率不变。")
    assert parse_feature_byline("本报驻开罗记者 陈思远").reporters == ["陈思远"]
    assert split_photo_credit("市民在街头观看表演。新华社驻京记者 方舟摄") == (
        "市民在街头观看表演。",
        split_photo_credit("新华社记者 方舟 摄")[1],
    )
