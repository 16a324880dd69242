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
