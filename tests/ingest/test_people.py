"""People and their titles: rules on composed texts (invented names and organisations; the not-people
cases quote seed-page phrasing), then the figures on the gold pages' article texts."""
from __future__ import annotations

import random

import pytest

from archive.ingest.people import extract_people


def people(text: str) -> dict[str, list[str]]:
    return {p.name: p.titles for p in extract_people(text)}


def names(text: str) -> list[str]:
    return [p.name for p in extract_people(text)]


def test_title_before_name():
    assert people("昨日上午，县委书记张建国主持召开县委常委会议。") == {"张建国": ["县委书记"]}


def test_titles_chained_with_enumeration_comma():
    found = people("县委副书记、县长孙明远出席会议。省委常委、常务副省长、秘书长周立新作报告。")
    assert found["孙明远"] == ["县委副书记", "县长"]
    assert found["周立新"] == ["省委常委", "常务副省长", "省委秘书长"]


def test_titles_chained_with_a_comma():
    assert people("省委常委，市委书记孙立新出席。") == {"孙立新": ["省委常委", "市委书记"]}


def test_comma_separates_people_each_with_own_titles():
    found = people("县委书记张建国，县委副书记、县长孙明远，县委常委、宣传部长毛丽娟出席。")
    assert found == {
        "张建国": ["县委书记"],
        "孙明远": ["县委副书记", "县长"],
        "毛丽娟": ["县委常委", "宣传部长"],
    }


def test_title_shared_by_a_list_of_names():
    found = people("县领导马文斌、黄丽萍、邓志刚出席会议。副县长杜海涛、林晓燕、程光辉参加调研。")
    assert found == {
        "马文斌": ["县领导"],
        "黄丽萍": ["县领导"],
        "邓志刚": ["县领导"],
        "杜海涛": ["副县长"],
        "林晓燕": ["副县长"],
        "程光辉": ["副县长"],
    }


def test_conjunction_before_the_last_name_of_a_list():
    found = people("副县长杜海涛、林晓燕和程光辉出席。县长蔡文杰与郑凯交谈。县长蔡文杰及时赶到。")
    assert found == {
        "杜海涛": ["副县长"], "林晓燕": ["副县长"], "程光辉": ["副县长"], "蔡文杰": ["县长"], "郑凯": [],
    }


def test_organisation_carried_along_a_roll_call():
    found = people("县人大常委会主任蒋国栋，党组副书记韩立群，副主任曹美玲、彭建华，秘书长姚远带队视察。")
    assert found == {
        "蒋国栋": ["县人大常委会主任"],
        "韩立群": ["县人大常委会党组副书记"],
        "曹美玲": ["县人大常委会副主任"],
        "彭建华": ["县人大常委会副主任"],
        "姚远": ["县人大常委会秘书长"],
    }


def test_organisation_not_carried_to_self_contained_titles_or_across_sentences():
    found = people("市委书记高建民，副市长冷秋菊出席。会上，主任委员田立章作了发言。")
    assert found["冷秋菊"] == ["副市长"]
    assert found["田立章"] == ["主任委员"]


def test_company_titles_keep_the_company():
    found = people("河南中原黄金集团董事长杨光辉、副总经理蔡明一行到我县考察。")
    assert found == {"杨光辉": ["河南中原黄金集团董事长"], "蔡明": ["河南中原黄金集团副总经理"]}
    found = people("会上，郑州宇通客车股份有限公司总经理宋建军介绍了企业情况。")
    assert found == {"宋建军": ["郑州宇通客车股份有限公司总经理"]}


def test_acting_heads_and_party_group_members():
    found = people("县委副书记、代县长李强出席。市教育局党组书记、局长马红旗，党组成员、副局长陈立主持。")
    assert found == {
        "李强": ["县委副书记", "代县长"],
        "马红旗": ["市教育局党组书记", "市教育局局长"],
        "陈立": ["市教育局党组成员", "市教育局副局长"],
    }


def test_police_hospital_and_company_titles():
    found = people("市公安局交警支队支队长刘建军介绍，县人民医院护士长马丽说，某科技公司创始人周一鸣表示欢迎。")
    assert found == {
        "刘建军": ["市公安局交警支队支队长"],
        "马丽": ["县人民医院护士长"],
        "周一鸣": ["某科技公司创始人"],
    }


