"""What the import commands share: date checking, per-file progress and the closing summary."""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from datetime import date as Date
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from archive.loading import PageImportError, load_page
from archive.models import ImportRun, Origin
from archive.signals import changes_batched

ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


@dataclass
class PageSpec:
    """One file to import and the issue it belongs to; the file's name is its identity on the page."""

    path: Path
    date: Date
    edition: str
    paper: str
    label: str = ""

    @property
    def origin_path(self) -> str:
        """The file's path as a page version records it: relative to the project for its own seeds/."""
        path = self.path.resolve()
        return str(path.relative_to(settings.BASE_DIR)) if path.is_relative_to(settings.BASE_DIR) else str(path)


def parse_date(value: str) -> Date:
    """``value`` as a YYYY-MM-DD date, or a CommandError saying what is wrong with it.

    Whether it is an acceptable publication date is ``load_page``'s check, so a refusal is recorded per file.
    """
    if not ISO_DATE.fullmatch(value or ""):
        raise CommandError(f"日期“{value}”格式不对，应为 YYYY-MM-DD，例如 2016-09-02。")
    try:
        return Date.fromisoformat(value)
    except ValueError as error:
        raise CommandError(f"日期“{value}”不存在。") from error


def record_refusal(files: list[str], reason: str, source: str = Origin.COMMAND) -> None:
    """Record a command-line import refused before any file was loaded, as the admin records refused uploads."""
    ImportRun.objects.create(source=source, files=files, outcome=ImportRun.Outcome.FAILED, error=reason)


def refuse(files: list[str], reason: str) -> CommandError:
    """``reason`` recorded in 导入记录, as the CommandError to raise."""
    record_refusal(files, reason)
    return CommandError(reason)


@changes_batched()
def import_specs(
    command: BaseCommand, specs: list[PageSpec], *, force: bool = False, source: str = Origin.COMMAND
) -> Counter:
    """Import each file in its own transaction, report progress, and fail (non-zero exit) if any file failed.

    ``force`` re-parses unchanged files and lets a file delete articles editors corrected. Each page
    version records ``source`` and the file's path (``PageSpec.origin_path``). The search index takes all
    the files' changes in one commit, at the end.
    """
    outcomes, failures = Counter(), []
    articles = 0
    for number, spec in enumerate(specs, 1):
        prefix = f"[{number}/{len(specs)}] {spec.path.name}"
        try:
            data = spec.path.read_bytes()
        except OSError as error:
            reason = f"无法读取文件（{error.strerror or error}）"
            record_refusal([str(spec.path)], reason, source)
            failures.append(f"{spec.path}：{reason}")
            command.stderr.write(f"{prefix}：失败，{reason}")
            continue
        try:
            result = load_page(
                data,
                source_file=spec.path.name,
                date=spec.date,
                edition=spec.edition,
                paper=spec.paper,
                label=spec.label,
                force=force,
                discard_corrections=force,
                source=source,
                origin_path=spec.origin_path,
            )
        except PageImportError as error:
            failures.append(str(error))
            command.stderr.write(f"{prefix}：失败，{str(error).split('：', 1)[-1]}")
            continue
        outcomes[result.outcome] += 1
        articles += result.counts["articles"]
        command.stdout.write(f"{prefix}：{_describe(result)}")
        for warning in result.warnings:
            command.stdout.write(f"    注意：{warning}")
    command.stdout.write(
        f"共 {len(specs)} 个文件：导入 {outcomes['imported']} 个，未变化跳过 {outcomes['unchanged']} 个，"
        f"失败 {len(failures)} 个；涉及文章 {articles} 篇。"
    )
    if failures:
        raise CommandError("以下文件导入失败：\n" + "\n".join(failures))
    return outcomes


def _describe(result) -> str:
    counts = result.counts
    summary = (
        f"文章 {counts['articles']} 篇，人物 {counts['people']} 人（提及 {counts['mentions']} 次），"
        f"会议活动 {counts['meetings']} 个，区县 {counts['districts']} 个"
    )
    if result.unchanged:
        return f"未变化，已跳过（{summary}）"
    diff = result.diff
    return f"已导入：{summary}；新增 {len(diff.added)} 篇，修改 {len(diff.changed)} 篇，删除 {len(diff.removed)} 篇"
