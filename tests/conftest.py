"""Shared fixtures. ``.ci/test`` points ARCHIVE_DATA_DIR at a throw-away directory."""
import pytest
from django.conf import settings
from django.test import override_settings


@pytest.fixture(autouse=True, scope="session")
def _static_files_without_collectstatic():
    """Tests run without ``collectstatic``: serve static files unhashed from the source folders.

    Otherwise every ``{% static %}`` fails on the missing manifest and WhiteNoise warns (an error
    under ``-W error``) about the missing STATIC_ROOT.
    """
    plain = {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}
    storages = {**settings.STORAGES, "staticfiles": plain}
    with override_settings(STORAGES=storages, WHITENOISE_AUTOREFRESH=True, WHITENOISE_USE_FINDERS=True):
        yield
