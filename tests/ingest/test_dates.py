"""Event dates resolved from composed article leads (not the seed pages)."""
from datetime import date

import pytest

from archive.ingest.dates import EventDate, read_event_date, resolve_event_date

ISSUE = date(2019, 3, 6)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("昨日下午，市政协召开主席会议。", date(2019, 3, 5)),
        ("昨天，全市春耕生产现场会在孟州市举行。", date(2019, 3, 5)),
        ("昨晚，一场文艺演出在人民广场上演。", date(2019, 3, 5)),
        ("前日上午，市长带队检查安全生产。", date(2019, 3, 4)),
        ("前天，记者来到修武县七贤镇。", date(2019, 3, 4)),
        ("今日，第二届太极拳交流大赛开幕。", ISSUE),
        ("3月1日上午，市委召开常委会议。", date(2019, 3, 1)),
        ("3 月\n1 日，市委召开常委会议。", date(2019, 3, 1)),
        ("３月２日，孟州市举行植树活动。", date(2019, 3, 2)),
        ("2月26日至28日，市人大常委会组织视察。", date(2019, 2, 26)),
        ("2月26日-28日，市人大常委会组织视察。", date(2019, 2, 26)),
        ("2018年11月20日，一场招聘会在温县举行。", date(2018, 11, 20)),
        ("去年12月30日，该项目正式签约。", date(2018, 12, 30)),
        ("12月28日，市政府召开廉政工作会议。", date(2018, 12, 28)),
        ("4日上午，市委理论学习中心组举行学习会。", date(2019, 3, 4)),
        ("28日上午，市委理论学习中心组举行学习会。", date(2019, 2, 28)),
        ("三月五日，市妇联举行表彰会。", date(2019, 3, 5)),
        ("本月2日，市妇联举行表彰会。", date(2019, 3, 2)),
        ("上月26日召开的全市经济工作会议提出新目标。", date(2019, 2, 26)),
        ("本报讯 市委书记昨日上午主持召开专题会议。", date(2019, 3, 5)),
        ("全市安全生产大会之后，3月2日，市应急管理局立即召开动员会。", date(2019, 3, 2)),
        ("市委、市政府决定，从3月1日开始，在全市开展环境整治。昨日，整治正式启动。", date(2019, 3, 5)),
    ],
)
def test_event_date_from_the_lead(text, expected):
    assert resolve_event_date(text, ISSUE) == expected


@pytest.mark.parametrize(
    "text",
    [
        "近日，市文化馆举办书法展览。3月1日开展以来参观者众多。",
        "日前，记者从市交通运输局获悉，3月5日起调整公交线路。",
        "连日来，各县（市）区加紧春灌。",
        "市委、市政府决定，从3月1日开始，在全市开展环境整治。",
        "自3月10日起，市区禁止燃放烟花爆竹。",
        "截至2月28日，全市累计完成投资30亿元。",
        "详见今日本报A02版",
        "电话：17538216666 地址：人民路",
        "近年来，我市持续推进大气污染防治。2018年，全市优良天数增加。",
    ],
)
def test_undated_items_and_period_bounds_give_none(text):
    assert resolve_event_date(text, ISSUE) is None


def test_only_the_lead_counts():
    text = "市文化馆举办书法展览，吸引众多市民。展览内容丰富。展览将持续到月底，3月1日曾举行研讨会。"
    assert resolve_event_date(text, ISSUE) is None


def test_impossible_dates_are_skipped():
    assert resolve_event_date("2月30日，某活动举行。昨日，会议召开。", ISSUE) == date(2019, 3, 5)


def test_january_issue_reads_december_as_last_year():
    assert resolve_event_date("12月31日，全市举行跨年活动。", date(2020, 1, 2)) == date(2019, 12, 31)


def test_a_line_break_ends_the_lead_sentence():
    teasers = "健康讲座 市人民医院开设健康课堂。扫码更精彩\n周末派对 青年联谊会3月9日晚举行。扫码更精彩"
    assert resolve_event_date(teasers, ISSUE) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("“快来尝尝！”摊主招呼着。人群越聚越多。3月2日20时许，夜市迎来客流高峰。\n第二段。", date(2019, 3, 2)),
        ('"快来尝尝!"摊主招呼着.人群越聚越多.3月2日20时许,夜市迎来客流高峰.', date(2019, 3, 2)),
        ("夜幕下，老街灯火通明。游客摩肩接踵。4日晚，记者在这里看到，摊位前排起长队。", date(2019, 3, 4)),
    ],
)
def test_features_date_their_scene_later_in_the_first_paragraph(text, expected):
    assert resolve_event_date(text, ISSUE) == expected


