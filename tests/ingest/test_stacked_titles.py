"""Title lines stacked in one block: a lead-in line above the main title, and a short line of who
attended below it (invented titles)."""
from archive.ingest.headlines import HeadlineGroup


def split(*lines):
    group = HeadlineGroup()
    group.add_block(list(lines))
    return group.split()


def test_lead_in_ending_in_qiangdiao_is_the_subtitle_above():
    lead = "郝长林在南部新区调研重点项目建设和安全生产工作时强调"
    main = "抢抓施工黄金期 全力推动项目早投产早见效"
    assert split(lead, main) == (main, [lead])


def test_lead_in_implementing_a_meetings_spirit_is_the_subtitle_above():
    lead = "认真贯彻落实市委十二届五次全体（扩大）会议精神"
    main = "南部新区举行重点项目集中观摩暨项目建设推进会"
    assert split(lead, main) == (main, [lead])


def test_line_of_who_attended_is_a_subtitle_below():
    assert split("高新大道跨河大桥建成通车", "郝长林钱立新出席") == ("高新大道跨河大桥建成通车", ["郝长林钱立新出席"])


def test_wrapped_headline_still_joins():
    assert split("全市秋粮生产现场", "观摩会在南庄镇举行") == ("全市秋粮生产现场观摩会在南庄镇举行", [])
