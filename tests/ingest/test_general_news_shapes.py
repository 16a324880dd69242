"""Names of general news found by the shape of the sentence around them: a name as a verb's object ended by a
time (见到甲时), a name called (他叫乙), the players of a match's result (甲以3比1战胜乙), two names listed
(甲和乙都是…), a day after a name (…今天, …近日) (invented sentences)."""
from archive.ingest.people import extract_people


def names(text):
    return [p.name for p in extract_people(text)]


def test_a_person_met_when():
    assert names("我第一次见到殷国栋时，他正在地里干活。") == ["殷国栋"]
    assert names("我们见到季晓岚时，她刚从田里回来。") == ["季晓岚"]
    assert names("市长会见柴文涛后，说了几句话。") == ["柴文涛"]


def test_a_person_called_by_name():
    assert names("他叫宁泽华，今年四十岁。") == ["宁泽华"]
    assert names("一位名叫谭秀梅的老人守着这片林子。") == ["谭秀梅"]
    assert names("这个孩子叫韦思远，今年八岁。") == ["韦思远"]


def test_what_is_called_and_is_no_name():
    assert names("他叫醒了熟睡的孩子。") == []
    assert names("这种花叫月季，四季常开。") == []


def test_the_players_of_a_match_s_result():
    assert names("贺丽娟以3比1战胜潘志刚，获得冠军。") == ["贺丽娟", "潘志刚"]
    assert names("决赛中，戴秀兰以21∶15、21∶18击败季晓岚。") == ["戴秀兰", "季晓岚"]


def test_a_two_character_player_before_a_match_s_result():
    assert names("宁华以2∶0击败韦思远。") == ["宁华", "韦思远"]
    assert names("戴兰以2∶0击败韦思远。") == ["戴兰", "韦思远"]


def test_a_name_jieba_glued_to_a_match_s_result_is_not_read_with_it():
    assert "季岚以" not in names("季岚以3比1战胜贺丽娟，获得冠军。")


def test_teams_and_countries_of_a_match_s_result_are_no_people():
    assert names("中国队以3比1战胜日本队。") == []
    assert names("巴西以2比0战胜苏格兰。") == []
    assert names("阿根廷队在决赛中以2∶0战胜东道主法国队。") == []


def test_two_people_listed_with_what_both_are():
    assert names("龚建民和韦思远都是村里的老党员。") == ["龚建民", "韦思远"]


def test_a_name_whose_last_character_jieba_glued_to_the_conjunction():
    assert names("赵永祥和柴文涛都是村里的老党员。") == ["赵永祥", "柴文涛"]
    assert names("孔令平和谭秀梅一起来到村里。") == ["孔令平", "谭秀梅"]
    assert names("这离不开张家平和柴文涛的努力。") == ["张家平", "柴文涛"]


def test_a_name_a_dictionary_noun_ends_before_the_day_of_what_the_person_does():
    assert names("副省长许国今天在郑州出席会议。") == ["许国"]
    assert names("队长苏平近日提出三条建议。") == ["苏平"]
    assert names("市长黄海昨天来到工地。") == ["黄海"]


def test_a_japanese_family_name_counted_is_a_thing():
    assert names("气田8口新井近日相继投产。") == []
    assert names("新井近日表示，日本将加强合作。") == ["新井"]


def test_a_name_before_a_spouse_is_a_person():
    assert names("龚民的妻子韦思远说，日子越过越好。") == ["龚民", "韦思远"]
    assert names("龚民的老伴韦思远去世后，他一个人生活。") == ["龚民", "韦思远"]


def test_a_team_mate_beaten():
    assert names("中国选手贺丽娟以4:2战胜队友柴文涛。") == ["贺丽娟", "柴文涛"]


def test_the_object_of_a_verb_only_people_take():
    assert names("特别是师从殷国栋后，他的画走上了正路。") == ["殷国栋"]
    assert names("公司无故辞退了柴文涛。") == ["柴文涛"]
    assert names("乡亲们轮流照顾谭秀梅，一照顾就是十年。") == ["谭秀梅"]


def test_the_object_of_such_a_verb_that_is_no_name():
    assert names("警方释放了三名人质。") == []
    assert names("他们批评了高速公路收费过高的问题。") == []


def test_a_listed_name_jieba_knows_ending_in_a_function_character():
    assert names("不是像刘建同、殷国栋那样，无视纪律。") == ["刘建同", "殷国栋"]
    assert names("会上，殷国栋和叶清同先后发言。") == ["殷国栋", "叶清同"]


def test_a_name_facing_someone_found():
    assert names("其余棋手的对阵为：殷国栋对柴涛、贺丽娟对龚民。") == ["殷国栋", "柴涛", "贺丽娟", "龚民"]


def test_what_someone_found_faces_and_is_no_name():
    assert names("殷国栋对工作一丝不苟。") == ["殷国栋"]
    assert names("殷国栋对中国的访问很成功。") == ["殷国栋"]
    assert names("殷国栋说，殷国栋对托斯卡纳的访问很成功。") == ["殷国栋"]


def test_what_a_spouse_suffers_from_is_no_person():
    assert names("省下的钱给患有心脏病、高血压的老伴买药。") == []


def test_a_villager_named_right_after_the_village():
    assert names("城关镇柳树村邝秀英，60多岁，仍在地里干活。") == ["邝秀英"]


def test_no_villager_after_a_word_for_any_village():
    assert names("山脚下的小山村韶家里的居民都搬走了。") == []
    assert names("柳树村党支部带领群众修路。") == []


def test_a_name_opening_its_sentence_with_a_clause_of_its_title_after_a_comma():
    found = {p.name: p.titles for p in extract_people("邝秀英，县人民医院护士长，今年45岁，从医二十年。")}
    assert found == {"邝秀英": ["县人民医院护士长"]}


def test_a_time_opening_its_sentence_before_a_title_is_no_name():
    assert names("黄昏，县委书记，来了。") == []


def test_a_name_before_an_adverb_and_a_speech_verb():
    assert names("当柴文涛还说要修路时，大家都笑了。") == ["柴文涛"]


def test_no_name_before_an_adverb_after_a_scene_or_a_pronoun():
    assert names("他在贺电中还说，两国友谊深厚。") == []
    assert "祝贺她" not in names("国家主席致电罗塞夫，祝贺她也当选。")
