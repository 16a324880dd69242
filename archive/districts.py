"""Keeps the District tables in step with the importer's gazetteer, and back.

``sync_districts`` adds units and place names the bundled gazetteer knows but
the database lacks (never overwriting an editor's change); ``gazetteer_from_db``
builds the importer's gazetteer from the tables, so edited aliases take effect.
"""
from archive.ingest.gazetteer import ALIASES, COUNTIES, TOWNS, Gazetteer


def sync_districts(**kwargs):
    from archive.models import District, DistrictAlias

    by_name = {}
    for position, (name, slug) in enumerate(COUNTIES):
        by_name[name], _ = District.objects.get_or_create(name=name, defaults={"slug": slug, "position": position})
    for kind, names in ((DistrictAlias.Kind.ALIAS, ALIASES), (DistrictAlias.Kind.TOWN, TOWNS)):
        for alias, county in names.items():
            DistrictAlias.objects.get_or_create(name=alias, defaults={"district": by_name[county], "kind": kind})


def gazetteer_from_db():
    from archive.models import District, DistrictAlias

    counties = tuple(District.objects.values_list("name", flat=True))
    places = {name: name for name in counties}
    places.update(DistrictAlias.objects.values_list("name", "district__name"))
    return Gazetteer(counties=counties, places=places)
