"""Meetings, visits and ceremonies in composed articles, and the roles given to people."""
from datetime import date

import pytest

from archive.ingest.meetings import assign_roles, extract_meeting
from archive.ingest.records import PersonMention

DAY = date(2021, 5, 12)


def people(*names):
    return [PersonMention(name) for name in names]


def meeting_of(text, *names, headline=None, subtitles=()):
    return extract_meeting(headline, list(subtitles), text, people(*names), DAY)


def test_presided_meeting_with_speaker_and_attendees():
    text = (
        "昨日下午，市委副书记、市长赵明远主持召开全市防汛工作调度会，研究部署防汛工作。"
        "市委常委、常务副市长钱立新，副市长孙建华参加会议。\n"
        "会上，市水利局汇报了汛前准备情况。赵明远强调，要压实责任，确保安全度汛。他要求，各县（市）区要加强值守。"
    )
    meeting = meeting_of(text, "赵明远", "钱立新", "孙建华")
    assert meeting.name == "全市防汛工作调度会"
    assert meeting.date == DAY
    assert meeting.presided_by == ["赵明远"]
    assert meeting.speakers == ["赵明远"]
    assert meeting.attended_by == ["钱立新", "孙建华"]
    assert meeting.location is None


def test_attended_and_spoke_both_count_and_held_in_a_county():
    text = (
        "5月11日，全市秋粮生产现场观摩会在孟州市南庄镇举行。市委常委李晓光出席会议并讲话，"
        "副市长周文博作工作部署。省农业农村厅种植业处处长吴海涛莅会指导。"
    )
    meeting = meeting_of(text, "李晓光", "周文博", "吴海涛")
    assert meeting.name == "全市秋粮生产现场观摩会"
    assert meeting.location == "孟州市南庄镇"
    assert meeting.speakers == ["李晓光", "周文博"]
    assert meeting.attended_by == ["李晓光", "吴海涛"]


def test_meeting_organised_by_others_keeps_only_its_name():
    text = "昨日，市妇联组织召开各界妇女代表参加的全市巾帼建功座谈会。市妇联主席王丽娟要求，广大妇女要争当表率。"
    meeting = meeting_of(text, "王丽娟")
    assert meeting.name == "全市巾帼建功座谈会"
    assert meeting.speakers == ["王丽娟"]
    assert meeting.attended_by == []


def test_visit_named_by_the_headline_counts_hosts_and_guests():
    text = (
        "昨日上午，市委书记郑国强，市委副书记、市长赵明远在焦作宾馆会见了某某控股集团董事长冯志成、"
        "总裁陈嘉一行。副市长孙建华一同会见。郑国强说，欢迎企业来焦投资。冯志成表示，将加快项目落地。"
    )
    meeting = meeting_of(
        text, "郑国强", "赵明远", "冯志成", "陈嘉", "孙建华", headline="郑国强赵明远会见某某控股集团客人"
    )
    assert meeting.name == "会见某某控股集团客人"
    assert meeting.location == "焦作宾馆"
    assert meeting.speakers == ["郑国强", "冯志成"]
    assert meeting.attended_by == ["赵明远", "陈嘉", "孙建华"]


def test_visit_named_by_the_subtitle_and_inherited_subject():
    text = (
        "昨日，市长赵明远专题调研城市供水保障工作，强调要深入学习贯彻上级部署，确保群众用水安全。"
        "赵明远先后到市自来水公司、南水北调配套工程现场察看。副市长周文博陪同调研。"
    )
    subtitle = "赵明远在调研城市供水保障工作时强调"
    meeting = meeting_of(text, "赵明远", "周文博", headline="守牢供水安全底线", subtitles=[subtitle])
    assert meeting.name == "调研城市供水保障工作"
    assert meeting.speakers == ["赵明远"]
    assert meeting.attended_by == ["周文博"]


