"""The re-import preview's text diff (``archive.article_diff``): what was removed and added, shortened context."""
from archive.article_diff import CONTEXT, MAX_CHAR_DIFF, article_change, inline_diff


def rebuilt(segments, *ops):
    return "".join(segment.text for segment in segments if segment.op in ops)


def test_a_changed_word_is_shown_removed_and_added_inside_its_sentence():
    old = "市委召开常委会议。会议由书记主持。会议部署下一步工作。"
    new = "市委召开常委会议。会议由市长主持。会议部署下一步工作。"
    segments = inline_diff(old, new, context=100)
    assert rebuilt(segments, "same", "removed") == old and rebuilt(segments, "same", "added") == new
    assert (rebuilt(segments, "removed"), rebuilt(segments, "added")) == ("书记", "市长")


def test_long_unchanged_text_keeps_only_the_context_next_to_a_change():
    kept = "这是一段没有变化的很长的文字。" * 20
    segments = inline_diff(kept + "旧结尾。", kept + "新结尾。")
    same = [s.text for s in segments if s.op == "same"]
    assert same and all(len(text) <= CONTEXT + 1 for text in same) and same[0].startswith("…")
    assert rebuilt(segments, "removed") == "旧" and rebuilt(segments, "added") == "新"


def test_equal_texts_give_no_diff_and_a_long_replacement_is_not_compared_character_by_character():
    assert inline_diff("同样的文字。", "同样的文字。") == []
    old, new = "甲" * MAX_CHAR_DIFF, "乙" + "甲" * MAX_CHAR_DIFF
    assert [s.op for s in inline_diff(old, new)] == ["removed", "added"]


def test_an_article_change_names_the_other_fields_that_differ():
    old = {"headline": "标题", "body": "正文。", "kind": "news", "districts": ["温县"], "persons": [], "meeting": None}
    new = {**old, "headline": "新标题", "districts": ["温县", "孟州市"]}
    change = article_change(old, new, "新标题")
    assert change.fields == ["区县"] and change.body == []
    assert rebuilt(change.headline, "added") == "新"
