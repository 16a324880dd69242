"""Fixtures for driving the admin as different users, and the seed pages as uploads."""
import importlib
from datetime import date
from pathlib import Path

import pytest
from django.contrib.auth.models import Group, Permission, User
from django.core.files.uploadedfile import SimpleUploadedFile

SEEDS = Path(__file__).resolve().parents[2] / "seeds"
FRONT_PAGE = "000_aa96861d60fbaec3.txt"
FRONT_PAGE_DATE = date(2016, 9, 2)
IMPORT_URL = "/admin/archive/page/import/"
EDITOR_MIGRATION = importlib.import_module("archive.migrations.0002_editor_group")


def seed_bytes(name=FRONT_PAGE):
    return (SEEDS / name).read_bytes()


def upload(name=FRONT_PAGE, data=None):
    return SimpleUploadedFile(name, seed_bytes(name) if data is None else data, content_type="text/plain")


def upload_form(*files, **fields):
    """POST data for the upload step."""
    return {"step": "upload", "files": list(files), "issue_date": FRONT_PAGE_DATE.isoformat(),
            "edition": "焦作日报", "label": "", "pasted_text": "", "pasted_name": "", **fields}


def editor_group():
    """The migration's 编辑 group. Transactional tests flush every table (post_migrate then restores
    permissions but not migration data), so after one it is recreated from the migration's own list."""
    group, created = Group.objects.get_or_create(name=EDITOR_MIGRATION.GROUP_NAME)
    if created:
        codenames = EDITOR_MIGRATION.PERMISSIONS
        group.permissions.set(Permission.objects.filter(content_type__app_label="archive", codename__in=codenames))
    return group


def create_editor():
    user = User.objects.create_user("bianji", password="pw-editor-123", is_staff=True)
    user.groups.add(editor_group())
    return user


@pytest.fixture
def editor(db):
    return create_editor()


@pytest.fixture
def editor_client(client, editor):
    client.force_login(editor)
    return client


@pytest.fixture
def plain_staff_client(client, db):
    client.force_login(User.objects.create_user("staff", password="pw-staff-123", is_staff=True))
    return client


@pytest.fixture(autouse=True)
def _own_media_root(settings, tmp_path):
    """Each test stages uploads in its own folder, so leftovers are visible and never shared."""
    settings.MEDIA_ROOT = tmp_path / "uploads"