def test_long_organisation_prefixes():
    found = people("省发展改革委产业处一级调研员秦志远莅会指导。")
    assert found == {"秦志远": ["省发展改革委产业处一级调研员"]}
    found = people("“县‘两违’整治工作领导小组办公室主任、县住建局局长钱卫东说。")
    assert found == {"钱卫东": ["县‘两违’整治工作领导小组办公室主任", "县住建局局长"]}
    found = people("产业集聚区（经开区）党工委书记陆鸣出席，党工委副书记、管委会主任邹静主持。")
    assert found == {"陆鸣": ["产业集聚区（经开区）党工委书记"], "邹静": ["党工委副书记", "管委会主任"]}


def test_prefix_stops_at_verbs_and_time_words():
    found = people("今天上午，省长助理魏东会见了新加坡丰泰集团董事长吴敬仁。要认真落实省委书记郑文山讲话精神。")
    assert found["魏东"] == ["省长助理"]
    assert found["吴敬仁"] == ["新加坡丰泰集团董事长"]
    assert found["郑文山"] == ["省委书记"]


def test_titles_after_names_and_people_not_present():
    found = people("深入学习贯彻习近平总书记重要讲话精神。会议传达了总书记习近平的重要指示。")
    assert found == {"习近平": ["总书记"]}
    found = people("市长蔡文杰主持会议。会后，蔡文杰市长深入企业调研。")
    assert found == {"蔡文杰": ["市长"]}


def test_titles_after_names_jieba_does_not_know():
    found = people("会上，周立新省长作了重要讲话。马红旗局长表示，将全力支持。欢迎孙明远书记一行莅临指导。")
    assert found == {"周立新": ["省长"], "马红旗": ["局长"], "孙明远": ["书记"]}
    assert people("他向王局长汇报了工作。时任县长的他说，新任县长走马上任。这位老局长感慨万千。") == {}


def test_appointment_gives_the_title_to_the_person_just_named():
    text = (
        "在签约仪式上，来自上海的陈晓峰与孟州市产业集聚区管委会签订了聘用合同，正式入职孟州市产业集聚区管委会副主任。"
        "陈晓峰表示，将认真履职尽责。陈晓峰曾在多家企业任职。"
    )
    assert people(text) == {"陈晓峰": ["孟州市产业集聚区管委会副主任"]}


def test_names_glued_to_the_next_word():
    text = "县长孙明远作工作部署。镇党委书记崔浩到村检查。孙明远强调，要抓好落实。崔浩说，一定完成任务。"
    text += "区长张伟在会上讲话。"
    assert names(text) == ["孙明远", "崔浩", "张伟"]


def test_name_ending_chosen_from_other_mentions():
    text = "副县长王国强参加活动。王国强指出，要加大投入。"
    assert names(text) == ["王国强"]
    text = "镇长钱江出席。钱江要求，各村要落实责任。"
    assert names(text) == ["钱江"]


def test_name_before_a_comma_keeps_a_character_that_looks_like_a_word():
    found = people("河南省科技厅高新处处长曾亮刚，副处长邱勇向、宋华玉参加活动。")
    assert found == {
        "曾亮刚": ["河南省科技厅高新处处长"],
        "邱勇向": ["河南省科技厅高新处副处长"],
        "宋华玉": ["河南省科技厅高新处副处长"],
    }


def test_names_that_are_rare_dictionary_words():
    assert names("镇党委书记许国察看项目。市政府秘书长苏中参观展览。") == ["许国", "苏中"]
    assert names("组长单位要牵头抓总。") == []
    assert people("县人民医院院长黄海、副院长程志出席。") == {"黄海": ["县人民医院院长"], "程志": ["县人民医院副院长"]}


def test_party_organ_carried_only_to_party_titles():
    found = people("县人民医院党委书记罗刚伟，副书记韩涛，副院长卢佳出席。")
    assert found == {
        "罗刚伟": ["县人民医院党委书记"],
        "韩涛": ["县人民医院党委副书记"],
        "卢佳": ["县人民医院副院长"],
    }


