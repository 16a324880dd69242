"""The meeting (or visit, ceremony) an article reports, and each person's role in it.

The meeting's name is read from the article's lead ("主持召开X会议", "X推进会在Y举行",
"在…举行的X签约仪式上", a photo caption's "…召开的X大会现场") or, for visits
(会见/调研/督导/视察/座谈/观摩/慰问, and 考察/走访/检查 when someone goes somewhere for them or
a named person does them: "率队到Y考察X", "甲考察X"; also stated object first: "对X进行实地督导",
"与Y亲切座谈"), from the headline or subtitle that states it ("…在调研X时强调"). A meeting
printed only generically ("市委、市政府召开会议", "在座谈会上") is still a meeting.
Roles come from clause-level patterns: a role verb
(主持, 讲话/强调/指出…, 出席/参加/陪同…) belongs to the persons named just before it in
its clause, to a list of "title+name" clauses right before that, or, when the clause
opens with the verb, to the persons of the previous role verb; 他/她 is the last such
person or the person who opens a sentence ("乙感谢…。她表示"). A collective
"…负责人等参加会议" is attended by everyone the list names before it ("书记甲，副书记乙及…等").
What follows 说/强调/指出/要求/表示 in a sentence is what was said, not who did what, and
a verb used as a modifier ("由企业负责人参加的协调会") gives no role, except in
"出席会议的有甲、乙", which names the attendees after it.
People who take part without a stated role (who 会见, 调研, 考察, 带领 or 签约, or whom the
visitors 与…座谈) count as attendees unless they presided or spoke, and so do the people a
photo caption of the meeting names.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from archive.ingest.dates import OPENING_QUOTATION
from archive.ingest.records import MeetingRecord, PersonMention
from archive.ingest.sentences import sentences

LEAD_SENTENCES = 2
# Full-width and ASCII punctuation both occur in extracted pages.
PUNCT = "，,。；;：:！!？?\n"
CLAUSE_END = re.compile(r"[，,：:]")

MEETING_WORD = r"(?:会议|会|仪式|典礼|论坛|(?:分组|联组|小组)讨论)"
# When, written between a meeting's name and its verb: "…会议7月8日上午召开".
WHEN = r"(?:\d{1,2}月\d{1,2}日)?(?:上午|下午|晚上|晚)?"
NAME_CHARS = rf"[^{PUNCT}]"
MEETING_IN_LEAD = (
    re.compile(rf"(?:召开|举行|举办)了?(?!的)(?P<name>{NAME_CHARS}*{MEETING_WORD})"),
    re.compile(rf"(?:^|[{PUNCT}])(?P<name>{NAME_CHARS}{{2,40}}?{MEETING_WORD})(?:在{NAME_CHARS}{{2,25}}?)?"
               rf"{WHEN}(?:隆重|正式)?(?:举行|召开|开幕|举办)"),
    re.compile(rf"(?:举行|召开|举办)的(?P<name>{NAME_CHARS}*?{MEETING_WORD})(?:上|中|期间|现场|会场)"),
    re.compile(rf"在(?P<name>{NAME_CHARS}*?{MEETING_WORD})(?:现场|会场)"),
    re.compile(rf"(?:出席|参加)了?(?P<name>{NAME_CHARS}*?{MEETING_WORD})(?=并|[{PUNCT}]|$)"),
    re.compile(rf"(?:^|[{PUNCT}]|在)(?P<name>{NAME_CHARS}{{1,40}}?{MEETING_WORD})(?:上|中)(?=[{PUNCT}]|说|表示|指出|强调)"),
)
MEETING_IN_TITLE = (
    re.compile(rf"在(?P<name>{NAME_CHARS}+?{MEETING_WORD})(?:上|中)"),
    re.compile(rf"召开(?P<name>{NAME_CHARS}+{MEETING_WORD})"),
    re.compile(rf"^(?P<name>{NAME_CHARS}+{MEETING_WORD})(?:举行|召开|开幕)"),
)
NOT_A_VISIT_AFTER = r"(?!员|组|团|数据|报告|成果|结果|发现|显示|表明)"
# 座谈/观摩/慰问 are visits too ("与甲进行座谈", "观摩X项目", "走访慰问驻地部队").
VISIT_VERBS = r"会见|调研|督导|视察|检查指导|座谈(?!会)|观摩(?!会|团|点)|慰问(?!金|品|信|款|组|团)"
VISIT = re.compile(rf"(?P<verb>{VISIT_VERBS}){NOT_A_VISIT_AFTER}(?P<object>{NAME_CHARS}*)")
# A visit whose object comes first: "对X进行实地督导", "就X进行检查指导", "到Y进行现场调研".
OBJECT_FIRST = re.compile(
    rf"(?:(?P<prep>对|就|与|同)(?P<object>{NAME_CHARS}{{2,40}}?)|(?P<goes>到|赴|深入)(?P<place>{NAME_CHARS}{{2,25}}?))"
    rf"(?:进行(?:了)?)?(?:实地|现场|专题|深入|调查|走访|集中|亲切|友好)*$"
)
# 考察/走访/检查 are visits when someone goes somewhere for them ("率队到Y考察X") or a
# named person does them ("甲考察X"). 到 in 受到/达到/做到… or before a date ("到2025年")
# goes nowhere, and "深入开展检查" is a campaign.
GOES_TO = r"(?:(?<![得受达做感看遇收想找提直截迟报签听见])到|赴|深入|前往|来到|率队|带队)"
NOT_ON_THE_WAY = r"开展|进行|加强|组织|做好|推进|落实|完成|接受|迎接|配合"
LED_VISIT = re.compile(
    rf"(?:(?P<goes>{GOES_TO})(?:(?!{NOT_ON_THE_WAY})[^{PUNCT}0-9])*?)?"
    rf"(?P<verb>考察|走访|检查){NOT_A_VISIT_AFTER}(?P<object>{NAME_CHARS}*)"
)
# A delegation or a group led by someone does the 考察/检查 ("考察团在Y考察", "在甲的带领下…进行现场检查").
DELEGATION = r"(?:考察团|调研组|观摩团|观摩组|督查组|督导组|检查组|视察组)"
LED_GROUP = re.compile(rf"{DELEGATION}(?:一行)?(?:在{NAME_CHARS}{{2,12}})?$|带领下")
VISITOR_TAIL = re.compile(r"(?:一行|等人|等)?(?:专题|先后|实地|再次|一同)*$")
# A reporter's own rounds ("记者到多家药店走访") are how a story was gathered.
REPORTER_ROUNDS = re.compile(rf"记者[^{PUNCT}]*$")
VISIT_TAIL = re.compile(r"(?:时|期间|中)?(?:强调|指出|要求|表示|说)?$")
VISIT_START = re.compile(rf"(?:到|赴|深入){NAME_CHARS}*$")
# Words before a meeting's name that say who held it or who came, not what it is called.
NAME_PREFIX = re.compile(r"^(?:.*?(?:参加|出席|参与|举行|召开)的)|^(?:我市|本市|我县|我区|我省)")
GENERIC_NAMES = frozenset({"会议", "会", "大会", "座谈会"})
# Meetings of a body's own members are named with the body that holds them
# ("区党工委召开中心组学习会议" -> 区党工委中心组学习会议).
OWN_MEETING = re.compile(r"^(?:中心组|常委会议|常委会会议|常务会议|全体会议|扩大会议|党组会议|办公会议)")
HOLDING_BODY = re.compile(
    rf"(?:^|[{PUNCT}])(?P<body>[^{PUNCT}]*(?:党工委|党委|党组|市委|县委|区委|政府|管委会|常委会))\s*$"
)
# Bodies whose names end like a meeting's: "市书法家协会举办…", "市人大常委会召开…".
ORGANISATION = re.compile(
    r"(?:协会|学会|委员会|常委会|工会|商会|联合会|基金会|研究会|促进会|联谊会|理事会|董事会|总会|分会)$"
)
NOT_A_MEETING_TITLE = re.compile(r"(?:通知|公告|通告|启事|公示|决定)$")
LOCATION = re.compile(
    rf"在(?P<place>[^{PUNCT}在的与]{{2,25}}?)(?:分别)?(?:[与同][^{PUNCT}]{{1,40}}?(?:进行)?)?(?:亲切|隆重|正式)?(?:会见|举行|举办|召开|开幕|调研|督导|视察|座谈|签约)"
)
# A trip to a named place: "率队到广东省深圳市考察…" (a tour of sites has no one location).
TRIP = re.compile(rf"(?:到|赴)(?P<place>[^{PUNCT}到赴]{{2,25}}?[省市县区州镇乡村])(?:考察|调研|督导|视察|走访)")
NOT_A_LOCATION = frozenset({"我市", "全市", "本市", "当地", "这里", "此", "会上", "线上"})

# Role verbs, longest first; a clause is cut where a reference to other occasions begins
# ("贯彻落实…讲话精神" names no one present).
ROLE_VERBS = (
    ("attended", r"一同(?:会见|参加|出席|调研|督导|视察|考察)|出席|参加|陪同|莅会|列席|参会|收听收看|收看|就座"),
    ("presided", r"主持(?!人)"),
    ("spoke", rf"讲话(?!精神)|致辞|作(?:了)?[^{PUNCT}]{{0,6}}?(?:关于[^{PUNCT}]{{1,40}}?)?(?:部署|报告|总结)"),
    ("said", r"强调|指出|要求|表示|希望(?!工程|小学|之星|杯|田野)|说(?=[，,：:“。]|$)"),
    (
        "took_part",
        rf"会见|(?:调研|督导|考察|走访|检查|观摩|慰问){NOT_A_VISIT_AFTER}|座谈(?!会)|视察|带领|率领|率队|带队|签订|签约|签署"
        r"|莅临|莅焦|一行",
    ),
)
VERB = re.compile("|".join(f"(?P<{role}>{pattern})" for role, pattern in ROLE_VERBS))
REFERENCE = re.compile(r"学习|贯彻|落实|按照|根据|传达")
SAME_SUBJECT = re.compile(
    r"^(?:[^，,]*并)?(?:同时|还|也|又|随后|最后|先后|专题|专门|认真|进一步|时|期间|中|分组|分别|开展)*$"
)
PRONOUN = re.compile(r"^(?:他|她)(?!们)")
# A sentence's opening clause that only sets the scene ("在会见和签约仪式中，", "座谈中，", "会上，"):
# the person right after it opens the sentence.
SCENE_CLAUSE = re.compile(r"^(?:在[^，,]{1,20}(?:中|上|时|期间)|[^，,]{0,8}(?:中|上|时|期间))$")
LIST_TAIL = re.compile(r"(?:等领导|等同志|等人|一行|等)$")
# "出席会议的有甲、乙" names the attendees after the verb.
LISTED_AFTER = re.compile(r"[^的，,]{0,6}的(?:还|也)?有")
# After 说/强调/…: the clause ends or the words said begin ("强调要…", "说：“…").
SPEECH_FOLLOWS = re.compile(r"$|要|：|:|“")
OBJECT_PREPOSITION = re.compile(r"[对向为给跟]")
OBJECT_ROLES = frozenset({"took_part"})
# Verbs that say who came, not whom they met: "甲一行先后到乙家中" — 乙 is visited, not a participant.
VISITORS_ONLY = frozenset({"莅临", "莅焦", "一行"})
# "分别与甲、乙进行座谈": the people the visitors met take part.
MET = re.compile(rf"(?:与|同)(?P<met>[^{PUNCT}]+?)(?:进行|举行)?了?(?:座谈|会谈|洽谈|交流|见面)")
# Phrases naming a group's people before its verb: "甲在乙、丙的陪同下…" (乙 and 丙 attend, 甲 does what
# the sentence goes on to say) and "由甲，乙带领的考察团…" (甲 and 乙 take part).
ESCORTED = re.compile(rf"在(?P<who>[^{PUNCT}在]*(?:[，,][^{PUNCT}在]*){{0,4}}?)的?陪同下")
LED_BY = re.compile(rf"由(?P<who>[^{PUNCT}由]*(?:[，,][^{PUNCT}由]*){{0,4}}?)(?:带领|率领|带队)的")
GROUP_PHRASES = ((ESCORTED, "attended"), (LED_BY, "took_part"))
# Clauses of a collective list ("…及各部门负责人等参加会议") hold no event of their own.
EVENT_PREDICATE = re.compile(r"召开|举行|举办|来到|前往|深入|进行|开展|研究|听取|审议|观看|参观")
# A photo caption of the meeting scene; everyone it names was there.
CAPTION_SCENE = re.compile(r"^图为|(?:现场|会场)[。.]?$")


def extract_meeting(
    headline: str | None,
    subtitles: list[str],
    text: str,
    persons: list[PersonMention],
    event_date: date | None,
) -> MeetingRecord | None:
    """The meeting the article reports, or None.

    ``text`` is the normalized body, ``persons`` the people found in it (their
    names fill the role lists), ``event_date`` becomes the meeting's date.
    """
    if headline and NOT_A_MEETING_TITLE.search(headline):
        return None
    titles = [t for t in (headline, *subtitles) if t]
    lead = _lead(text)
    names = [p.name for p in persons]
    name = (
        _visit_name(titles, names) or _lead_meeting_name(lead, names) or _title_meeting_name(titles)
        or _late_meeting_name(text)
    )
    if not name:
        return None
    roles = _roles(text, names)
    if CAPTION_SCENE.search(text.strip()) and len(sentences(text)) == 1:
        placed = {*roles.presided, *roles.spoke, *roles.attended}
        roles.attended += [name for name in _names_in(text, names) if name not in placed]
    return MeetingRecord(
        name=name,
        date=event_date,
        location=_location(lead),
        presided_by=roles.presided,
        speakers=roles.spoke,
        attended_by=roles.attended,
    )


def assign_roles(persons: list[PersonMention], meeting: MeetingRecord | None) -> None:
    """Set each person's roles (presided/spoke/attended/mentioned) from the meeting."""
    for person in persons:
        person.roles = []
        if meeting:
            lists = (("presided", meeting.presided_by), ("spoke", meeting.speakers), ("attended", meeting.attended_by))
            person.roles = [role for role, names in lists if person.name in names]
        person.roles = person.roles or ["mentioned"]


