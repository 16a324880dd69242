"""Person.kind (official / other) and Article.event_date_precision (day / month / approximate).

People already in the archive become officials when a mention states a party or government
post for them; existing event dates were all read from a stated day.
"""
from django.db import migrations, models

from archive.ingest.titles import is_official_title


def classify_existing(apps, schema_editor):
    Person = apps.get_model("archive", "Person")
    Mention = apps.get_model("archive", "Mention")
    Article = apps.get_model("archive", "Article")
    officials = {
        person_id
        for person_id, titles in Mention.objects.values_list("person_id", "titles").iterator()
        if any(map(is_official_title, titles or []))
    }
    Person.objects.filter(pk__in=officials).update(kind="official")
    Article.objects.exclude(event_date=None).update(event_date_precision="day")


class Migration(migrations.Migration):

    dependencies = [
        ('archive', '0002_editor_group'),
    ]

    operations = [
        migrations.AddField(
            model_name='article',
            name='event_date_precision',
            field=models.CharField(blank=True, choices=[('day', '确切日期'), ('month', '月份'), ('approximate', '大致日期（日前、近日、上周）')], help_text='确切日期：文中写明某日；月份：只写到月；大致日期：日前、近日、上周等，按出版日期估算', max_length=12, verbose_name='事件日期精度'),
        ),
        migrations.AddField(
            model_name='person',
            name='kind',
            field=models.CharField(choices=[('official', '官员'), ('other', '其他人物')], db_index=True, default='other', max_length=10, verbose_name='类别'),
        ),
        migrations.RunPython(classify_existing, migrations.RunPython.noop),
    ]
