"""Characters that mark a transliterated (foreign) name, and those too common in Chinese words to mark one outside
a name joined by "·" (invented sentences)."""
from archive.ingest.people import extract_people


def names(text):
    return [p.name for p in extract_people(text)]


def test_a_name_with_nau_is_transliterated():
    assert names("教练瑙曼说，球队状态很好。") == ["瑙曼"]
    assert names("前锋卡瑙斯攻入一球。") == ["卡瑙斯"]
    assert names("罗伯特·瑙曼出席了会议。") == ["罗伯特·瑙曼"]


def test_characters_common_in_chinese_words_do_not_lengthen_a_foreign_name():
    assert names("发言人卡布延长了讲话。") == ["卡布"]
    assert names("发言人卡布猜测，会谈将推迟。") == ["卡布"]
