"""``manage.py import_seeds``: import the seed pages listed in ``seeds/manifest.json``; safe to re-run."""
import json

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from archive.management.page_import import PageSpec, import_specs, parse_date

SEEDS_DIR = settings.BASE_DIR / "seeds"


class Command(BaseCommand):
    help = "导入 seeds/manifest.json 中列出的种子版面（已导入且未变化的文件会跳过）。"

    def add_arguments(self, parser):
        parser.add_argument("--force", action="store_true", help="即使文件未变化也重新解析导入")

    def handle(self, *args, force=False, **options):
        import_specs(self, seed_specs(), force=force)


def seed_specs() -> list[PageSpec]:
    """The manifest's pages, in manifest order; a null page label becomes ""."""
    try:
        manifest = json.loads((SEEDS_DIR / "manifest.json").read_text(encoding="utf-8"))
        paper = manifest.get("paper", "焦作日报")
        return [
            PageSpec(
                path=SEEDS_DIR / entry["file"],
                date=parse_date(entry["date"]),
                edition=entry.get("edition") or paper,
                paper=paper,
                label=entry.get("page") or "",
            )
            for entry in manifest["pages"]
        ]
    except (OSError, ValueError, KeyError, TypeError) as error:
        raise CommandError(f"无法读取种子清单 seeds/manifest.json：{error}") from error
