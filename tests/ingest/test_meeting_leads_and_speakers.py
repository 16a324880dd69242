"""Meetings whose lead opens with a quotation, speech ending a sentence or stated with 希望, pronouns after a
scene-setting clause, and list names holding a preposition character: composed articles, invented names."""
from datetime import date

from archive.ingest.meetings import extract_meeting
from archive.ingest.records import PersonMention

DAY = date(2021, 5, 12)


def meeting_of(text, *names):
    return extract_meeting(None, [], text, [PersonMention(name) for name in names], DAY)


def test_lead_after_an_opening_quotation():
    text = (
        "“村里的路修好了，水也通了。我要给这几年的变化点个赞！”5月11日上午，县委、县政府召开会议，"
        "向老干部通报全县发展情况，县政协原主席费长林听后笑着说。"
    )
    meeting = meeting_of(text, "费长林")
    assert meeting is not None and meeting.name == "县委、县政府会议"
    assert meeting.speakers == ["费长林"]


def test_hope_is_speech_but_hope_project_is_not():
    text = "5月11日，市政协主席冷秋原一行莅临我县，对政协工作进行视察。冷秋原希望，委员们要积极建言。"
    assert meeting_of(text, "冷秋原").speakers == ["冷秋原"]
    text = "5月11日，县委书记贝文成到乡里调研教育工作。贝文成看望了希望小学的师生。"
    assert meeting_of(text, "贝文成").speakers == []


def test_pronoun_after_a_scene_clause_is_the_person_opening_the_sentence():
    text = (
        "5月11日，全县项目签约仪式举行。客商代表甘立、房小川等参加签约仪式。"
        "在签约仪式中，闵宏图向客商介绍了县情。他说，欢迎各位来投资兴业。"
    )
    meeting = meeting_of(text, "甘立", "房小川", "闵宏图")
    assert meeting.speakers == ["闵宏图"]
    assert meeting.attended_by == ["甘立", "房小川"]


def test_a_name_holding_a_preposition_character_stays_in_its_list():
    text = "5月11日，市政协主席冷秋原一行莅临我县，对政协工作进行视察。县领导柏云飞、张向南、祁为民陪同视察。"
    meeting = meeting_of(text, "冷秋原", "柏云飞", "张向南", "祁为民")
    assert meeting.attended_by == ["冷秋原", "柏云飞", "张向南", "祁为民"]


def test_a_delegation_or_a_led_group_inspecting_is_a_visit():
    photo = "5月11日，县委书记鲁正方带领的县党政考察团在邻县考察乡村振兴工作。"
    assert meeting_of(photo, "鲁正方").attended_by == ["鲁正方"]
    text = "5月11日上午，班子成员在县委书记鲁正方的带领下，对城区环境进行现场检查。"
    meeting = meeting_of(text, "鲁正方")
    assert meeting is not None and meeting.attended_by == ["鲁正方"]


def test_escorts_attend_and_leaders_of_a_delegation_take_part():
    text = (
        "5月11日，县委书记鲁正方在县委常委柯文山，副县长岑丽的陪同下，先后来到三个乡镇，督导检查麦收工作。"
        "鲁正方指出，要抢抓农时。"
    )
    meeting = meeting_of(text, "鲁正方", "柯文山", "岑丽")
    assert (meeting.speakers, meeting.attended_by) == (["鲁正方"], ["柯文山", "岑丽"])
    text = "5月11日，由县委书记鲁正方，县长柯文山带领的县党政考察团到邻县考察文明创建工作。副县长岑丽一同考察。"
    assert meeting_of(text, "鲁正方", "柯文山", "岑丽").attended_by == ["鲁正方", "柯文山", "岑丽"]


def test_a_sentence_opening_with_speech_continues_the_previous_speaker():
    text = (
        "5月11日，县委书记鲁正方在县宾馆与客商柯文山一行进行座谈。"
        "座谈中，鲁正方介绍了县情。希望双方加强合作。柯文山表示，将加大投资力度。"
    )
    meeting = meeting_of(text, "鲁正方", "柯文山")
    assert meeting.speakers == ["鲁正方", "柯文山"]


def test_making_a_report_about_something_is_speaking():
    text = (
        "5月11日，县人代会主席团举行第二次会议。受县委委托，县委常委、常务副县长柯文山介绍了候选人情况，"
        "并作县人民政府关于民生实事候选项目的报告。"
    )
    assert meeting_of(text, "柯文山").speakers == ["柯文山"]
