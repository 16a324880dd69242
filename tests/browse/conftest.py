import pytest

from tests.browse.sample_archive import build_sample_archive


@pytest.fixture
def archive(db):
    """The small ORM-built archive of ``tests.browse.sample_archive``."""
    return build_sample_archive()