def test_compound_surnames():
    found = people("副市长欧阳明辉、司马青出席仪式。欧阳明辉说，要抓好项目。")
    assert found == {"欧阳明辉": ["副市长"], "司马青": ["副市长"]}


def test_name_split_by_a_line_wrap_or_layout_space():
    found = people("县领导马文\n斌、黄 丽萍出席会议。")
    assert found == {"马文斌": ["县领导"], "黄丽萍": ["县领导"]}


def test_later_untitled_mentions_are_the_same_person():
    text = "县委书记张建国出席。张建国介绍了县情。张建国说，欢迎各位客商。"
    assert extract_people(text)[0].titles == ["县委书记"]
    assert names(text) == ["张建国"]


def test_order_of_first_mention_includes_headlines():
    text = "孙明远张建国调研秋粮收购\n昨日，县委书记张建国、县长孙明远调研秋粮收购工作。"
    assert names(text) == ["孙明远", "张建国"]


def test_names_listed_before_a_title_or_cue():
    found = people("马文斌、黄丽萍、邓志刚等县领导出席活动。会议由孙明远主持，蒋国栋、韩立群等出席。")
    assert found == {
        "马文斌": ["县领导"],
        "黄丽萍": ["县领导"],
        "邓志刚": ["县领导"],
        "孙明远": [],
        "蒋国栋": [],
        "韩立群": [],
    }
    assert people("孙明远、蒋国栋等领导出席活动。") == {"孙明远": [], "蒋国栋": []}
    assert people("华为、中兴等企业表示欢迎。焦煤集团、万方铝业等企业负责人出席。") == {}


def test_biography_lines():
    assert people("王德明，男，汉族，1968年5月生，现任县农业农村局局长。") == {"王德明": ["县农业农村局局长"]}


def test_untitled_people_need_a_cue():
    found = people("退休教师刘桂兰说，现在村里的路越修越好。")
    assert found == {"刘桂兰": []}
    found = people("赵春来：乡村振兴路上的追梦人\n详见今日本报三版")
    assert found == {"赵春来": []}
    assert people("本版导读。\n钱文博：田间地头的守望者") == {"钱文博": []}


@pytest.mark.parametrize(
    "text",
    [
        "以多氟多、佰利联为引领的化工产业基础牢固，锦江集团将加强合作。",
        "招聘会在温县招贤乡中辛村举行，市人社局负责人向贫困村代表赠送了手册。",
        "本报记者刘婧实习生周唐为清除“污染围城”，昨日记者采访了相关负责人。",
        "市直有关部门负责同志参加会议。全市上下要发扬“三股劲”精神。",
        "建立市委书记、市长“双组长”协调推进工作机制，落实市委常委按片分包机制。",
        "要认真学习领会总书记学习态度要踏实的指示，区领导班子成员要深入一线。",
        "该县拿出经开区管委会副主任和幸福城公司2个总监岗位。",
        "文明城市创建许可证办理工作要抓住“牛鼻子”，文明创建常抓不懈。",
    ],
)
def test_not_people(text):
    assert extract_people(text) == []


def test_function_word_family_names():
    assert people("市政府党组书记、市长于文华主持会议。") == {"于文华": ["市政府党组书记", "市长"]}
    assert people("主席台就座的有市领导和各界代表。") == {}


def test_organisations_and_places_before_cues_are_not_people():
    assert names("华为表示，将加大在豫投资。许昌表示欢迎。") == []


def test_distinct_titles_of_one_statement_are_all_kept():
    found = people("城乡一体化示范区党工委副书记、管委会主任、高新区管委会主任苗青出席。")
    assert found["苗青"] == ["城乡一体化示范区党工委副书记", "管委会主任", "高新区管委会主任"]


def test_places_and_companies_before_cues_are_not_people():
    text = "李万街道表示欢迎。许良镇介绍了经验。赵堡表示，要办好太极拳年会。伊赛表示，将扩大生产。王庄村出席。"
    assert names(text) == []
    assert names("王庄：一个村庄的蝶变\n详见今日本报三版") == []


def test_names_from_byline_credits_are_not_people():
    assert names("12月18日，智慧工厂生产线正在运转。本报记者翟鹏程摄") == []