def test_visit_led_by_a_list_of_officials():
    text = (
        "昨日，市政协主席钱立新，副主席李晓光、王丽娟带领部分政协委员，对我市养老服务工作进行督导。"
        "副市长周文博陪同督导。钱立新指出，要补齐养老服务短板。"
    )
    meeting = meeting_of(text, "钱立新", "李晓光", "王丽娟", "周文博", headline="市政协督导养老服务工作")
    assert meeting.name == "督导养老服务工作"
    assert meeting.speakers == ["钱立新"]
    assert meeting.attended_by == ["李晓光", "王丽娟", "周文博"]


def test_ceremony_in_the_lead():
    text = "5月10日，在修武县举行的文旅项目集中签约仪式上，投资商代表陈嘉与县政府签订了合作协议。"
    meeting = meeting_of(text, "陈嘉")
    assert meeting.name == "文旅项目集中签约仪式"
    assert meeting.location == "修武县"
    assert meeting.attended_by == ["陈嘉"]


def test_people_referred_to_are_not_present():
    text = (
        "5月11日上午，市委书记郑国强主持召开市委常委会会议，要认真贯彻落实省委书记黄思远来焦调研讲话精神。"
        "会议指出，要深入学习贯彻习近平总书记重要讲话精神。"
    )
    meeting = meeting_of(text, "郑国强", "黄思远", "习近平")
    assert meeting.name == "市委常委会会议"
    assert meeting.presided_by == ["郑国强"]
    assert meeting.speakers == []
    assert meeting.attended_by == []


def test_object_of_a_preposition_is_not_the_speaker():
    text = "昨日，市委书记郑国强会见了客商冯志成。郑国强对冯志成一行的到来表示欢迎。"
    meeting = meeting_of(text, "郑国强", "冯志成", headline="郑国强会见客商")
    assert meeting.speakers == ["郑国强"]
    assert meeting.attended_by == ["冯志成"]


def test_words_after_said_are_speech_not_roles():
    text = "昨日，市政府召开企业座谈会。赵明远说，参加会议的企业都是骨干企业，要出席的同志做好准备。"
    meeting = meeting_of(text, "赵明远")
    assert meeting.speakers == ["赵明远"]
    assert meeting.attended_by == []


def test_ascii_punctuation_is_understood():
    text = "5月11日,示范区召开安全生产工作会议,区领导李晓光出席会议并讲话。"
    meeting = meeting_of(text, "李晓光")
    assert meeting.name == "安全生产工作会议"
    assert meeting.speakers == ["李晓光"]
    assert meeting.attended_by == ["李晓光"]


@pytest.mark.parametrize(
    ("headline", "text"),
    [
        ("全面开展环境卫生整治", "近日，我市全面开展环境卫生整治行动，各县（市）区迅速行动。局长吴海涛介绍了情况。"),
        ("关于召开全市教育工作会议的通知", "定于5月20日召开全市教育工作会议，请各单位做好准备。"),
        ("“逆袭”之路", "近年来，我市调研数据显示空气质量持续改善，二级调研员吴海涛说，成绩来之不易。"),
        (None, "市第一督导组组长周文博介绍，整治工作进展顺利。"),
    ],
)
def test_campaigns_notices_and_reports_are_not_meetings(headline, text):
    assert meeting_of(text, "吴海涛", "周文博", headline=headline) is None


def test_assign_roles_from_the_meeting():
    text = "昨日，市委书记郑国强主持召开全市经济工作会议并讲话，市长赵明远出席。省委书记黄思远作出批示。"
    persons = people("郑国强", "赵明远", "黄思远")
    meeting = extract_meeting(None, [], text, persons, DAY)
    assign_roles(persons, meeting)
    assert [p.roles for p in persons] == [["presided", "spoke"], ["attended"], ["mentioned"]]


def test_assign_roles_without_a_meeting_marks_everyone_mentioned():
    persons = people("赵明远", "钱立新")
    assign_roles(persons, None)
    assert [p.roles for p in persons] == [["mentioned"], ["mentioned"]]


