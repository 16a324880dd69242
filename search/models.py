"""What the search app keeps in the database: the changes its index has not taken yet."""
from django.db import models


class PendingChange(models.Model):
    """An article whose index entry is out of date (changed, added or deleted).

    Written by ``search.indexing`` inside the transaction that changes the article, so no
    commit, crash or engine outage can leave the index behind without a record of it;
    deleted once the engine has taken the article's current state. ``attempts`` and
    ``last_error`` say why a change is still waiting.
    """

    article_id = models.BigIntegerField("文章编号", db_index=True)
    created_at = models.DateTimeField("记录时间", auto_now_add=True)
    attempts = models.PositiveIntegerField("尝试次数", default=0)
    last_error = models.TextField("最近错误", blank=True)
    last_attempt_at = models.DateTimeField("最近尝试", null=True, blank=True)

    class Meta:
        verbose_name = "待更新索引"
        verbose_name_plural = "待更新索引"
        ordering = ["pk"]

    def __str__(self):
        return f"文章 {self.article_id}（尝试 {self.attempts} 次）"
