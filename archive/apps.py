from django.apps import AppConfig
from django.db.models.signals import post_migrate


class ArchiveConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "archive"
    verbose_name = "报纸档案"

    def ready(self):
        from archive.districts import sync_districts

        post_migrate.connect(sync_districts, sender=self)
