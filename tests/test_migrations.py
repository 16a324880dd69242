"""Data migrations keep what was stored: each meeting its article, each person a pinyin."""
from datetime import date

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

BEFORE = [("archive", "0004_page_origin_and_article_corrections")]
AFTER = [("archive", "0006_person_pinyin")]


@pytest.mark.django_db(transaction=True)
def test_meetings_keep_their_article_and_people_get_pinyin():
    executor = MigrationExecutor(connection)
    executor.migrate(BEFORE)
    old = executor.loader.project_state(BEFORE).apps
    issue = old.get_model("archive", "Issue").objects.create(date=date(2019, 3, 5))
    page = old.get_model("archive", "Page").objects.create(issue=issue, source_file="a.txt", raw_text="", sha256="0")
    Article = old.get_model("archive", "Article")
    reported, other = (
        Article.objects.create(page=page, order=n, publication_date=issue.date, headline=f"第{n}条") for n in (1, 2)
    )
    meeting = old.get_model("archive", "Meeting").objects.create(article=reported, name="座谈会")
    old.get_model("archive", "Person").objects.create(name="柏晓川")

    executor = MigrationExecutor(connection)
    executor.migrate(AFTER)
    new = executor.loader.project_state(AFTER).apps
    articles = new.get_model("archive", "Article").objects
    assert articles.get(pk=reported.pk).meeting_id == meeting.pk
    assert articles.get(pk=other.pk).meeting_id is None
    person = new.get_model("archive", "Person").objects.get()
    assert (person.pinyin, person.initials) == ("baixiaochuan", "bxc")

    executor = MigrationExecutor(connection)
    executor.migrate(BEFORE)
    back = executor.loader.project_state(BEFORE).apps
    assert back.get_model("archive", "Meeting").objects.get().article_id == reported.pk
    MigrationExecutor(connection).migrate(executor.loader.graph.leaf_nodes())
