"""People the archive knows, recognised where a new page names them bare (``archive.loading.known_people``), through
real page loads on the test database; the names are invented."""
from datetime import date

import pytest

from archive.ingest.records import PersonMention
from archive.loading import KNOWN_IN_ARTICLES, known_people, load_page
from archive.models import Mention, Person
from tests.test_loading import article, fixed_parse, page_of  # noqa: F401  (fixtures)

pytestmark = pytest.mark.django_db
DAY = date(2018, 6, 1)


def load_text(text, source, day=DAY):
    return load_page(f"本报讯 {text}".encode(), source_file=f"{source}.txt", date=day)


def mentions_in(source):
    return list(Mention.objects.filter(article__page__source_file=f"{source}.txt").select_related("person"))


def test_a_bare_name_of_a_known_official_is_recognised_and_linked_to_them():
    load_text("副县长何军到企业调研，要求抓好安全生产。", "titled")
    official = Person.objects.get(name="何军")
    assert official.kind == Person.Kind.OFFICIAL
    load_text("这项工作由何军负责，群众很满意。", "bare", date(2018, 9, 1))
    (mention,) = mentions_in("bare")
    assert (mention.person, mention.titles, mention.link, mention.linked_titles) == (
        official, [], Mention.Link.INFERRED, ["副县长"]
    )


def test_a_known_name_inside_a_longer_word_is_no_mention():
    load_text("副县长何军到企业调研，要求抓好安全生产。", "titled")
    load_text("任何军事行动都要慎重，群众很满意。", "inside")
    assert mentions_in("inside") == []


def test_a_bare_name_nobody_in_the_archive_bears_is_not_read():
    load_text("这项工作由何军负责，群众很满意。", "bare")
    assert mentions_in("bare") == []


def test_officials_and_people_named_often_are_known(fixed_parse):  # noqa: F811
    def named(source, *persons):
        fixed_parse.page = page_of(article(1, f"{source}标题", f"{source}正文。", persons))
        load_page(f"{source}版面".encode(), source_file=f"{source}.txt", date=DAY)

    named("a", PersonMention("何军", ["副县长"], kind="official"), PersonMention("林立新", []))
    for index in range(1, KNOWN_IN_ARTICLES):
        named(f"b{index}", PersonMention("林立新", []), PersonMention("孙明远", []))
    assert known_people() == {"何军", "林立新"}
