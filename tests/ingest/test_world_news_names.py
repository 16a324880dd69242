"""Names of world and sports news: before a head of state's post or an honorific, after a shirt number
(invented sentences)."""
from archive.ingest.people import extract_people


def names(text):
    return [p.name for p in extract_people(text)]


def test_a_foreign_name_before_an_honorific_or_a_deputy_s_post():
    assert names("拉埃女士详细介绍了展品。") == ["拉埃"]
    assert names("在开普敦，萨贝基副总统在发表讲话时说。") == ["萨贝基"]
    assert names("在开普敦，姆贝基副总统在发表讲话时说。") == ["姆贝基"]


def test_a_name_jieba_knows_before_a_post_or_an_honorific():
    assert "若斯潘" in names("若斯潘总理周三晚表示，这项改革很重要。")
    assert names("书中收录了李大钊、恽代英烈士的文章。") == ["李大钊", "恽代英"]


def test_nouns_places_and_posts_followed_by_a_name_are_no_names():
    assert names("领导同志要带头。") == []
    assert names("常务副总理在会上讲话。") == []
    assert names("这位教书先生很受尊敬。") == []
    assert names("美国总统、法国总理出席。") == []
    assert names("他说，国务院总理要来。") == []
    assert names("在开普敦，萨贝基副总统赵子龙发表讲话。") == ["赵子龙"]


def test_a_foreign_name_after_a_player_s_shirt_number():
    assert names("角球开出后，9号萨莫拉诺门前抢点。") == ["萨莫拉诺"]
    assert names("他住在3号楼，离1号文件的发文处不远。") == []
