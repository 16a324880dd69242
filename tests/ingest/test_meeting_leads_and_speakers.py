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
