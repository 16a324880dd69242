"""The browse pages over the five imported seed pages (``seeded_db``): every page renders, timelines hold."""
from django.urls import reverse

from archive import queries
from archive.models import Article, District, Issue, Meeting, Person


def test_li_yibo_holds_mayor_and_deputy_secretary(client, seeded_db):
    people = Person.objects.filter(name="李亦博")
    assert people.count() == 1
    person = people.get()
    titles = {span.title for span in queries.title_timeline(person)}
    assert {"市长", "市委副书记"} <= titles
    html = client.get(person.get_absolute_url()).content.decode()
    assert '<h3 class="title">市长</h3>' in html and '<h3 class="title">市委副书记</h3>' in html


def test_every_seed_page_renders(client, seeded_db):
    """One import for all pages: the seeds take seconds to load."""
    for model in (Issue, Article, Person, Meeting, District):
        objects = list(model.objects.all())
        assert objects or model is Meeting, f"no {model.__name__} imported from the seeds"
        for obj in objects:
            response = client.get(obj.get_absolute_url())
            assert response.status_code == 200, obj.get_absolute_url()
    years = [year for year, _ in client.get(reverse("archive:date_index")).context["years"]]
    assert years == [2022, 2020, 2016, 2014]
    for year in years:
        assert client.get(reverse("archive:year_detail", args=[year])).status_code == 200
