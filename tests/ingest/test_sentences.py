"""Sentence splitting that survives layout breaks inside sentences."""
from archive.ingest.sentences import sentences


def test_breaks_inside_a_sentence_are_joined():
    text = "会议听取了汇报。省厅调研员吴海涛\n莅会指导。\n沁阳市作了发言；孟州市也作了发言！"
    expected = ["会议听取了汇报。", "省厅调研员吴海涛莅会指导。", "沁阳市作了发言；", "孟州市也作了发言！"]
    assert sentences(text) == expected


def test_closing_quotes_stay_with_their_sentence_and_end_it():
    assert sentences("他说：“要干好。”\n第二段开始") == ["他说：“要干好。”", "第二段开始"]


def test_every_break_ends_a_sentence_when_asked():
    assert sentences("甲方签约\n乙方致辞。", join_breaks=False) == ["甲方签约", "乙方致辞。"]
    assert sentences("甲方签约\n乙方致辞。") == ["甲方签约乙方致辞。"]


def test_ascii_punctuation_ends_sentences_between_chinese_words():
    text = "会议要求:全区行动起来,打造示范区.他说(记者注)!产值增长3.5%。No.1企业落户"
    expected = ["会议要求:全区行动起来,打造示范区。", "他说(记者注)!", "产值增长3.5%。", "No.1企业落户"]
    assert sentences(text) == expected
