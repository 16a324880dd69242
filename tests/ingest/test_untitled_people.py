"""People named without a title: honorifics, speech, roles, lists, foreign names, function-word characters."""
from archive.ingest.people import extract_people


def names(text):
    return [p.name for p in extract_people(text)]


def test_honorifics_make_people():
    assert names("香港商人谭沐阳先生捐资建校。") == ["谭沐阳"]
    assert names("她向邝晓雯女士道谢。") == ["邝晓雯"]


def test_two_character_names_need_a_cue_only_people_take():
    assert names("“这是好事。”滕柯说。") == ["滕柯"]
    assert names("伊赛表示，将扩大生产。") == []


def test_foreign_names_joined_by_a_dot_and_after_a_role():
    assert names("外交部长阿尔贝托·萨纳特在会上发言。") == ["阿尔贝托·萨纳特"]
    assert names("来访的总统马尔蒂诺说，双方合作前景广阔。") == ["马尔蒂诺"]


def test_a_function_word_inside_a_name_read_after_a_title():
    found = {p.name: p.titles for p in extract_people("在村党支部书记寇在富的带领下，全村修通了路。")}
    assert found == {"寇在富": ["村党支部书记"]}


def test_credits_and_things_jieba_calls_names_are_not_people():
    assert names("作者:本报记者 沈一鸣 本报通讯员 江月 卢秋生") == []
    assert names("城乡养老金发放仪式在社区举行。") == []
    assert names("午后有雷阵雨，气温下降。") == []


def test_names_listed_beside_someone_found_are_people():
    assert names("昨天，刘志强、宋梅一起来到村里。刘志强说，路修好了。") == ["刘志强", "宋梅"]


def test_a_name_ending_in_zhi_after_a_title():
    assert names("中央党校副校长龚育之在闭幕式上发言。") == ["龚育之"]


def test_a_dotted_foreign_name_is_whole_even_after_a_title():
    found = {p.name: p.titles for p in extract_people("新西兰总理罗伯特·马尔登有幸受到欢迎。")}
    assert found == {"罗伯特·马尔登": ["总理"]}


def test_a_family_name_with_an_honorific_or_title_is_no_full_name():
    assert names("李先生在办公桌旁一坐就是一天。") == []
    assert names("唐外长说，合作取得了长足进展。") == []


def test_a_chain_of_more_dotted_parts_than_any_name_has_is_no_name():
    assert names("外交部长阿尔贝托·萨纳特·卡洛斯·马尔登在会上发言。") == ["阿尔贝托·萨纳特·卡洛斯·马尔登"]
    assert not any("·" in name for name in names("外交部长" + "·".join(["卡洛斯"] * 5) + "在会上发言。"))


def test_a_two_character_name_after_a_role_only_people_have():
    assert names("村民宋梅，今年六十岁。") == ["宋梅"]
    assert names("外援宋梅的家在村东头。") == ["宋梅"]
    assert names("老师林海。") == []


def test_a_foreign_name_before_the_post_or_after_a_role():
    assert names("马尔蒂诺总统访华。") == ["马尔蒂诺"]
    assert names("来访的外长库克今天抵达。") == ["库克"]


def test_a_three_character_name_opening_a_phrase_after_a_particle():
    assert names("在乡里工作的何承远和同事们一起值班。") == ["何承远"]
    assert names("一旁的邹启銮几次想开口。") == ["邹启銮"]
    assert names("全村的新农村建设有序推进。") == []
    assert names("由石家庄出发的列车。") == []


def test_a_byline_s_credit_ends_at_its_report_verb():
    assert names("记者宋梅报道：一旁的邹启銮几次想开口。") == ["邹启銮"]
    assert names("记者宋梅、何承远报道：") == []


def test_a_country_before_its_leader_s_post_and_a_country_after_a_particle_are_no_people():
    assert names("布基纳法索总统卡洛蒂在会上讲话。") == ["卡洛蒂"]
    assert names("会议讨论了对伊拉克的援助。") == []


def test_a_foreign_name_of_several_words_right_after_a_role():
    assert names("球队的教练冈田武史说，很遗憾。") == ["冈田武史"]
    assert names("全体职工还托亲靠友，拓宽销路。") == []
    assert names("会议主席团成员就座。") == []


