"""Japanese names: more family names, and given names that stop before a common word or a lone adverb
(invented sentences and names)."""
from archive.ingest.people import extract_people


def names(text):
    return [p.name for p in extract_people(text)]


def test_a_japanese_name_with_a_family_name_of_the_larger_table():
    assert names("日本外相武藤正雄今天在东京表示，将继续对话。") == ["武藤正雄"]
    assert names("星野正义说，日方重视这次访问。") == ["星野正义"]


def test_a_common_word_after_the_family_name_is_no_given_name():
    assert names("小泉政权的基础将被削弱。") == []
    assert names("他批评了川口内阁的做法。") == []
    assert names("星野正义说，日方重视这次访问。") == ["星野正义"]


def test_a_given_name_does_not_end_in_a_lone_adverb():
    assert "星野俊彦不" not in names("民主党代表星野俊彦不同意撤销这项法案。")
    assert names("前首相之女星野真纪子也进入内阁。") == ["星野真纪子"]


def test_a_given_name_ending_in_yi():
    assert names("据报道，日本经济产业大臣藤田洋一表示反对。") == ["藤田洋一"]
    assert names("藤田俊一表示，双方将加强合作。") == ["藤田俊一"]