def _lead(text: str) -> str:
    """The first sentences of the report itself: a story opening with a quotation ("“…！”2月1日，…召开会议")
    states its event after the quote."""
    quoted = OPENING_QUOTATION.match(text)
    return "".join(sentences(text[quoted.end() :] if quoted else text)[:LEAD_SENTENCES])


def _visit_name(titles: list[str], names: list[str]) -> str | None:
    """A visit stated by a headline or subtitle: "X会见Y", "X在调研Y时强调", "X率队到Y考察Z"."""
    for title in titles:
        match = _find_visit(title, names)
        if match:
            return _visit_text(title, match)
    return None


def _find_visit(text: str, names: list[str]) -> re.Match | None:
    """The first visit verb in ``text`` with what follows it in its clause."""
    def is_visit(match: re.Match) -> bool:
        before = text[: match.start("verb")]
        led = match.re is VISIT or match["goes"] or _after_a_name(before, names) or LED_GROUP.search(before)
        return bool(led) and not REPORTER_ROUNDS.search(before)

    matches = [next(filter(is_visit, pattern.finditer(text)), None) for pattern in (VISIT, LED_VISIT)]
    return min(filter(None, matches), key=lambda m: m.start("verb"), default=None)


def _after_a_name(before: str, names: list[str]) -> bool:
    """``before`` ends with a person ("甲", "甲一行专题"), who does what follows."""
    subject = VISITOR_TAIL.sub("", before)
    return any(subject.endswith(name) for name in names)


