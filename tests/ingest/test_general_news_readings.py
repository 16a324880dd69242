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


def test_a_family_name_character_before_a_word_parents_name_children_after_is_a_name():
    assert names("曹卫星常委代表民盟中央表示，要积极推进文化强国建设。") == ["曹卫星"]
    assert names("由蔡明、潘长江表演的小品赢得了掌声。") == ["蔡明", "潘长江"]


def test_a_foreign_name_jieba_knows_is_not_read_without_the_rest_of_the_name():
    assert names("塔吉克斯坦共产党主席阿卜杜洛耶夫表示，愿同中方加强合作。") == ["阿卜杜洛耶夫"]
    assert "阿卜杜拉" not in names("土耳其共和国总统阿卜杜拉·居尔将于下月访华。")


def test_words_that_read_as_foreign_subjects_but_are_not():
    assert names("留意身边的财物，切莫让小偷钻了空子。") == []
    assert names("企业竞相降价，多劳却不能多得。") == []
    assert names("会议审议了访问伊朗、缅甸、斯里兰卡和斐济四国情况的报告。") == []
    assert names("上个月，施罗德基金在上海浦东揭牌。") == []


def test_numbers_and_phrases_are_no_lexicon_names():
    assert names("全县教师照顾着这里2万多名留守儿童。") == []
    assert names("明月照团圆，灯火耀中秋。") == []


def test_a_given_name_before_a_dot_is_no_person_but_a_family_name_after_one_is():
    assert names("英国首相特雷莎·梅今天在议会表示，将推迟表决。") == []
    assert names("以色列总理本雅明·内塔尼亚胡10日称，将继续军事行动。") == ["内塔尼亚胡"]