def test_a_layout_break_inside_a_sentence_keeps_the_role():
    text = "昨日，全市文旅工作推进会召开。省文旅厅处长吴海涛\n莅会指导，市长赵明远\n出席并讲话。"
    meeting = meeting_of(text, "吴海涛", "赵明远")
    assert meeting.name == "全市文旅工作推进会"
    assert meeting.speakers == ["赵明远"]
    assert meeting.attended_by == ["吴海涛", "赵明远"]


def test_pronoun_refers_to_the_person_opening_the_last_sentence():
    text = (
        "昨日，市政府召开水务项目座谈会。市长赵明远对王丽娟一行的到来表示欢迎。"
        "王丽娟感谢我市的支持，介绍了项目进展。她表示，将确保工程如期完工。"
    )
    meeting = meeting_of(text, "赵明远", "王丽娟")
    assert meeting.speakers == ["赵明远", "王丽娟"]


def test_a_verb_used_as_a_modifier_gives_no_role():
    text = "昨日，区长赵明远调研在建项目。随后，赵明远召开了由企业负责人参加的协调会。赵明远要求，加快进度。"
    meeting = meeting_of(text, "赵明远", headline="赵明远调研在建项目")
    assert meeting.name == "调研在建项目"
    assert meeting.speakers == ["赵明远"]
    assert meeting.attended_by == []


def test_attendees_listed_after_the_verb():
    text = "昨日，全市人才工作会议召开，会议由市委副书记赵明远主持。出席会议的还有市领导钱立新，孙建华。"
    meeting = meeting_of(text, "赵明远", "钱立新", "孙建华")
    assert meeting.name == "全市人才工作会议"
    assert meeting.presided_by == ["赵明远"]
    assert meeting.attended_by == ["钱立新", "孙建华"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("昨日，市书法家协会举办迎新春书法展。会长吴海涛介绍了情况。", None),
        ("昨日，市人大常委会召开第十二次会议。主任钱立新主持会议。", "第十二次会议"),
        ("记者调研发现，我市老旧小区改造进展顺利。", None),
    ],
)
def test_bodies_and_findings_are_not_meetings(text, expected):
    meeting = meeting_of(text, "吴海涛", "钱立新")
    assert (meeting.name if meeting else None) == expected


def test_thanks_do_not_end_the_sentence_but_speech_does():
    text = "昨日，企业家座谈会召开。市长赵明远表示欢迎，副市长钱立新出席。赵明远强调，要参加培训的同志认真准备。"
    meeting = meeting_of(text, "赵明远", "钱立新")
    assert meeting.speakers == ["赵明远"]
    assert meeting.attended_by == ["钱立新"]


def test_trip_led_by_an_official_is_a_visit_with_the_people_met():
    text = (
        "5月9日至10日，市长赵明远率队到浙江省宁波市考察对接新材料产业项目。副市长孙建华参加活动。\n"
        "5月10日上午，赵明远到某某新材料有限公司参观考察，分别与该公司董事长冯志成、总经理陈嘉进行座谈。"
        "赵明远表示，欢迎企业来焦投资。冯志成介绍了企业情况。他表示，将尽快启动合作。"
    )
    meeting = meeting_of(
        text, "赵明远", "孙建华", "冯志成", "陈嘉", headline="赵明远率队到宁波考察对接新材料产业项目"
    )
    assert meeting.name == "考察对接新材料产业项目"
    assert meeting.location == "浙江省宁波市"
    assert meeting.speakers == ["赵明远", "冯志成"]
    assert meeting.attended_by == ["孙建华", "陈嘉"]


@pytest.mark.parametrize(
    ("headline", "expected"),
    [
        ("周文博带队到修武县走访困难群众", "走访困难群众"),
        ("周文博深入企业检查安全生产工作", "检查安全生产工作"),
        ("周文博到乡镇督导检查秸秆禁烧工作", "督导检查秸秆禁烧工作"),
        ("周文博视察防汛工作", "视察防汛工作"),
    ],
)
def test_visit_verbs_in_the_headline(headline, expected):
    meeting = meeting_of("昨日，周文博一行先后来到多个点位。", "周文博", headline=headline)
    assert meeting.name == expected


