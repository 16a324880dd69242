"""``manage.py restore FILE``: replace the database with a backup made by ``manage.py backup``.

The file is checked first (a backup of this archive, of the current database's kind);
afterwards pending migrations are applied (a backup may predate them) and the search
index is rebuilt so that it shows the restored articles and no others. The rebuild is one
batch of changes (``changes_batched``), so at its end the search index also applies the
changes the backup still had queued for it, and ``search_status`` finds it consistent.
"""
from pathlib import Path

from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError

from archive.backups import BackupError, check_backup, restore_database
from archive.models import Article, Person
from archive.signals import changes_batched


class Command(BaseCommand):
    help = "用 manage.py backup 生成的备份替换整个数据库，然后重建搜索索引。"

    def add_arguments(self, parser):
        parser.add_argument("file", metavar="FILE", help="备份文件")
        parser.add_argument("--noinput", "--no-input", action="store_false", dest="interactive",
                            help="不询问确认")

    def handle(self, *args, file, interactive=True, **options):
        path = Path(file)
        try:
            kind = check_backup(path)
            if interactive and not self._confirmed(path):
                raise CommandError("已取消，数据库未改动。")
            restore_database(path, kind)
        except BackupError as error:
            raise CommandError(str(error)) from error
        call_command("migrate", interactive=False, verbosity=0)
        with changes_batched():
            call_command("rebuild_index", interactive=False, verbosity=0)
        self.stdout.write(
            f"已从 {path} 恢复：文章 {Article.objects.count()} 篇，人物 {Person.objects.count()} 人；搜索索引已重建。"
        )

    def _confirmed(self, path: Path) -> bool:
        try:
            answer = input(f"将用 {path} 替换当前数据库的全部内容，此操作不可撤销。输入 yes 继续：")
        except EOFError:
            return False
        return answer.strip().lower() == "yes"
