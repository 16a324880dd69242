"""Bare names linked across the archive (``archive.linking``), through real page loads on the test database.

The parse is fixed (``fixed_parse``) so the rules are tested apart from how well the importer reads
names today; the names are invented.
"""
import io
import random
from datetime import date, timedelta

import pytest
from django.core.management import call_command

from archive import linking
from archive.ingest.records import MeetingRecord, PersonMention
from archive.linking import HELD_NOTE, WINDOW, link_names
from archive.models import Article, Meeting, Mention, Person
from tests.test_loading import article, fixed_parse, load, page_of, sent  # noqa: F401  (fixtures)

pytestmark = pytest.mark.django_db
Link = Mention.Link


@pytest.fixture
def load_on(fixed_parse):  # noqa: F811
    """Load a one-article page ``source`` published on ``day`` naming ``mentions``; returns the LoadResult."""

    def load_article(day, source, *mentions, meeting=None):
        fixed_parse.page = page_of(article(1, f"{source}标题", f"{source}正文。", mentions, meeting=meeting))
        text = f"{source}版面：" + "、".join(m.name + "".join(m.titles) for m in mentions)
        return load(text.encode(), source_file=f"{source}.txt", date=day)

    return load_article


def titled(name, *titles):
    return PersonMention(name, list(titles), kind="official")


def bare(name):
    return PersonMention(name, [])


def mention_in(source):
    return Mention.objects.select_related("person").get(article__body=f"{source}正文。")


def test_a_unique_official_near_the_date_gets_the_bare_name_with_the_title_held_then(load_on):
    load_on(date(2017, 3, 1), "a", titled("蔺书衡", "副县长"))
    load_on(date(2018, 9, 1), "b", titled("蔺书衡", "县长"))
    load_on(date(2018, 6, 1), "c", bare("蔺书衡"))
    official = Person.objects.get(name="蔺书衡", kind=Person.Kind.OFFICIAL)
    linked = mention_in("c")
    assert (linked.person, linked.link, linked.linked_titles, linked.titles) == (official, Link.INFERRED, ["县长"], [])
    assert Person.objects.filter(name="蔺书衡").count() == 1


def test_a_later_titled_report_links_an_earlier_bare_name_and_the_index_hears_of_it(load_on, sent):  # noqa: F811
    load_on(date(2019, 5, 1), "a", bare("蔺书衡"))
    assert mention_in("a").link == Link.NONE and mention_in("a").person.kind == Person.Kind.OTHER
    sent.clear()
    load_on(date(2019, 8, 1), "b", titled("蔺书衡", "镇党委书记"))
    linked = mention_in("a")
    assert (linked.link, linked.linked_titles, linked.person.kind) == (Link.INFERRED, ["镇党委书记"], "official")
    assert linked.article_id in sent[-1]["changed"]


def test_a_person_who_becomes_an_official_elsewhere_is_reindexed_where_named_before(load_on, sent):  # noqa: F811
    load_on(date(2019, 5, 1), "a", PersonMention("蔺书衡", ["村民"], kind="other"))
    assert mention_in("a").person.kind == Person.Kind.OTHER
    sent.clear()
    load_on(date(2019, 8, 1), "b", titled("蔺书衡", "镇党委书记"))
    earlier = mention_in("a")
    assert (earlier.person.kind, earlier.link, earlier.titles) == (Person.Kind.OFFICIAL, Link.NONE, ["村民"])
    assert earlier.article_id in sent[-1]["changed"]


def test_two_officials_of_one_name_near_the_date_leave_it_unlinked_and_listed(load_on):
    load_on(date(2015, 1, 10), "a", titled("蔺书衡", "副市长"))
    first = Person.objects.get(name="蔺书衡")
    second = Person.objects.create(name="蔺书衡", note="武陟县", kind=Person.Kind.OFFICIAL)
    load_on(date(2015, 2, 1), "b", bare("沈禾"))
    Mention.objects.create(article=Article.objects.get(body="b正文。"), person=second, titles=["乡长"], position=1)

    result = load_on(date(2015, 3, 1), "c", bare("蔺书衡"))
    held = mention_in("c")
    assert held.link == Link.AMBIGUOUS and held.person not in (first, second)
    assert (held.person.note, held.person.kind) == (HELD_NOTE, Person.Kind.OTHER)
    assert set(held.candidates.all()) == {first, second}
    assert held.pk in Mention.objects.filter(link__in=Mention.UNDECIDED_LINKS).values_list("pk", flat=True)
    assert any("蔺书衡" in w and "待核对" in w for w in result.warnings)


def test_an_official_only_outside_the_window_leaves_the_bare_name_unlinked(load_on):
    load_on(date(2012, 4, 1), "a", titled("蔺书衡", "局长"))
    load_on(date(2012, 5, 1), "b", titled("蔺书衡", "局长"))
    official = Person.objects.get(name="蔺书衡")
    day = date(2012, 5, 1) + WINDOW + WINDOW
    load_on(day, "c", bare("蔺书衡"))
    held = mention_in("c")
    assert held.link == Link.OUTSIDE and held.person != official and held.person.kind == Person.Kind.OTHER
    assert list(held.candidates.all()) == [official]
    assert not official.mentions.filter(article__body="c正文。").exists()


