"""Segmenting small pages written for these tests: articles, headlines, bylines, kinds."""
from archive.ingest.headlines import HeadlineGroup, overlap
from archive.ingest.segment import segment_page

HEADLINES_AFTER = """本报讯（记者陈思远）昨日
上午，新区召开秋季植树动员
会，部署植树造林工作。会议要
求，各乡镇要抓好苗木调运。①3

新区召开秋季植树
动员会

本报讯（记者林晓）昨日，新
区举办夏季招聘会，二十余家企
业提供就业岗位三百余个。②

新区举办夏季招聘会
"""

HEADLINES_BEFORE = """新区召开秋季植树动员会

本报讯（记者陈思远）昨日上午，新区召开秋季植树动员会，部署植树造林工作。会议要求，各乡镇要抓好苗木调运，（下转A02版②）

李明远在调研企业时强调

坚持创新驱动 加快转型升级

本报讯（记者林晓 通讯员孟凡）3月5日，市长李明远到新区调研企业创新工作，强调要坚持创新驱动，加快转型升级。（下转二版）
"""

PHOTO_INSIDE_AND_SHARED_LINE = """本报讯（记者陈思远）昨日，新
区召开防汛工作会议，部署全区
防汛工作。

会议现场。

本报记者 赵 晴 摄

会议要求，各单位要落实防汛责
任，备足防汛物资。

新区召开防汛工作会议 本报讯（记者林晓） 昨
日，新区举行消防演练，检验应
急处置能力，提升队伍实战水平。

新区举行消防演练
"""

KINDS = """一周动态

关于做好秋季森林防火工作的通知

各乡镇、各部门：为做好秋季森林防火工作，现就有关事项通知如下，请认真贯彻落实。

万众一心 建设美丽新区

本报评论员

建设美丽新区，是全区人民的共同心愿。我们要凝心聚力，真抓实干，久久为功。

编者按

近年来，新区坚持生态优先，空气质量持续改善，群众获得感不断增强。

“蓝天”之战 ——看新区如何打好污染防治攻坚战

本报记者 林晓 方舟

六年磨一剑！
新区生态环境综合指数持续改善，颗粒物浓度连续六年下降，优良天数明显增加。

电话：0391-1234567
地址：新区人民路
1号

王五：乡村教师的坚守

▶▶▶ 详见今日本报A02版

积极举报 监管局发布公告。 扫码更精彩\t单身派对 联谊会周末举行。 扫码更精彩
--\t---
"""


def _articles(text):
    articles, _ = segment_page(text)
    return articles


def test_headlines_printed_after_their_bodies():
    first, second = _articles(HEADLINES_AFTER)
    assert first.headline == "新区召开秋季植树动员会"
    assert second.headline == "新区举办夏季招聘会"
    assert first.body.endswith("各乡镇要抓好苗木调运。")
    assert second.body.endswith("三百余个。")


def test_headlines_printed_before_their_bodies_with_continuations():
    first, second = _articles(HEADLINES_BEFORE)
    assert (first.headline, first.continued_to) == ("新区召开秋季植树动员会", "A02版②")
    assert first.body.endswith("各乡镇要抓好苗木调运，")
    assert second.headline == "坚持创新驱动 加快转型升级"
    assert second.subtitles == ["李明远在调研企业时强调"]
    assert (second.reporters, second.contributors, second.continued_to) == (["林晓"], ["孟凡"], "二版")
    assert second.body.startswith("3月5日，市长")


def test_body_starts_after_the_dateline_and_bylines_stay_out_of_it():
    for article in _articles(HEADLINES_BEFORE) + _articles(HEADLINES_AFTER):
        assert "本报讯" not in article.body
        assert "记者" not in article.body


