"""Full names jieba cuts into a family name and a word of its lexicon (骆|振声, 韦|国庆), found where a person's context
says so; the same cut of ordinary words is no person (invented sentences)."""
from archive.ingest.names import Segmentation
from archive.ingest.people import extract_people


def names(text):
    return [p.name for p in extract_people(text)]


def test_given_name_words_are_known_from_the_lexicon_s_names():
    segmentation = Segmentation("")
    assert segmentation.is_given_name_word("建平")
    assert segmentation.is_given_name_word("国庆")
    assert not segmentation.is_given_name_word("文化")
    assert not segmentation.is_given_name_word("起来")
    assert not segmentation.is_given_name_word("晓岚")  # no word of jieba's lexicon


def test_a_cut_off_name_opening_its_clause_before_a_predicate():
    assert names("骆振声又安排人员解决问题。") == ["骆振声"]
    assert names("韦国庆下岗后，她感到痛苦。") == ["韦国庆"]
    assert names("据了解，庞卫国已经发表了多篇论文。") == ["庞卫国"]
    assert names("乡亲们把骆振声领回了家。") == ["骆振声"]
    assert names("这件事让韦国庆很感动。") == ["韦国庆"]
    assert names("这项工作由施建平负责。") == ["施建平"]  # jieba glues 由施
    assert names("这项工作由施工单位负责。") == []


def test_a_cut_off_name_closing_a_phrase_a_de_opened_or_opening_one_before_de_or_after_a_role():
    assert names("冠军是来自星牌俱乐部的施建平，他今年二十岁。") == ["施建平"]
    assert names("如今，韦国庆的生活已经恢复正轨。") == ["韦国庆"]
    assert names("退休工人韦国庆办起了图书馆。") == ["韦国庆"]


def test_a_family_name_before_a_word_without_a_person_s_context_is_no_name():
    assert names("要为党育才为党献策。") == []
    assert names("为经济发展提供“强引擎”。") == []
    assert names("剩下的盛宏达小商品城也将拆除。") == []
    assert names("我很高兴见到你。") == []
    assert names("这是一个古老的王国。") == []


def test_a_cut_off_name_that_is_a_place_or_an_honorific_is_no_person():
    assert names("部队已经从古赛尔撤出。古赛尔是边境重镇。") == []
    assert names("她也可以像张大娘一样住进新房。") == []
    assert names("彭姥姥的父亲是村里的教书先生。") == []


def test_a_cut_off_name_listed_beside_someone_found():
    assert names("专家张晓岚、施建平、韦国庆参加讨论。") == ["张晓岚", "施建平", "韦国庆"]
    assert names("由骆振声、张晓岚组成的小组获得冠军。") == ["骆振声", "张晓岚"]
    assert names("张晓岚说，文化和国庆都很重要。") == ["张晓岚"]


def test_the_end_of_a_listed_name_jieba_cut_apart_is_no_name():
    assert "明政" not in names("名单如下：张晓岚、范明政、韦志鹏。")


def test_a_listed_name_ends_at_a_conjunction_only_where_a_name_follows_it():
    assert "魏凤" not in names("张晓岚、韦志鹏、魏凤和、施建平参加。")


def test_a_foreign_name_or_place_is_no_cut_off_chinese_name():
    assert "巴德鲁" not in names("政府军控制了哈纳诺、萨胡尔和巴德鲁三个重要的区域。")
