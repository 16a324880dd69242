"""Front-page teasers (导读) become a kind of their own; ``index`` is left to contents tables (索引表格)."""
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("archive", "0006_person_pinyin")]

    operations = [
        migrations.AlterField(
            model_name="article",
            name="kind",
            field=models.CharField(
                choices=[
                    ("news", "消息"),
                    ("photo", "图片新闻"),
                    ("notice", "通知公告"),
                    ("commentary", "评论"),
                    ("feature", "通讯特写"),
                    ("brief", "简讯"),
                    ("ad", "广告"),
                    ("teaser", "导读"),
                    ("index", "索引表格"),
                ],
                default="news",
                max_length=12,
                verbose_name="类型",
            ),
        ),
    ]
