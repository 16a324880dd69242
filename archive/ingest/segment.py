"""A page's blocks → its articles, in reading order, with headline, byline, kind and body.

Where articles start: a dateline (本报讯（…）), a feature byline, 本报评论员, 编者按, a photo
credit (its caption is the text block just before), an ad, a teaser pointing to another page, a contents table, or text
continued from another page (（上接A01版）). Body text continues the open article; an
article is closed by a continuation or page marker or by a byline printed at its end,
and body text after a headline or after a closed article starts a new (dateline-less)
one. A photo printed inside an article does not close it, and a credit printed before
its caption takes the text after it. Under a brief column's label (简讯, 要闻简报) each item is a brief. No article is
emitted without body text. Headlines are assigned once the page is read (``headlines``).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from archive.ingest.blocks import BRIEF_COLUMNS, Block, Kind, classify, column_label
from archive.ingest.budget import UNLIMITED, Deadline
from archive.ingest.byline import BULLETS, Byline, parse_credit, parse_feature_byline, split_dateline
from archive.ingest.canonical import canonical
from archive.ingest.headlines import HeadlineGroup, assign_headlines
from archive.ingest.kinds import article_kind
from archive.ingest.markers import (
    CLOSING_CREDIT,
    CONTINUED_FROM,
    TRAILING_CREDIT,
    ends_article,
    roleless_trailing_credit,
    strip_end_markers,
)
from archive.ingest.normalize import join_lines, page_blocks, paragraph_lines, paragraphs
from archive.ingest.records import ParsedArticle

TEXT_KINDS = ("news", "feature", "commentary")
# A text block this long next to a credit is body text, not the photo's caption.
CAPTION_MAX_CHARS = 200
# Arrows pointing at a photo and bullets before an item, not part of the text.
LEADING_POINTERS = re.compile(r"^[⬅➡⬆⬇←→↑↓▲▼◀▶►◄■□●◆◇★☆△]+\s*")
# Blocks of a brief column that are its items, and how long an item may be.
BRIEF_ITEM_KINDS = (Kind.BODY, Kind.DATELINE)
BRIEF_ITEM_CHARS = 400


@dataclass
class Draft:
    """An article being assembled; ``blocks`` are body blocks (lists of lines)."""

    opened_as: str
    byline: Byline = field(default_factory=Byline)
    blocks: list[list[str]] = field(default_factory=list)
    group: HeadlineGroup | None = None
    closed: bool = False
    opening_blocks: int = 0
    awaiting_byline: bool = False
    titles_open: bool = False
    continued_from_elsewhere: bool = False
    awaiting_caption: bool = False

    @property
    def takes_headline(self) -> bool:
        return self.opened_as in TEXT_KINDS and self.group is None

    @property
    def transparent(self) -> bool:
        return self.opened_as == "photo"

    @property
    def text(self) -> str:
        return "".join(join_lines(block) for block in self.blocks)

    def add_body(self, lines: list[str]) -> None:
        self.titles_open = False
        self.blocks.append(lines)
        self.closed = ends_article(join_lines(lines))


def _last_text_draft(items: list) -> Draft | None:
    """The article body text may continue: the last item, looking through photos, if open."""
    for item in reversed(items):
        if isinstance(item, Draft) and item.transparent:
            continue
        if isinstance(item, Draft) and item.opened_as in TEXT_KINDS and not item.closed:
            return item
        return None
    return None


def _editor_note(items: list) -> Draft | None:
    """The open 编者按 feature still waiting for its headline and byline, if any."""
    last = _last_text_draft(items)
    return last if last is not None and last.awaiting_byline else None


def _take_caption(items: list) -> list[str] | None:
    """Remove and return the text block printed just before a photo credit (a caption is short:
    a longer block is the article's text, and the caption follows the credit)."""
    if not items or not isinstance(items[-1], Draft):
        return None
    last = items[-1]
    if last.opened_as not in TEXT_KINDS or len(last.blocks) <= last.opening_blocks:
        return None
    if len(join_lines(last.blocks[-1])) > CAPTION_MAX_CHARS:
        return None
    caption = last.blocks.pop()
    if not last.blocks and last.group is None and not last.byline.reporters and last.opened_as == "news":
        items.pop()
    return caption


def _add_title(items: list, lines: list[str]) -> None:
    note = _editor_note(items)
    target = None
    if note is not None and (note.group is None or note.titles_open):
        note.group = note.group or HeadlineGroup()
        note.titles_open = True
        target = note.group
    if target is None:
        if not (items and isinstance(items[-1], HeadlineGroup)):
            items.append(HeadlineGroup())
        target = items[-1]
    target.add_block(lines)


def _fold_subhead(items: list) -> None:
    """A single title line between two body blocks of an open feature is a section heading of it."""
    if len(items) < 2 or not isinstance(items[-1], HeadlineGroup):
        return
    group, before = items[-1], items[-2]
    if len(group.titles) + len(group.subtitles_below) != 1:
        return
    if isinstance(before, Draft) and before.opened_as == "feature" and not before.closed and before.blocks:
        items.pop()
        before.add_body([group.text])


def _awaiting_caption(items: list, lines: list[str]) -> bool:
    """Whether ``lines`` are the caption of a photo whose credit was printed before it."""
    last = items[-1] if items else None
    return isinstance(last, Draft) and last.awaiting_caption and len(join_lines(lines)) <= CAPTION_MAX_CHARS


def _close_with_byline(items: list, byline: Byline) -> None:
    """A byline ending in 文/图 printed after an article's text goes to that article; printed
    under a headline (or first on the page) it opens a feature."""
    for item in reversed(items):
        if isinstance(item, Draft) and item.transparent:
            continue
        if isinstance(item, Draft) and item.opened_as in TEXT_KINDS and item.blocks:
            _merge_byline(item.byline, byline)
            return
        break
    items.append(Draft("feature", byline=byline))


def _merge_byline(target: Byline, extra: Byline) -> None:
    for mine, theirs in (
        (target.reporters, extra.reporters),
        (target.contributors, extra.contributors),
        (target.photographers, extra.photographers),
    ):
        mine.extend(name for name in theirs if name not in mine)


def _add(items: list, block: Block) -> None:
    kind = block.kind
    if kind is Kind.BODY:
        _add_body(items, block.lines)
    elif kind is Kind.TITLE:
        _add_title(items, block.lines)
    elif kind is Kind.DATELINE:
        draft = _editor_note(items)
        if draft is not None:
            draft.byline, draft.awaiting_byline = block.byline, False
        else:
            draft = Draft("news", byline=block.byline)
            items.append(draft)
        if block.rest:
            draft.add_body(block.rest)
            draft.opening_blocks = len(draft.blocks)
    elif kind is Kind.FEATURE_BYLINE:
        note = _editor_note(items)
        if note is not None:
            note.byline, note.awaiting_byline = block.byline, False
        else:
            items.append(Draft("feature", byline=block.byline))
    elif kind is Kind.EDITOR_NOTE:
        draft = Draft("feature", awaiting_byline=True)
        if block.rest:
            draft.add_body(block.rest)
        items.append(draft)
    elif kind is Kind.COMMENTARY:
        items.append(Draft("commentary"))
    elif kind is Kind.CLOSING_BYLINE:
        _close_with_byline(items, block.byline)
    elif kind in (Kind.PHOTO_CREDIT, Kind.CAPTION):
        caption = block.rest if kind is Kind.CAPTION else _take_caption(items)
        blocks = [caption] if caption else []
        items.append(Draft("photo", byline=block.byline, blocks=blocks, awaiting_caption=not blocks))
    elif kind is Kind.TEASER:
        group = items.pop() if items and isinstance(items[-1], HeadlineGroup) else None
        items.append(Draft("teaser", blocks=[block.rest], group=group))
    elif kind is Kind.TABLE:
        cells = [cell.strip() for line in block.lines for cell in line.split("\t") if cell.strip()]
        items.append(Draft("index", blocks=[[cell] for cell in cells]))
    elif kind is Kind.AD:
        if items and isinstance(items[-1], Draft) and items[-1].opened_as == "ad":
            items[-1].blocks.append(block.lines)
        else:
            items.append(Draft("ad", blocks=[block.lines]))
    elif kind is Kind.CONTINUED:
        items.append(Draft("news", blocks=[block.lines], continued_from_elsewhere=True))


def _add_body(items: list, lines: list[str]) -> None:
    """Body text: a photo's awaited caption, else the open article's next block, else a new article."""
    if _awaiting_caption(items, lines):
        items[-1].add_body(lines)
        items[-1].awaiting_caption = False
        return
    _fold_subhead(items)
    target = _last_text_draft(items)
    if target is None:
        target = Draft("news")
        items.append(target)
    target.add_body(lines)


def _brief_items(lines: list[str]) -> list[list[str]]:
    """A block of a brief column cut into items: each bulleted line or dateline starts one;
    without any, each paragraph is an item."""
    starts = [line[:1] in BULLETS or split_dateline(line) is not None for line in lines]
    if not any(starts[1:]):
        return paragraph_lines(lines)
    result: list[list[str]] = []
    for line, start in zip(lines, starts, strict=True):
        if start or not result:
            result.append([])
        result[-1].append(line)
    return result


def _add_briefs(items: list, lines: list[str]) -> bool:
    """Add the block's items as briefs if it reads as items of a brief column; else add nothing.

    A bulleted title line is the headline of the item after it; anything else (a headline
    of its own, a long text, a byline, a photo) ends the column.
    """
    blocks = [classify(item) for item in _brief_items(lines)]
    for block in blocks:
        text = join_lines(block.lines)
        bulleted_title = block.kind is Kind.TITLE and text[:1] in BULLETS
        if not ((block.kind in BRIEF_ITEM_KINDS and len(text) <= BRIEF_ITEM_CHARS) or bulleted_title):
            return False
    for block in blocks:
        last = items[-1] if items else None
        pending = isinstance(last, Draft) and last.opened_as == "brief" and not last.blocks
        if block.kind is Kind.TITLE:
            group = HeadlineGroup()
            group.add_block([line.lstrip(BULLETS) for line in block.lines])
            items.append(Draft("brief", group=group, closed=True))
            continue
        draft = last if pending else Draft("brief", closed=True)
        if not pending:
            items.append(draft)
        draft.byline = block.byline or draft.byline
        draft.blocks.append(block.rest if block.kind is Kind.DATELINE else block.lines)
    return True


def _body_paragraphs(draft: Draft) -> tuple[list[str], str | None]:
    """The body's paragraphs without markers, and the continuation target.

    A byline printed at the end (……。（记者 林晓）) is moved to ``draft.byline``.
    """
    if draft.opened_as == "ad":
        paras = [line for block in draft.blocks for line in _ad_lines(block)]
    else:
        paras = [p for block in draft.blocks for p in paragraphs(block)]
    if paras:
        paras[0] = LEADING_POINTERS.sub("", CONTINUED_FROM.sub("", paras[0]))
    continued_to = None
    if paras:
        paras[-1], continued_to, _ = strip_end_markers(paras[-1])
        _take_trailing_byline(draft, paras)
    return [p for p in paras if p], continued_to


def _take_trailing_byline(draft: Draft, paras: list[str]) -> None:
    """Move a byline printed at the end of the last paragraph to ``draft.byline``: a 文/图
    credit always, a bracketed (记者 林晓) one when the article has no reporter yet."""
    credit = CLOSING_CREDIT.search(paras[-1])
    byline = parse_feature_byline(credit.group(1)) if credit else None
    if byline is None and not draft.byline.reporters:
        credit = TRAILING_CREDIT.search(paras[-1])
        byline = parse_credit(credit.group(1)) if credit else None
    if byline is None and not (draft.byline.reporters or draft.byline.contributors):
        credit = roleless_trailing_credit(canonical(paras[-1]))
        byline = Byline(contributors=_names_of(credit.group(1))) if credit else None
    if byline is not None:
        _merge_byline(draft.byline, byline)
        paras[-1] = paras[-1][: credit.start()]


def _names_of(credit: str) -> list[str]:
    return [name for name in re.split(r"[\s、]+", credit) if name]


def _ad_lines(lines: list[str]) -> list[str]:
    """An ad's labelled lines (电话：…, 地址：…), wrapped continuations joined to their label."""
    result: list[str] = []
    for line in lines:
        if result and "：" not in canonical(line[:6]):
            result[-1] += line
        else:
            result.append(line)
    return result


def _finish(draft: Draft, order: int) -> ParsedArticle:
    headline, subtitles = draft.group.split() if draft.group else (None, [])
    body, continued_to = _body_paragraphs(draft)
    continues = continued_to is not None or draft.continued_from_elsewhere
    return ParsedArticle(
        order=order,
        # an article without body text is dropped (``_without_empty_bodies``): its kind is never read
        kind=article_kind(draft.opened_as, headline, "".join(body), continues=continues) if body else draft.opened_as,
        headline=headline,
        subtitles=subtitles,
        paragraphs=body,
        reporters=list(draft.byline.reporters),
        contributors=list(draft.byline.contributors),
        photographers=list(draft.byline.photographers),
        continued_to=continued_to,
    )


def segment_page(text: str, deadline: Deadline = UNLIMITED) -> tuple[list[ParsedArticle], list[str]]:
    """The page's articles (not yet enriched) and warnings for the editor, in Chinese; ``deadline`` is checked
    before each block."""
    items: list = []
    in_briefs = False
    classified: dict[tuple[str, ...], Block] = {}
    for lines in page_blocks(text):
        deadline.check()
        label = column_label(lines[0])
        if label is not None:
            in_briefs, lines = label in BRIEF_COLUMNS, lines[1:]
            if not lines:
                continue
        in_briefs = in_briefs and _add_briefs(items, lines)
        if not in_briefs:
            block = _classify_once(lines, classified)
            if block.kind is not Kind.SKIP:
                _add(items, block)
    leftovers = assign_headlines(items)
    warnings = [f"标题“{group.text}”未能对应到正文，已忽略。" for group in leftovers]
    if not any(isinstance(item, Draft) for item in items):
        warnings.append("页面中没有识别出任何文章，请检查文件是否为报纸版面的文字。")
    articles = [_finish(item, 0) for item in items if isinstance(item, Draft)]
    articles = _without_empty_bodies(articles, warnings)
    for order, article in enumerate(articles, start=1):
        article.order = order
    return articles, warnings


def _classify_once(lines: list[str], classified: dict[tuple[str, ...], Block]) -> Block:
    """``classify(lines)``, a block printed again on the page classified once (``classified`` holds the page's
    blocks so far); each call returns its own copy, as drafts take a block's lists and byline and merge into them."""
    key = tuple(lines)
    block = classified.get(key)
    if block is None:
        block = classified[key] = classify(lines)
    byline = block.byline and Byline(
        list(block.byline.reporters), list(block.byline.contributors), list(block.byline.photographers)
    )
    return Block(block.kind, list(block.lines), byline=byline, rest=list(block.rest))


def _without_empty_bodies(articles: list[ParsedArticle], warnings: list[str]) -> list[ParsedArticle]:
    """``articles`` minus those without body text: their names go to the article printed next to
    them (the one before, else the one after), a headline left without text is reported."""
    kept = [a for a in articles if a.paragraphs]
    before = None
    for article in articles:
        if article.paragraphs:
            before = article
            continue
        if article.headline:
            warnings.append(f"标题“{article.headline}”下没有正文，已忽略。")
        # with none before it, the first article with text comes after it
        target = before if before is not None else next(iter(kept), None)
        if target is not None:
            for field_name in ("reporters", "contributors", "photographers"):
                names = getattr(target, field_name)
                names.extend(n for n in getattr(article, field_name) if n not in names)
    return kept
