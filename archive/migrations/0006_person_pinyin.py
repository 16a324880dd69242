"""``Person.pinyin`` and ``Person.initials`` for pinyin search of the people list, filled for everyone."""
from django.db import migrations, models

from archive.pinyin import name_pinyin

BATCH = 1000


def fill_pinyin(apps, schema_editor):
    Person = apps.get_model("archive", "Person")
    batch = []
    for person in Person.objects.only("pk", "name").iterator(chunk_size=BATCH):
        person.pinyin, person.initials = name_pinyin(person.name)
        batch.append(person)
        if len(batch) == BATCH:
            Person.objects.bulk_update(batch, ["pinyin", "initials"])
            batch = []
    Person.objects.bulk_update(batch, ["pinyin", "initials"])


class Migration(migrations.Migration):
    dependencies = [("archive", "0005_meeting_articles")]

    operations = [
        migrations.AddField(
            model_name="person",
            name="pinyin",
            field=models.CharField(blank=True, db_index=True, editable=False, max_length=120, verbose_name="姓名拼音"),
        ),
        migrations.AddField(
            model_name="person",
            name="initials",
            field=models.CharField(blank=True, db_index=True, editable=False, max_length=20, verbose_name="拼音首字母"),
        ),
        migrations.RunPython(fill_pinyin, migrations.RunPython.noop),
    ]
