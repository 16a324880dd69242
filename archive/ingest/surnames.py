"""Chinese family names: the 百家姓 plus common modern ones, single and compound.

A person's name in news text is a family name followed by one or two given-name
characters, so the importer uses this table to decide where a name may start and
how long it is (复姓 such as 欧阳 take two characters).
"""
from __future__ import annotations

_BAIJIAXING = (
    "赵钱孙李周吴郑王冯陈褚卫蒋沈韩杨朱秦尤许何吕施张孔曹严华金魏陶姜戚谢邹喻柏水窦章云苏潘葛奚范彭郎"
    "鲁韦昌马苗凤花方俞任袁柳酆鲍史唐费廉岑薛雷贺倪汤滕殷罗毕郝邬安常乐于时傅皮卞齐康伍余元卜顾孟平黄"
    "和穆萧尹姚邵湛汪祁毛禹狄米贝明臧计伏成戴谈宋茅庞熊纪舒屈项祝董梁杜阮蓝闵席季麻强贾路娄危江童颜郭"
    "梅盛林刁钟徐邱骆高夏蔡田樊胡凌霍虞万支柯昝管卢莫经房裘缪干解应宗丁宣贲邓郁单杭洪包诸左石崔吉钮龚"
    "程嵇邢滑裴陆荣翁荀羊於惠甄曲家封芮羿储靳汲邴糜松井段富巫乌焦巴弓牧隗山谷车侯宓蓬全郗班仰秋仲伊宫"
    "宁仇栾暴甘钭厉戎祖武符刘景詹束龙叶幸司韶郜黎蓟薄印宿白怀蒲邰从鄂索咸籍赖卓蔺屠蒙池乔阴鬱胥能苍双"
    "闻莘党翟谭贡劳逄姬申扶堵冉宰郦雍卻璩桑桂濮牛寿通边扈燕冀郏浦尚农温别庄晏柴瞿阎充慕连茹习宦艾鱼容"
    "向古易慎戈廖庾终暨居衡步都耿满弘匡国文寇广禄阙东殴殳沃利蔚越夔隆师巩厍聂晁勾敖融冷訾辛阚那简饶空"
    "曾毋沙乜养鞠须丰巢关蒯相查後荆红游竺权逯盖益桓公晋楚闫法汝鄢涂钦岳帅缑亢况郈有琴商牟佘佴伯赏墨哈"
    "谯笪年爱阳佟言福"
)

# Frequent modern family names missing from the 百家姓 text above.
_MODERN = "付肖兰覃粟邸揭冼练栗原位苑芦庹才过操户眭母仝禚战代银谌占邝植迟仉楼檀敬雒贠郄菅智豆琚苟买赛南朴哲"

SINGLE_SURNAMES: frozenset[str] = frozenset(_BAIJIAXING + _MODERN)

COMPOUND_SURNAMES: frozenset[str] = frozenset(
    {
        "欧阳", "司马", "上官", "诸葛", "东方", "皇甫", "尉迟", "公孙", "慕容", "令狐", "长孙", "宇文",
        "司徒", "司空", "夏侯", "轩辕", "端木", "独孤", "南宫", "西门", "百里", "呼延", "澹台", "公冶",
        "万俟", "闻人", "申屠", "赫连", "公羊", "宗政", "濮阳", "淳于", "单于", "太叔", "仲孙", "钟离",
        "鲜于", "闾丘", "亓官", "司寇", "子车", "颛孙", "巫马", "公西", "漆雕", "乐正", "壤驷", "公良",
        "拓跋", "夹谷", "宰父", "谷梁", "段干", "东郭", "南门", "羊舌", "微生", "梁丘", "左丘", "东门",
    }
)

# Family names that are far more often a function word (和 "and", 于 "at", 从 "from"…).
FUNCTION_WORD_SURNAMES: frozenset[str] = frozenset("和于从向时全都能通有相应干解经那空终过才来")


def surname_length(text: str, start: int) -> int:
    """Length of the family name beginning at ``text[start]``: 2 (复姓), 1, or 0 if none starts there."""
    if text[start : start + 2] in COMPOUND_SURNAMES:
        return 2
    return 1 if text[start : start + 1] in SINGLE_SURNAMES else 0


# Japanese family names, the most frequent in Japan, written as Chinese news writes them (桥本, 小渊), less those
# that are also common Chinese words or names (小林, 清水, 村上, 福田, 中山, 山下, 林, 森). Japanese names are read
# as a family name and one to three given-name characters (桥本龙太郎, 田中一郎), and a Japanese person is often
# named by the family name alone (桥本首相, 小渊表示).
JAPANESE_SURNAMES: frozenset[str] = frozenset(
    {
        "佐藤", "铃木", "高桥", "田中", "渡边", "伊藤", "山本", "中村", "加藤", "吉田", "山田", "佐佐木", "山口",
        "松本", "井上", "木村", "山崎", "池田", "桥本", "阿部", "石川", "中岛", "前田", "藤田", "后藤", "冈田",
        "长谷川", "近藤", "远藤", "青木", "坂本", "斋藤", "太田", "西村", "藤井", "冈本", "藤原", "三浦", "原田",
        "松田", "竹内", "小野", "田村", "和田", "森田", "柴田", "酒井", "工藤", "横山", "宫崎", "宫本", "内田",
        "高木", "安藤", "岛田", "谷口", "大野", "丸山", "今井", "河野", "藤本", "村田", "武田", "杉山", "增田",
        "大冢", "菅原", "久保", "松井", "岩崎", "樱井", "木下", "野口", "松尾", "菊地", "野村", "新井",
        "小渊", "村山", "细川", "羽田", "竹下", "宫泽", "海部", "鸠山", "小泽", "中曾根", "高村", "梶山", "野中",
        "小泉", "安倍",
        # more of the frequent ones, and those of post-war politicians and business leaders
        "永井", "岩田", "浅野", "荒木", "大久保", "服部", "松冈", "高野", "菊池", "久保田", "矢野", "武藤",
        "星野", "松村", "安田", "中川", "石田", "岩本", "奥村", "中田", "宫下", "川口", "河合", "吉川", "冈崎", "古川",
        "秋山", "土屋", "堀内", "奥田", "中野", "上田", "杉本", "宫田", "菅野", "片山", "樋口", "佐野", "内藤", "福井",
        "小池", "村井", "东条", "近卫", "大平", "三木", "武村", "久间", "町村", "麻生", "野田", "小和田", "前原",
        "枝野", "石原", "石破", "甘利", "谷垣", "二阶", "额贺", "盐川", "柳泽", "龟井", "丹羽", "御手洗", "盛田",
        "稻盛", "平沼", "野坂", "土井", "浜田", "玉泽", "臼井", "与谢野", "细田", "玄叶", "冬柴", "神崎",
    }
)