def test_photo_inside_an_article_and_headline_sharing_a_line():
    first, photo, second = _articles(PHOTO_INSIDE_AND_SHARED_LINE)
    assert first.headline == "新区召开防汛工作会议"
    assert first.body.startswith("昨日，新区召开防汛工作会议")
    assert first.body.endswith("备足防汛物资。")
    assert (photo.kind, photo.body, photo.photographers, photo.headline) == ("photo", "会议现场。", ["赵晴"], None)
    assert second.headline == "新区举行消防演练"
    assert second.reporters == ["林晓"]
    assert second.body.startswith("昨日，新区举行消防演练")


def test_kinds_of_a_mixed_page():
    articles = _articles(KINDS)
    kinds = [(a.kind, a.headline) for a in articles]
    assert kinds == [
        ("notice", "关于做好秋季森林防火工作的通知"),
        ("commentary", "万众一心 建设美丽新区"),
        ("feature", "“蓝天”之战"),
        ("ad", None),
        ("teaser", "王五：乡村教师的坚守"),
        ("index", None),
    ]
    notice, commentary, feature, ad, teaser, table = articles
    assert notice.body.startswith("各乡镇、各部门：")
    assert commentary.body.startswith("建设美丽新区")
    assert feature.subtitles == ["——看新区如何打好污染防治攻坚战"]
    assert feature.reporters == ["林晓", "方舟"]
    assert feature.paragraphs[0].startswith("近年来，新区坚持生态优先")
    assert feature.paragraphs[1] == "六年磨一剑！"
    assert feature.paragraphs[2].startswith("新区生态环境综合指数持续改善")
    assert ad.paragraphs == ["电话：0391-1234567", "地址：新区人民路1号"]
    assert teaser.body == "详见今日本报A02版"
    assert table.paragraphs == ["积极举报 监管局发布公告。扫码更精彩", "单身派对 联谊会周末举行。扫码更精彩"]


def test_short_dateline_item_is_a_brief_and_long_one_is_news():
    brief, news = _articles(
        "本报讯（记者林晓）昨日，新区开通两条公交线路。\n\n新区开通公交线路\n\n"
        "本报讯（记者林晓）昨日，新区召开会议。" + "会议要求各单位狠抓落实，确保各项任务按期完成。" * 4
    )
    assert (brief.kind, news.kind) == ("brief", "news")


def test_both_layouts_on_one_page_leave_no_headline_behind():
    text = (
        "新区召开植树动员会\n\n本报讯（记者林晓）昨日，新区召开植树动员会，部署植树工作。\n\n"
        "本报讯（记者方舟）昨日，新区举办招聘会，多家企业提供岗位。\n\n新区举办招聘会"
    )
    articles, warnings = segment_page(text)
    assert [a.headline for a in articles] == ["新区召开植树动员会", "新区举办招聘会"]
    assert warnings == []


def test_a_headline_without_any_article_is_reported():
    articles, warnings = segment_page("新区召开植树动员会")
    assert articles == []
    assert any("新区召开植树动员会" in warning for warning in warnings)
    assert any("没有识别出任何文章" in warning for warning in warnings)


def test_duplicated_paragraph_appears_once():
    para = "会议强调，要把项目建设作为头号工程，倒排工期，挂图作战，确保按期完工。"
    (article,) = _articles(f"本报讯（记者林晓）昨日，新区召开会议。\n\n{para}\n\n{para}")
    assert article.paragraphs == ["昨日，新区召开会议。", para]


def test_title_lines_wrapped_joined_phrases_spaced():
    wrapped = HeadlineGroup()
    wrapped.add_block(["新区领导会见", "省外客商代表团"])
    phrases = HeadlineGroup()
    phrases.add_block(["推动转型发展 创新发展", "加快培育龙头企业"])
    assert wrapped.split() == ("新区领导会见省外客商代表团", [])
    assert phrases.split() == ("推动转型发展 创新发展 加快培育龙头企业", [])


