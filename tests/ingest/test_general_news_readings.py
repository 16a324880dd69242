"""Names of general news the reader finds, or leaves alone, by how jieba's lexicon knows their words
(invented sentences)."""
from archive.ingest.people import extract_people


def names(text):
    return [p.name for p in extract_people(text)]


def test_a_work_s_author_is_a_person_of_the_story_not_a_credit():
    assert names("《蓝蝴蝶》作者：张慧敏2021年第三期") == ["张慧敏"]
    assert names("作者:本报记者 沈一鸣") == []


def test_a_worker_is_no_author():
    assert names("教育工作者和师范生用歌曲表达心声。") == []


def test_korean_and_rare_family_names():
    assert names("韩国总统朴槿惠9日表示，将继续推动对话。") == ["朴槿惠"]
    assert names("哲夫的创作，大致有如下几个特点。") == ["哲夫"]


def test_a_two_character_foreign_name_opening_a_clause_before_a_predicate():
    assert names("为此，穆萨敦促各方立即停火。") == ["穆萨"]
    assert names("瑙曼是在闭幕式上透露这一消息的。") == ["瑙曼"]


def test_a_term_opening_a_quotation_is_no_foreign_name():
    assert names("把他们纳入了“科普宣传国家队”的行列。") == []


def test_a_foreign_name_jieba_knows_with_characters_common_in_words():
    assert names("总统第三次提名基里延科。") == ["基里延科"]
    assert names("基里延科是在关键时刻就任总理的。") == ["基里延科"]


def test_a_foreign_name_opening_a_clause_before_a_preposition():
    assert names("1993年，阿巴查从临时政府手中接管权力。") == ["阿巴查"]


def test_a_name_jieba_tags_as_no_noun_before_a_title():
    assert names("周恩来总理生前十分关心这里。") == ["周恩来"]


def test_a_lexicon_name_with_a_character_of_times():
    assert names("朝鲜劳动党总书记金正日近日提出建议。") == ["金正日"]


def test_no_name_ends_inside_a_word_jieba_reads():
    assert names("任命了两名副总理和第一批部长。") == []
    assert names("下岗职工占在册职工总数的四成。") == []


def test_a_foreign_name_joined_by_a_dash_is_not_read_by_its_first_part():
    assert "约翰" not in names("美国参议员约翰—格伦在招贴画上签名。")


def test_a_listed_foreign_name_is_not_read_without_the_syllables_jieba_left_alone():
    assert names("晚会主持人将由王小明、李丽、刘芳芳、尼格买提担纲。") == ["王小明", "李丽", "刘芳芳"]
    assert names("路易斯和赫苏斯两兄弟有“毒品大王”之称。") == ["路易斯", "赫苏斯"]


def test_a_family_name_character_before_a_common_word_is_a_phrase():
    assert names("双方要把高水平的政治关系转化为合作成果。") == []


def test_a_given_name_word_one_lexicon_name_has_after_a_family_name_jieba_cut_off():
    assert names("一直在外地打工的周志学，这次被村里推荐担任合作社的总经理。") == ["周志学"]
    assert names("孙春兰、马培华、王钦敏等参加联组会。") == ["孙春兰", "马培华", "王钦敏"]