def test_what_follows_names_after_a_role_is_no_foreign_name():
    assert names("部分政协委员应邀出席会议。") == []


def test_a_foreign_name_after_a_title_is_read_whole():
    found = {p.name: p.titles for p in extract_people("该国农业部长贾斯蒂卡昨天抵达。")}
    assert found == {"贾斯蒂卡": ["部长"]}
    assert {p.name for p in extract_people("局长马林安排工作。")} == {"马林"}


def test_a_family_name_with_lao_is_no_name_even_before_speech():
    assert names("胡老说，当画画疲倦时就去看花。") == []


def test_a_chinese_name_before_a_post_or_rank():
    assert names("参观了宋梅将军的故居。") == ["宋梅"]
    assert names("参观了何承远将军的故居。") == ["何承远"]
    assert names("中国总统府的官员。") == []


def test_names_summed_up_as_people():
    assert names("在宋梅、何承远等老同志的带领下，村里修了路。") == ["宋梅", "何承远"]
    assert names("邀请了林海等专家前来指导。") == ["林海"]


def test_teams_countries_in_lists_of_posts_and_lexicon_words_after_a_particle_are_no_people():
    assert names("而日本队还曾战胜过欧洲冠军立陶宛队。") == []
    assert names("多米尼加总统、巴西总统出席。") == []
    assert names("中国男排将在美国的夏威夷和西雅图比赛。") == []


def test_dotted_names_with_an_initial_or_common_transliteration_characters():
    assert names("访问团团长约翰·贝克特在会上发言。") == ["约翰·贝克特"]
    assert names("基金会主席马·奥斯特罗夫说，合作前景广阔。") == ["马·奥斯特罗夫"]


def test_a_dotted_name_is_whole_when_its_last_part_was_read_first():
    assert names("教练彼得·卡洛特告诉记者，球队状态很好。") == ["彼得·卡洛特"]


def test_a_dotted_name_before_a_place_level_is_a_place():
    assert names("他家住在伊·马尔科镇。") == []


def test_a_name_like_character_jieba_leaves_alone_after_a_name_belongs_to_it():
    found = {p.name: p.titles for p in extract_people("县委书记郝明新经常到村里走访。局长宁齐连上任后抓了三件事。")}
    assert found == {"郝明新": ["县委书记"], "宁齐连": ["局长"]}


def test_a_name_like_word_inside_a_phrase_before_a_word_names_are_followed_by():
    assert names("展厅再现了龚凡舟的求学之路。") == ["龚凡舟"]
    assert names("会议没有邀请他们，但屈正军获悉后赶来帮忙。") == ["屈正军"]


def test_a_two_character_word_jieba_makes_up_is_a_name_before_a_word_names_are_followed_by():
    assert names("一年后，鲍涛的果园年年丰收。") == ["鲍涛"]
    assert names("晚上九点，闵凌从驻地出发。") == ["闵凌"]


def test_made_up_words_of_someone_unnamed_a_side_or_a_quantity_are_no_names():
    assert names("四川一车站职工鲍某正常下班。") == []
    assert names("会谈中，巴方同意继续合作。") == []
    assert names("他们每天使用75万升水。") == []


def test_a_dotted_name_before_an_institution_is_the_institution():
    assert names("彼得·卡洛特基金会资助了学校。") == []


def test_a_name_after_a_trade_or_family_role_is_a_person_of_kind_other():
    found = extract_people("这次获胜的是技师邝明，他干了二十年。")
    assert [(p.name, p.titles, p.kind) for p in found] == [("邝明", [], "other")]


def test_a_two_character_name_before_an_honorific_unless_it_may_start_earlier():
    assert names("邝汝大夫擅长针灸。") == ["邝汝"]
    assert names("经鉴定确认为来国峰夫妇之子。") == []


def test_a_foreign_name_jieba_knows_is_whole_after_a_title():
    # jieba's lexicon holds this surname as one transliterated name; a Chinese reading stops after three characters
    found = {p.name: p.titles for p in extract_people("主席叶普多基莫娃，同他们会谈。")}
    assert found == {"叶普多基莫娃": ["主席"]}


