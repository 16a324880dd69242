"""Pathological page texts for the importer's worst-case speed: one builder per shape.

Each builder fills a page up to a size in UTF-8 bytes (the upload limit, for the
benchmark) with one hostile shape: long digit runs inside a sentence, Chinese without
punctuation, thousands of titles, names or cue words, many short lines, one huge line,
letter-spaced text, runs of brackets and markers, mixed scripts. ``UNITS`` are the
pieces the fuzz test repeats and mixes. The text is invented: random characters and
generic newspaper words, no page's sentences.
"""
from __future__ import annotations

import random
from collections.abc import Callable

# Pieces hostile pages are made of: words each stage reacts to, and filler.
UNITS: tuple[str, ...] = (
    "1", "2016", "，", "。", "、", "\n", "\n\n", " ", "\u3000", "\t", "（", "）", "(", ")", "“", "”",
    "张", "王", "欧阳", "李明", "王建国", "说", "表示", "指出", "等", "同志", "一行",
    "市长", "县委副书记", "副主任", "市人大常委会主任", "局长", "董事长", "原", "党委",
    "本报讯", "本报记者", "记者", "通讯员", "摄", "文/图", "（记者", "（下转A02版③）", "（上接A01版）", "①5",
    "月", "日", "年", "8月3日", "昨日", "近日", "从", "至", "去年", "本月",
    "会议", "在", "主持", "出席", "召开", "强调", "代表", "讲话", "致辞", "表彰", "当选", "荣获",
    "县", "镇", "村", "温县", "示范区", "街道", "a", "Z", "-", "/", "：", "—", "■", "▲", "编者按", "简讯",
    "先生", "上周", "上旬", "卡洛斯", "·", "|", "第5版：", "放大 缩小", "发送短信", "订阅", "来源：",
)
CJK_FIRST, CJK_LAST = 0x4E00, 0x9FFF


def fill(limit: int, piece: Callable[[], str]) -> str:
    """Pieces from ``piece()`` joined until the text would pass ``limit`` UTF-8 bytes."""
    parts, size = [], 0
    while True:
        part = piece()
        grown = size + len(part.encode("utf-8"))
        if grown > limit:
            return "".join(parts)
        parts.append(part)
        size = grown


def _repeat(unit: str) -> Callable[[int, random.Random], str]:
    return lambda limit, rng: fill(limit, lambda: unit)


def digits_in_sentence(limit: int, rng: random.Random) -> str:
    opening, closing = "会议指出，今年全市完成投资", "元。"
    budget = limit - len((opening + closing).encode("utf-8"))
    return opening + "".join(rng.choice("0123456789") for _ in range(budget)) + closing


def random_chinese(limit: int, rng: random.Random) -> str:
    return fill(limit, lambda: chr(rng.randint(CJK_FIRST, CJK_LAST)))


def name_soup(limit: int, rng: random.Random) -> str:
    """Family names, title words and cue words in random order, no punctuation: a name may start anywhere."""
    pool = "张王李赵刘陈杨黄周吴孙马朱胡郭何高林罗郑欧阳市县长副书记主任说表示等同志强调在和"
    return fill(limit, lambda: rng.choice(pool))


def titles_and_names(limit: int, rng: random.Random) -> str:
    titles = ("市委书记", "副市长", "县委常委、宣传部长", "市人大常委会副主任", "董事长", "局长")
    names = ("张建国", "王芳", "李明", "欧阳红", "赵小刚")
    return fill(limit, lambda: rng.choice(titles) + rng.choice(names) + rng.choice("、，。"))


def roll_call(limit: int, rng: random.Random) -> str:
    names = ("张建国", "王芳", "李明", "欧阳红", "赵小刚", "刘强", "陈静")
    return "副主任" + fill(limit - 40, lambda: rng.choice(names) + "、") + "等出席。"


