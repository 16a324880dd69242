"""Settings for the 焦作新闻档案 site.

Everything that differs between machines comes from environment variables with
safe local defaults. ``ARCHIVE_DATA_DIR`` holds all mutable state (SQLite
database, Whoosh index, uploads, jieba cache) so two checkouts or a test run
never share it.
"""
import os
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent


def env_bool(name, default):
    return os.environ.get(name, "1" if default else "0").strip().lower() in {"1", "true", "yes", "on"}


DATA_DIR = Path(os.environ.get("ARCHIVE_DATA_DIR", BASE_DIR / "var")).resolve()
DATA_DIR.mkdir(parents=True, exist_ok=True)

SECRET_KEY = os.environ.get("ARCHIVE_SECRET_KEY", "local-development-key-not-for-production")
DEBUG = env_bool("ARCHIVE_DEBUG", False)
ALLOWED_HOSTS = [h for h in os.environ.get("ARCHIVE_ALLOWED_HOSTS", "127.0.0.1,localhost,testserver").split(",") if h]
CSRF_TRUSTED_ORIGINS = [o for o in os.environ.get("ARCHIVE_CSRF_TRUSTED_ORIGINS", "").split(",") if o]

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django.contrib.humanize",
    "haystack",
    "archive",
    "search",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
]

ROOT_URLCONF = "config.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

WSGI_APPLICATION = "config.wsgi.application"

DATABASES = {
    "default": {
        "ENGINE": "django.db.backends.sqlite3",
        "NAME": Path(os.environ.get("ARCHIVE_DATABASE_PATH", DATA_DIR / "archive.sqlite3")),
        "OPTIONS": {"timeout": 30},
    }
}

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
]

LANGUAGE_CODE = "zh-hans"
TIME_ZONE = "Asia/Shanghai"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = DATA_DIR / "staticfiles"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
MEDIA_ROOT = DATA_DIR / "uploads"

LOGIN_URL = "admin:login"

# Largest page file accepted by the importer, and largest admin upload in total (bytes). A 焦作日报
# page is ~20 KB of text; parsing runs at ~0.2 MB/s, so these bound every admin request to seconds
# (see archive/admin_import.py).
ARCHIVE_MAX_UPLOAD_BYTES = int(os.environ.get("ARCHIVE_MAX_UPLOAD_BYTES", 256 * 1024))
ARCHIVE_MAX_UPLOAD_TOTAL_BYTES = int(os.environ.get("ARCHIVE_MAX_UPLOAD_TOTAL_BYTES", 512 * 1024))
# Longest time (CPU seconds) parsing may take: per file for the import commands, per request in the admin
# import (its preview, or its confirmation of all files at once); a file over it is refused and recorded.
# The largest hostile page parses in about a second (benchmarks/parse_worst_case.py).
ARCHIVE_PARSE_BUDGET_SECONDS = float(os.environ.get("ARCHIVE_PARSE_BUDGET_SECONDS", 8))
DATA_UPLOAD_MAX_MEMORY_SIZE = ARCHIVE_MAX_UPLOAD_BYTES * 2
FILE_UPLOAD_MAX_MEMORY_SIZE = ARCHIVE_MAX_UPLOAD_BYTES

# Search: Whoosh index on disk, analysed by jieba (see search/).
JIEBA_CACHE_DIR = DATA_DIR / "jieba"
HAYSTACK_CONNECTIONS = {
    "default": {
        "ENGINE": "search.backend.JiebaWhooshEngine",
        "PATH": str(Path(os.environ.get("ARCHIVE_INDEX_PATH", DATA_DIR / "whoosh_index"))),
        # rebuild_index/update_index batch: each batch commits one segment per writer process, and
        # Whoosh merges ~20 small segments into one in a single process (7 of 18 minutes of a
        # 100k rebuild with 5,000-article batches); 10,000 keeps 100k articles in 20 segments.
        "BATCH_SIZE": 10_000,
    }
}
HAYSTACK_SEARCH_RESULTS_PER_PAGE = 20
HAYSTACK_SIGNAL_PROCESSOR = "search.indexing.IndexFollowsDatabase"

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": "WARNING"},
    "loggers": {"jieba": {"level": "WARNING"}},
}