@pytest.mark.parametrize(
    "text",
    [
        "今年以来，我市开展安全生产大检查，排查隐患120处。",
        "市考察组一行对该项目给予肯定。",
        "该项目经过多轮考察论证，已进入实施阶段。",
        "到2025年底全面完成检查验收工作。",
        "各地深入开展安全检查工作，确保不留死角。",
        "这项工作受到检查组好评，达到检查标准。",
        "记者到多家药店走访了解到，口罩供应充足。",
        "记者到企业调研了解到，订单同比增长。",
    ],
)
def test_inspections_nobody_goes_on_are_not_visits(text):
    assert meeting_of(text, headline="安全生产形势总体平稳") is None


@pytest.mark.parametrize("comma", ["，", ","])
def test_named_people_before_a_collective_list_attend(comma):
    text = (
        f"5月11日{comma}示范区召开安全生产动员大会。\n"
        f"区党工委书记钱立新{comma}副书记、管委会主任李晓光及区直各部门主要负责人{comma}"
        f"各乡镇街道负责人{comma}驻区企业负责人等参加会议。\n"
        f"钱立新在讲话中强调{comma}要压实责任。李晓光主持会议。"
    )
    meeting = meeting_of(text, "钱立新", "李晓光")
    assert meeting.name == "安全生产动员大会"
    assert meeting.presided_by == ["李晓光"]
    assert meeting.speakers == ["钱立新"]
    assert meeting.attended_by == ["钱立新", "李晓光"]


def test_a_collective_list_stops_at_the_event_clause():
    text = "昨日，区长钱立新召开专题会议，研究部署防汛工作，各部门负责人等参加会议。"
    meeting = meeting_of(text, "钱立新")
    assert meeting.attended_by == []


@pytest.mark.parametrize(
    ("text", "expected_name", "attended"),
    [
        ("5月11日召开的全市文明创建推进大会现场。", "全市文明创建推进大会", []),
        ("图为市委书记郑国强、市长赵明远在全市招商引资工作会议现场。", "全市招商引资工作会议", ["郑国强", "赵明远"]),
        ("市委书记郑国强会见冯志成一行。", "会见冯志成一行", ["郑国强", "冯志成"]),
    ],
)
def test_photo_captions_of_a_meeting_carry_it(text, expected_name, attended):
    meeting = meeting_of(text, "郑国强", "赵明远", "冯志成")
    assert meeting.name == expected_name
    assert meeting.date == DAY
    assert meeting.attended_by == attended


@pytest.mark.parametrize(
    "text",
    ["图为市民在公园晨练。", "夜幕下的美食街人头攒动。", "市委书记郑国强在企业车间了解生产情况。"],
)
def test_other_captions_are_not_meetings(text):
    assert meeting_of(text, "郑国强") is None


def test_a_body_s_own_meeting_is_named_with_the_body():
    text = "5月11日，县委召开中心组学习会议，传达学习上级会议精神。县委书记钱立新主持会议。"
    assert meeting_of(text, "钱立新").name == "县委中心组学习会议"


@pytest.mark.parametrize("colon", ["：", ":"])
def test_ascii_colon_and_parentheses_in_roles(colon):
    text = (
        "5月11日,示范区(高新区)召开招商引资推进会。区党工委书记钱立新出席会议并讲话。"
        f"他强调{colon}要抓好项目落地。区领导周文博(兼)主持会议。"
    )
    meeting = meeting_of(text, "钱立新", "周文博")
    assert meeting.name == "招商引资推进会"
    assert meeting.presided_by == ["周文博"]
    assert meeting.speakers == ["钱立新"]
    assert meeting.attended_by == ["钱立新"]


@pytest.mark.parametrize(
    ("headline", "text", "expected"),
    [
        ("周文博考察新材料产业园", "昨日，副市长周文博一行考察新材料产业园。", "考察新材料产业园"),
        ("守牢安全底线", "昨日，副市长周文博检查了城区防汛工作。", "检查城区防汛工作"),
        ("产业园建设提速", "昨日，周文博先后走访了三家企业。", "走访三家企业"),
    ],
)
def test_a_named_person_s_inspection_is_a_visit(headline, text, expected):
    meeting = meeting_of(text, "周文博", headline=headline)
    assert meeting.name == expected
    assert meeting.attended_by == ["周文博"]