def distinct_names(limit: int, rng: random.Random) -> str:
    """Thousands of different people, each with a title: every name is new."""
    given = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍红"
    surnames = "张王李赵刘陈杨黄周吴"
    return fill(limit, lambda: "市长" + rng.choice(surnames) + rng.choice(given) + rng.choice(given) + "，")


def names_before_cues(limit: int, rng: random.Random) -> str:
    """Thousands of different untitled people, each before a speech verb: every name is read before its cue."""
    given = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍红"
    surnames = "张王李赵刘陈杨黄周吴"
    cues = ("说，", "表示，")
    return fill(limit, lambda: rng.choice(surnames) + rng.choice(given) + rng.choice(given) + rng.choice(cues))


def distinct_short_titles(limit: int, rng: random.Random) -> str:
    """Blocks of two random characters: thousands of different headline-like blocks in a row."""
    return fill(limit, lambda: chr(rng.randint(CJK_FIRST, CJK_LAST)) + chr(rng.randint(CJK_FIRST, CJK_LAST)) + "\n\n")


def appointments(limit: int, rng: random.Random) -> str:
    return fill(limit, lambda: rng.choice(("担任副主任，", "正式入职管委会副主任", "当选为主席、")))


def mixed_scripts(limit: int, rng: random.Random) -> str:
    alphabet = "abcXYZ0123456789 ,.;:!?()-/\n\t，。、；：！？（）“”《》" + "".join(map(chr, range(0x4E00, 0x4E80)))
    return fill(limit, lambda: rng.choice(alphabet))


def one_huge_line(limit: int, rng: random.Random) -> str:
    sentences = ("市长张建国主持会议并讲话", "8月3日上午，全县召开大会", "本报讯（记者 李明）", "他说，要抓好落实")
    return fill(limit, lambda: rng.choice(sentences) + rng.choice("，。；、 "))


def letter_spaced(limit: int, rng: random.Random) -> str:
    return fill(limit, lambda: rng.choice("会上市规划局张王说表示，。 ") + " ")


def random_units(limit: int, rng: random.Random) -> str:
    """Any of ``UNITS`` in random order: the random sample of hostile pages."""
    return fill(limit, lambda: rng.choice(UNITS))


SHAPES: dict[str, Callable[[int, random.Random], str]] = {
    "digits in a sentence": digits_in_sentence,
    "digits then newline": _repeat("1" * 200 + "\n"),
    "random Chinese": random_chinese,
    "name soup": name_soup,
    "titles and names": titles_and_names,
    "roll call": roll_call,
    "distinct names": distinct_names,
    "names before cues": names_before_cues,
    "appointments": appointments,
    "cue words": _repeat("说"),
    "name before cue": _repeat("张建国说，"),
    "titles only": _repeat("县委副书记"),
    "organisation prefix": _repeat("市委"),
    "short lines": _repeat("张\n"),
    "short blocks": _repeat("本报讯\n\n"),
    "one-character blocks": _repeat("张\n\n"),
    "distinct short titles": distinct_short_titles,
    "tiny articles": _repeat("本报讯（记者 李明）市委开会。\n\n"),
    "unfinished paragraphs": _repeat("会议指出，全市经济发展稳中有进势头良好\n\n"),
    "blank lines": _repeat("\n"),
    "spaces": _repeat(" "),
    "spaces in Chinese": _repeat("会 "),
    "letter spaced": letter_spaced,
    "one huge line": one_huge_line,
    "mixed scripts": mixed_scripts,
    "open brackets": _repeat("（"),
    "bracketed credit": _repeat("（记者"),
    "markers": _repeat("（下转A02版③）"),
    "dates": _repeat("8月3日"),
    "date numerals": _repeat("十"),
    "quotes": _repeat("“"),
    "dashes": _repeat("—"),
    "web chrome words": _repeat("发送短信"),
    "navigation headers": _repeat("第5版：要闻\n"),
    "dotted names": _repeat("卡洛斯·"),
    "listed names": _repeat("王芳、"),
    "approximate dates": _repeat("近日"),
    "random units": random_units,
}
