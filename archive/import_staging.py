"""Keeps uploaded page texts server-side between the admin's preview and its confirmation.

``stage`` writes the pages to ``MEDIA_ROOT/import-staging/<random token>.json``
and remembers the file's sha256 in the editor's session; ``fetch`` reads them
back only for the same session and user and only if the digest (and each page's
own sha256) still matches, so nothing re-posted by the browser is trusted.
Staged files older than ``STAGING_MAX_AGE`` seconds are removed on the next stage.
"""
from __future__ import annotations

import hashlib
import json
import secrets
import time
from dataclasses import asdict, dataclass
from datetime import date

from django.conf import settings

SESSION_KEY = "archive_import_staging"
STAGING_MAX_AGE = 24 * 3600


class StagingError(Exception):
    """The staged upload is missing, expired or was tampered with; ``str(error)`` is for the editor."""


@dataclass
class StagedPage:
    """One uploaded page awaiting confirmation."""

    name: str
    text: str
    sha256: str
    issue_date: date
    edition: str
    label: str

    def as_json(self):
        return {**asdict(self), "issue_date": self.issue_date.isoformat()}

    @classmethod
    def from_json(cls, data):
        return cls(**{**data, "issue_date": date.fromisoformat(data["issue_date"])})


def text_sha256(text):
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def staging_dir():
    path = settings.MEDIA_ROOT / "import-staging"
    path.mkdir(parents=True, exist_ok=True)
    return path


def remove_expired():
    cutoff = time.time() - STAGING_MAX_AGE
    for path in staging_dir().glob("*.json"):
        if path.stat().st_mtime < cutoff:
            path.unlink(missing_ok=True)


def stage(request, pages):
    """Store ``pages`` for ``request``'s user; returns the token the confirm form posts back."""
    remove_expired()
    token = secrets.token_urlsafe(32)
    payload = json.dumps(
        {"user": request.user.pk, "pages": [page.as_json() for page in pages]}, ensure_ascii=False
    ).encode("utf-8")
    (staging_dir() / f"{token}.json").write_bytes(payload)
    request.session.setdefault(SESSION_KEY, {})[token] = hashlib.sha256(payload).hexdigest()
    request.session.modified = True
    return token


def fetch(request, token):
    """The pages staged under ``token`` by this session's user. Raises StagingError otherwise."""
    digest = request.session.get(SESSION_KEY, {}).get(token or "")
    path = staging_dir() / f"{token}.json"
    if not digest or not path.is_file():
        raise StagingError("预览已失效或不存在，请重新上传文件。")
    payload = path.read_bytes()
    data = json.loads(payload)
    if hashlib.sha256(payload).hexdigest() != digest or data["user"] != request.user.pk:
        raise StagingError("暂存的上传内容校验失败，请重新上传文件。")
    pages = [StagedPage.from_json(item) for item in data["pages"]]
    if any(text_sha256(page.text) != page.sha256 for page in pages):
        raise StagingError("暂存的上传内容校验失败，请重新上传文件。")
    return pages


def discard(request, token):
    """Forget the staged upload (after confirm or cancel); unknown tokens are ignored."""
    if request.session.get(SESSION_KEY, {}).pop(token or "", None):
        request.session.modified = True
        (staging_dir() / f"{token}.json").unlink(missing_ok=True)