def _visit_text(text: str, match: re.Match) -> str:
    obj = VISIT_TAIL.sub("", match["object"].removeprefix("了"))
    if obj:
        return match["verb"] + obj
    start = VISIT_START.search(text[: match.start("verb")])
    return (start.group() if start else "") + match["verb"]


def _lead_meeting_name(lead: str, names: list[str]) -> str | None:
    """The first meeting or visit the lead names."""
    found: list[tuple[int, str]] = []
    for pattern in MEETING_IN_LEAD:
        for match in pattern.finditer(lead):
            name = _meeting_name(match)
            if name:
                found.append((match.start("name"), name))
                break
    visit = _find_visit(lead, names)
    if visit:
        name = _visit_text(lead, visit) if visit["object"] else _object_first(lead, visit)
        if name:
            found.append((visit.start("verb"), name))
    if found:
        return min(found)[1]
    return _generic_meeting_name(lead)


def _object_first(text: str, match: re.Match) -> str | None:
    """A visit stated object first ("对X进行实地督导" -> 督导X, "到Y进行现场调研" -> 到Y调研)."""
    clause = re.split(rf"[{PUNCT}]", text[: match.start("verb")])[-1]
    before = OBJECT_FIRST.search(clause)
    if not before:
        return None
    if before["prep"] in ("对", "就"):
        return match["verb"] + before["object"]
    if before["prep"]:
        return before["prep"] + before["object"] + match["verb"]
    if not clause.endswith(("进行", "实地", "现场", "专题", "深入", "调查", "走访", "集中", "了")):
        return None
    return before["goes"] + before["place"] + match["verb"]


