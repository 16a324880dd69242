"""``manage.py export_archive [--output FILE]``: every article as JSON Lines in page order (gold schema)."""
import json
from contextlib import nullcontext

from django.core.management.base import BaseCommand, CommandError

from archive.export import export_records


class Command(BaseCommand):
    help = "把全部文章导出为 JSON Lines（每行一篇，按出版日期、版别、版号、文件、版内顺序排列）。"

    def add_arguments(self, parser):
        parser.add_argument("--output", "-o", help="输出文件（默认输出到标准输出）")

    def handle(self, *args, output=None, **options):
        try:
            target = open(output, "w", encoding="utf-8") if output else nullcontext(self.stdout)  # noqa: SIM115
        except OSError as error:
            raise CommandError(f"无法写入 {output}：{error.strerror or error}") from error
        count = 0
        with target as stream:
            for record in export_records():
                stream.write(json.dumps(record, ensure_ascii=False) + "\n")
                count += 1
        if output:
            self.stderr.write(f"已导出 {count} 篇文章到 {output}")
