"""The admin's 导入版面 workflow: upload → preview → confirm (or cancel).

Upload validates every file (``PageUploadForm``) and refuses the whole upload if
one is bad, recording a failed ``ImportRun``. Good files are staged server-side
(``archive.import_staging``) and previewed with ``archive.loading.preview_page``.
Confirm re-reads the staged texts (digests re-checked) and loads them with
``load_page``, which records an ``ImportRun`` per file and is atomic per file.

Progress: with JavaScript (``static/js/admin-import.js``) the browser confirms one
file per request (``step=confirm_file``) and shows a progress bar and each file's
result as it lands; without it, one request confirms them all. Either way a
request's work is bounded by ``MAX_FILES_PER_UPLOAD`` files, ``ARCHIVE_MAX_UPLOAD_BYTES``
per file and ``ARCHIVE_MAX_UPLOAD_TOTAL_BYTES`` per upload (256 KiB and 512 KiB by
default; a page is ~20 KB), and its parsing by ``ARCHIVE_PARSE_BUDGET_SECONDS`` (a preview or a
confirmation of all files shares one budget; a file passing it is refused and recorded).
``benchmarks/admin_import_bench.py`` on the 2-core machine, uploads filling the limits, over two
runs: preview 2.1–4.0 s, one file's confirm ≤ 5.7 s, all files in one request ≤ 6.2 s, far inside
gunicorn's 30 s timeout (with 2 MiB uploads a single confirm took 23–25 s).
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import JsonResponse
from django.shortcuts import redirect
from django.template.loader import render_to_string
from django.template.response import TemplateResponse
from django.urls import reverse
from django.views import View

from archive.forms import MAX_FILES_PER_UPLOAD, PageUploadForm
from archive.import_review import link_warnings, review_warnings
from archive.import_staging import StagingError, discard, fetch, stage
from archive.ingest.budget import ParseBudgetExceeded
from archive.loading import PageImportError, load_page, parse_deadline, preview_page
from archive.models import Article, ImportRun, Mention, Origin
from archive.signals import changes_batched
from archive.upload_limits import too_many_files_message

IMPORT_PERMISSIONS = ("archive.add_page", "archive.change_page")
IMPORT_SOURCE = Origin.ADMIN


@dataclass
class FilePreview:
    """One staged file as the preview shows it."""

    staged: object
    preview: object
    warnings: list

    @property
    def articles(self):
        kinds = dict(Article.Kind.choices)
        roles = dict(Mention.Role.choices)
        for article in self.preview.parsed.articles:
            yield {
                "order": article.order,
                "kind": kinds.get(article.kind, article.kind),
                "headline": Article(headline=article.headline or "", kind=article.kind, body=article.body).title,
                "people": [
                    {
                        "name": p.name,
                        "titles": "、".join(p.titles),
                        "roles": "、".join(roles.get(r, r) for r in p.roles),
                    }
                    for p in article.persons
                ],
                "meeting": article.meeting,
                "districts": "、".join(article.districts),
                "event_date": article.event_date,
            }


@dataclass
class FileResult:
    """The outcome of confirming one file."""

    name: str
    outcome: str
    message: str
    page: object = None


class PageImportView(View):
    """Upload, preview, confirm or cancel page imports; only for staff allowed to add and change pages."""

    model_admin = None
    template_name = "admin/archive/page/import.html"

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perms(IMPORT_PERMISSIONS):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get(self, request):
        return self.render(request, form=PageUploadForm())

    def post(self, request):
        step = request.POST.get("step")
        if step == "confirm":
            return self.confirm(request)
        if step == "confirm_file":
            return self.confirm_file(request)
        if step == "cancel":
            discard(request, request.POST.get("token"))
            messages.info(request, "已取消导入，未保存任何内容。")
            return redirect("admin:archive_page_import")
        return self.upload(request)

    def upload(self, request):
        form = PageUploadForm(request.POST, request.FILES)
        valid = form.is_valid()
        file_count = getattr(request, "upload_file_count", 0)
        if file_count > MAX_FILES_PER_UPLOAD:
            form.add_error(None, too_many_files_message(file_count))
        if not valid or file_count > MAX_FILES_PER_UPLOAD:
            record_refusal(request, form)
            return self.render(request, form=form)
        pages = form.cleaned_data["pages"]
        previews = []
        deadline = parse_deadline()
        for page in pages:
            try:
                preview = preview_page(
                    page.text, source_file=page.name, date=page.issue_date, edition=page.edition, deadline=deadline
                )
            except ParseBudgetExceeded as error:
                form.add_error(None, f"{page.name}：{error}")
                record_slow_upload(request, pages, form.non_field_errors())
                return self.render(request, form=form)
            warnings = [*preview.warnings, *review_warnings(preview.parsed, page.issue_date, page.text),
                        *link_warnings(preview.parsed, page.issue_date)]
            previews.append(FilePreview(page, preview, warnings))
        return self.render(
            request, step="preview", previews=previews, file_names=[page.name for page in pages],
            token=stage(request, pages),
            corrections_lost=sum(len(item.preview.diff.corrections_lost) for item in previews),
        )

    def confirm(self, request):
        token = request.POST.get("token")
        try:
            pages = fetch(request, token)
        except StagingError as error:
            messages.error(request, str(error))
            return redirect("admin:archive_page_import")
        deadline = parse_deadline()
        with changes_batched():
            results = [confirm_one(request, page, deadline) for page in pages]
        discard(request, token)
        return self.render(request, step="done", results=results, summary=outcome_summary(results))

    def confirm_file(self, request):
        """Confirm the staged file at ``index``; JSON with its result row. The last file ends the staging."""
        token = request.POST.get("token")
        try:
            pages = fetch(request, token)
        except StagingError as error:
            return JsonResponse({"error": str(error)}, status=409)
        index = request.POST.get("index", "")
        if not index.isdigit() or int(index) >= len(pages):
            return JsonResponse({"error": "文件序号无效。"}, status=400)
        index = int(index)
        with changes_batched():
            result = confirm_one(request, pages[index])
        last = index == len(pages) - 1
        if last:
            discard(request, token)
        row = render_to_string("admin/archive/includes/import_result_row.html", {"result": result}, request)
        return JsonResponse({"index": index, "name": result.name, "outcome": result.outcome, "row": row, "last": last})

    def render(self, request, step="upload", **context):
        opts = self.model_admin.model._meta
        context = {
            **self.model_admin.admin_site.each_context(request),
            "title": "导入版面",
            "opts": opts,
            "step": step,
            "max_files": MAX_FILES_PER_UPLOAD,
            "changelist_url": reverse("admin:archive_page_changelist"),
            "importrun_url": reverse("admin:archive_importrun_changelist"),
            **context,
        }
        return TemplateResponse(request, self.template_name, context)


def confirm_one(request, page, deadline=None):
    """Load one staged page; a failure is reported and recorded, and leaves the other files unaffected.

    Editors' corrected articles the file no longer has are deleted only if the editor ticked the preview's
    ``discard_corrections`` box; otherwise that file fails with the list of what it would delete.
    Parsing stops at ``deadline`` (shared by the files of one request; by default the file's own budget).
    """
    try:
        result = load_page(
            page.text,
            source_file=page.name,
            date=page.issue_date,
            edition=page.edition,
            label=page.label,
            user=request.user,
            source=IMPORT_SOURCE,
            discard_corrections=request.POST.get("discard_corrections") == "1",
            deadline=deadline,
        )
    except PageImportError as error:
        return FileResult(page.name, ImportRun.Outcome.FAILED, str(error))
    if result.unchanged:
        return FileResult(page.name, result.outcome, "内容未变化，已跳过", result.page)
    counts = result.counts
    message = f"{counts['articles']} 篇文章，{counts['people']} 位人物，{counts['meetings']} 个会议活动"
    return FileResult(page.name, result.outcome, message, result.page)


def outcome_summary(results):
    """What the confirmed upload came to, shown above its per-file results: ``{"text", "failed"}``.
    ``static/js/admin-import.js`` words the same sentence when it confirms file by file."""
    counts = Counter(result.outcome for result in results)
    failed = counts[ImportRun.Outcome.FAILED]
    text = (
        f"导入完成：共 {len(results)} 个文件，已导入 {counts[ImportRun.Outcome.IMPORTED]} 个，"
        f"未变化 {counts[ImportRun.Outcome.UNCHANGED]} 个，失败 {failed} 个。已导入的内容已保存，并已更新检索。"
    )
    return {"text": text, "failed": failed}


def record_refusal(request, form):
    """Record a refused upload in the audit trail (only when files or text were actually sent)."""
    names = [upload.name for upload in request.FILES.getlist("files")]
    if form.data.get("pasted_text", "").strip():
        names.append(form.data.get("pasted_name") or "粘贴文本")
    if names:
        errors = [error for errors in form.errors.values() for error in errors]
        ImportRun.objects.create(
            user=request.user,
            source=IMPORT_SOURCE,
            files=names,
            outcome=ImportRun.Outcome.FAILED,
            error="\n".join(errors),
        )


def record_slow_upload(request, pages, errors):
    """Record an upload refused because previewing it passed the parse budget."""
    ImportRun.objects.create(
        user=request.user,
        source=IMPORT_SOURCE,
        files=[page.name for page in pages],
        outcome=ImportRun.Outcome.FAILED,
        error="\n".join(errors),
    )
