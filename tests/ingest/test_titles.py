"""The title lexicon and how organisation prefixes are read in front of core titles."""
from __future__ import annotations

from archive.ingest.names import Segmentation
from archive.ingest.titles import CORE_TITLES, TITLES, after_appointment_verb, find_titles


def titles(text: str, breaks=()) -> list[str]:
    return [t.title for t in find_titles(text, Segmentation(text).word_start, breaks)]


def test_longest_core_title_wins():
    assert titles("常务副县长") == ["常务副县长"]
    assert titles("副总经理") == ["副总经理"]
    assert titles("二级调研员") == ["二级调研员"]


def test_organisation_prefixes_are_part_of_the_title():
    assert titles("市委副书记") == ["市委副书记"]
    assert titles("温州正泰集团有限公司董事长") == ["温州正泰集团有限公司董事长"]
    assert titles("县纪委监委驻县财政局纪检监察组组长") == ["县纪委监委驻县财政局纪检监察组组长"]
    assert titles("开发区（综保区）管委会主任") == ["开发区（综保区）管委会主任"]


def test_prefix_stops_at_punctuation_verbs_time_words_and_line_breaks():
    assert titles("会见了洛阳栾川钼业集团董事长") == ["洛阳栾川钼业集团董事长"]
    assert titles("要认真贯彻落实省委书记") == ["省委书记"]
    assert titles("今天上午县委书记") == ["县委书记"]
    assert titles("全县上下，县长") == ["县长"]
    assert titles("座谈会上强调县委书记", breaks={6}) == ["县委书记"]
    assert titles("县人民医院院长", breaks={4}) == ["县人民医院院长"]


def test_prefix_that_is_not_an_organisation_is_dropped():
    assert titles("王振华省长") == ["省长"]
    assert titles("焦作市市长") == ["焦作市市长"]


def test_core_inside_a_longer_organisation_is_not_a_title():
    assert titles("省委书记、省人大常委会主任") == ["省委书记", "省人大常委会主任"]


def test_appointment_verb_before_a_title():
    text = "正式入职县产业集聚区管委会副主任"
    assert after_appointment_verb(text, find_titles(text, Segmentation(text).word_start)[0])
    text = "拿出经开区管委会副主任岗位"
    assert not after_appointment_verb(text, find_titles(text, Segmentation(text).word_start)[0])


def test_lexicon_exports():
    assert {"市长", "董事长", "区领导", "村支书", "人大代表", "政协委员"} <= set(CORE_TITLES)
    assert set(CORE_TITLES) <= TITLES
    assert "市委书记" in TITLES
