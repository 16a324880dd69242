"""Place names of 焦作 and the county-level unit each belongs to.

The importer resolves every place name it finds (county, alias, town, street)
to one of the eleven county-level units. The default gazetteer is bundled
with the library; the Django side builds one from the editable District and
DistrictAlias tables instead, so editors' alias changes reach the importer.
"""
from __future__ import annotations

from dataclasses import dataclass, field

# (name, ascii slug) of 焦作's county-level units, in the order the city lists them.
COUNTIES: tuple[tuple[str, str], ...] = (
    ("解放区", "jiefang"),
    ("中站区", "zhongzhan"),
    ("马村区", "macun"),
    ("山阳区", "shanyang"),
    ("示范区", "shifanqu"),
    ("修武县", "xiuwu"),
    ("博爱县", "boai"),
    ("武陟县", "wuzhi"),
    ("温县", "wenxian"),
    ("沁阳市", "qinyang"),
    ("孟州市", "mengzhou"),
)

# Other names for a county-level unit (alias -> county): official long forms, former
# names and the short forms the paper uses ("武陟的改革魄力"). 博爱 and 解放 are left out:
# as bare words they are ordinary vocabulary.
ALIASES: dict[str, str] = {
    "城乡一体化示范区": "示范区",
    "焦作城乡一体化示范区": "示范区",
    "焦作新区": "示范区",
    "高新区": "示范区",
    "焦作高新区": "示范区",
    "焦作高新技术产业开发区": "示范区",
    "武陟": "武陟县",
    "修武": "修武县",
    "沁阳": "沁阳市",
    "孟州": "孟州市",
    "孟县": "孟州市",
}

# Towns, townships and street offices (name -> county), including names in use since 2010
# that were later renamed. 示范区 administers towns taken over from 山阳区, 博爱县 and 武陟县.
# Left out on purpose: 太行街道 (both 山阳区 and 沁阳市) and 城关镇 (a name found in many
# counties outside 焦作), which would give wrong counties.
TOWNS: dict[str, str] = {
    **dict.fromkeys(
        (
            "民生街道", "民主街道", "新华街道", "焦西街道", "焦南街道", "焦北街道", "七百间街道", "上白作街道",
            "王褚街道",
        ),
        "解放区",
    ),
    **dict.fromkeys(
        ("李封街道", "王封街道", "朱村街道", "冯封街道", "龙洞街道", "月山街道", "许衡街道", "府城街道", "龙翔街道"),
        "中站区",
    ),
    **dict.fromkeys(
        ("马村街道", "武王街道", "冯营街道", "九里山街道", "待王街道", "安阳城街道", "演马街道"),
        "马村区",
    ),
    **dict.fromkeys(
        ("焦东街道", "东方红街道", "百间房街道", "光亚街道", "艺新街道", "定和街道", "中星街道", "新城街道"),
        "山阳区",
    ),
    **dict.fromkeys(
        ("文苑街道", "文昌街道", "李万街道", "苏家作乡", "苏家作街道", "阳庙镇", "宁郭镇"),
        "示范区",
    ),
    **dict.fromkeys(
        ("七贤镇", "郇封镇", "周庄镇", "云台山镇", "方庄镇", "王屯乡", "五里源乡", "西村乡", "岸上乡"),
        "修武县",
    ),
    **dict.fromkeys(
        ("清化镇街道", "清化镇", "鸿昌街道", "柏山镇", "月山镇", "许良镇", "磨头镇", "孝敬镇", "寨豁乡", "金城乡"),
        "博爱县",
    ),
    **dict.fromkeys(
        (
            "木城街道", "龙源街道", "龙泉街道", "大虹桥街道", "木城镇", "龙源镇", "詹店镇", "西陶镇", "谢旗营镇",
            "大封镇", "乔庙镇", "乔庙乡", "圪垱店乡", "三阳乡", "北郭乡", "小董乡", "嘉应观乡", "大虹桥乡",
        ),
        "武陟县",
    ),
    **dict.fromkeys(
        (
            "温泉街道", "岳村街道", "张羌街道", "温泉镇", "黄庄镇", "武德镇", "赵堡镇", "番田镇", "祥云镇",
            "南张羌镇", "北冷乡", "招贤乡", "岳村乡",
        ),
        "温县",
    ),
    **dict.fromkeys(
        (
            "覃怀街道", "怀庆街道", "沁园街道", "崇义镇", "西向镇", "西万镇", "柏香镇", "山王庄镇", "紫陵镇",
            "王曲乡", "王召乡", "常平乡",
        ),
        "沁阳市",
    ),
    **dict.fromkeys(
        (
            "大定街道", "会昌街道", "河雍街道", "河阳街道", "化工镇", "南庄镇", "城伯镇", "谷旦镇", "西虢镇",
            "赵和镇", "槐树乡",
        ),
        "孟州市",
    ),
}


@dataclass
class Gazetteer:
    """Maps any known place name to its county-level unit."""

    counties: tuple[str, ...] = tuple(name for name, _ in COUNTIES)
    places: dict[str, str] = field(default_factory=dict)

    @classmethod
    def default(cls) -> Gazetteer:
        places = {name: name for name, _ in COUNTIES}
        places.update(ALIASES)
        places.update(TOWNS)
        return cls(places=places)

    def county_of(self, place: str) -> str | None:
        return self.places.get(place)
