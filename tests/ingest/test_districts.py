"""County-level units found in composed texts with the bundled gazetteer."""
import pytest

from archive.ingest.districts import find_districts
from archive.ingest.gazetteer import ALIASES, COUNTIES, TOWNS, Gazetteer

GAZETTEER = Gazetteer.default()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("孟州市、温县、博爱县作了交流发言。", ["孟州市", "温县", "博爱县"]),
        ("会议在解放区召开，山阳区、马村区负责同志参加。", ["解放区", "山阳区", "马村区"]),
        ("城乡一体化示范区管委会与高新区企业座谈。", ["示范区"]),
        ("武陟县经济技术开发区签约一个项目，武陟的发展前景广阔。", ["武陟县"]),
        ("招聘会在招贤乡北冷村举行，赵堡镇的群众也赶来。", ["温县"]),
        ("记者走进文苑街道和阳庙镇的社区。", ["示范区"]),
        ("演马街道、七贤镇、崇义镇、化工镇组织联合检查。", ["马村区", "修武县", "沁阳市", "孟州市"]),
        ("焦作市第二人民医院示范区医院开诊。", ["示范区"]),
        ("修武县与沁阳联合举办推介会。", ["修武县", "沁阳市"]),
    ],
)
def test_districts_in_order_of_first_mention(text, expected):
    assert find_districts(text, GAZETTEER) == expected


@pytest.mark.parametrize(
    "text",
    [
        "我市以创建国家全域旅游示范区为抓手，建设国家生态文明示范区。",
        "全力争创全国文明城市，各县（市）区要落实责任。",
        "郑州高新区、国家级高新区的经验值得学习。",
        "持续高温县城居民用电创新高。",
        "老解放区的革命传统代代相传。",
        "市委、市政府召开会议，研究部署工作。",
    ],
)
def test_generic_phrases_are_not_districts(text):
    assert find_districts(text, GAZETTEER) == []


def test_district_edition_gives_its_own_unit_first():
    assert find_districts("区领导到温县学习考察。", GAZETTEER, edition="示范区") == ["示范区", "温县"]
    assert find_districts("全区开展卫生大扫除。", GAZETTEER, edition="示范区") == ["示范区"]
    assert find_districts("全市开展卫生大扫除。", GAZETTEER, edition="焦作日报") == []


def test_gazetteer_rolls_every_place_up_to_a_known_unit():
    counties = {name for name, _ in COUNTIES}
    assert set(ALIASES.values()) <= counties
    assert set(TOWNS.values()) == counties
    assert all(name.endswith(("街道", "镇", "乡")) for name in TOWNS)


def test_an_edited_gazetteer_is_used():
    edited = Gazetteer(places={**GAZETTEER.places, "新河片区": "山阳区"})
    assert find_districts("新河片区建设加快推进。", edited) == ["山阳区"]


def test_another_citys_demonstration_zone_is_not_ours():
    text = "济源示范区代表团来到温县陈家沟村视察，洛阳高新区企业也参加。"
    assert find_districts(text, GAZETTEER) == ["温县"]


def test_short_forms_named_together_and_counted():
    gazetteer = GAZETTEER
    assert find_districts("解放和山阳两城区开展环境整治。", gazetteer) == ["解放区", "山阳区"]
    assert find_districts("解放、山阳、中站三个城区联合行动。", gazetteer) == ["解放区", "山阳区", "中站区"]
    assert find_districts("沁阳、孟州两市负责人参加。", gazetteer) == ["沁阳市", "孟州市"]
    assert find_districts("全国解放和平两个阶段。", gazetteer) == []
