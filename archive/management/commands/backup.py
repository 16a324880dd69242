"""``manage.py backup [--output FILE]``: a consistent backup of the database, taken while the site runs."""
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from archive.backups import SUFFIXES, BackupError, backup_database, database_kind


class Command(BaseCommand):
    help = "备份整个数据库（SQLite 用在线备份，PostgreSQL 用 pg_dump -Fc）；网站运行时也可备份。"

    def add_arguments(self, parser):
        parser.add_argument(
            "--output", "-o", help="备份文件（默认：数据目录下 backups/archive-日期时间.sqlite3 或 .pgdump）"
        )

    def handle(self, *args, output=None, **options):
        try:
            kind = database_kind()
            path = Path(output) if output else default_path(kind)
            backup_database(path)
        except BackupError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(f"已备份到 {path}（{path.stat().st_size / 1024 / 1024:.1f} MB）")


def default_path(kind: str) -> Path:
    """``ARCHIVE_DATA_DIR/backups/archive-YYYYmmdd-HHMMSS`` with the kind's suffix, in local time."""
    stamp = timezone.localtime().strftime("%Y%m%d-%H%M%S")
    return Path(settings.DATA_DIR) / "backups" / f"archive-{stamp}{SUFFIXES[kind]}"
