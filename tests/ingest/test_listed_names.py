"""Names side by side in a list (甲和乙, 丙、丁): one name is evidence for the other (invented sentences)."""
from archive.ingest.people import extract_people


def names(text):
    return [p.name for p in extract_people(text)]


def test_a_name_listed_right_before_someone_found_is_a_person():
    assert names("那天，他与叶挺和宋梅同志一起下乡。") == ["叶挺", "宋梅"]
    assert names("他对郭沫若和宋梅先生都很敬重。") == ["郭沫若", "宋梅"]


def test_a_foreign_name_listed_beside_someone_found_is_a_person():
    assert names("美方代表罗宾斯、威尔逊，中方代表宋梅出席。") == ["罗宾斯", "威尔逊", "宋梅"]


def test_two_words_jieba_reads_as_names_joined_as_a_list_are_people():
    assert names("上午，库克和布拉特握手。") == ["库克", "布拉特"]
    assert names("他把王建国和李秀英请来。") == ["王建国", "李秀英"]
    assert names("学作风，就要像焦裕禄、孔繁森那样为国为民。") == ["焦裕禄", "孔繁森"]


def test_places_things_companies_and_cut_names_in_a_pair_are_no_people():
    assert names("中国男排将在美国的夏威夷和西雅图比赛。") == []
    assert names("这里有尼古丁和焦油。") == []
    assert names("他买了科利华和联想的股票。") == []
    assert names("会见后，他任命了库克和赫里斯坚科两名副手。") == []
    assert names("门将库克和布拉特集团签了约。") == ["库克"]


def test_a_word_jieba_knows_but_seldom_uses_listed_beside_someone_found_is_a_person():
    assert names("那天，夏冬和柴文涛等人四处奔走。") == ["夏冬", "柴文涛"]


def test_two_names_of_one_given_name_character_listed_are_people_when_jieba_knows_one_as_a_name():
    assert names("当年方靖、温岚那种拼劲，现在很难见到。") == ["方靖", "温岚"]


def test_words_jieba_made_up_of_a_family_name_character_listed_are_no_people_on_their_own():
    assert names("为子孙后代留下一个山青、水秀、空气新的美丽家园。") == []


def test_a_two_character_name_listed_beside_a_transliterated_word_is_no_person():
    assert names("他去过舒兰和阿什哈巴德。") == []


def test_the_end_of_a_longer_name_jieba_cut_apart_is_no_two_character_name():
    assert names("姜方靖、宋梅等参加会见。") == ["宋梅"]


def test_the_partner_of_someone_found_in_a_pair_written_with_a_slash():
    assert names("混双决赛中，两对中国组合对垒，邝晓地／柴文涛摘得铜牌。") == ["邝晓地", "柴文涛"]
    assert names("混双决赛中，柴文涛／邝晓地摘得铜牌。") == ["柴文涛", "邝晓地"]


def test_a_slash_between_units_beside_someone_found_names_no_partner():
    assert names("今年小麦收购价为每斤1.2元/公斤，柴文涛说。") == ["柴文涛"]