def test_which_title_is_the_main_one():
    def split(*blocks):
        group = HeadlineGroup()
        for block in blocks:
            group.add_block([block])
        return group.split()

    assert split("张三在全区工作会议上要求", "狠抓落实 确保实效") == ("狠抓落实 确保实效", ["张三在全区工作会议上要求"])
    assert split("狠抓落实 确保实效", "张三在全区工作会议上要求") == ("狠抓落实 确保实效", ["张三在全区工作会议上要求"])
    assert split("统一战线迅速行动", "积极参与环境整治") == ("积极参与环境整治", ["统一战线迅速行动"])
    assert split("新区召开专题会议", "着力解决历史遗留问题") == ("着力解决历史遗留问题", ["新区召开专题会议"])
    assert split("“攻坚”之年 ——看新区如何破题") == ("“攻坚”之年", ["——看新区如何破题"])
    motto = "产业兴旺 生态宜居 乡风文明"
    assert split(motto, "新区乡村振兴推进会举行") == ("新区乡村振兴推进会举行", [motto])
    assert split("新区乡村振兴三项任务", motto + " 生活富裕") == ("新区乡村振兴三项任务", [motto + " 生活富裕"])
    assert split(motto) == (motto, [])


def test_dash_inside_a_book_title_or_quote_is_no_subtitle():
    group = HeadlineGroup()
    group.add_block(["《山乡岁月——怀川人》首发"])
    assert group.split() == ("《山乡岁月——怀川人》首发", [])
    group = HeadlineGroup()
    group.add_block(["“山乡岁月——怀川人”展开幕 ——看乡村如何留住记忆"])
    assert group.split() == ("“山乡岁月——怀川人”展开幕", ["——看乡村如何留住记忆"])


def test_headline_overlap_with_its_body():
    body = "昨日，新区召开秋季植树动员会，部署植树造林工作。"
    assert overlap("新区召开秋季植树动员会", body) == 1.0
    assert overlap("新区举办夏季招聘会", body) < 0.5


def test_continuation_marker_forms():
    forms = (("（下转A02版③）", "A02版③"), ("(转第二版)", "二版"), ("下转3版", "3版"), ("（下转二版）①5", "二版"))
    for marker, target in forms:
        (article,) = _articles(f"本报讯（记者林晓）昨日，新区召开会议，要求各部门，{marker}")
        assert (article.continued_to, article.body) == (target, "昨日，新区召开会议，要求各部门，")


def test_page_furniture_is_not_an_article_and_phone_blocks_are_ads():
    articles = _articles(
        "责任编辑：方舟\n\n2022年8月4日 星期四\n\n新区召开植树动员会\n\n"
        "本报讯（记者林晓）昨日，新区召开植树动员会，部署全区植树造林工作。\n\n"
        "订购热线 0391-8888888\n\n（详见第3版）"
    )
    assert [(a.kind, a.headline) for a in articles] == [("brief", "新区召开植树动员会"), ("ad", None), ("teaser", None)]
    assert articles[2].body == "详见第3版"


def test_editor_note_joins_the_dateline_article_that_follows():
    (article,) = _articles(
        "编者按：新区生态持续向好，本报今起推出系列报道。\n\n"
        "本报讯（记者林晓）昨日，新区召开生态保护工作会议，部署下一步工作。"
    )
    assert (article.kind, article.reporters) == ("feature", ["林晓"])
    assert article.paragraphs[0] == "新区生态持续向好，本报今起推出系列报道。"
    assert article.paragraphs[1] == "昨日，新区召开生态保护工作会议，部署下一步工作。"


def test_section_heading_inside_a_feature_stays_in_it():
    text = (
        "新区夜市火起来\n\n本报记者 林晓\n\n夜幕降临，新区美食街人头攒动，摊位前排起长队。\n\n"
        "政策引路\n\n新区出台扶持政策，为商户减免租金，吸引更多商户入驻。\n\n"
        "新区召开植树动员会\n\n本报讯（记者方舟）昨日，新区召开植树动员会，部署全区植树造林工作。"
    )
    feature, news = _articles(text)
    assert (feature.kind, feature.headline) == ("feature", "新区夜市火起来")
    assert feature.paragraphs == [
        "夜幕降临，新区美食街人头攒动，摊位前排起长队。",
        "政策引路",
        "新区出台扶持政策，为商户减免租金，吸引更多商户入驻。",
    ]
    assert news.headline == "新区召开植树动员会"


