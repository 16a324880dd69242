"""Bylines: who wrote an article and who took its photos.

Three printed forms: the dateline ``本报讯（记者董柏生 见习记者翟倩倩）`` (or a wire
service's ``新华社北京3月5日电（记者…）`` or ``（陈思远、林晓）`` with names alone, or names
without brackets up to an optional 报道: ``本报上海3月8日讯记者王芳、李明报道：``), a feature
byline on its own line ``本报记者 刘婧 实习生 周唐``, and a photo credit ``本报记者 刘璐 摄``.
Reporters are 记者 of this paper (posted abroad too: 本报驻东京记者), of an agency (新华社记者)
or of a named publication (《田野》杂志记者); 实习生, 见习记者, 实习记者 and 通讯员 are
contributors. Byline names are not part of the body.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from archive.ingest.canonical import CJK, canonical
from archive.ingest.markers import AGENCY, DATELINE, POSTED, personal_name, photo_credit, roleless_trailing_credit

# Longest role first, so 见习记者 is not read as 记者; another outlet's reporter (新华社记者, 《田野》杂志记者)
# is a role of its own, so reporters of several outlets can share one byline.
ROLE = re.compile(
    rf"((?:{AGENCY}|《[^》]{{1,12}}》(?:杂志社?|报社?|周刊)?)(?:特约|特派|首席)?记者|(?:本报|{AGENCY})?{POSTED}记者"
    r"|本报特约记者|本报特派记者|本报通讯员|本报记者|特约记者|特派记者|首席记者|见习记者|实习记者|实习生|通讯员|记者)"
)
CONTRIBUTOR_ROLES = ("见习记者", "实习记者", "实习生", "通讯员")
SPACED_ROLE = re.compile(
    r"(?:本\s*报\s*)?(?:特\s*[约派]\s*|首\s*席\s*|见\s*习\s*|实\s*习\s*)?(?:记\s*者|通\s*讯\s*员|实\s*习\s*生)"
)
# A credit printed without brackets after the opening (本报讯 记者王芳 通讯员刘建国 3月4日…, 本报上海3月8日讯
# 记者王芳、李明报道：…): each name ends at a space, 、, a digit, the next role or 报道 closing the credit,
# so the body's first words are not names; a 、 before the next role (新华社记者王芳、本报记者李明) is no name.
_CREDIT_CLOSE = r"报道(?:\s*[：:]|\s)"
_BARE_NAME = rf"[{CJK}·]{{2,4}}(?=[\s、]|\d|{ROLE.pattern}|{_CREDIT_CLOSE}|$)"
BARE_CREDIT = re.compile(
    rf"(?:{ROLE.pattern}\s*{_BARE_NAME}(?:[\s、]+(?!{ROLE.pattern}){_BARE_NAME})*(?:[\s、]*(?={ROLE.pattern})|\s*))+"
    rf"(?:{_CREDIT_CLOSE}\s*)?"
)
# 文/图 (text and photos by the same people) before or after a byline's names.
TEXT_AND_PHOTOS = re.compile(r"^文\s*[/／]\s*图\s*[：:]?\s*|\s*文\s*[/／]\s*图$")
# Words around names that are not names: 记者林晓/文 方舟/图, 记者林晓报道.
CREDIT_NOISE = re.compile(r"\s*[/／](文|图|摄)|(摄影)?报道\s*[：:]?$")
NAME = re.compile(f"^[{CJK}·]{{2,5}}$")
NAME_SEPARATOR = re.compile(r"[\s、，,/]+")
MAX_FEATURE_BYLINE = 40
BULLETS = "■□●◆◇★☆▲△ "
# Without 本报 in front, a role must be set apart by a space (记者看到… is a sentence).
BARE_ROLE = re.compile(r"^(特约记者|特派记者|首席记者|记者|通讯员)\s")
# A feature byline opens with 本报 or a role (记者, 通讯员, 实习生): a text without any of these characters is none.
_FEATURE_BYLINE_CHARS = frozenset("本记通实")


@dataclass
class Byline:
    """Names from one byline, each list in printed order."""

    reporters: list[str] = field(default_factory=list)
    contributors: list[str] = field(default_factory=list)
    photographers: list[str] = field(default_factory=list)


def _names(text: str) -> list[str] | None:
    """Names separated by spaces or 、; single characters left by layout spacing rejoin a neighbour."""
    names: list[str] = []
    pending = ""
    for token in (t for t in NAME_SEPARATOR.split(text.strip()) if t):
        if len(pending + token) == 1:
            pending = token
            continue
        names.append(pending + token)
        pending = ""
    if pending and names:
        names[-1] += pending
    return names if names and all(NAME.match(n) for n in names) else None


def parse_credit(text: str) -> Byline | None:
    """Reporters and contributors from role-labelled names (``记者杨丽娜 见习记者翟倩倩``), or None."""
    text = SPACED_ROLE.sub(lambda m: re.sub(r"\s+", "", m.group(0)), canonical(text).strip())
    parts = ROLE.split(CREDIT_NOISE.sub(" ", text))
    if parts[0].strip() or len(parts) < 3:
        return None
    byline = Byline()
    for role, names_text in zip(parts[1::2], parts[2::2], strict=True):
        names = _names(names_text)
        if names is None:
            return None
        target = byline.contributors if role.endswith(CONTRIBUTOR_ROLES) else byline.reporters
        target.extend(n for n in names if n not in target)
    return byline


def split_dateline(text: str) -> tuple[Byline, str] | None:
    """(byline, rest of the text) when ``text`` opens with 本报讯（…）, else None."""
    if "报" not in text and "电" not in text:  # every opening DATELINE matches has one (本报讯, 新华社电)
        return None
    text = text.lstrip(BULLETS)
    match = DATELINE.match(canonical(text))
    if not match:
        return None
    credit = match.group(1)
    end = match.end()
    if credit is None:
        bare = BARE_CREDIT.match(canonical(text), end)
        credit, end = (bare.group(), bare.end()) if bare else (None, end)
    byline = (parse_credit(credit) or _roleless_reporters(credit) if credit else None) or Byline()
    return byline, text[end:].lstrip()


def _roleless_reporters(credit: str) -> Byline | None:
    """A dateline's bracketed names without a role (新华社南京5月2日电（陈思远、林晓）) are its reporters,
    when every word reads as a personal name; else None."""
    names = _names(canonical(credit))
    return Byline(reporters=names) if names and all(map(personal_name, names)) else None


def parse_feature_byline(text: str) -> Byline | None:
    """The byline of a feature printed on its own line (``本报记者 翟艳 韦冰``, ``■记者林晓``), or None.

    ``文/图`` before or after the names makes the reporters the photographers too.
    """
    if _FEATURE_BYLINE_CHARS.isdisjoint(text):
        return None
    key = canonical(text).strip()
    bare = key.lstrip(BULLETS)
    bulleted = bare != key
    text_and_photos = TEXT_AND_PHOTOS.search(bare)
    if text_and_photos:
        bare = (bare[: text_and_photos.start()] + bare[text_and_photos.end() :]).strip()
    role = (ROLE if bulleted or text_and_photos else BARE_ROLE).match(bare)
    if len(bare) > MAX_FEATURE_BYLINE or not (bare.startswith("本报") or role):
        return None
    byline = parse_credit(bare)
    if not (byline and byline.reporters):
        return None
    if text_and_photos:
        byline.photographers = list(byline.reporters)
    return byline


def parse_roleless_credit(text: str) -> Byline | None:
    """A brief's closing credit by name alone (``（林晓）``): the names are contributors."""
    if "）" not in text and ")" not in text:
        return None
    match = roleless_trailing_credit(canonical(text).strip())
    if match is None or match.start() > 0:
        return None
    names = _names(match.group(1))
    return Byline(contributors=names) if names else None


def is_closing_byline(text: str) -> bool:
    """Whether a byline is printed after its article (``本报记者 林晓 文/图``)."""
    match = TEXT_AND_PHOTOS.search(canonical(text).strip())
    return bool(match) and match.start() > 0


def split_photo_credit(text: str) -> tuple[str, Byline] | None:
    """(caption, byline) when ``text`` ends with a photo credit (``… 本报记者 刘璐 摄``), else None."""
    if "摄" not in text:
        return None
    match = photo_credit(canonical(text))
    if not match:
        return None
    # "本报记者 杨帆 本报通讯员 贾黎明 摄": the second role word is not a name.
    names = _names(ROLE.sub(" ", match.group(1)))
    if names is None:
        return None
    return text[: match.start()].rstrip(), Byline(photographers=names)