@pytest.mark.parametrize(
    "text", ["", " ", "\n\n", "王", "书记", "市长王", "、王小", "欧阳", "市长欧阳", "等县领导", "）书记"]
)
def test_fragments_never_fail(text):
    assert all(person.name for person in extract_people(text))


def test_random_fragments_never_fail():
    rng = random.Random(3)
    alphabet = "王李欧阳市委县书记长主任副领导、，。：\n “”（）()1a等说的了和于"
    for _ in range(500):
        extract_people("".join(rng.choice(alphabet) for _ in range(rng.randint(0, 30))))


def test_less_common_family_names():
    found = people("市领导苟立新、买文强、赛金华、南晓东出席会议。")
    assert found == {n: ["市领导"] for n in ("苟立新", "买文强", "赛金华", "南晓东")}


def test_leadership_team_and_status_descriptors_are_titles():
    found = people("县五大班子领导郑明远、林志刚、何晓梅参加茶话会。")
    assert found == {n: ["县五大班子领导"] for n in ("郑明远", "林志刚", "何晓梅")}
    visits = people("他们来到军休干部丁志国、钱立山家中慰问。退休干部吴秀兰，某化工公司员工崔海涛发言。")
    assert visits == {
        "丁志国": ["军休干部"], "钱立山": ["军休干部"], "吴秀兰": ["退休干部"], "崔海涛": ["某化工公司员工"],
    }


def test_untitled_names_on_the_platform_and_at_a_talk():
    assert names("周立强、沈建华、韩文涛、冯晓光在主席台就座。") == ["周立强", "沈建华", "韩文涛", "冯晓光"]
    assert names("邓志远、蒋文华、龚海明等在座谈中指出，要加强合作。") == ["邓志远", "蒋文华", "龚海明"]


def _gold_articles():
    """Each gold article's text (headline, subtitles, body cut from its page) with its gold persons.

    ``tests.goldcompare`` imports the whole pipeline: it is imported here, not at the top, so the
    rule tests above keep running while another stage is being changed.
    """
    from tests.goldcompare import load_gold, squash

    for page in load_gold():
        flat = squash(page.path.read_text(encoding="utf-8"))
        position = 0
        for article in page.articles:
            start = flat.find(squash(article["body_start"]), position)
            end = flat.find(squash(article["body_end"]), start) + len(squash(article["body_end"]))
            position = start + 1
            lines = [squash(article["headline"]), *map(squash, article["subtitles"]), flat[start:end]]
            yield "\n".join(line for line in lines if line), article["persons"]


def _gold_figures() -> tuple[float, float]:
    """Person and title F1 of ``extract_people`` on the gold articles (titles compared like the gold scorer)."""
    from tests.goldcompare import same_title, squash

    person = [0, 0, 0]
    title = [0, 0, 0]
    for text, persons in _gold_articles():
        gold = {squash(p["name"]): p["titles"] for p in persons}
        got = people(text)
        person[0] += len(gold.keys() & got.keys())
        person[1] += len(got.keys() - gold.keys())
        person[2] += len(gold.keys() - got.keys())
        for name in gold.keys() & got.keys():
            hits = sum(any(same_title(g, t) for t in got[name]) for g in gold[name])
            title[0] += hits
            title[1] += len(got[name]) - hits
            title[2] += len(gold[name]) - hits
    return _f1(*person), _f1(*title)


def _f1(tp: int, fp: int, fn: int) -> float:
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    return 2 * p * r / (p + r) if p + r else 0.0


def test_gold_pages_person_and_title_f1():
    person_f1, title_f1 = _gold_figures()
    assert person_f1 >= 0.97
    assert title_f1 >= 0.95


def test_collective_title_after_et_cetera_sums_up_titled_names():
    found = people("县委书记严正德，县委副书记、县长石明轩等县领导出席活动。副县长孔一鸣、乔秀兰等县领导陪同。")
    assert found["石明轩"] == ["县委副书记", "县长"]
    assert found["乔秀兰"] == ["副县长"]
    assert people("柯文山、岑丽等县领导出席。") == {"柯文山": ["县领导"], "岑丽": ["县领导"]}
