"""Foreign names read from a run of transliteration characters and the context a person stands in, and the
transliterated words that are no person whatever surrounds them (invented sentences and names)."""
from archive.ingest.people import extract_people


def names(text):
    return [p.name for p in extract_people(text)]


def test_a_foreign_name_right_after_a_post_or_a_role():
    assert names("工党领袖萨布罗夫斯基6月3日在罗马发表讲话。") == ["萨布罗夫斯基"]
    assert names("后防线伤了主力梅罗德斯，问题不大。") == ["梅罗德斯"]
    assert names("学院院长贝尔纳托特、协会秘书长出席了会议。") == ["贝尔纳托特"]


def test_a_foreign_name_after_a_country_closing_its_phrase():
    assert names("他在半决赛中战胜了奥地利的梅罗德斯，进入决赛。") == ["梅罗德斯"]
    assert names("喀麦隆卡洛维奇和队友们都承认准备不足。") == ["卡洛维奇"]
    assert names("他在半决赛中战胜了奥地利的梅罗德斯队。") == []


def test_a_foreign_name_before_what_only_a_person_does_or_is():
    assert names("贝尔纳托一行昨天抵达上海。") == ["贝尔纳托"]
    assert names("我在北京见到萨莫洛夫院士时，他刚下飞机。") == ["萨莫洛夫"]
    assert names("转达了卡洛维奇总统对他的问候。") == ["卡洛维奇"]


def test_a_post_followed_by_a_name_of_its_own_is_not_evidence():
    assert names("拉布托副总统赵子龙发表讲话。") == ["赵子龙"]


def test_countries_cities_and_abbreviated_countries_are_no_persons():
    assert names("巴西表示，将继续合作。") == []
    assert names("美英法表示支持这一决议。") == []
    assert names("会议结束后，伊拉克宣布退出谈判。") == []


def test_a_place_or_a_ship_is_no_person():
    assert names("调查委员会12号在萨兰托拉宣布，将继续调查。") == []
    assert names("舰队派出了“萨拉诺夫”号大型登陆舰。") == []


def test_no_part_of_a_name_that_goes_on_in_a_character_outside_the_table():
    assert names("总统新闻秘书卡洛任贝斯宣布，会谈推迟。") == []


def test_a_thai_name_after_a_role_or_before_a_person_s_act_or_post():
    assert names("泰国前总理颂帕立、前财政部长出席了会议。") == ["颂帕立"]
    assert names("素拉猜副总理说，金融市场正在回稳。") == ["素拉猜"]


def test_a_thai_character_alone_in_chinese_words_makes_no_name():
    assert names("他的素质很高，差距不大。") == []
    assert names("美国总统克林顿立即表示反对。") == ["克林顿"]


def test_a_name_holding_a_common_transliteration_character():
    assert names("俄罗斯副总理马季延科说，谈判取得进展。") == ["马季延科"]
    assert names("乌克兰外长库坚斯基表示，将继续谈判。") == ["库坚斯基"]
    assert names("国际奥委会主席考伦斯说，筹备工作顺利。") == ["考伦斯"]
    assert names("秘书长绍列夫表示，会议将在明年举行。") == ["绍列夫"]
    assert names("前锋祖马诺夫攻入一球。") == ["祖马诺夫"]
    assert names("总理米茹科夫说，改革将继续。") == ["米茹科夫"]