def test_byline_printed_at_the_end_of_a_brief():
    (brief,) = _articles("新区开通公交线路\n\n昨日，新区开通两条公交线路，方便群众出行。（记者 林晓 通讯员 孟凡）")
    assert (brief.reporters, brief.contributors) == (["林晓"], ["孟凡"])
    assert brief.body == "昨日，新区开通两条公交线路，方便群众出行。"


def test_contents_and_teaser_rows_without_tabs_are_an_index():
    (contents,) = _articles("A02 新区召开植树动员会\nA03 夏季招聘会举行")
    (teasers,) = _articles("积极举报 监管局发布公告。扫码更精彩\n单身派对 联谊会周末举行。扫码更精彩")
    assert (contents.kind, contents.paragraphs) == ("index", ["A02新区召开植树动员会", "A03夏季招聘会举行"])
    assert (teasers.kind, len(teasers.paragraphs)) == ("index", 2)


def test_photo_takes_a_title_no_article_wants_and_notice_keeps_its_signature():
    text = (
        "新区召开经济运行分析会\n\n本报讯（记者林晓）昨日，新区召开经济运行分析会，部署四季度工作。（下转A02版）\n\n"
        "秋收时节\n\n农民在田间收获玉米。 本报记者 方 舟 摄\n\n"
        "关于开展冬季消防安全检查的通知\n\n各乡镇、区直各部门：为做好冬季消防安全工作，决定开展安全大检查。\n\n"
        "特此通知。\n\n新区管委会\n2023年10月8日\n\n让文明之花处处绽放\n\n本报评论员\n\n文明是城市的灵魂，创建文明城市是全区人民的共同心愿。"
    )
    articles, warnings = segment_page(text)
    assert [(a.kind, a.headline, a.subtitles) for a in articles] == [
        ("news", "新区召开经济运行分析会", []),
        ("photo", "秋收时节", []),
        ("notice", "关于开展冬季消防安全检查的通知", []),
        ("commentary", "让文明之花处处绽放", []),
    ]
    assert articles[2].paragraphs[-1] == "新区管委会2023年10月8日"
    assert warnings == []


def test_text_continued_from_another_page_starts_its_own_article():
    text = (
        "本报记者 林晓\n\n夜幕降临，新区美食街华灯初上，市民络绎不绝。\n\n夜经济点亮新区\n\n"
        "（上接A01版②）会议强调，要坚持问题导向，狠抓整改落实，确保各项工作取得实效。\n\n新区召开经济运行分析会"
    )
    feature, continued = _articles(text)
    assert (feature.headline, feature.body) == ("夜经济点亮新区", "夜幕降临，新区美食街华灯初上，市民络绎不绝。")
    assert (continued.kind, continued.headline) == ("news", "新区召开经济运行分析会")
    assert continued.body.startswith("会议强调")


def test_a_short_slogan_with_one_comma_is_a_title_but_a_clause_is_not():
    (article,) = _articles("稳字当头，进字为先\n\n本报讯（记者林晓）昨日，新区召开经济工作会议，部署明年经济工作。")
    assert article.headline == "稳字当头，进字为先"
    (article,) = _articles("本报讯（记者林晓）昨日，新区召开经济工作会议，部署明年经济工作。\n\n他说，")
    assert article.headline is None and article.body.endswith("他说，")


