"""``django.contrib.admin``'s app config with ``archive.admin_site.ArchiveAdminSite`` as ``admin.site``.

Kept apart from ``archive.apps``: Django takes a module with two AppConfig classes as ambiguous.
"""
from django.contrib.admin.apps import AdminConfig


class ArchiveAdminConfig(AdminConfig):
    default_site = "archive.admin_site.ArchiveAdminSite"
