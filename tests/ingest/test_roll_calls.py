"""Roll calls the earlier rules missed: collective and rank titles, people introduced by their
circumstances, 兼 between two titles, honourees listed before a count, a name before 家, and a name
of any shape among people listed (invented names and texts)."""
from __future__ import annotations

from archive.ingest.people import extract_people


def people(text: str) -> dict[str, list[str]]:
    return {p.name: p.titles for p in extract_people(text)}


def names(text: str) -> list[str]:
    return [p.name for p in extract_people(text)]


def test_collective_title_of_a_roll_call():
    found = people("市党政军领导孟长河、郑秋实、柳青山在主席台就座。")
    assert found == {name: ["市党政军领导"] for name in ("孟长河", "郑秋实", "柳青山")}


def test_rank_of_cadres_shared_by_a_list():
    found = people("副县长石文博，市（厅）级干部包立新、闵学东在分会场收听收看。")
    assert found["包立新"] == ["市（厅）级干部"]
    assert found["闵学东"] == ["市（厅）级干部"]


def test_deputy_military_titles():
    found = people("军分区副司令员梁国栋、副参谋长卫建民出席会议。")
    assert found == {"梁国栋": ["军分区副司令员"], "卫建民": ["军分区副参谋长"]}


def test_people_introduced_by_their_circumstances():
    found = people("他先后看望了困难党员范德才、贫困户喻春生、喻秋生和下岗职工童秀英，送去慰问金。")
    assert found == {
        "范德才": ["困难党员"],
        "喻春生": ["贫困户"],
        "喻秋生": ["贫困户"],
        "童秀英": ["下岗职工"],
    }


def test_circumstance_word_before_a_conjunction_is_no_name():
    assert people("督促贫困村、贫困户和贫困人口制订脱贫计划。") == {}


def test_two_titles_joined_by_jian():
    found = people("市政府副秘书长兼交通局局长詹立平为第一辆车发放通行卡。")
    assert found == {"詹立平": ["市政府副秘书长", "交通局局长"]}


def test_honourees_listed_before_a_count():
    found = people("颁奖典礼上，姚晓雨、冯立、裴海波3人当选年度人物。")
    assert set(found) == {"姚晓雨", "冯立", "裴海波"}


def test_name_before_jia_ends_there():
    assert "童秀英" in people("随后，他到下岗职工童秀英家，送上慰问品。")


def test_invited_is_no_name():
    found = people("市领导孟长河出席。部分市人大代表、政协委员应邀出席会议。")
    assert found == {"孟长河": ["市领导"]}


def test_a_name_of_any_shape_between_two_people_of_a_roll_call():
    assert names("会上，柴文涛、史培之、韦思远先后发言。") == ["柴文涛", "史培之", "韦思远"]
    assert names("会上，柴文涛、史培之和韦思远先后发言。") == ["柴文涛", "史培之", "韦思远"]


def test_a_name_of_any_shape_last_in_a_roll_call_after_two_people():
    assert names("柴文涛、韦思远、程大地等参加了讨论。") == ["柴文涛", "韦思远", "程大地"]


def test_a_name_of_any_shape_first_in_a_roll_call_before_two_people():
    assert names("这套丛书分别由骆宁之、柴文涛、韦思远等作家创作。") == ["骆宁之", "柴文涛", "韦思远"]


def test_a_roll_call_goes_on_with_no_place_and_no_name_cut_off_its_family_name():
    assert names("柴文涛、韦思远、李村等地受灾。") == ["柴文涛", "韦思远"]
    assert "卓玛拉" not in names("贺丽娟、向卓玛拉、柴文涛、龚建民参加了会议。")


def test_a_name_of_any_shape_joined_to_someone_found_before_an_honorific():
    assert names("那天，柴文涛和韦培之同志夫妇都来了。") == ["柴文涛", "韦培之"]
