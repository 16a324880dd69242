"""Titles held formerly (原), titles of schools known by their abbreviation, and professional or
delegation titles: rules on composed texts with invented names."""
from __future__ import annotations

from archive.ingest.people import extract_people


def people(text: str) -> dict[str, list[str]]:
    return {p.name: p.titles for p in extract_people(text)}


def test_former_between_organisation_and_title():
    found = people("嘉宾有：县委原副书记、县人大常委会原副主任林秋实，县文联原主席贺晓光。")
    assert found["林秋实"] == ["县委原副书记", "县人大常委会原副主任"]
    assert found["贺晓光"] == ["县文联原主席"]


def test_former_before_organisation_and_title():
    assert people("原县委书记周明远出席仪式。") == {"周明远": ["原县委书记"]}
    assert people("县委常委、原副县长韩立新出席。") == {"韩立新": ["县委常委", "原副县长"]}


def test_former_inside_a_word_is_not_a_former_title():
    assert people("中原区长蒋文华讲话。") == {"蒋文华": ["区长"]}


def test_surname_yuan_is_not_former():
    assert people("原立群主席说，要抓好落实。") == {"原立群": ["主席"]}


def test_school_abbreviation_is_an_organisation_not_a_name():
    found = people("县师专校长、省作家协会会员柳青岚，县一中党委书记包永安出席。")
    assert found == {"柳青岚": ["县师专校长", "省作家协会会员"], "包永安": ["县一中党委书记"]}


def test_professional_and_delegation_titles():
    found = people("高级工程师邵云峰，县代表团副团长、县长梁德新发言。")
    assert found == {"邵云峰": ["高级工程师"], "梁德新": ["县代表团副团长", "县长"]}
