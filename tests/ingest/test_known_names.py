"""Names the archive already knows as people's, recognised where an article names them bare, only as whole words
and only where a person may stand (``extract_people(text, known)``; invented names and sentences)."""
from archive.ingest.people import extract_people

KNOWN = frozenset(
    {"何军", "林立新", "阿斯塔诺夫", "罗斯", "明白", "智慧", "都会", "艾力更", "薛祥", "罗格", "位全国", "祝贺他"}
)


def names(text, known=KNOWN):
    return [p.name for p in extract_people(text, known)]


def test_a_known_name_standing_bare_is_a_person():
    for text, name in (
        ("这项工作由何军负责。", "何军"),
        ("大家都很敬佩林立新。", "林立新"),
        ("大家都很敬佩阿斯塔诺夫。", "阿斯塔诺夫"),
    ):
        assert names(text, frozenset()) == []
        assert names(text) == [name]


def test_a_known_name_listed_brings_its_neighbour_along():
    assert names("何军和孙明远一起参加。", frozenset()) == []
    assert names("何军和孙明远一起参加。") == ["何军", "孙明远"]


def test_a_known_name_inside_a_longer_word_is_no_person():
    assert names("任何军事行动都要慎重。") == []
    assert names("俄罗斯代表团抵达北京。") == []


def test_a_known_name_that_is_a_common_word_is_no_person():
    assert names("他们终于明白了这个道理。") == []
    assert names("广泛凝聚智慧和力量。") == []
    assert names("这些都会引起关注。") == []


def test_a_known_name_heading_a_doctrine_or_inside_a_work_title_is_no_person_mentioned():
    assert names("学习何军理论的体会。") == []
    assert names("学习何军思想的体会。") == []
    assert names("读了《回忆何军》以后很感动。") == []


def test_a_known_name_in_a_byline_is_no_person_of_the_story():
    assert names("新华社记者何军报道") == []
    assert names("本报记者 何军 报道") == []


def test_a_known_name_where_a_place_or_an_institution_stands_is_no_person():
    assert names("代表团今天飞抵何军。") == []
    assert names("何军地区局势紧张。") == []
    assert names("何军县的发展很快。") == []
    assert names("何军大学今年招生。") == []


def test_a_known_name_that_is_the_part_of_a_longer_name_is_not_read_apart():
    assert "艾力更" not in names("艾力更·依明巴海参加会见。")
    assert "薛祥" not in names("大家都很敬佩丁薛祥。")
    assert names("克里沃伊罗格当天遭到袭击。") == []


def test_a_misreading_the_archive_holds_is_no_person_where_it_is_counted_or_ends_in_a_pronoun():
    assert names("5位全国自强模范代表发言。") == []
    assert names("大家纷纷祝贺他出任新职。") == []