def test_a_collective_list_ending_with_a_name_keeps_the_names_before():
    text = (
        "昨日，全市防汛工作会议召开。市长钱立新，副市长李晓光及各部门负责人，各乡镇负责人，"
        "驻市单位代表周文博等参加会议。"
    )
    meeting = meeting_of(text, "钱立新", "李晓光", "周文博")
    assert meeting.attended_by == ["钱立新", "李晓光", "周文博"]


def test_visit_whose_object_comes_first():
    text = (
        "昨日上午，市委常委、统战部长吴秋兰带领市直有关部门负责人，对某县重点项目建设工作进行实地督导。"
        "吴秋兰强调，要倒排工期，确保项目按期投产。"
    )
    meeting = meeting_of(text, "吴秋兰")
    assert meeting.name == "督导某县重点项目建设工作"
    assert meeting.speakers == ["吴秋兰"]


def test_talks_with_guests_are_a_meeting():
    text = (
        "昨日下午，市委书记郑国强在某宾馆与某某建设集团董事长冯志成一行亲切座谈。"
        "市委常委、秘书长钱立新，副市长孙建华一同座谈。"
    )
    meeting = meeting_of(text, "郑国强", "冯志成", "钱立新", "孙建华")
    assert meeting.name == "与某某建设集团董事长冯志成一行座谈"
    assert meeting.location == "某宾馆"
    assert set(meeting.attended_by) == {"郑国强", "冯志成", "钱立新", "孙建华"}


def test_tour_of_projects_and_speech_during_it():
    text = (
        "4月3日上午，市委书记郑国强率五大班子成员观摩城市道路项目建设。市领导钱立新、孙建华参加观摩。"
        "郑国强在观摩时指出，要加快进度，保证质量。"
    )
    meeting = meeting_of(text, "郑国强", "钱立新", "孙建华")
    assert meeting.name.startswith("观摩城市道路项目建设")
    assert meeting.speakers == ["郑国强"]
    assert meeting.attended_by == ["钱立新", "孙建华"]


def test_roll_call_before_a_led_visit_counts_as_visitors():
    text = (
        "近日，某区委书记赵明远，区委副书记、区长周文博，带领区直单位负责人，到某电气公司进行现场调研。"
        "图为赵明远等在车间了解生产情况。"
    )
    meeting = meeting_of(text, "赵明远", "周文博")
    assert meeting.name == "到某电气公司调研"
    assert meeting.attended_by == ["赵明远", "周文博"]


def test_meeting_with_a_generic_name_is_still_a_meeting():
    text = "昨日下午，全市统一战线召开座谈会，学习有关讲话精神。各民主党派负责人参加会议。"
    assert meeting_of(text).name == "全市统一战线座谈会"
    chaired = meeting_of("昨日下午，市长赵明远主持召开座谈会，听取意见建议。", "赵明远")
    assert chaired.name == "座谈会"
    assert chaired.presided_by == ["赵明远"]


def test_group_discussion_and_remarks_at_a_meeting():
    text = "昨日上午，市领导赵明远、钱立新参加政协委员的分组讨论。赵明远说，委员们的建议很有深度。"
    meeting = meeting_of(text, "赵明远", "钱立新")
    assert meeting.name == "政协委员的分组讨论"
    assert meeting.speakers == ["赵明远"]
    remarks = meeting_of("2月5日下午，某界别联组的分组讨论会上，委员周文博说，报告令人振奋。", "周文博")
    assert remarks.name == "某界别联组的分组讨论会"
    assert remarks.speakers == ["周文博"]


def test_a_way_of_working_is_not_a_meeting():
    text = "本报近日推出的观察团活动，采取实地参观、召开座谈会等形式，听取工程进展情况介绍。"
    assert meeting_of(text) is None