def test_an_adverb_before_a_speech_verb_is_no_name():
    assert names("市民们对此满意地说，服务好多了。") == []


def test_a_dotted_name_whose_first_part_was_read_after_a_title_is_whole():
    found = {p.name: p.titles for p in extract_people("协会主席安德烈亚斯·卡洛特表示欢迎。")}
    assert found == {"安德烈亚斯·卡洛特": ["协会主席"]}


def test_a_three_character_name_may_end_in_a_character_places_end_in_given_more_evidence():
    assert names("驻外大使韦国业参加了会见。") == ["韦国业"]
    assert names("乡村医生蔡明城是当地的名人。") == ["蔡明城"]
    assert names("中国选手饶佳云夺得金牌。") == ["饶佳云"]
    assert names("李福林立即意识到问题。") == ["李福林"]
    assert names("这部电视剧《红树林》正在拍摄。") == []
    assert names("长江是中华民族的母亲河。") == []
    assert names("春节前，沿着新修的蒋沟河走一走。") == []


def test_foreign_names_after_posts_and_roles_of_world_news():
    assert names("美国国务卿帕洛维斯21日在此间表示。") == ["帕洛维斯"]
    assert names("保守党候选人帕斯特罗纳竞选的口号。") == ["帕斯特罗纳"]
    assert names("就连金融投机家萨洛斯也建议设立基金。") == ["萨洛斯"]
    assert names("该国总统候选人阿卜杜拉·卡里姆竞选失利。") == ["阿卜杜拉·卡里姆"]


def test_a_foreign_name_opening_its_clause_before_an_act_or_a_post():
    assert names("普洛迪总理满意地说，目前进展顺利。") == ["普洛迪"]
    assert names("罗纳多今天在场上再次进球。") == ["罗纳多"]
    assert names("瓦杰帕伊称，现在应讨论这个问题。") == ["瓦杰帕伊"]
    assert names("日前，总理李强在达沃斯出席论坛。") == ["李强"]
    assert names("主席会见瓦努阿图总理基尔曼。") == ["基尔曼"]


def test_a_name_jieba_knows_may_open_a_phrase_after_a_particle():
    assert names("辽宁队的王建国眼睛也红红的。") == ["王建国"]
    assert names("细心的李秀英放下账簿，邀我们坐下。") == ["李秀英"]
    assert names("这次比赛与刘建华恰好相遇。") == ["刘建华"]
    assert names("作品参与白玉兰奖的角逐。") == []
    assert names("如何让水灵灵的荔枝走出大山。") == []
    assert names("一百平方公里的原子城在草原上。") == []


def test_a_rank_or_honour_written_after_a_name():
    assert names("这一局郑弦九段执白以一子胜出。") == ["郑弦"]
    assert names("我在成都见到伯奇特院士时，他正在上课。") == ["伯奇特"]
    assert names("那年秋天，贺彪元帅也写来一封信。") == ["贺彪"]


def test_a_list_of_names_summed_up_as_two_people_or_a_family():
    assert names("板厂的厂主商建富、陆新民二人心里着急。") == ["商建富", "陆新民"]
    assert names("船工张孝文、张友明父子摇着小船赶来。") == ["张孝文", "张友明"]
    assert names("高新区二人转演出很热闹。") == []


def test_what_only_a_person_is_or_does_right_after_the_name():
    assert names("该剧由吴天亮执导，宋聚明编剧。") == ["吴天亮", "宋聚明"]
    assert names("袁步宏本人先后六次上门。") == ["袁步宏"]
    assert names("城市之子，大地之女。") == []


def test_a_two_character_name_jieba_made_up_closing_a_phrase_a_particle_opened():
    assert names("以修鞋为生的柴磊，今年五十岁。") == ["柴磊"]
    assert names("这是我们的高铁，也是世界的。") == []
    assert names("他喜欢的周易，读了很多遍。") == []


def test_a_name_that_is_the_whole_title_of_a_work_is_no_person():
    assert names("她认为，《白鹿原》的特色在于厚重。") == []
    assert names("细心的李秀英放下《白鹿原》。") == ["李秀英"]
