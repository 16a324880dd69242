"""A meeting is one event reported by any number of articles: ``Article.meeting`` replaces
``Meeting.article``; each existing meeting keeps the article that reported it."""
import django.db.models.deletion
from django.db import migrations, models


def link_reporting_articles(apps, schema_editor):
    Article = apps.get_model("archive", "Article")
    Meeting = apps.get_model("archive", "Meeting")
    for meeting_id, article_id in Meeting.objects.values_list("pk", "article_id").iterator():
        Article.objects.filter(pk=article_id).update(meeting_id=meeting_id)


def unlink_reporting_articles(apps, schema_editor):
    """Going back, a meeting keeps its first article; meetings reported by several lose the others' link."""
    Article = apps.get_model("archive", "Article")
    Meeting = apps.get_model("archive", "Meeting")
    for meeting in Meeting.objects.iterator():
        first = Article.objects.filter(meeting_id=meeting.pk).order_by("pk").values_list("pk", flat=True).first()
        if first is None:
            meeting.delete()
        else:
            Meeting.objects.filter(pk=meeting.pk).update(article_id=first)


class Migration(migrations.Migration):
    dependencies = [("archive", "0004_page_origin_and_article_corrections")]

    operations = [
        migrations.AlterField(
            model_name="meeting",
            name="article",
            field=models.OneToOneField(
                null=True,
                on_delete=django.db.models.deletion.CASCADE,
                related_name="+",
                to="archive.article",
                verbose_name="文章",
            ),
        ),
        migrations.AddField(
            model_name="article",
            name="meeting",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="articles",
                to="archive.meeting",
                verbose_name="会议活动",
            ),
        ),
        migrations.RunPython(link_reporting_articles, unlink_reporting_articles),
        migrations.RemoveField(model_name="meeting", name="article"),
    ]