@pytest.mark.parametrize(
    "text",
    [
        "“快来尝尝！”摊主招呼着。人群越聚越多。连日来，夜市每晚都很热闹。3月2日，夜市扩建。",
        "“快来尝尝！”摊主招呼着。人群越聚越多。从3月1日开始，夜市延长营业时间。",
        "“快来尝尝！”摊主招呼着。人群越聚越多。截至3月1日，夜市已有摊位200个。",
        "截至2月28日，全市完成投资30亿元。项目进展顺利。资金到位。3月2日，又有项目开工。",
        "夜幕下，老街灯火通明。游客摩肩接踵。摊主们忙个不停。店铺生意红火。3月2日，老街迎来高峰。",
    ],
)
def test_feature_reading_stops_at_periods_vague_phrases_and_four_sentences(text):
    assert resolve_event_date(text, ISSUE) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("本报讯(记者 赵明远)3月1日,市委召开常委会议.", date(2019, 3, 1)),
        ("4日上午,市长带队检查安全生产.", date(2019, 3, 4)),
        ("会议要求:从3月1日开始,全市开展整治.昨日,整治启动.", date(2019, 3, 5)),
    ],
)
def test_ascii_punctuation_in_the_lead(text, expected):
    assert resolve_event_date(text, ISSUE) == expected


def test_dates_inside_an_opening_quotation_are_the_speaker_s():
    text = "“3月1日那天我永远忘不了！”老人说。说起往事，他感慨万千。4日上午，记者来到他家。"
    assert resolve_event_date(text, ISSUE) == date(2019, 3, 4)


def test_a_quoted_term_is_not_a_quotation():
    text = "“三夏”生产工作会议3月2日召开。会议部署了工作。"
    assert resolve_event_date(text, ISSUE) == date(2019, 3, 2)


def test_a_quotation_printed_as_its_own_paragraph_opens_the_feature():
    text = "“快来尝尝！”\n摊主招呼着。人群越聚越多。3月2日20时许，夜市迎来客流高峰。\n第二段。"
    assert resolve_event_date(text, ISSUE) == date(2019, 3, 2)


def test_opening_question_is_skipped_for_the_lead():
    text = "全县环境整治行动目前进展如何？5月3日上午，县领导带队进行现场检查。"
    assert resolve_event_date(text, date(2021, 5, 6)) == date(2021, 5, 3)


def test_a_feature_opening_runs_over_a_paragraph_break():
    text = "“快来尝尝！”摊主招呼着。人群越聚越多。\n3月2日，夜市迎来客流高峰。"
    assert resolve_event_date(text, ISSUE) == date(2019, 3, 2)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("近日，市文化馆举办书法展览。", EventDate(date(2019, 3, 5), "approximate")),
        ("日前，记者从市教育局获悉，该局昨日召开校园安全会议。", EventDate(date(2019, 3, 5), "day")),
        ("近日，记者走访了几个社区。昨日，社区召开居民会议。", EventDate(date(2019, 3, 5), "approximate")),
        ("上周，市里召开防汛会议。", EventDate(date(2019, 2, 27), "approximate")),
        ("上周五，市里召开防汛会议。", EventDate(date(2019, 3, 1), "day")),
        ("2月下旬，全市开展消防检查。", EventDate(date(2019, 2, 21), "month")),
        ("本月3日，全市开展消防检查。", EventDate(date(2019, 3, 3), "day")),
        ("从3月1日至3日，全市开展消防检查。", EventDate(date(2019, 3, 1), "day")),
        ("连日来，各县（市）区加紧春灌。", None),
    ],
)
def test_precision_of_event_dates(text, expected):
    assert read_event_date(text, ISSUE) == expected


def test_a_feature_recalling_the_past_is_dated_by_its_recent_event():
    text = "山河之间，一片沃土。2018年9月16日至20日，一场盛会在此举行。2019年2月19日，记者专程拜访了他。"
    assert resolve_event_date(text, ISSUE) == date(2019, 2, 19)
    assert resolve_event_date("2018年9月16日，一场盛会在此举行。此后再无音讯。", ISSUE) == date(2018, 9, 16)


@pytest.mark.parametrize(
    "text",
    [
        "今日六、七版推出来自某县的特别报道。",
        "再有11天，2019年3月17日，是本报创刊纪念日。对于这一天，我感慨良多。",
        "还有 五 天，3月11日就是植树节。",
    ],
)
def test_the_issue_s_own_pages_and_days_counted_down_to_date_nothing(text):
    assert resolve_event_date(text, ISSUE) is None


def test_a_web_copy_citing_the_newspaper_s_report_is_dated_by_the_report_s_event():
    text = (
        "3月5日，《某某日报》头版以“清流润农田”为题，对我县泵站启动进行了报道。\n"
        "3月1日9时许，某县某乡泵站启动，渠水奔向农田。"
    )
    assert resolve_event_date(text, date(2019, 3, 6)) == date(2019, 3, 1)
    assert resolve_event_date("3月5日，《某某日报》记者来到泵站。", ISSUE) == date(2019, 3, 5)
