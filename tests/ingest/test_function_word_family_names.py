"""Names whose family name is mostly a function word (和 "and", 于 "at"): read where the function word could not stand
(invented sentences)."""
from archive.ingest.people import extract_people


def names(text):
    return [p.name for p in extract_people(text)]


def test_a_clause_opened_by_such_a_family_name_before_a_given_name_and_a_predicate():
    assert names("为了修好这条路，和方靖还帮助村民筹钱。") == ["和方靖"]
    assert names("和舒兰离开家乡快二十年了。") == ["和舒兰"]


def test_the_conjunction_before_someone_the_clause_does_something_with_opens_no_name():
    assert names("和方靖相比，他年轻得多。") == []
    assert names("和平时一样，他早早起床。") == []


def test_the_conjunction_inside_a_clause_opens_no_name():
    assert names("村民们和方靖还在地里干活。") == []


def test_after_a_role_a_name_jieba_knows_whole():
    assert names("队员们都很信任主教练于小伟。") == ["于小伟"]


def test_after_a_role_a_function_word_before_a_name_or_place_jieba_knows_is_no_family_name():
    assert names("会后，代表和亨利一起参观了工厂。") == []
