"""A time budget for parsing: a deadline the importer checks between its stages.

A web request must finish well inside the server's timeout whatever page it is given,
and a command should not hang on a hostile file. The importer is linear in the page's
length (``benchmarks/parse_worst_case.py``), and ``Deadline.check`` is called between
blocks, articles and stages, so it stops within one stage of one article once the
budget is spent, raising ``ParseBudgetExceeded``. Nothing is written while parsing, so
stopping leaves nothing half done; no signal or thread is involved.

The budget counts the process's CPU time, not the wall clock: it measures what the page
costs, so a normal page is never refused because the machine is busy with other work.
"""
from __future__ import annotations

import time


class ParseBudgetExceeded(Exception):
    """Parsing took longer than its budget; ``str(error)`` is the editor's message (Chinese)."""


class Deadline:
    """When parsing must stop: after ``seconds`` more of this process's CPU time (never, for None)."""

    def __init__(self, seconds: float | None):
        self.seconds = seconds
        self.at = None if seconds is None else time.process_time() + seconds

    def check(self) -> None:
        """Raise ParseBudgetExceeded once the budget is spent."""
        if self.at is not None and time.process_time() > self.at:
            raise ParseBudgetExceeded(
                f"解析超过了 {self.seconds:g} 秒的时间上限，已停止，未保存任何内容。"
                "请确认文件是报纸版面的文字；过长的文件请拆分后再导入。"
            )


UNLIMITED = Deadline(None)
