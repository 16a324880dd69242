"""Refuse oversized or over-full admin imports before Django reads them, with a reason the editor sees.

Django's own limits (``DATA_UPLOAD_MAX_MEMORY_SIZE``, ``DATA_UPLOAD_MAX_NUMBER_FILES``) answer with a bare
400 or, when the body is left unread, a closed connection. For POSTs to 导入版面:

- ``UploadLimitMiddleware`` compares ``CONTENT_LENGTH`` with ``ARCHIVE_MAX_REQUEST_BYTES`` before the body
  is touched. An oversized request is drained without keeping it (so the browser gets the answer instead of
  a reset connection), recorded as a failed ``ImportRun`` for the editor who sent it, and redirected back to
  the form with the reason. The form's own CSRF token is in the unread body, so the redirect changes nothing
  but the audit trail, and only for a same-origin request of a logged-in editor (session cookies are
  SameSite=Lax, so a cross-site POST arrives without one).
- ``FileCountUploadHandler`` counts files as the multipart body streams and skips (never stores) those
  past ``MAX_FILES_PER_UPLOAD``; the import view turns the count into the form's error and its record.
"""
from __future__ import annotations

from urllib.parse import urlsplit

from django.conf import settings
from django.contrib import messages
from django.core.files.uploadhandler import FileUploadHandler, StopFutureHandlers
from django.shortcuts import redirect
from django.template.defaultfilters import filesizeformat
from django.urls import reverse

from archive.forms import MAX_FILES_PER_UPLOAD
from archive.models import ImportRun

IMPORT_URL_NAME = "admin:archive_page_import"
DRAIN_CHUNK_BYTES = 64 * 1024
# An oversized body is read and discarded up to here so the answer reaches the browser; past it the
# connection is simply closed (nobody's browser sends 64 MiB of page text by mistake).
DRAIN_MAX_BYTES = 64 * 1024 * 1024
UNREAD_UPLOAD = "（未读取的上传）"


def too_large_message(size: int) -> str:
    limit = filesizeformat(settings.ARCHIVE_MAX_UPLOAD_TOTAL_BYTES)
    return f"本次提交共 {filesizeformat(size)}，超过每次 {limit} 的上限，未读取也未保存。请分批导入或拆分文本。"


def too_many_files_message(count: int) -> str:
    return f"一次最多导入 {MAX_FILES_PER_UPLOAD} 个文件，本次选择了 {count} 个；超出的文件未读取，也未保存任何内容。"


class FileCountUploadHandler(FileUploadHandler):
    """Counts the request's files in ``request.upload_file_count``, passing the first ``MAX_FILES_PER_UPLOAD``
    to Django's handlers (``inner``) as the multipart parser would and skipping the rest unread.

    It wraps the other handlers instead of raising ``SkipFile``, because on ``SkipFile`` Django closes
    the handlers' last file, which is the previous, already accepted upload.
    """

    def __init__(self, request, inner):
        super().__init__(request)
        self.inner = list(inner)
        self.counters = [0] * len(self.inner)
        self.skipping = False
        request.upload_file_count = 0

    def handle_raw_input(self, input_data, META, content_length, boundary, encoding=None):
        for handler in self.inner:
            handler.handle_raw_input(input_data, META, content_length, boundary, encoding)

    def new_file(self, *args, **kwargs):
        self.request.upload_file_count += 1
        self.skipping = self.request.upload_file_count > MAX_FILES_PER_UPLOAD
        if self.skipping:
            return
        self.counters = [0] * len(self.inner)
        for handler in self.inner:
            try:
                handler.new_file(*args, **kwargs)
            except StopFutureHandlers:
                break

    def receive_data_chunk(self, raw_data, start):
        if self.skipping:
            return None
        for index, handler in enumerate(self.inner):
            size = len(raw_data)
            raw_data = handler.receive_data_chunk(raw_data, self.counters[index])
            self.counters[index] += size
            if raw_data is None:
                break
        return None

    def file_complete(self, file_size):
        if self.skipping:
            return None
        for index, handler in enumerate(self.inner):
            uploaded = handler.file_complete(self.counters[index])
            if uploaded:
                return uploaded
        return None

    def upload_interrupted(self):
        for handler in self.inner:
            handler.upload_interrupted()

    def upload_complete(self):
        for handler in self.inner:
            handler.upload_complete()


def content_length(request) -> int:
    try:
        return max(0, int(request.META.get("CONTENT_LENGTH") or 0))
    except ValueError:
        return 0


def same_origin(request) -> bool:
    """Whether the browser says the POST came from this site (no Origin header counts as yes)."""
    origin = request.META.get("HTTP_ORIGIN")
    return not origin or urlsplit(origin).netloc == request.get_host()


def drain(request, size: int) -> None:
    """Read and discard up to ``size`` bytes of the body (capped), keeping none of it."""
    left = min(size, DRAIN_MAX_BYTES)
    while left > 0:
        chunk = request.read(min(DRAIN_CHUNK_BYTES, left))
        if not chunk:
            break
        left -= len(chunk)


class UploadLimitMiddleware:
    """Refuses oversized POSTs to 导入版面 unread; on every request, counts files as they stream.

    Django's own file count limit is off (``DATA_UPLOAD_MAX_NUMBER_FILES = None``): no form here takes more
    than ``MAX_FILES_PER_UPLOAD`` files, and ``FileCountUploadHandler`` skips the rest of any request's.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.method == "POST" and request.path == reverse(IMPORT_URL_NAME):
            size = content_length(request)
            if size > settings.ARCHIVE_MAX_REQUEST_BYTES:
                return self.refuse_unread(request, size)
        request.upload_handlers = [FileCountUploadHandler(request, request.upload_handlers)]
        return self.get_response(request)

    def refuse_unread(self, request, size):
        from archive.admin_import import IMPORT_PERMISSIONS, IMPORT_SOURCE  # that module imports this one

        drain(request, size)
        message = too_large_message(size)
        user = request.user
        if user.is_authenticated and user.has_perms(IMPORT_PERMISSIONS) and same_origin(request):
            ImportRun.objects.create(
                user=user, source=IMPORT_SOURCE, files=[UNREAD_UPLOAD], outcome=ImportRun.Outcome.FAILED, error=message
            )
            messages.error(request, message)
        return redirect(IMPORT_URL_NAME)