def test_markers_wrapped_across_lines_still_close_the_article():
    text = (
        "本报讯（记者林晓）昨日，新区召开植树动员\n会，部署全区植树造林工作。①\n5\n\n新区召开植树动员会\n\n"
        "本报讯（记者方舟）昨日，新区举办招聘会，多家企业提供岗位，（下转A02版\n⑥）\n\n新区举办招聘会"
    )
    first, second = _articles(text)
    assert (first.headline, first.body) == ("新区召开植树动员会", "昨日，新区召开植树动员会，部署全区植树造林工作。")
    assert (second.headline, second.continued_to) == ("新区举办招聘会", "A02版⑥")


def test_headline_between_two_articles_goes_to_the_one_it_shares_words_with():
    text = (
        "本报讯（记者林晓）昨日，新区召开秋季植树动员会，部署全区植树造林工作。\n\n新区举办夏季招聘会\n\n"
        "本报讯（记者方舟）昨日，新区举办夏季招聘会，二十余家企业提供就业岗位。"
    )
    first, second = _articles(text)
    assert (first.headline, second.headline) == (None, "新区举办夏季招聘会")


def test_headline_moves_to_the_headless_article_it_fits():
    text = (
        "本报讯（记者林晓）昨日，新区召开秋季植树动员会，部署全区植树造林工作。\n\n新区举办夏季招聘会\n\n"
        "本报讯（记者方舟）昨日，新区举办夏季招聘会，二十余家企业提供就业岗位。\n\n"
        "本报讯（记者吴佳）昨日，新区开展消防演练，提升应急处置能力。\n\n新区开展消防演练\n\n"
        "本报讯（记者丁一）昨日，新区启动冬季供暖，居民家中温暖如春。\n\n新区启动冬季供暖"
    )
    assert [a.headline for a in _articles(text)] == [None, "新区举办夏季招聘会", "新区开展消防演练", "新区启动冬季供暖"]


def test_a_long_headline_wrapped_over_four_narrow_lines():
    text = (
        "本报讯（记者林晓）昨日，市人大常委会组织调研组，对计划执行情况进行调研。\n\n"
        "市人大常委会调\n研上半年国民经\n济和社会发展计\n划执行情况"
    )
    (article,) = _articles(text)
    assert article.headline == "市人大常委会调研上半年国民经济和社会发展计划执行情况"


def test_a_title_printed_twice_is_kept_once():
    group = HeadlineGroup()
    group.add_block(["让河道清起来美起来", "让河道清起来美起来"])
    group.add_block(["让河道清起来美起来"])
    assert group.split() == ("让河道清起来美起来", [])


def test_three_title_lines_read_as_lead_main_and_subtitle():
    group = HeadlineGroup()
    for line in ("金秋时节好风光", "新区百万亩玉米喜获丰收", "亩产再创历史新高"):
        group.add_block([line])
    assert group.split() == ("新区百万亩玉米喜获丰收", ["金秋时节好风光", "亩产再创历史新高"])


def test_feature_byline_line_without_a_blank_line_after_it():
    page = """山村小路变了样

本报记者 罗青禾
清晨，溪口村的新路上已有
不少村民在散步。路修好了，
村里的菜也好卖了。
"""
    (feature,) = segment_page(page)[0]
    assert (feature.kind, feature.headline, feature.reporters) == ("feature", "山村小路变了样", ["罗青禾"])
    assert feature.body.startswith("清晨")


def test_headline_right_above_a_wide_paragraph_line():
    page = (
        "县委召开专题会议研究春耕工作\n"
        "3月2日上午，县委书记潘立言主持召开县委专题会议，听取春耕备耕情况汇报，研究部署下一步工作。\n"
        "会议指出，各乡镇要压实责任，确保春耕生产有序推进。\n"
    )
    (article,) = segment_page(page)[0]
    assert article.headline == "县委召开专题会议研究春耕工作"
    assert article.body.startswith("3月2日上午")


def test_a_short_lead_in_line_is_not_wrapped_into_the_title_below():
    group = HeadlineGroup()
    group.add_block(["环境整治第一次检查要求", "精细管理 边查边改"])
    assert group.split() == ("精细管理 边查边改", ["环境整治第一次检查要求"])
