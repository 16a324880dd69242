"""Layout markers printed on newspaper pages, shared by the normalize and segment stages.

Datelines open articles (本报讯（记者…）), continuation markers (（下转A02版③）) and
page markers (①5) close them; sentence-final punctuation tells a paragraph's end from
a column break.
"""
from __future__ import annotations

import re

from archive.ingest.canonical import canonical

# 本报讯（记者…）, 本报讯 (记者…), 本报（记者…）, 本报讯 without a byline.
DATELINE = re.compile(r"^本\s*报\s*讯?\s*[（(]\s*([^（()）]{0,60}?)\s*[）)]\s*|^本\s*报\s*讯\s*")
# A dateline that starts a line or follows layout spaces (a headline may share its line).
DATELINE_IN_LINE = re.compile(r"(?:^|(?<=\s))本\s*报\s*(?:讯\s*(?=\S)|[（(]\s*记\s*者)")

_TARGET = r"([A-Za-z]?[0-9一二三四五六七八九十]+\s*版\s*[①-⑳]?)"
# （下转A02版③）, (转第二版), 下转3版 — the target page without 第.
CONTINUATION = re.compile(
    rf"[（(]\s*(?:下\s*)?转\s*第?\s*{_TARGET}\s*[）)]\s*$|下\s*转\s*第?\s*{_TARGET}\s*$"
)
PAGE_MARKER = re.compile(r"\s*[①-⑳]\s*\d{0,2}\s*$")
CONTINUED_FROM = re.compile(r"^[（(]\s*上\s*接\s*[^）)]{1,12}[）)]\s*")

# "本报记者 刘 璐 摄" closing a photo caption, on its own or after the caption text.
_CREDIT_NAMES = r"([^\s。，！？：（）()]{2,5}(?:[\s、][^\s。，！？：（）()]{2,5}){0,3})"
PHOTO_CREDIT = re.compile(
    r"(?:^|(?<=[\s。！？”]))[（(]?(?:本报|新华社)?\s*(?:特约|首席)?(?:记者|通讯员|摄影)[：:]?\s*"
    rf"{_CREDIT_NAMES}\s*摄[）)]?\s*$"
)
# Section headings inside a body: 一、… （二）… 3. …
ENUMERATOR = re.compile(r"^(?:[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十\d]+[）)]|\d+[、.．])")

SENTENCE_END = "。！？…；!?;"
CLOSERS = "”’」』）)》"


def strip_end_markers(text: str) -> tuple[str, str | None, bool]:
    """``text`` without trailing page/continuation markers, the continuation target, and whether any was found."""
    continued_to = None
    found = False
    while True:
        page = PAGE_MARKER.search(text)
        if page:
            text, found = text[: page.start()].rstrip(), True
            continue
        cont = CONTINUATION.search(text)
        if cont:
            continued_to = re.sub(r"\s+", "", cont.group(1) or cont.group(2))
            text, found = text[: cont.start()].rstrip(), True
            continue
        return text, continued_to, found


def ends_sentence(text: str) -> bool:
    """Whether ``text`` ends a sentence (ignoring closing quotes and trailing markers)."""
    text, _, marked = strip_end_markers(canonical(text).rstrip())
    if marked or PHOTO_CREDIT.search(text):
        return True
    text = text.rstrip(CLOSERS + " ")
    return bool(text) and text[-1] in SENTENCE_END
