"""What a re-import would change in one article, for the editor's preview: an inline text diff and the other fields.

In: the stored article and the parsed one as ``archive.loading.comparable_content``. Out:
``ArticleChange``: the headline and body as runs of kept, added and removed text (long kept runs
shortened to their ends), and the names of the other fields that differ. Texts are compared
sentence by sentence (difflib over sentences), and only a replaced stretch of at most
``MAX_CHAR_DIFF`` characters is compared character by character: difflib is quadratic, and an
upload may hold a page of 256 KiB.
"""
from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field

CONTEXT = 30  # characters of unchanged text kept on each side of a change
MAX_CHAR_DIFF = 2000
_SENTENCE = re.compile(r"[^。！？!?\n]*[。！？!?\n]?")
FIELD_LABELS = {
    "kind": "类型", "subtitles": "引题/副题", "reporters": "记者", "contributors": "通讯员", "photographers": "摄影",
    "event_date": "事件日期", "continued_to": "转版", "persons": "人物及职务", "meeting": "会议活动",
    "districts": "区县",
}


@dataclass(frozen=True)
class Segment:
    """A run of text: ``op`` is "same", "added" (only in the new file) or "removed" (only in the stored article)."""

    op: str
    text: str


@dataclass
class ArticleChange:
    """One stored article against its new version; ``corrected``: an editor changed it (the import keeps theirs)."""

    title: str
    headline: list[Segment] = field(default_factory=list)  # empty when the headline is unchanged
    body: list[Segment] = field(default_factory=list)  # empty when the body is unchanged
    fields: list[str] = field(default_factory=list)  # labels of the other fields that differ
    corrected: bool = False


def sentences(text: str) -> list[str]:
    return [piece for piece in _SENTENCE.findall(text) if piece]


def inline_diff(old: str, new: str, context: int = CONTEXT) -> list[Segment]:
    """``old`` → ``new`` as segments (empty when equal); unchanged runs longer than two contexts keep their ends."""
    if old == new:
        return []
    segments: list[Segment] = []
    old_parts, new_parts = sentences(old), sentences(new)
    matcher = difflib.SequenceMatcher(None, old_parts, new_parts, autojunk=False)
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        removed, added = "".join(old_parts[i1:i2]), "".join(new_parts[j1:j2])
        if op == "equal":
            segments.append(Segment("same", removed))
        elif op == "replace" and len(removed) + len(added) <= MAX_CHAR_DIFF:
            segments.extend(_characters(removed, added))
        else:
            segments += [Segment("removed", removed)] if removed else []
            segments += [Segment("added", added)] if added else []
    return _shorten(_merge(segments), context)


def _characters(old: str, new: str) -> list[Segment]:
    matcher = difflib.SequenceMatcher(None, old, new, autojunk=False)
    segments = []
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            segments.append(Segment("same", old[i1:i2]))
            continue
        if i2 > i1:
            segments.append(Segment("removed", old[i1:i2]))
        if j2 > j1:
            segments.append(Segment("added", new[j1:j2]))
    return segments


def _merge(segments: list[Segment]) -> list[Segment]:
    merged: list[Segment] = []
    for segment in segments:
        if merged and merged[-1].op == segment.op:
            merged[-1] = Segment(segment.op, merged[-1].text + segment.text)
        else:
            merged.append(segment)
    return merged


def _shorten(segments: list[Segment], context: int) -> list[Segment]:
    """Unchanged runs cut to ``context`` characters next to each change, "…" marking what was left out."""
    shortened = []
    for number, segment in enumerate(segments):
        text = segment.text
        if segment.op == "same" and len(text) > 2 * context:
            head = text[:context] if number > 0 else ""
            tail = text[-context:] if number < len(segments) - 1 else ""
            text = f"{head}…{tail}"
        shortened.append(Segment(segment.op, text))
    return shortened


def article_change(old: dict, new: dict, title: str, corrected: bool = False) -> ArticleChange:
    """How ``new`` differs from ``old``, both ``archive.loading.comparable_content`` of an article; ``title``
    names the article for the editor."""
    return ArticleChange(
        title=title,
        headline=inline_diff(old["headline"] or "", new["headline"] or ""),
        body=inline_diff(old["body"] or "", new["body"] or ""),
        fields=[label for key, label in FIELD_LABELS.items() if old.get(key) != new.get(key)],
        corrected=corrected,
    )
