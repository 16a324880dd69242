"""``manage.py import_pages FILE... --date YYYY-MM-DD``: import page files of one issue, each atomically."""
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from archive.loading import DEFAULT_PAPER
from archive.management.page_import import PageSpec, import_specs, parse_date, refuse


class Command(BaseCommand):
    help = "导入同一期的版面文本文件（UTF-8 或 GBK）；每个文件单独提交，未变化的文件跳过。"

    def add_arguments(self, parser):
        parser.add_argument("files", nargs="+", metavar="FILE", help="版面文本文件")
        parser.add_argument("--date", required=True, help="出版日期，格式 YYYY-MM-DD")
        parser.add_argument("--edition", default=DEFAULT_PAPER, help=f"版别（默认：{DEFAULT_PAPER}）")
        parser.add_argument("--paper", default=DEFAULT_PAPER, help=f"报纸（默认：{DEFAULT_PAPER}）")
        parser.add_argument("--page", default="", help="版号，如 A01（只能用于单个文件）")
        parser.add_argument("--force", action="store_true", help="即使文件未变化也重新解析导入")

    def handle(self, *args, files, date, edition, paper, page, force, **options):
        try:
            issue_date = parse_date(date)
        except CommandError as error:
            raise refuse(files, str(error)) from error
        if page and len(files) > 1:
            raise refuse(files, "--page 只能用于单个文件；多个文件请分别导入。")
        if not edition.strip():
            raise refuse(files, "--edition 不能为空。")
        paths = [Path(f) for f in files]
        names = [path.name for path in paths]
        if len(set(names)) < len(names):
            repeated = sorted({name for name in names if names.count(name) > 1})
            raise refuse(files, f"文件名重复：{'、'.join(repeated)}。同一期里文件名标识版面，请分别导入或改名。")
        specs = [PageSpec(path, issue_date, edition.strip(), paper, page.strip()) for path in paths]
        import_specs(self, specs, force=force)
