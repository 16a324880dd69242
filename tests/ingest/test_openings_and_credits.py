"""Wire-service and bracketless openings, photo credits and 文/图 bylines on small pages written for these tests."""
from archive.ingest.segment import segment_page

WIRE_NARROW = """国务院部署春耕生产

新华社北京3月5日电（记者张
晓明 李华）3月5日，国务院召
开常务会议，部署春耕生产工
作，要求各地抓好农资供应，
确保粮食面积稳定。

新区启动春季植树活动

本报讯 记者王芳 通讯员刘建国
3月4日下午，新区启动春季植
树活动，机关干部职工三百余
人参加义务植树，共栽植各类
苗木两千余株。
"""

WIRE_WIDE = (
    "全省推进高标准农田建设\n\n"
    "河南日报讯（记者宋敏 通讯员韩磊）6月2日，全省高标准农田建设推进会在郑州召开，"
    "会议要求各地加快项目进度，确保年底前完成建设任务，为粮食稳产增产打好基础。\n\n"
    "新区开展安全生产大检查\n\n"
    "■本报讯 记者林晓 近日，新区组织专门力量开展安全生产大检查，对辖区重点企业逐一排查隐患，"
    "督促企业落实主体责任，共发现并整改隐患四十余处。\n"
)

CREDIT_BEFORE_CAPTION = """本报记者 林晓 摄

工人在新建厂房内调试设备。

新区召开防汛工作会议

本报讯（记者陈思远）昨日，新区召开防汛工作会议，部署全区防汛工作。会议要求，各单位要落实防汛责任，备足防汛物资，确保安全度汛。

李明 摄

群众在广场上观看文艺演出。
"""

TEXT_AND_PHOTOS_AT_THE_END = (
    """老街夜市“火”起来

夜幕降临，新区老街华灯初上，
各色小吃摊位前排起长队，前来
游玩的市民络绎不绝，夜市经济
持续升温。
摊主们说，今年生意比往年
好了不少。

本报记者 林晓 文/图

新区举办农民丰收节

"""
    "本报讯（记者陈思远）昨日，新区举办农民丰收节，展示农业发展成果，丰富农民群众文化生活。"
    "现场设置农产品展销区，吸引市民选购。本报记者 方舟 文/图\n"
)

LONE_CREDIT = """新区召开防汛工作会议

本报讯（记者陈思远）昨日，新区召开防汛工作会议，部署全区防汛工作。会议要求，各单位要落实防汛责任，备足防汛物资，确保安全度汛。

本报记者 赵晴 摄
"""


def _articles(text):
    articles, warnings = segment_page(text)
    assert warnings == []
    return articles


def test_wire_dateline_and_bracketless_byline_in_a_narrow_column():
    wire, local = _articles(WIRE_NARROW)
    assert (wire.headline, wire.reporters) == ("国务院部署春耕生产", ["张晓明", "李华"])
    assert wire.body.startswith("3月5日，国务院召开常务会议")
    assert "新华社" not in wire.body
    assert (local.reporters, local.contributors) == (["王芳"], ["刘建国"])
    assert local.body.startswith("3月4日下午，新区启动春季植树活动")


def test_other_paper_and_bulleted_openings_in_wide_lines():
    provincial, local = _articles(WIRE_WIDE)
    assert (provincial.reporters, provincial.contributors) == (["宋敏"], ["韩磊"])
    assert provincial.body.startswith("6月2日，全省高标准农田建设推进会")
    assert (local.headline, local.reporters) == ("新区开展安全生产大检查", ["林晓"])
    assert local.body.startswith("近日，新区组织专门力量")


def test_a_credit_printed_before_its_caption_takes_the_caption():
    photo, article, second_photo = _articles(CREDIT_BEFORE_CAPTION)
    assert (photo.kind, photo.body, photo.photographers) == ("photo", "工人在新建厂房内调试设备。", ["林晓"])
    assert article.headline == "新区召开防汛工作会议" and article.body.endswith("确保安全度汛。")
    assert (second_photo.kind, second_photo.body, second_photo.photographers) == (
        "photo",
        "群众在广场上观看文艺演出。",
        ["李明"],
    )


def test_text_and_photos_byline_after_an_article_belongs_to_it():
    feature, news = _articles(TEXT_AND_PHOTOS_AT_THE_END)
    assert feature.headline == "老街夜市“火”起来"
    assert (feature.reporters, feature.photographers) == (["林晓"], ["林晓"])
    assert feature.body.endswith("好了不少。")
    assert (news.reporters, news.photographers) == (["陈思远", "方舟"], ["方舟"])
    assert news.body.endswith("吸引市民选购。")


def test_no_article_is_left_without_body_text():
    articles = _articles(LONE_CREDIT)
    assert len(articles) == 1
    assert articles[0].photographers == ["赵晴"]
    assert all(a.paragraphs for a in articles)


