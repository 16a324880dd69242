"""Officials are people with a party or government post; everyone else named is of kind "other"."""
from archive.ingest.people import extract_people
from archive.ingest.titles import is_official_title


def kinds(text):
    return {p.name: p.kind for p in extract_people(text)}


def test_party_and_government_posts_make_officials():
    assert is_official_title("副县长")
    assert is_official_title("市人大常委会副主任")
    assert is_official_title("某镇党委书记")


def test_company_school_and_status_titles_make_no_official():
    assert not is_official_title("某材料集团党委书记")
    assert not is_official_title("某公司总经理")
    assert not is_official_title("县人民医院院长")
    assert not is_official_title("贫困户")
    assert not is_official_title("政协委员")


def test_kinds_of_people_in_one_article():
    found = kinds("副县长罗春华、某食品公司董事长贺明轩到贫困户严桂枝家中走访。“日子越过越好。”严桂枝说。")
    assert found == {"罗春华": "official", "贺明轩": "other", "严桂枝": "other"}