def test_the_window_edge_is_inclusive(load_on):
    load_on(date(2012, 4, 1), "a", titled("蔺书衡", "局长"))
    load_on(date(2012, 4, 1) + WINDOW, "b", bare("蔺书衡"))
    assert mention_in("b").link == Link.INFERRED


def test_a_name_no_official_bears_is_left_as_it_was(load_on):
    load_on(date(2016, 1, 1), "a", bare("沈禾"))
    mention = mention_in("a")
    assert (mention.link, mention.person.note, mention.person.kind) == (Link.NONE, "", Person.Kind.OTHER)


def test_linking_again_changes_nothing(load_on):
    load_on(date(2015, 1, 10), "a", titled("蔺书衡", "副市长"))
    Person.objects.create(name="蔺书衡", note="武陟县", kind=Person.Kind.OFFICIAL)
    load_on(date(2015, 3, 1), "b", bare("蔺书衡"))
    load_on(date(2011, 3, 1), "c", bare("蔺书衡"))
    load_on(date(2015, 6, 1), "d", bare("沈禾"))
    before = list(Mention.objects.order_by("pk").values_list("pk", "person", "link", "linked_titles"))
    people = list(Person.objects.order_by("pk").values_list("pk", "name", "note"))

    result = link_names()
    assert result.changed_articles == set()
    assert sorted(link for _, _, link in result.decided) == [Link.INFERRED, Link.OUTSIDE]
    call_command("link_people", stdout=io.StringIO())
    assert list(Mention.objects.order_by("pk").values_list("pk", "person", "link", "linked_titles")) == before
    assert list(Person.objects.order_by("pk").values_list("pk", "name", "note")) == people


def test_a_reimport_that_drops_the_titled_report_unlinks_the_bare_name_elsewhere(load_on):
    load_on(date(2016, 1, 1), "a", titled("蔺书衡", "副县长"))
    load_on(date(2016, 2, 1), "b", bare("蔺书衡"))
    assert (mention_in("b").link, mention_in("b").linked_titles) == (Link.INFERRED, ["副县长"])
    load_on(date(2016, 1, 1), "a", bare("沈禾"))
    assert (mention_in("b").link, mention_in("b").linked_titles) == (Link.NONE, [])


def test_meeting_roles_follow_the_link(load_on):
    load_on(date(2020, 5, 1), "a", titled("蔺书衡", "区长"))
    official = Person.objects.get(name="蔺书衡")
    meeting = MeetingRecord("防汛工作会议", date(2020, 5, 20), presided_by=["蔺书衡"])
    load_on(date(2020, 5, 21), "b", bare("蔺书衡"), meeting=meeting)
    assert mention_in("b").person == official
    assert list(Meeting.objects.get().presided_by.all()) == [official]


def test_confirming_moves_the_mention_for_good(load_on):
    load_on(date(2015, 1, 10), "a", titled("蔺书衡", "副市长"))
    load_on(date(2015, 3, 1), "c", bare("蔺书衡"))
    second = Person.objects.create(name="蔺书衡", note="武陟县", kind=Person.Kind.OFFICIAL)
    Mention.objects.create(article=Article.objects.get(body="a正文。"), person=second, titles=["乡长"], position=5)
    link_names(["蔺书衡"])
    assert mention_in("c").link == Link.AMBIGUOUS

    linking.confirm_link(mention_in("c"), second)
    confirmed = mention_in("c")
    assert (confirmed.person, confirmed.link, confirmed.linked_titles) == (second, Link.CONFIRMED, ["乡长"])
    assert not confirmed.candidates.exists() and confirmed.article.corrected_at is not None
    assert not Person.objects.filter(note=HELD_NOTE).exists()
    link_names()
    assert mention_in("c").person == second


@pytest.mark.parametrize("order", range(3))
def test_linking_page_by_page_agrees_with_linking_the_whole_archive(load_on, order):
    """Loads in random order of dates over ten years: what each load decided within the window of its
    date is what deciding every name afresh decides."""
    rng = random.Random(order)
    days = [date(2010, 1, 1) + timedelta(days=rng.randrange(3650)) for _ in range(14)]
    for number, day in enumerate(days):
        mentions = [titled(name, rng.choice(["副县长", "县长"])) if rng.random() < 0.4 else bare(name)
                    for name in rng.sample(["蔺书衡", "沈禾", "欧阳靖"], 2)]
        load_on(day, f"p{number}", *mentions)
        if number == 5:  # an editor splits off a namesake official, then relinks the name
            namesake = Person.objects.create(name="蔺书衡", note="另一人", kind=Person.Kind.OFFICIAL)
            first = Article.objects.get(body="p0正文。")
            Mention.objects.create(article=first, person=namesake, titles=["乡长"], position=9)
            link_names(["蔺书衡"])
    assert Mention.objects.exclude(link=Link.NONE).exists()
    assert link_names().changed_articles == set()
