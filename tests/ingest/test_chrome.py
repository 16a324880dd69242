"""Web chrome of e-paper and web copies is not part of the story; PDF pages pass unchanged."""
from datetime import date

from archive.ingest.chrome import is_chrome, strip_chrome
from archive.ingest.pipeline import parse_page

# An invented e-paper copy: page header, the page's other headlines, the nav and zoom bar,
# subscription and copyright lines, then the article itself.
EPAPER_COPY = """第03版:综合新闻 上一版3  4下一版
宋立新当选县科协主席
某县召开秋粮收购工作会议

焦作日报 | 焦作晚报 | 焦作网 | 网上投稿
上一期 版面导航
3上一篇  下一篇4 2021 年9月8日 星期 放大 缩小 默认
某县召开秋粮收购工作会议

移动用户:发送短信 abc 到 10650000 即可订阅《某手机报》,3元/月。不收GPRS流量费。
版权声明:某报社版权所有,未经书面授权,禁止复制。
联系电话:0000-1234567
分享到:

  本报讯(记者韩晓冬)9月6日上午,某县召开秋粮收购工作会议。副县长罗春华出席会议并讲话。
"""


def test_navigation_block_and_site_lines_are_blanked_line_for_line():
    stripped = strip_chrome(EPAPER_COPY)
    assert stripped.count("\n") == EPAPER_COPY.count("\n")
    assert "宋立新" not in stripped and "订阅" not in stripped and "版权声明" not in stripped
    assert "副县长罗春华出席会议并讲话。" in stripped
    assert "某县召开秋粮收购工作会议\n" in stripped.split("默认")[-1], "the article's own headline stays"


def test_pdf_text_is_returned_unchanged():
    pdf_text = "县委书记 王 刚 调研\n本报讯（记者 李 明）昨日上午，县委书记王刚到\n某镇调研。\n本报记者 刘 璐 摄\n"
    assert strip_chrome(pdf_text) is pdf_text


def test_menus_and_link_bars_are_chrome_but_bylines_and_headlines_are_not():
    assert is_chrome("网站首页 新闻 国内 国际 河南 焦作")
    assert is_chrome("焦作日报 | 焦作晚报 | 焦作网")
    assert is_chrome("更新时间:2022-6-20 9:14:44    来源:焦作日报")
    assert not is_chrome("本报记者 翟 艳 韦 冰")
    assert not is_chrome("提升服务质量 创优营商环境")


def test_people_of_other_headlines_and_dates_of_the_nav_bar_are_not_the_articles():
    articles = parse_page(EPAPER_COPY, date(2021, 9, 8)).articles
    people = {p.name for a in articles for p in a.persons}
    assert people == {"罗春华"}
    assert [a.event_date for a in articles] == [date(2021, 9, 6)]


def test_an_sms_subscription_line_names_the_sms_first():
    assert is_chrome("移动用户发送短信到10650000即可订阅")
    assert not is_chrome("订阅报纸的读者可以发送短信咨询")