def test_text_and_photos_byline_under_a_headline_opens_a_feature():
    page = TEXT_AND_PHOTOS_AT_THE_END.split("\n\n新区举办")[0]
    title, body, byline = page.split("\n\n")
    (feature,) = _articles("\n\n".join([title, byline, body]))
    assert (feature.kind, feature.headline, feature.photographers) == ("feature", "老街夜市“火”起来", ["林晓"])
    assert feature.body.startswith("夜幕降临")


def test_wire_dateline_right_after_another_article_without_a_blank_line():
    page = (
        "新区召开防汛工作会议，部署全区防汛工作，要求各单位落实防汛责任，确保安全度汛。\n"
        "新华社北京3月5日电（记者张晓明）3月5日，国务院召开常务会议，部署春耕生产工作，要求抓好农资供应。\n"
    )
    first, wire = _articles(page)
    assert first.body.endswith("确保安全度汛。")
    assert (wire.reporters, wire.body[:5]) == (["张晓明"], "3月5日，")


def test_a_credit_between_long_body_text_and_a_short_caption_takes_the_caption():
    page = (
        "新区召开防汛工作会议\n\n"
        "本报讯（记者陈思远）昨日，新区召开防汛工作会议，部署全区防汛工作。\n\n"
        + "会议要求，各单位要落实防汛责任，备足防汛物资，加强巡查值守，" * 8
        + "确保安全度汛。\n\n本报记者 林晓 摄\n\n工人在河道旁加固堤坝。\n"
    )
    article, photo = _articles(page)
    assert article.body.endswith("确保安全度汛。")
    assert (photo.kind, photo.body, photo.photographers) == ("photo", "工人在河道旁加固堤坝。", ["林晓"])


def test_text_after_a_dateline_keeps_its_paragraphs_in_a_narrow_column():
    page = """本报讯（记者陈思远）7月
10日上午，新区召开招商引资
工作推进会。
会议指出，要坚持项目为王，
推动项目早落地、早投产。
"""
    (article,) = _articles(page)
    assert article.paragraphs == [
        "7月10日上午，新区召开招商引资工作推进会。",
        "会议指出，要坚持项目为王，推动项目早落地、早投产。",
    ]


def test_a_byline_printed_at_the_end_closes_the_article():
    page = """新区举办电商培训班，两百
余名学员参加，学员们表示收
获很大。（记者 林晓）

新区第二届读书节开幕，活动
将持续一个月，共安排阅读分享
等活动二十余场。（通讯员 孟凡）
"""
    first, second = _articles(page)
    assert (first.reporters, first.body) == (["林晓"], "新区举办电商培训班，两百余名学员参加，学员们表示收获很大。")
    assert (second.contributors, second.body[:8]) == (["孟凡"], "新区第二届读书节")


def test_a_brief_closed_by_a_name_in_brackets_credits_a_contributor():
    text = (
        "本报讯 3月2日晚，某县各界人士座谈会举行。县委书记赵明远致辞。\n\n"
        "（林晓）\n\n"
        "本报讯 3月2日，某区表彰了一批先进集体，会议要求再接再厉。（孟 凡）\n"
    )
    first, second = _articles(text)
    assert first.contributors == ["林晓"]
    assert first.headline is None
    assert first.body.endswith("县委书记赵明远致辞。")
    assert second.contributors == ["孟凡"]
    assert second.body.endswith("再接再厉。")


def test_photo_with_its_credit_next_to_an_unfinished_paragraph():
    page = """县里召开防汛会

本报讯（记者林晓）昨日，县委书记鲁正方主持召开防汛工作会议，部署全县防汛
工作。鲁正方强调，要压实责任，确

5月1日，志愿者在广场清扫落叶。
本报记者 柯 岚 摄

保安全度汛。
"""
    news, photo = segment_page(page)[0]
    assert news.body.replace("\n", "").endswith("要压实责任，确保安全度汛。")
    assert (photo.kind, photo.photographers, photo.body) == ("photo", ["柯岚"], "5月1日，志愿者在广场清扫落叶。")


GENERAL_NEWS_OPENINGS = """省运会筹备工作进入冲刺

本报郑州5月4日讯记者王芳、
李明报道：第十届省运会将于今
年9月在郑州举行，各项筹备工作
已进入冲刺阶段。

剧团新戏首演

据新华社南京5月2日电（陈思
远、林晓）剧团新排大戏昨晚首
演，观众反响热烈。

山村里的读书声

本报记者方舟《田野》杂志记者孟凡

清晨，山村小学传出琅琅读书声，
孩子们在新建的教室里上课。
"""


def test_general_news_openings_credit_their_reporters_apart_from_the_body():
    games, play, feature = _articles(GENERAL_NEWS_OPENINGS)
    assert (games.headline, games.reporters) == ("省运会筹备工作进入冲刺", ["王芳", "李明"])
    assert games.body.startswith("第十届省运会")
    assert (play.reporters, play.body[:4]) == (["陈思远", "林晓"], "剧团新排")
    assert (feature.headline, feature.reporters) == ("山村里的读书声", ["方舟", "孟凡"])
    assert feature.body.startswith("清晨，山村小学")
