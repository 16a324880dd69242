"""``manage.py link_people``: decide again every bare name in the archive (``archive.linking``); safe to re-run.

Each page import already decides the names on its page; this re-runs the rules over the whole
archive, e.g. after editors merged or split people or after the rules changed. A second run
changes nothing. The search index follows the articles whose mentions changed.
"""
from collections import Counter

from django.core.management.base import BaseCommand
from django.db import transaction

from archive.corrections import announce_changed
from archive.linking import link_names
from archive.models import Mention


class Command(BaseCommand):
    help = "按前后两年内的署职务报道，重新把全档案中未写职务的人名关联到同名官员；不确定的列入待核对人物。"

    def handle(self, *args, **options):
        with transaction.atomic():
            result = link_names()
            announce_changed(result.relinked_articles)
        counts = Counter(link for _, _, link in result.decided)
        labels = dict(Mention.Link.choices)
        summary = "，".join(f"{labels[link]} {counts[link]}" for link in Mention.Link.values if counts[link])
        self.stdout.write(
            f"已检查 {len(result.decided)} 处未写职务的人名（{summary or '无'}），"
            f"{len(result.changed_articles)} 篇文章的人物关联有变化。"
        )