# "市委、市政府召开会议", "全市统一战线召开座谈会": a meeting whose printed name is generic.
GENERIC_MEETING = re.compile(
    rf"(?:^|[{PUNCT}])(?P<holder>[^{PUNCT}]{{0,16}}?)(?:主持)?(?:召开|举行)了?(?P<name>(?:专题|工作)?(?:会议|座谈会))(?!等)"
    rf"|在(?P<name2>座谈会|会议)(?:上|中)"
    rf"|(?:出席|参加)(?P<name3>座谈会|会议)(?!的)"
)


HOLDER_BODY = re.compile(r"(?:市委|市政府|县委|县政府|区委|区政府|党工委|管委会|统一战线|政协|人大常委会)$")


def _generic_meeting_name(lead: str) -> str | None:
    """The meeting of a lead that names it only generically, with the body that held it when stated."""
    match = GENERIC_MEETING.search(lead)
    if not match:
        return None
    if match["name2"] or match["name3"]:
        return match["name2"] or match["name3"]
    holder = match["holder"].strip()
    if not holder or not HOLDER_BODY.search(holder):
        return match["name"]
    return holder + match["name"]


# A meeting named only later, where someone speaks at it: "甲在庆典仪式上致辞".
SPOKEN_AT = re.compile(
    rf"在(?P<name>{NAME_CHARS}{{1,30}}?{MEETING_WORD})(?:上|中)(?=致辞|讲话|发言|表示|指出|强调|说)"
)


