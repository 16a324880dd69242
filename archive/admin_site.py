"""The admin site: every ModelAdmin registered on it (ours, Django's auth, django-axes') gets the same
guard, so a number in the address too large for the database is an invalid filter, not a 500."""
from django.contrib import admin
from django.contrib.admin.options import IncorrectLookupParameters


class OverflowSafeChangeList:
    """Admin mixin: SQLite refuses integers beyond 64 bits with OverflowError while the change list
    counts its rows (``?page=999…``); the admin then shows its own “invalid filter” notice instead."""

    def get_changelist_instance(self, request):
        try:
            return super().get_changelist_instance(request)
        except OverflowError as error:
            raise IncorrectLookupParameters(error) from error


class ArchiveAdminSite(admin.AdminSite):
    site_header = "焦作新闻档案 管理"
    site_title = "焦作新闻档案"
    index_title = "编辑工作台"
    # The app list beside every change list left its Chinese columns a few characters wide; the index and
    # the breadcrumbs lead to the same places.
    enable_nav_sidebar = False

    def register(self, model_or_iterable, admin_class=None, **options):
        base = admin_class or admin.ModelAdmin
        guarded = type(base.__name__, (OverflowSafeChangeList, base), {"__module__": base.__module__})
        super().register(model_or_iterable, guarded, **options)
