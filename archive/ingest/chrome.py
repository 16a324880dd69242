"""Web chrome in e-paper and web copies of articles: lines that are the site's, not the story's.

Copies taken from the e-paper site or a news web page carry the page around the article:
the page header and the list of the page's other headlines (第05版:都市新闻 … 放大 缩小 默认),
SMS subscription and copyright lines, link bars (焦作日报 | 焦作晚报 | …), menus of short
words, "您现在的位置", "更新时间:… 来源:…" and "分享到". Those lines would become articles
of their own, or dates and people of the story (a navigation line names other articles'
people). ``strip_chrome`` blanks them, keeping the line count, so that blocks stay apart.
PDF-extracted pages have none of these lines and come back unchanged.
"""
from __future__ import annotations

import re

CHROME_LINE = re.compile(
    r"^第\s*\d+\s*版\s*[:：]"
    r"|上一版|下一版|上一期|下一期|版面导航|上一篇|下一篇|放大\s*缩小"
    r"|^(?:数字报|分享到[:：]?|二维码|Top|新闻中心首页|返回主页|打印本页|关闭窗口)$"
    r"|^版权声明|^联系电话\s*[:：]|官方微博参与互动|扫一扫|您现在的位置|您当前的位置"
    r"|^(?:更新)?时间\s*[:：].*来源\s*[:：]|^来源\s*[:：]\S*$"
)
# A page header opens the list of the page's headlines, which ends with the zoom bar.
PAGE_HEADER = re.compile(r"^第\s*\d+\s*版\s*[:：]")
NAVIGATION_END = re.compile(r"放大\s*缩小")
LINK_BAR_SEPARATORS = 2
# A menu: at least this many words of MENU_WORD characters, without sentence punctuation
# (a letter-spaced byline, 本报记者 刘 璐 摄, has one-character words and names its reporter).
MENU_WORDS = 4
MENU_WORD = range(2, 6)
SENTENCE_PUNCTUATION = re.compile("[，。；！？、：,;!?:“”]")
BYLINE_WORDS = re.compile("记者|通讯员|实习生|摄")
# An SMS subscription line: the first words, then the second later in the line.
SMS_SEND, SMS_SUBSCRIBE = "发送短信", "订阅"


def is_chrome(line: str) -> bool:
    """Whether one line (stripped) belongs to the web page around the article."""
    if not line:
        return False
    if CHROME_LINE.search(line) or line.count("|") >= LINK_BAR_SEPARATORS or _asks_for_sms_subscription(line):
        return True
    words = line.split()
    return (
        len(words) >= MENU_WORDS
        and all(len(word) in MENU_WORD for word in words)
        and not SENTENCE_PUNCTUATION.search(line)
        and not BYLINE_WORDS.search(line)
    )


def _asks_for_sms_subscription(line: str) -> bool:
    """发送短信 … 订阅 (the regular expression 发送短信.*订阅 would rescan the line from every 发送短信)."""
    start = line.find(SMS_SEND)
    return start >= 0 and line.find(SMS_SUBSCRIBE, start + len(SMS_SEND)) >= 0


def strip_chrome(text: str) -> str:
    """``text`` with every chrome line blanked (navigation blocks included); other lines untouched."""
    lines = text.split("\n")
    stripped = [line.strip() for line in lines]
    # a line printed again on the page is judged once
    verdicts = {line: is_chrome(line) for line in set(stripped)}
    chrome = [verdicts[line] for line in stripped]
    if not any(chrome):
        return text
    header = next((i for i, line in enumerate(stripped) if PAGE_HEADER.match(line)), None)
    if header is not None:
        end = next((i for i in range(header, len(stripped)) if NAVIGATION_END.search(stripped[i])), None)
        if end is not None:
            chrome[header : end + 1] = [True] * (end + 1 - header)
    return "\n".join("" if drop else line for line, drop in zip(lines, chrome, strict=True))