def _late_meeting_name(text: str) -> str | None:
    """A meeting the lead does not name but someone later speaks at, even a generic one (在座谈会上)."""
    match = SPOKEN_AT.search(text)
    if not match:
        return None
    name = NAME_PREFIX.sub("", match["name"].strip())
    return None if ORGANISATION.search(name) else name


def _title_meeting_name(titles: list[str]) -> str | None:
    for title in titles:
        for pattern in MEETING_IN_TITLE:
            name = _meeting_name(pattern.search(title))
            if name:
                return name
    return None


def _meeting_name(match: re.Match | None) -> str | None:
    """The meeting's name a pattern matched, without who held it; None for a bare 会议 or a body's name."""
    if not match:
        return None
    name = NAME_PREFIX.sub("", match["name"].strip())
    if name in GENERIC_NAMES or ORGANISATION.search(name):
        return None
    holder = HOLDING_BODY.search(match.string[: match.start()]) if OWN_MEETING.match(name) else None
    return holder["body"].strip() + name if holder else name


def _location(lead: str) -> str | None:
    for match in LOCATION.finditer(lead):
        if match["place"] not in NOT_A_LOCATION:
            return match["place"]
    trip = TRIP.search(lead)
    return trip["place"] if trip else None


@dataclass
class _Roles:
    presided: list[str] = field(default_factory=list)
    spoke: list[str] = field(default_factory=list)
    attended: list[str] = field(default_factory=list)


def _roles(text: str, names: list[str]) -> _Roles:
    """Who presided, spoke and attended, each list in order of first mention in ``text``."""
    found: dict[str, set[str]] = {role: set() for role, _ in ROLE_VERBS}
    if names:
        last_group: list[str] = []
        for sentence in sentences(text):
            last_group = _sentence_roles(sentence, names, found, last_group)
    first_seen = {name: text.find(name) for name in names}

    def ordered(selected: set[str]) -> list[str]:
        return sorted(selected, key=first_seen.__getitem__)

    speakers = found["spoke"] | found["said"]
    implicit = found["took_part"] - found["presided"] - speakers
    return _Roles(
        presided=ordered(found["presided"]),
        spoke=ordered(speakers),
        attended=ordered(found["attended"] | implicit),
    )


