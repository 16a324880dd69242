"""County-level units an article names or is about; towns and streets roll up to their county.

Every place name the gazetteer knows is looked up longest first, so "武陟县经济技术开发区"
counts once for 武陟县 and "城乡一体化示范区" is not read as a bare "示范区". Two names
are also common nouns: "示范区"/"高新区" in "国家全域旅游示范区" or "郑州高新区" name
no unit of 焦作, so they count only when the words before them are not a generic
modifier or another city. A few county names hide inside ordinary words ("高温县城").
Units named together by their short forms (the name without 区/县/市) and then counted
("解放和山阳两城区", "沁阳、孟州两市") count too; a bare 解放 or 山阳 alone is an ordinary word.
"""
from __future__ import annotations

import re
from functools import lru_cache

from archive.ingest.gazetteer import Gazetteer

# Other cities of the province, whose own 示范区/高新区 (济源示范区, 郑州高新区) are not 焦作's.
OTHER_CITIES = (
    "郑州", "洛阳", "开封", "新乡", "安阳", "鹤壁", "濮阳", "许昌", "漯河", "三门峡", "南阳", "商丘", "信阳",
    "周口", "驻马店", "平顶山", "济源", "北京", "上海", "苏州",
)
# Place name -> endings of the text before it that show it is not that place.
NOT_A_PLACE_AFTER: dict[str, tuple[str, ...]] = {
    "示范区": (
        "旅游", "生态", "文明", "国家", "国家级", "省级", "市级", "全国", "农业", "科技", "创新", "改革", "试验",
        "试点", "产业", "先行", "发展", "循环", "经济", "开放", "合作", "物流", "品牌", "标准化", "乡村", "振兴",
        "健康", "卫生", "安全", "文化", "教育", "创业", "融合", "转型", "绿色", "低碳", "智慧", "数字", "服务", "现代",
        "特色", "示范", "综合", "建设", "治理", "区域", *OTHER_CITIES,
    ),
    "高新区": ("国家", "国家级", "省级", *OTHER_CITIES),
    "温县": ("高", "低", "气", "体", "水", "保", "恒", "升", "降", "常", "室", "地", "油", "增"),
    "解放区": ("老", "各", "抗日", "边区", "和"),
}


def find_districts(text: str, gazetteer: Gazetteer, edition: str | None = None) -> list[str]:
    """County-level units for ``text``, in order of first mention; a district edition gives its own.

    ``edition`` is the page's edition name; when it is itself a county-level unit
    (a district's own page) that unit comes first for every article.
    """
    found: list[str] = []
    own = gazetteer.county_of(edition) if edition else None
    if own:
        found.append(own)
    for match in _place_pattern(tuple(gazetteer.places)).finditer(text):
        name = match.group()
        if text.endswith(NOT_A_PLACE_AFTER.get(name, ()), 0, match.start()):
            continue
        county = gazetteer.county_of(name)
        if county and county not in found:
            found.append(county)
    for county in _counted_short_forms(text, gazetteer.counties):
        if county not in found:
            found.append(county)
    return found


def _counted_short_forms(text: str, counties: tuple[str, ...]) -> list[str]:
    """Units a text names together by their short forms and counts: 解放和山阳两城区, 沁阳、孟州两市."""
    short = {county[:-1]: county for county in counties}
    counted, one = _counted_pattern(tuple(short))
    return [short[name] for match in counted.finditer(text) for name in one.findall(match.group("names"))]


@lru_cache(maxsize=8)
def _counted_pattern(shorts: tuple[str, ...]) -> tuple[re.Pattern, re.Pattern]:
    """Two or more short forms joined by 、/和/及/与, then how many units they are (两城区, 三个县);
    and the pattern of one short form."""
    one = "|".join(map(re.escape, sorted(shorts, key=len, reverse=True)))
    counted = rf"(?P<names>(?:{one})(?:[、和及与](?:{one}))+)(?:[两二三四五六七八九]|\d+)个?(?:城区|区|县|市)"
    return re.compile(counted), re.compile(one)


@lru_cache(maxsize=8)
def _place_pattern(names: tuple[str, ...]) -> re.Pattern:
    """One alternation of every place name, longest first so the longest name wins (then in order of code
    points, whatever the order of ``names``)."""
    ordered = sorted(sorted(names), key=len, reverse=True)
    return re.compile("|".join(map(re.escape, ordered)) or r"(?!)")
