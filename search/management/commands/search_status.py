"""``manage.py search_status [--repair] [--json]``: the search index against the database.

Prints the engine, articles in the database and in the index, those missing from or
extra in the index, and the changes still pending (with the last error). Exit status:
0 consistent, 1 the index lags (monitoring alerts on it), 2 the engine cannot be reached.
``--repair`` rebuilds an index of another schema, applies pending changes, indexes what is
missing and removes what is extra (so it also fills a new, empty index).
"""
import json as json_module

from django.core.management.base import BaseCommand

from search import indexing

LAGGING, UNREACHABLE = 1, 2


class Command(BaseCommand):
    help = "Compare the search index with the database; --repair brings it up to date."

    def add_arguments(self, parser):
        parser.add_argument("--repair", action="store_true", help="apply pending changes and fix differences")
        parser.add_argument("--json", action="store_true", help="print the report as JSON")

    def handle(self, *args, repair=False, json=False, **options):
        try:
            found = indexing.repair() if repair else indexing.report()
        except Exception as error:  # any engine failure: connection refused, timeouts, a broken index
            self.stderr.write(f"搜索引擎无法访问：{type(error).__name__}: {error}")
            raise SystemExit(UNREACHABLE) from error
        if json:
            self.stdout.write(_dumps(found.as_json()))
        else:
            self.stdout.write(self.describe(found))
        if not found.consistent:
            raise SystemExit(LAGGING)

    def describe(self, found):
        lines = [
            f"引擎：{found.engine}",
            f"数据库文章：{found.database}",
            f"索引文档：{found.indexed}",
            f"索引缺少：{len(found.missing)}" + (f"（如 {found.missing[:5]}）" if found.missing else ""),
            f"索引多出：{len(found.extra)}" + (f"（如 {found.extra[:5]}）" if found.extra else ""),
            f"待更新：{found.pending}（其中失败过 {found.failing}）",
        ]
        if found.oldest_pending:
            lines.append(f"最早待更新：{found.oldest_pending:%Y-%m-%d %H:%M:%S}")
        if found.last_error:
            lines.append(f"最近错误：{found.last_error}")
        if found.outdated:
            lines.append("索引结构：已过时，需要重建（--repair 会重建）")
        lines.append("状态：一致" if found.consistent else "状态：索引落后于数据库")
        return "\n".join(lines)


def _dumps(value):
    return json_module.dumps(value, ensure_ascii=False)
