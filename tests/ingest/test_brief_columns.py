"""A brief column (简讯, 要闻简报, 短讯) on small pages written for these tests: each item is a brief."""
from archive.ingest.segment import segment_page

NARROW = """■简讯

●本报讯（记者林晓）昨日，新
区举办消防安全知识讲座，两百
余名居民参加。

●本报讯 近日，新区完成老旧
小区改造三个，惠及居民一千余
户。（通讯员 孟凡）

●新区第二届读书节开幕，活
动将持续一个月。

新区召开秋季植树动员会

本报讯（记者陈思远）昨日上午，新区召开秋季植树动员会，部署植树造林工作。
会议要求，各乡镇要抓好苗木调运，落实管护责任，确保按时完成植树任务，让新区处处见绿、四季有景。
会后，与会人员到植树现场参加了义务植树活动，共栽植各类苗木五百余株。
"""

ONE_BLOCK = """要闻简报
◆新区举办消防安全知识讲座，两百余名居民参加。
◆新区完成老旧小区改造三个，惠及居民一千余户。
◆新区第二届读书节开幕，活动将持续一个月。
"""

TITLED_ITEMS = """短讯

●消防知识进社区

昨日，新区举办消防安全知识讲座，两百余名居民参加。

●老旧小区换新颜

近日，新区完成老旧小区改造三个，惠及居民一千余户。
"""


def _articles(text):
    articles, warnings = segment_page(text)
    assert warnings == []
    return articles


def test_each_item_of_a_brief_column_is_a_brief_and_the_label_is_not_an_article():
    articles = _articles(NARROW)
    assert [a.kind for a in articles] == ["brief", "brief", "brief", "news"]
    first, second, third, news = articles
    assert (first.reporters, first.body) == (["林晓"], "昨日，新区举办消防安全知识讲座，两百余名居民参加。")
    assert (second.contributors, second.body) == (["孟凡"], "近日，新区完成老旧小区改造三个，惠及居民一千余户。")
    assert third.body == "新区第二届读书节开幕，活动将持续一个月。"
    assert all(a.headline is None for a in articles[:3])
    assert news.headline == "新区召开秋季植树动员会" and news.reporters == ["陈思远"]


def test_items_in_one_block_under_the_label():
    articles = _articles(ONE_BLOCK)
    assert [a.kind for a in articles] == ["brief"] * 3
    assert articles[1].body == "新区完成老旧小区改造三个，惠及居民一千余户。"


def test_bulleted_titles_head_their_items():
    first, second = _articles(TITLED_ITEMS)
    assert (first.kind, first.headline) == ("brief", "消防知识进社区")
    assert first.body.startswith("昨日，新区举办")
    assert (second.headline, second.body[:2]) == ("老旧小区换新颜", "近日")


def test_without_a_label_short_items_stay_one_article():
    articles = _articles(ONE_BLOCK.split("\n", 1)[1])
    assert len(articles) == 1


def test_unbulleted_items_of_a_narrow_brief_column_are_its_paragraphs():
    page = """新闻简讯

新区举办电商培训班，两百余
名学员参加培训。
新区第二届读书节开幕，活动
将持续一个月。
"""
    articles = _articles(page)
    assert [(a.kind, a.body) for a in articles] == [
        ("brief", "新区举办电商培训班，两百余名学员参加培训。"),
        ("brief", "新区第二届读书节开幕，活动将持续一个月。"),
    ]
