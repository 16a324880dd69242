"""Settings for the 焦作新闻档案 site.

Everything that differs between machines comes from environment variables with
safe local defaults. ``ARCHIVE_DATA_DIR`` holds all mutable state (SQLite
database, Whoosh index, uploads, jieba cache) so two checkouts or a test run
never share it.
"""
import os
from datetime import timedelta
from pathlib import Path

import dj_database_url
from csp.constants import NONE, SELF
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent


def env_bool(name, default):
    return os.environ.get(name, "1" if default else "0").strip().lower() in {"1", "true", "yes", "on"}


def usable_memory(cgroup_limit: Path = Path("/sys/fs/cgroup/memory.max")) -> int:
    """Bytes of memory this machine has, or its control group's limit (``cgroup_limit``, a container's) when lower."""
    memory = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES")
    try:
        limit = cgroup_limit.read_text().strip()
    except OSError:
        return memory
    return min(memory, int(limit)) if limit.isdigit() else memory


def whoosh_batch_size(memory: int) -> int:
    """Articles per ``rebuild_index``/``update_index`` batch on Whoosh: as many as half of ``memory`` (bytes) holds.

    Each batch commits one segment per writer process (two on two cores), and a query pays for every
    segment (its terms looked up and their postings read in each): 100,000 keeps up to 100k articles in two
    segments, against eight with 30,000-article batches, and the index a fifth smaller. The writers hold a
    batch's postings in memory until its segments are written: ~38 KB per article across the processes
    (2.8 GB at 74.5k articles, 3.4 GB at 100k), so 100,000 needs about 8 GB, and a smaller machine gets
    smaller batches. Never under 10,000: Whoosh merges ~20 small segments into one in a single process
    (7 of 18 minutes of a 100k rebuild with 5,000-article batches).
    """
    return max(10_000, min(100_000, memory // 2 // 40_000))


DATA_DIR = Path(os.environ.get("ARCHIVE_DATA_DIR", BASE_DIR / "var")).resolve()
DATA_DIR.mkdir(parents=True, exist_ok=True)

SECRET_KEY = os.environ.get("ARCHIVE_SECRET_KEY", "local-development-key-not-for-production")
DEBUG = env_bool("ARCHIVE_DEBUG", False)
ALLOWED_HOSTS = [h for h in os.environ.get("ARCHIVE_ALLOWED_HOSTS", "127.0.0.1,localhost,testserver").split(",") if h]
CSRF_TRUSTED_ORIGINS = [o for o in os.environ.get("ARCHIVE_CSRF_TRUSTED_ORIGINS", "").split(",") if o]

INSTALLED_APPS = [
    "archive.admin_apps.ArchiveAdminConfig",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django.contrib.humanize",
    "haystack",
    "axes",
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
    "csp.middleware.CSPMiddleware",
    "archive.upload_limits.UploadLimitMiddleware",
    # Last, as django-axes requires: it turns a locked-out login into the lockout page.
    "axes.middleware.AxesMiddleware",
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

# DATABASE_URL (e.g. postgres://user:password@host:5432/archive, needs the "postgres" extra) selects the
# database; without it, SQLite under ARCHIVE_DATA_DIR. SQLite writers take the write lock when their
# transaction begins (IMMEDIATE) and wait up to ``timeout`` seconds for it: a deferred transaction that
# read first and then wrote failed at once with "database is locked" when another writer was active.
# 20 s stays under gunicorn's 30 s worker timeout. WAL lets readers (gunicorn) go on while an import
# writes and writers commit without waiting for readers; ARCHIVE_SQLITE_JOURNAL_MODE=DELETE is for
# network filesystems, where WAL's shared-memory index does not work.
SQLITE_JOURNAL_MODE = os.environ.get("ARCHIVE_SQLITE_JOURNAL_MODE", "WAL").strip().upper()
if SQLITE_JOURNAL_MODE not in {"WAL", "DELETE", "TRUNCATE", "PERSIST"}:
    raise ImproperlyConfigured(f"ARCHIVE_SQLITE_JOURNAL_MODE={SQLITE_JOURNAL_MODE!r}: use WAL or DELETE")
SQLITE_OPTIONS = {
    "transaction_mode": "IMMEDIATE",
    "timeout": 20,
    "init_command": f"PRAGMA journal_mode={SQLITE_JOURNAL_MODE}",
}
# A connection is kept for ARCHIVE_DB_CONN_MAX_AGE seconds, whatever the database: opening a SQLite one
# (its journal-mode pragma, Django's SQL functions) and closing it took ~1.2 ms of every request.
DATABASE_URL = os.environ.get("DATABASE_URL", "")
DB_CONN_MAX_AGE = int(os.environ.get("ARCHIVE_DB_CONN_MAX_AGE", 60))
if DATABASE_URL:
    database = dj_database_url.parse(DATABASE_URL, conn_max_age=DB_CONN_MAX_AGE, conn_health_checks=True)
else:
    database = {
        "ENGINE": "django.db.backends.sqlite3",
        "NAME": Path(os.environ.get("ARCHIVE_DATABASE_PATH", DATA_DIR / "archive.sqlite3")),
        "CONN_MAX_AGE": DB_CONN_MAX_AGE,
        "CONN_HEALTH_CHECKS": True,
    }
if database["ENGINE"] == "django.db.backends.sqlite3":
    database["OPTIONS"] = {**SQLITE_OPTIONS, **database.get("OPTIONS", {})}
    # Tests get a file too, not SQLite's shared in-memory database: threads writing at once there fail
    # with "database table is locked" at once instead of waiting like the real database does.
    database["TEST"] = {"NAME": str(DATA_DIR / "test-archive.sqlite3")}
DATABASES = {"default": database}

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTHENTICATION_BACKENDS = [
    # First, so a locked-out username+address is refused before its password is even checked.
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]

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

# HTTPS: behind a proxy that terminates TLS and sets X-Forwarded-Proto (and strips a client's own),
# ARCHIVE_HTTPS=1 turns on HSTS, the redirect to https and secure cookies; with ARCHIVE_DEBUG=0 and a
# real ARCHIVE_SECRET_KEY, `manage.py check --deploy` then has nothing to warn about.
HTTPS = env_bool("ARCHIVE_HTTPS", False)
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https") if HTTPS else None
SECURE_SSL_REDIRECT = HTTPS
SESSION_COOKIE_SECURE = HTTPS
CSRF_COOKIE_SECURE = HTTPS
SECURE_HSTS_SECONDS = int(os.environ.get("ARCHIVE_HSTS_SECONDS", 365 * 24 * 3600)) if HTTPS else 0
SECURE_HSTS_INCLUDE_SUBDOMAINS = HTTPS and env_bool("ARCHIVE_HSTS_INCLUDE_SUBDOMAINS", True)
SECURE_HSTS_PRELOAD = HTTPS and env_bool("ARCHIVE_HSTS_PRELOAD", True)

# Content-Security-Policy (django-csp): only this site's own scripts, styles, images and forms; no
# inline code, no framing. Templates keep scripts and styles in static/.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
        "base-uri": [SELF],
        "object-src": [NONE],
    },
}

# Login throttling (django-axes): after AXES_FAILURE_LIMIT wrong passwords for one username from one
# address, that pair is refused (HTTP 429, templates/axes/lockout.html) until the cool-off has passed.
# Every failure is kept (访问失败日志 and 访问尝试 in the admin, for superusers).
AXES_FAILURE_LIMIT = int(os.environ.get("ARCHIVE_LOGIN_FAILURE_LIMIT", 5))
AXES_COOLOFF_TIME = timedelta(minutes=int(os.environ.get("ARCHIVE_LOGIN_COOLOFF_MINUTES", 15)))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_LOCKOUT_TEMPLATE = "axes/lockout.html"
AXES_RESET_ON_SUCCESS = True
AXES_ENABLE_ACCESS_FAILURE_LOG = True

# Largest page file accepted by the importer, and largest admin upload in total (bytes). A 焦作日报
# page is ~20 KB of text; parsing runs at ~0.2 MB/s, so these bound every admin request to seconds
# (see archive/admin_import.py).
ARCHIVE_MAX_UPLOAD_BYTES = int(os.environ.get("ARCHIVE_MAX_UPLOAD_BYTES", 256 * 1024))
ARCHIVE_MAX_UPLOAD_TOTAL_BYTES = int(os.environ.get("ARCHIVE_MAX_UPLOAD_TOTAL_BYTES", 512 * 1024))
# A whole import request: the files or pasted text plus the form's fields and multipart framing. Larger
# POSTs to 导入版面 are refused unread with a reason (archive/upload_limits.py) before Django's own
# limits could answer with a bare 400; its file count limit is replaced by the same middleware's.
ARCHIVE_MAX_REQUEST_BYTES = ARCHIVE_MAX_UPLOAD_TOTAL_BYTES + 64 * 1024
DATA_UPLOAD_MAX_MEMORY_SIZE = ARCHIVE_MAX_REQUEST_BYTES
DATA_UPLOAD_MAX_NUMBER_FILES = None
# Longest time (CPU seconds) parsing may take: per file for the import commands, per request in the admin
# import (its preview, or its confirmation of all files at once); a file over it is refused and recorded.
# The largest hostile page parses in about two CPU seconds (benchmarks/parse_worst_case.py).
ARCHIVE_PARSE_BUDGET_SECONDS = float(os.environ.get("ARCHIVE_PARSE_BUDGET_SECONDS", 8))
FILE_UPLOAD_MAX_MEMORY_SIZE = ARCHIVE_MAX_UPLOAD_BYTES

# Search: Whoosh index on disk, analysed by jieba (see search/); ARCHIVE_SOLR_URL (one or more
# comma-separated collection URLs on different nodes of one SolrCloud cluster, e.g.
# http://127.0.0.1:8983/solr/archive,http://127.0.0.1:8984/solr/archive) switches to SolrCloud.
JIEBA_CACHE_DIR = DATA_DIR / "jieba"
if os.environ.get("ARCHIVE_SOLR_URL"):
    HAYSTACK_CONNECTIONS = {
        "default": {
            "ENGINE": "search.solr_backend.ArchiveSolrEngine",
            "URL": os.environ["ARCHIVE_SOLR_URL"],
            # seconds a reader waits for one node before the next is tried (then 503)
            "TIMEOUT": float(os.environ.get("ARCHIVE_SOLR_QUERY_TIMEOUT", 5)),
            "WRITE_TIMEOUT": float(os.environ.get("ARCHIVE_SOLR_WRITE_TIMEOUT", 300)),
            "BATCH_SIZE": 1000,
        }
    }
else:
    HAYSTACK_CONNECTIONS = {
        "default": {
            "ENGINE": "search.backend.JiebaWhooshEngine",
            "PATH": str(Path(os.environ.get("ARCHIVE_INDEX_PATH", DATA_DIR / "whoosh_index"))),
            # why it follows the memory: ``whoosh_batch_size``; ``rebuild_index --batch-size N`` sets it for one run
            "BATCH_SIZE": int(os.environ.get("ARCHIVE_INDEX_BATCH_SIZE") or whoosh_batch_size(usable_memory())),
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
