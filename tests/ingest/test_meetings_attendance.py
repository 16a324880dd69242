"""Attendance and meetings the earlier rules missed: a branch venue's audience, the platform, visiting
parties, roll calls before a split-up round of visits, a date between a meeting and 召开, inspections
stated object first, and a meeting named only where someone speaks at it (invented names)."""
from datetime import date

from archive.ingest.meetings import extract_meeting
from archive.ingest.records import PersonMention

DAY = date(2021, 5, 12)


def meeting_of(text, *names, headline=None, subtitles=()):
    return extract_meeting(headline, list(subtitles), text, [PersonMention(n) for n in names], DAY)


def test_audience_at_a_branch_venue_attended():
    text = "昨日下午，全省森林防火电视电话会议召开。市领导郝长林、钱立新在焦作分会场收听收看。"
    meeting = meeting_of(text, "郝长林", "钱立新")
    assert meeting.name == "全省森林防火电视电话会议"
    assert meeting.attended_by == ["郝长林", "钱立新"]


def test_date_between_meeting_name_and_its_verb():
    text = "全市秋季征兵工作会议8月3日上午召开。市领导郝长林出席会议并讲话。"
    meeting = meeting_of(text, "郝长林")
    assert meeting.name == "全市秋季征兵工作会议"
    assert meeting.speakers == ["郝长林"] and meeting.attended_by == ["郝长林"]


def test_platform_seats_are_attendance():
    text = "昨日上午，市政协第八届委员会第三次会议隆重开幕。市领导郝长林、钱立新、孙建华在主席台就座。"
    assert meeting_of(text, "郝长林", "钱立新", "孙建华").attended_by == ["郝长林", "钱立新", "孙建华"]


def test_visiting_party_takes_part_but_not_the_people_visited():
    text = (
        "本报讯 2月9日，县委书记郝长林一行先后到县敬老院和困难党员孙守业家中，送上慰问金。"
        "县委副书记钱立新一行对困难职工进行走访慰问。"
    )
    meeting = meeting_of(text, "郝长林", "孙守业", "钱立新")
    assert meeting.attended_by == ["郝长林", "钱立新"]


def test_roll_call_before_a_split_up_round_of_visits():
    text = "1月26日，县领导郝长林、钱立新、孙建华等，分组开展慰问困难群众活动，送去新春祝福。"
    meeting = meeting_of(text, "郝长林", "钱立新", "孙建华")
    assert meeting.attended_by == ["郝长林", "钱立新", "孙建华"]


def test_inspection_stated_object_first():
    text = "5月10日下午，县长郝长林专程赶往滩区企业，就防汛工程整改情况进行检查指导。副县长钱立新陪同检查。"
    meeting = meeting_of(text, "郝长林", "钱立新")
    assert meeting.name == "检查指导防汛工程整改情况"
    assert meeting.attended_by == ["钱立新"]


def test_attending_a_generic_symposium():
    text = "昨日，中央媒体采访团莅临焦作采访。司长郝长林出席座谈会，副市长钱立新介绍有关情况。"
    assert meeting_of(text, "郝长林", "钱立新").name == "座谈会"


def test_meeting_named_only_where_someone_speaks_at_it():
    text = (
        "（上接一版）加强两地的资金往来。\n近年来，我市出台了一系列支持金融业发展的政策。\n"
        "郝长林在庆典仪式上致辞。他希望该行扎根焦作、服务实体经济。"
    )
    meeting = meeting_of(text, "郝长林")
    assert meeting.name == "庆典仪式"
    assert meeting.speakers == ["郝长林"]
