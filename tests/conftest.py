"""Shared fixtures. ``.ci/test`` points ARCHIVE_DATA_DIR at a throw-away directory."""
import io

import pytest
from django.conf import settings
from django.core.management import call_command
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


@pytest.fixture
def seeded_db(db, django_capture_on_commit_callbacks):
    """The five seed pages imported through ``manage.py import_seeds``; returns {source file name: Page}.

    Post-commit callbacks run, so ``articles_changed`` receivers (the search index) see the import.
    """
    from archive.models import Page

    with django_capture_on_commit_callbacks(execute=True):
        call_command("import_seeds", stdout=io.StringIO())
    return {page.source_file: page for page in Page.objects.select_related("issue")}
