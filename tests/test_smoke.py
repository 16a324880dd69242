import pytest

from archive.models import District


@pytest.mark.django_db
def test_districts_seeded_by_migrate():
    assert District.objects.count() == 11
    assert District.objects.get(slug="shifanqu").aliases.filter(name="高新区").exists()
