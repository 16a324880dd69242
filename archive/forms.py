"""Forms of the staff import workflow: the page upload and the inline correction fields.

``PageUploadForm`` turns uploaded ``.txt`` files and/or pasted text into
``StagedPage`` objects (decoded, checked, dated), or refuses the whole upload with
Chinese messages per file. ``ListTextField`` edits a JSON list as "、"-separated text;
``IssueDateField`` takes a publication date in the accepted range.
"""
from __future__ import annotations

from pathlib import PurePath

from django import forms
from django.conf import settings
from django.template.defaultfilters import filesizeformat

from archive.import_review import (
    FIRST_ISSUE_DATE,
    IssueDateError,
    check_issue_date,
    issue_date_from,
    issue_date_problem,
)
from archive.import_staging import StagedPage, text_sha256
from archive.ingest.decode import PageDecodeError, decode_page

MAX_FILES_PER_UPLOAD = 10
ALLOWED_EXTENSIONS = (".txt",)
PASTED_FILE_NAME = "粘贴文本.txt"
LIST_SEPARATOR = "、"


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """A file field accepting several files; cleans to a list."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", MultipleFileInput(attrs={"accept": ",".join(ALLOWED_EXTENSIONS)}))
        super().__init__(*args, allow_empty_file=True, **kwargs)

    def clean(self, data, initial=None):
        files = data if isinstance(data, list | tuple) else [data]
        return [super(MultipleFileField, self).clean(item, initial) for item in files if item]


class ListTextField(forms.CharField):
    """A JSON list of strings edited as text: one line separated by "、" (, ， ; ； also accepted),
    or one item per line with ``separator="\n"`` (for items that may contain "、")."""

    def __init__(self, *args, separator=LIST_SEPARATOR, **kwargs):
        self.separator = separator
        if separator == "\n":
            kwargs.setdefault("widget", forms.Textarea(attrs={"rows": 2}))
        super().__init__(*args, **kwargs)

    def prepare_value(self, value):
        return self.separator.join(value) if isinstance(value, list) else value

    def to_python(self, value):
        text = super().to_python(value) or ""
        if self.separator == LIST_SEPARATOR:
            for alias in (",", "，", ";", "；"):
                text = text.replace(alias, LIST_SEPARATOR)
        return [item.strip() for item in text.split(self.separator) if item.strip()]


class IssueDateField(forms.DateField):
    """A publication date: refused outside ``FIRST_ISSUE_DATE`` … one year after today (``issue_date_problem``)."""

    def validate(self, value):
        super().validate(value)
        problem = value and issue_date_problem(value)
        if problem:
            raise forms.ValidationError(problem, code="issue_date_range")


class PageUploadForm(forms.Form):
    """One upload: up to MAX_FILES_PER_UPLOAD page files and/or one pasted page, sharing date, edition and label."""

    files = MultipleFileField(
        label="版面文件",
        required=False,
        help_text=(
            f"可多选，每次最多 {MAX_FILES_PER_UPLOAD} 个 .txt 文件（UTF-8 或 GBK 编码），"
            f"每个不超过 {filesizeformat(settings.ARCHIVE_MAX_UPLOAD_BYTES)}，"
            f"合计不超过 {filesizeformat(settings.ARCHIVE_MAX_UPLOAD_TOTAL_BYTES)}。"
        ),
    )
    pasted_text = forms.CharField(
        label="或粘贴文本", required=False, widget=forms.Textarea(attrs={"rows": 8, "cols": 80})
    )
    pasted_name = forms.CharField(
        label="粘贴文本的文件名", required=False, max_length=200, help_text=f"留空则为“{PASTED_FILE_NAME}”。"
    )
    issue_date = IssueDateField(
        label="出版日期",
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
        help_text=(
            f"留空则从文件名（如 2016-09-02.txt）或报头日期中识别；"
            f"最早 {FIRST_ISSUE_DATE:%Y-%m-%d}，最晚为一年后的今天。"
        ),
    )
    edition = forms.CharField(label="版别", max_length=40, initial="焦作日报")
    label = forms.CharField(label="版号", max_length=20, required=False, help_text="如 A01；多个文件时留空。")

    def clean_pasted_name(self):
        name = PurePath(self.cleaned_data["pasted_name"].strip() or PASTED_FILE_NAME).name
        return name if name.lower().endswith(ALLOWED_EXTENSIONS) else f"{name}.txt"

    def clean(self):
        cleaned = super().clean()
        sources = [(upload.name, upload) for upload in cleaned.get("files") or []]
        if cleaned.get("pasted_text", "").strip():
            sources.append((cleaned.get("pasted_name") or PASTED_FILE_NAME, cleaned["pasted_text"]))
        if not sources:
            raise forms.ValidationError("请选择至少一个版面文件，或粘贴版面文本。")
        if len(sources) > MAX_FILES_PER_UPLOAD:
            raise forms.ValidationError(f"一次最多导入 {MAX_FILES_PER_UPLOAD} 个文件，本次选择了 {len(sources)} 个。")
        total = sum(len(source.encode("utf-8")) if isinstance(source, str) else source.size for _, source in sources)
        if total > settings.ARCHIVE_MAX_UPLOAD_TOTAL_BYTES:
            limit = filesizeformat(settings.ARCHIVE_MAX_UPLOAD_TOTAL_BYTES)
            raise forms.ValidationError(f"本次上传共 {filesizeformat(total)}，超过每次 {limit} 的上限，请分批导入。")
        names = [name for name, _ in sources]
        if len(set(names)) != len(names):
            raise forms.ValidationError("所选文件中有重名文件。")
        pages, errors = [], []
        for name, source in sources:
            try:
                pages.append(self.staged_page(name, source))
            except (PageDecodeError, IssueDateError) as error:
                errors.append(forms.ValidationError(f"{name}：{error}"))
        if errors:
            raise forms.ValidationError(errors)
        cleaned["pages"] = pages
        return cleaned

    def staged_page(self, name, source):
        """Decode and date one file or pasted text; raises PageDecodeError (or IssueDateError for a date read
        from the file name or masthead outside the accepted range) with the reason."""
        if not name.lower().endswith(ALLOWED_EXTENSIONS):
            raise PageDecodeError(f"只接受 {'、'.join(ALLOWED_EXTENSIONS)} 文件。")
        data = source.encode("utf-8") if isinstance(source, str) else read_limited(source)
        text = decode_page(data, max_bytes=settings.ARCHIVE_MAX_UPLOAD_BYTES).text
        issue_date = self.cleaned_data.get("issue_date") or issue_date_from(name, text)
        if issue_date is None:
            raise PageDecodeError("无法从文件名或报头识别出版日期，请填写出版日期。")
        check_issue_date(issue_date)
        return StagedPage(
            name=name,
            text=text,
            sha256=text_sha256(text),
            issue_date=issue_date,
            edition=self.cleaned_data.get("edition", "").strip() or "焦作日报",
            label=self.cleaned_data.get("label", "").strip(),
        )


def read_limited(upload):
    """The upload's bytes, refusing oversized files before reading them whole."""
    limit = settings.ARCHIVE_MAX_UPLOAD_BYTES
    if upload.size > limit:
        raise PageDecodeError(f"文件过大（{upload.size:,} 字节），上限为 {limit:,} 字节。")
    return upload.read()
