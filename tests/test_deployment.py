"""Production settings and the real gunicorn: ``check --deploy`` passes when configured from the environment,
a 2,000-character search reaches Django through gunicorn, and gunicorn leaves the home directory alone."""
import os
import re
import secrets
import subprocess
import sys
import time
import urllib.request
from pathlib import Path
from urllib.parse import quote

import pytest

ROOT = Path(__file__).resolve().parent.parent
GUNICORN = Path(sys.executable).parent / "gunicorn"
LONG_QUERY = "城市" * 1000


def run_manage(env, *args):
    return subprocess.run(
        [sys.executable, "manage.py", *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=300
    )


def production_env(tmp_path, **overrides):
    """The environment of a production deployment (no test-harness variables such as the browser tests'
    DJANGO_ALLOW_ASYNC_UNSAFE, which the deploy check rightly refuses)."""
    env = {
        **{key: value for key, value in os.environ.items() if key != "DJANGO_ALLOW_ASYNC_UNSAFE"},
        "ARCHIVE_DATA_DIR": str(tmp_path / "data"),
        "ARCHIVE_DEBUG": "0",
        "ARCHIVE_SECRET_KEY": secrets.token_urlsafe(50),
        "ARCHIVE_HTTPS": "1",
        "ARCHIVE_ALLOWED_HOSTS": "archive.example.cn",
    }
    env.update(overrides)
    return {key: value for key, value in env.items() if value is not None}


def test_deploy_check_passes_with_production_environment(tmp_path):
    result = run_manage(production_env(tmp_path), "check", "--deploy", "--fail-level", "WARNING")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_deploy_check_names_what_is_missing_without_https(tmp_path):
    result = run_manage(production_env(tmp_path, ARCHIVE_HTTPS="0"), "check", "--deploy", "--fail-level", "WARNING")
    assert result.returncode != 0
    found = set(re.findall(r"security\.W\d+", result.stdout + result.stderr))
    assert {"security.W004", "security.W008", "security.W012", "security.W016"} <= found


def test_deploy_check_refuses_the_development_key(tmp_path):
    env = production_env(tmp_path, ARCHIVE_SECRET_KEY=None)
    result = run_manage(env, "check", "--deploy", "--fail-level", "WARNING")
    assert result.returncode != 0 and "security.W009" in result.stdout + result.stderr


@pytest.fixture
def live_gunicorn(tmp_path):
    """gunicorn as ``.ci/serve`` starts it (config file, migrated, static files collected) with one worker,
    an empty archive and a throw-away HOME."""
    home = tmp_path / "home"
    home.mkdir()
    env = {
        **os.environ, "ARCHIVE_DATA_DIR": str(tmp_path / "data"), "HOME": str(home),
        "ARCHIVE_ALLOWED_HOSTS": "127.0.0.1",
    }
    env.pop("XDG_RUNTIME_DIR", None)
    for command in (("migrate", "--noinput", "-v0"), ("collectstatic", "--noinput", "-v0")):
        done = run_manage(env, *command)
        assert done.returncode == 0, done.stderr
    log = tmp_path / "gunicorn.log"
    with log.open("w") as stream:
        server = subprocess.Popen(
            [str(GUNICORN), "config.wsgi:application", "--config", "config/gunicorn.conf.py",
             "--bind", "127.0.0.1:0", "--workers", "1"],
            cwd=ROOT, env=env, stdout=stream, stderr=subprocess.STDOUT,
        )
    try:
        deadline = time.monotonic() + 120
        while not (match := re.search(r"Listening at: (http://127\.0\.0\.1:\d+)", log.read_text())):
            assert server.poll() is None and time.monotonic() < deadline, log.read_text()
            time.sleep(0.2)
        base = match.group(1)
        while "Booting worker" not in log.read_text() and time.monotonic() < deadline:
            time.sleep(0.2)
        yield base, home
    finally:
        server.terminate()
        server.wait(timeout=30)


def fetch(url):
    try:
        with urllib.request.urlopen(url, timeout=120) as response:
            return response.status, dict(response.headers), response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read().decode()


@pytest.mark.django_db
def test_a_2000_character_query_reaches_django_through_gunicorn(live_gunicorn):
    base, home = live_gunicorn
    url = f"{base}/search/?q={quote(LONG_QUERY)}"
    assert len(url) > 8190, "the request line must exceed gunicorn's largest finite limit"
    status, headers, body = fetch(url)
    assert status == 200, body[:500]
    assert "关键词过长" in body
    assert "default-src 'self'" in headers["Content-Security-Policy"]
    assert not (home / ".gunicorn").exists()
    assert list(home.iterdir()) == []
