"""Names of general news found by evidence beyond titles: a role before a name however jieba cut it, a name
opening a phrase, a foreign name as a clause's subject, Japanese names, photo captions (invented sentences)."""
from archive.ingest.people import extract_people


def names(text):
    return [p.name for p in extract_people(text)]


def test_a_name_right_after_a_role_however_jieba_cut_it():
    assert names("哥伦比亚裁判费东出示了三张红牌。") == ["费东"]
    assert names("美国国务院发言人卢宾23日说，美国将继续努力。") == ["卢宾"]
    assert names("前国家银行行长伦查等人受到调查。") == ["伦查"]
    assert names("海狮队的巴西外援里达罗各为球队攻入一球。") == ["里达罗"]
    assert names("警方擒获了该国毒枭奥兰达斯。") == ["奥兰达斯"]
    assert names("纪念德国戏剧家布莱达特诞辰百年。") == ["布莱达特"]
    assert names("退休教师邝德润办起了图书馆。") == ["邝德润"]


def test_what_follows_a_role_and_reads_as_no_name_is_no_person():
    assert names("工人安全成了头等大事。") == []
    assert names("优秀学生占学生总数的三成。") == []
    assert names("他是总统廉政委员会的成员。") == []
    assert "亚斯特" not in names("总统新闻秘书亚斯特任布斯基宣布，总统深信。")


def test_a_three_character_name_opening_a_phrase():
    assert names("我们来到赵永祥跟前时，他正在干活。") == ["赵永祥"]
    assert names("整整7年，郝允连独立办厂的条件才具备。") == ["郝允连"]
    assert names("乡亲们把邹志强领回了家。") == ["邹志强"]
    assert names("虽然失利使张德明不快，但他还要努力。") == ["张德明"]


def test_words_opening_a_phrase_that_are_no_names():
    assert names("高利润引发了一场争夺战。") == []
    assert names("要高起点、高水平开展城乡规划工作。") == []
    assert names("中国男排将在美国的夏威夷和西雅图比赛。") == []
    assert "王怡后" not in names("郎平曾找王怡谈话，而王怡后来也打电话给她。")


def test_a_foreign_name_as_the_subject_of_its_clause():
    assert names("阿巴图8日晨因病去世。") == ["阿巴图"]
    assert names("穆萨维尔多次批评这项政策。") == ["穆萨维尔"]


def test_places_and_things_as_the_subject_of_a_clause_are_no_people():
    assert names("莫斯科晴，气温二十度。") == []
    assert names("道—琼斯指数上涨了一百点。") == []
    assert names("切尔诺贝利4号机组发生爆炸。") == []
    assert names("摩托罗拉对中国投资很多。") == []


def test_japanese_names_whole_or_by_family_name():
    assert names("田中一郎说，日本将加强合作。") == ["田中一郎"]
    assert names("山田正雄表示，日本将加强合作。") == ["山田正雄"]
    assert names("会长谷口健太郎等人在日本积极筹资。") == ["谷口健太郎"]
    assert names("村山首相在东京表示，日本愿意合作。") == ["村山"]
    assert names("而山本则提出了新建议。") == ["山本"]


def test_japanese_family_names_without_evidence_or_before_a_unit_are_no_people():
    assert names("松本市举行了活动。") == []
    assert names("佐藤家里很热闹。") == []
    assert names("铃木的看法很有代表性。") == []


def test_names_placed_by_a_photo_s_caption():
    assert names("图为赵玉昆（左）与钱文英（右）交谈。") == ["赵玉昆", "钱文英"]
    assert names("中国（左）对日本（右）。") == []


def test_a_name_before_an_honorific_only_people_take():
    assert names("村里的蒋育英大娘今年七十岁。") == ["蒋育英"]
    assert names("郑育英大娘的老伴去世后，李大娘成了孤寡老人。") == ["郑育英"]
    assert names("这位张师傅手艺很好。") == []


def test_a_foreign_name_opening_with_a_family_name_as_the_subject_of_its_clause():
    assert names("在决赛中，乔纳斯出拳凶狠。") == ["乔纳斯"]
    assert names("比赛中，乌斯曼疲于招架。") == ["乌斯曼"]


def test_words_opening_with_a_family_name_that_jieba_uses_often_are_no_foreign_names():
    assert names("去年，马拉松出现在奥运会上。") == []
    assert names("洪水威胁到科连特斯、雷西斯滕西亚等城市。") == []


def test_transliteration_characters_of_the_standard_tables_read_into_foreign_names():
    assert names("内务部长斯捷科申是前政府的司法部长。") == ["斯捷科申"]
    assert names("国务卿宾达克今天抵达北京。") == ["宾达克"]


def test_words_with_those_characters_are_no_foreign_names():
    assert names("他们申请了专利，公司申报的项目获批。") == []
    assert names("前方捷报频传，莎草茂盛。") == []


def test_a_name_jieba_tags_as_a_place_after_a_role_and_before_a_person_s_act():
    assert names("球队教练埃尔南今天宣布了名单。") == ["埃尔南"]
    assert names("国家队主教练加拉斯8日抵达北京。") == ["加拉斯"]


def test_a_place_after_a_role_without_a_person_s_act_is_no_person():
    assert names("球队教练埃尔南地区的球员很多。") == []


def test_a_country_before_a_former_post_is_no_name():
    assert names("印度前总理在会上发言。") == []
    assert names("巴西前总统卡多索今天说。") == ["卡多索"]
