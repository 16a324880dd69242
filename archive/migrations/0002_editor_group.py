"""Create the "编辑" (editor) group with exactly the permissions the import and correction workflow needs.

Editors import pages (add/change page), correct articles, people, meetings and
district aliases (add/change), remove wrong mentions (delete mention) and read
the import audit trail (view importrun). They cannot delete pages, articles or
people directly, nor edit the audit trail; merging people (which deletes the
duplicate) is a correction guarded by change_person.
"""
from django.contrib.auth.management import create_permissions
from django.db import migrations

GROUP_NAME = "编辑"
PERMISSIONS = (
    "add_page",
    "change_page",
    "add_article",
    "change_article",
    "add_mention",
    "change_mention",
    "delete_mention",
    "add_person",
    "change_person",
    "add_meeting",
    "change_meeting",
    "add_districtalias",
    "change_districtalias",
    "view_importrun",
)


def create_editor_group(apps, schema_editor):
    archive = apps.get_app_config("archive")
    archive.models_module = True
    create_permissions(archive, apps=apps, verbosity=0)
    archive.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group, _ = Group.objects.get_or_create(name=GROUP_NAME)
    permissions = Permission.objects.filter(content_type__app_label="archive", codename__in=PERMISSIONS)
    if permissions.count() != len(PERMISSIONS):
        raise RuntimeError("archive permissions missing; cannot create the editor group")
    group.permissions.set(permissions)


def delete_editor_group(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name=GROUP_NAME).delete()


class Migration(migrations.Migration):

    dependencies = [
        ("archive", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [
        migrations.RunPython(create_editor_group, delete_editor_group),
    ]
