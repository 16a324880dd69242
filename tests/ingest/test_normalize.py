"""Layout clean-up on small texts written for these tests."""
from archive.ingest.canonical import canonical
from archive.ingest.normalize import MAX_JOINED_BLOCKS, clean_line, join_lines, page_blocks, paragraphs, undouble


def test_letter_spacing_and_spaces_around_punctuation_are_removed():
    assert clean_line("会 上 ， 市 交 通 局 从 规 划 编") == "会上，市交通局从规划编"
    assert clean_line("本报讯 （记 者陈思远") == "本报讯（记者陈思远"
    assert clean_line("各县 （市） 区要") == "各县（市）区要"
    assert clean_line("本报记者 赵 晴 摄") == "本报记者赵晴摄"


def test_spaces_between_digits_and_chinese_are_removed():
    assert clean_line("近 20 家企业，“2019 中") == "近20家企业，“2019中"
    assert join_lines([clean_line("本报讯 5 月"), clean_line("8日上午")]) == "本报讯5月8日上午"


def test_phrase_spaces_in_headlines_are_kept():
    assert clean_line("深化改革创新  推动高质量发展") == "深化改革创新 推动高质量发展"
    assert clean_line("“攻坚”之年 ——看新城如何破题") == "“攻坚”之年 ——看新城如何破题"


def test_ascii_punctuation_is_kept_as_printed_and_its_layout_spaces_dropped():
    assert clean_line("本报讯(记者陈思远) 5月8日, 会议要求: 加快建设;") == "本报讯(记者陈思远)5月8日,会议要求:加快建设;"
    assert clean_line("一、强化规划引领, 谋划美丽新城") == "一、强化规划引领,谋划美丽新城"
    assert clean_line("see v1.2 (beta)") == "see v1.2 (beta)"


def test_canonical_copy_has_full_width_punctuation_and_the_same_offsets():
    printed = "本报讯(记者陈思远)5月8日,会议要求:加快建设;共1,200个岗位"
    assert canonical(printed) == "本报讯（记者陈思远）5月8日，会议要求：加快建设；共1,200个岗位"
    assert len(canonical(printed)) == len(printed)
    assert canonical("１２月３日，Ａ０２版") == "12月3日，A02版"


def test_ascii_page_keeps_its_characters_in_blocks():
    text = "本报讯(记者陈思远)4月15日,新区召开\n大会。会议要求:加快建设。"
    assert join_lines(page_blocks(text)[0]) == text.replace("\n", "")


def test_a_line_printed_twice_is_kept_once():
    assert undouble("让河道清起来让河道清起来") == "让河道清起来"
    assert undouble("好好学习好好学习天天向上") == "好好学习好好学习天天向上"
    assert undouble("哈哈") == "哈哈"


def test_tabs_between_table_cells_survive():
    assert clean_line("积极举报 监管局发布公告。 扫码更精彩\t单身派对 联谊会周末举行。") == (
        "积极举报 监管局发布公告。扫码更精彩\t单身派对 联谊会周末举行。"
    )


def test_column_break_inside_a_sentence_is_joined():
    text = "新区种植条件优越，农业生\n\n产基础扎实，是重要的粮食产区。\n\n下一段另起一句。"
    blocks = page_blocks(text)
    assert len(blocks) == 2
    assert join_lines(blocks[0]) == "新区种植条件优越，农业生产基础扎实，是重要的粮食产区。"


def test_a_paragraph_is_joined_over_at_most_max_joined_blocks_columns():
    column = "会议指出，全市经济发展稳中有进势头良好"
    count = 2 * MAX_JOINED_BLOCKS + 5
    blocks = page_blocks("\n\n".join(f"{column}{i}" for i in range(count)))
    assert [len(block) for block in blocks] == [MAX_JOINED_BLOCKS, MAX_JOINED_BLOCKS, 5]
    assert [line for block in blocks for line in block] == [f"{column}{i}" for i in range(count)]


def test_blocks_ending_a_sentence_or_followed_by_an_opening_or_title_stay_apart():
    ended = page_blocks("会议要求各部门抓好落实。\n\n会后，与会人员参观了园区。")
    opening = page_blocks("会议要求各部门抓好落实，\n\n本报讯（记者陈思远）昨日，新区召开会议，部署工作。")
    title = page_blocks("各部门负责同志参加会\n\n新区召开秋季植树动员会")
    assert [len(ended), len(opening), len(title)] == [2, 2, 2]


def test_a_dateline_opening_the_wide_column_after_a_column_break_is_joined():
    text = "本报讯（记者陈思远） 12\n\n月3日上午，新区召开会议，部署冬季工作。"
    assert join_lines(page_blocks(text)[0]) == "本报讯（记者陈思远）12月3日上午，新区召开会议，部署冬季工作。"


def test_headline_sharing_a_line_with_the_next_dateline_is_split_off():
    text = "新区召开秋季植树\n动员会 本报讯（记者陈思远） 3\n月12日，新区召开会议。"
    blocks = page_blocks(text)
    assert blocks[0] == ["新区召开秋季植树", "动员会"]
    assert join_lines(blocks[1]) == "本报讯（记者陈思远）3月12日，新区召开会议。"


def test_verbatim_repeated_block_is_dropped_but_short_repeats_are_kept():
    para = "会议强调，要把项目建设作为头号工程，倒排工期，挂图作战，确保按期完工。"
    blocks = page_blocks(f"{para}\n\n实施亮化工程\n\n{para}\n\n实施亮化工程")
    assert [join_lines(b) for b in blocks] == [para, "实施亮化工程", "实施亮化工程"]


def test_separator_rows_are_dropped():
    assert page_blocks("--\t---\t---") == []


def test_paragraphs_of_a_narrow_column_and_of_wide_lines():
    narrow = ["会议强调，要把项目建设作", "为头号工程。", "会后，与会人员参观了新建", "园区。"]
    assert paragraphs(narrow) == ["会议强调，要把项目建设作为头号工程。", "会后，与会人员参观了新建园区。"]
    wide = ["好消息！", "新区今年以来引进项目二十余个，总投资超过百亿元，产业结构持续优化，发展后劲明显增强"]
    assert paragraphs(wide) == wide


def test_a_wide_line_repeated_inside_a_block_is_dropped():
    line = "新区今年以来引进项目二十余个，总投资超过百亿元，产业结构持续优化，发展后劲明显增强。"
    blocks = page_blocks(f"{line}\n另起一段，会议要求各部门抓好落实，确保各项任务按期完成，不打折扣。\n{line}")
    assert len(blocks) == 1 and len(blocks[0]) == 2


def test_blocks_are_cut_after_closing_markers_and_photo_credits():
    text = (
        "各乡镇要抓好苗木调运。①3\n新区召开秋季植树\n动员会\n\n"
        "会议现场。\n本报记者 赵 晴 摄\n会议要求，各单位落实责任。"
    )
    assert [join_lines(b) for b in page_blocks(text)] == [
        "各乡镇要抓好苗木调运。①3",
        "新区召开秋季植树动员会",
        "会议现场。本报记者赵晴摄",
        "会议要求，各单位落实责任。",
    ]


def test_full_width_digits_and_letters_are_kept_as_printed():
    assert clean_line("１２月 ３日，Ａ０２版") == "１２月３日，Ａ０２版"


def test_zero_width_characters_are_dropped():
    assert clean_line("\ufeff新区\u200b召开会议") == "新区召开会议"
