"""``manage.py import_seeds``: import the seed pages listed in ``seeds/manifest.json``; safe to re-run.

A page whose current version did not come from its seed file (an editor's corrected upload, another
file given to ``import_pages``, or a version from before origins were recorded whose text differs from
the seed) is left alone and the skip is recorded, unless ``--force``.
"""
import hashlib
import json

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from archive.ingest.decode import PageDecodeError, decode_page
from archive.loading import page_counts
from archive.management.page_import import PageSpec, import_specs, parse_date
from archive.models import ImportRun, Origin, Page

SEEDS_DIR = settings.BASE_DIR / "seeds"


class Command(BaseCommand):
    help = (
        "导入 seeds/manifest.json 中列出的种子版面（已导入且未变化的文件跳过；"
        "已被编辑或其他文件更新的版面保留不覆盖）。"
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--force", action="store_true",
            help="即使文件未变化也重新解析导入，并覆盖编辑或其他文件导入的版本（会丢弃编辑的修改）",
        )

    def handle(self, *args, force=False, **options):
        specs = seed_specs()
        if not force:
            specs = [spec for spec in specs if not self.keep_other_version(spec)]
        import_specs(self, specs, force=force, source=Origin.SEED)

    def keep_other_version(self, spec: PageSpec) -> bool:
        """Whether the stored page is a version from elsewhere that this seed must not replace (recorded if so)."""
        page = (
            Page.objects.filter(
                issue__paper=spec.paper, issue__edition=spec.edition, issue__date=spec.date,
                source_file=spec.path.name,
            )
            .select_related("imported_by")
            .first()
        )
        if page is None or (page.origin == Origin.SEED and page.origin_path == spec.origin_path):
            return False
        if not page.origin and page.sha256 == seed_sha256(spec):
            return False
        reason = f"现有版本来自{describe_origin(page)}，保留不覆盖（如需以种子文件覆盖，请加 --force）。"
        ImportRun.objects.create(
            source=Origin.SEED, files=[spec.path.name], outcome=ImportRun.Outcome.KEPT,
            counts=page_counts(page), error=reason,
        )
        self.stdout.write(f"{spec.path.name}：{reason}")
        return True


def describe_origin(page: Page) -> str:
    """Where the page's current version came from, for the editor: 管理后台（编辑 bianji） etc."""
    if not page.origin:
        return "早先的导入（来源未记录，内容与种子文件不同）"
    details = [f"编辑 {page.imported_by.get_username()}"] if page.imported_by else []
    if page.origin_path:
        details.append(page.origin_path)
    described = page.get_origin_display()
    return f"{described}（{'，'.join(details)}）" if details else described


def seed_sha256(spec: PageSpec) -> str | None:
    """The digest ``load_page`` would store for the seed file, or None when it cannot be read."""
    try:
        text = decode_page(spec.path.read_bytes(), max_bytes=settings.ARCHIVE_MAX_UPLOAD_BYTES).text
    except (OSError, PageDecodeError):
        return None
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


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
