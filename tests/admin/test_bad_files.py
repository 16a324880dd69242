"""Bad uploads are refused with a Chinese message, recorded as failed imports, and nothing is staged or saved."""
import codecs

import pytest
from django.test import override_settings

from archive.forms import MAX_FILES_PER_UPLOAD
from archive.import_staging import staging_dir
from archive.models import Article, ImportRun, Page
from tests.admin.conftest import IMPORT_URL, seed_bytes, upload, upload_form

pytestmark = pytest.mark.django_db

GBK_PAGE = "本报讯　市委召开常委会议，研究部署下一阶段工作。".encode("gbk")


def refused(client, *files, **fields):
    response = client.post(IMPORT_URL, upload_form(*files, **fields))
    assert response.status_code == 200
    assert response.context["step"] == "upload"
    assert Page.objects.count() == 0 and Article.objects.count() == 0
    assert not list(staging_dir().glob("*.json"))
    return response.content.decode()


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("empty.txt", b"", "文件为空"),
        ("blank.txt", b" \n\n \t\n", "只有空白字符"),
        ("binary.txt", bytes(range(256)) * 4, "二进制数据"),
        ("utf16.txt", codecs.BOM_UTF16_LE + "本报讯".encode("utf-16-le"), "UTF-16"),
        ("latin.txt", "Café crème, déjà vu".encode("latin-1") * 10, "无法识别文件编码"),
        ("page.pdf", seed_bytes(), "只接受 .txt 文件"),
        ("english.txt", b"No Chinese here at all.", "没有汉字"),
    ],
)
def test_bad_file_is_refused_and_recorded(editor_client, editor, name, data, message):
    body = refused(editor_client, upload(name, data))
    assert message in body and name in body
    run = ImportRun.objects.get()
    assert (run.outcome, run.user, run.files, run.source) == ("failed", editor, [name], "admin")
    assert message in run.error


def test_oversized_file_is_refused(editor_client):
    with override_settings(ARCHIVE_MAX_UPLOAD_BYTES=1000):
        body = refused(editor_client, upload())
    assert "文件过大" in body and "1,000" in body


def test_uploads_over_the_total_limit_are_refused(editor_client):
    size = len(seed_bytes())
    with override_settings(ARCHIVE_MAX_UPLOAD_TOTAL_BYTES=size + 1):
        body = refused(editor_client, upload(), upload("second.txt", seed_bytes()))
    assert "超过每次" in body and "请分批导入" in body
    assert ImportRun.objects.get().outcome == "failed"


def test_upload_form_states_the_limits(editor_client):
    body = editor_client.get(IMPORT_URL).content.decode().replace("\xa0", " ")
    assert "每个不超过 256.0 KB" in body and "合计不超过 512.0 KB" in body
    assert f"最多 {MAX_FILES_PER_UPLOAD} 个" in body


def test_one_bad_file_refuses_the_whole_upload(editor_client):
    body = refused(editor_client, upload(), upload("broken.txt", b"\x00\x01\x02"))
    assert "broken.txt" in body
    assert ImportRun.objects.get().files == ["000_aa96861d60fbaec3.txt", "broken.txt"]


@pytest.mark.parametrize("count", [MAX_FILES_PER_UPLOAD + 1, 101, 250])
def test_too_many_files_are_refused_with_their_count_and_recorded(editor_client, editor, count):
    files = [upload(f"{i:03}.txt", GBK_PAGE) for i in range(count)]
    body = refused(editor_client, *files)
    assert f"一次最多导入 {MAX_FILES_PER_UPLOAD} 个文件，本次选择了 {count} 个" in body
    run = ImportRun.objects.get()
    assert (run.outcome, run.user, run.source) == ("failed", editor, "admin")
    assert f"本次选择了 {count} 个" in run.error
    assert len(run.files) == MAX_FILES_PER_UPLOAD, "files past the limit are skipped unread"


@pytest.mark.parametrize("field", ["pasted_text", "files"])
def test_a_request_over_the_size_limit_is_refused_unread_and_recorded(editor_client, editor, field):
    huge = "本报讯" * (10 * 1024 * 1024 // 9)
    data = {"pasted_text": huge} if field == "pasted_text" else {"files": [upload("huge.txt", huge.encode())]}
    response = editor_client.post(IMPORT_URL, upload_form(**data))
    assert response.status_code == 302 and response.url == IMPORT_URL
    page = editor_client.get(IMPORT_URL).content.decode().replace("\xa0", " ")
    assert "超过每次 512.0 KB 的上限，未读取也未保存" in page
    run = ImportRun.objects.get()
    assert (run.outcome, run.user, run.source) == ("failed", editor, "admin")
    assert "10.0\xa0MB" in run.error and "未读取" in run.error
    assert Page.objects.count() == 0 and not list(staging_dir().glob("*.json"))


def test_an_oversized_request_from_another_site_is_not_recorded(editor_client):
    response = editor_client.post(
        IMPORT_URL, upload_form(pasted_text="字" * 400_000), HTTP_ORIGIN="https://elsewhere.example"
    )
    assert response.status_code == 302
    assert not ImportRun.objects.exists()


def test_gbk_file_is_accepted(editor_client):
    response = editor_client.post(IMPORT_URL, upload_form(upload("gbk.txt", GBK_PAGE)))
    assert response.context["step"] == "preview"
    assert response.context["previews"][0].staged.text.startswith("本报讯")


def test_missing_date_is_refused_when_it_cannot_be_inferred(editor_client):
    body = refused(editor_client, upload("undated.txt", GBK_PAGE), issue_date="")
    assert "无法从文件名或报头识别出版日期" in body


def test_malformed_date_is_refused(editor_client):
    refused(editor_client, upload(), issue_date="2016-02-30")
    assert ImportRun.objects.get().outcome == "failed"


def test_nothing_sent_is_refused_without_an_audit_record(editor_client):
    body = refused(editor_client)
    assert "请选择至少一个版面文件" in body
    assert ImportRun.objects.count() == 0