def _sentence_roles(sentence: str, names: list[str], found: dict[str, set[str]], last_group: list[str]) -> list[str]:
    """Add the roles one sentence gives to ``found``; returns the latest group of subjects."""
    for met in MET.finditer(sentence):
        found["took_part"].update(_names_in(met["met"], names))
    for pattern, role in GROUP_PHRASES:
        for phrase in pattern.finditer(sentence):
            found[role].update(_names_in(phrase["who"], names))
        sentence = pattern.sub("", sentence)
    clauses = [REFERENCE.split(clause, maxsplit=1)[0] for clause in CLAUSE_END.split(sentence)]
    sentence_group: list[str] = []
    subject = clauses[1] if len(clauses) > 1 and SCENE_CLAUSE.search(clauses[0]) else sentence
    opening = [name for name in names if sentence.startswith(name) or subject.startswith(name)]
    if opening:
        last_group = opening[:1]
    for index, clause in enumerate(clauses):
        start = 0
        for verb in VERB.finditer(clause):
            listing = LISTED_AFTER.match(clause, verb.end())
            if listing:
                rest = "，".join([clause[listing.end() :], *clauses[index + 1 :]])
                found[verb.lastgroup].update(_names_in(rest, names))
                return last_group
            if clause.startswith("的", verb.end()):
                continue
            before = clause[start : verb.start()]
            group = _names_in(_subject_part(before, names), names)
            collective = bool(LIST_TAIL.search(before))
            if (group or collective) and not _names_in(clause[:start], names):
                group = _listed_before(clauses[:index], names, collective) + group
            if not group:
                if PRONOUN.match(before) or (not before and index == 0 and verb.lastgroup == "said"):
                    group = last_group
                elif SAME_SUBJECT.match(before):
                    group = sentence_group
                    if not group and verb.lastgroup == "took_part":
                        # "市委书记甲，市长乙，带领…到某地调研", "县领导甲、乙等，分组开展慰问…":
                        # the roll call opens the sentence.
                        group = _listed_before(clauses[:index], names)
                    if not group and verb.lastgroup == "spoke" and index > 0:
                        # "副县长甲介绍了…，并作…的报告": the sentence's subject goes on.
                        group = _sentence_subject(clauses[:index], names)
            role = verb.lastgroup
            found[role].update(group)
            if role in OBJECT_ROLES and verb.group() not in VISITORS_ONLY:
                found[role].update(_names_in(_until_next_verb(clause[verb.end() :]), names))
            if group:
                sentence_group = last_group = group
            if role == "said" and SPEECH_FOLLOWS.match(clause, verb.end()):
                return last_group
            start = verb.end()
    return last_group


def _sentence_subject(clauses: list[str], names: list[str]) -> list[str]:
    """The person first named in the first clause naming anyone ("受…委托，副县长甲介绍了…" → 甲)."""
    named = next((clause for clause in clauses if _names_in(clause, names)), "")
    return _names_in(_subject_part(named, names), names)[:1]


def _names_in(text: str, names: list[str]) -> list[str]:
    """The persons named in ``text``, in order, longest name first where names overlap."""
    hits: list[tuple[int, str]] = []
    taken: set[int] = set()
    for name in sorted(names, key=len, reverse=True):
        for match in re.finditer(re.escape(name), text):
            span = set(range(match.start(), match.end()))
            if not span & taken:
                taken |= span
                hits.append((match.start(), name))
    ordered: list[str] = []
    for _, name in sorted(hits):
        if name not in ordered:
            ordered.append(name)
    return ordered


def _subject_part(before: str, names: list[str]) -> str:
    """``before`` up to a preposition after its first name: "甲对乙表示欢迎" is said by 甲 alone.
    A preposition character inside a name (张向东) is no preposition."""
    first = min((before.find(name) + len(name) for name in names if name in before), default=None)
    if first is None:
        return before
    in_names = {i for name in names for hit in re.finditer(re.escape(name), before) for i in range(*hit.span())}
    preposition = next((m for m in OBJECT_PREPOSITION.finditer(before, first) if m.start() not in in_names), None)
    return before[: preposition.start()] if preposition else before


def _listed_before(clauses: list[str], names: list[str], collective: bool = False) -> list[str]:
    """Persons of the list clauses just before a verb's clause.

    A list of people is a run of "title+name" clauses ("市长甲，副市长乙出席"); a
    ``collective`` list ("书记甲，副书记乙及…领导，…负责人等参加") also runs through
    clauses that name groups, up to a clause that states an event.
    """
    listed: list[str] = []
    for clause in reversed(clauses):
        bare = LIST_TAIL.sub("", clause.strip())
        if VERB.search(clause) or (
            EVENT_PREDICATE.search(clause) if collective else not any(bare.endswith(name) for name in names)
        ):
            break
        listed = _names_in(clause, names) + listed
    return listed


def _until_next_verb(text: str) -> str:
    verb = VERB.search(text)
    return text[: verb.start()] if verb else text
