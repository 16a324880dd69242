"""Publication dates outside 1949-10-01 … one year after today are refused by every import path, and
the parse budget refuses a file from the command line; both are recorded and exit non-zero without a traceback."""
import io
import os
import subprocess
import sys
from datetime import date, timedelta
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from django.test import override_settings
from django.utils.timezone import localdate

from archive.import_review import FIRST_ISSUE_DATE, IssueDateError, check_issue_date, last_issue_date
from archive.loading import PageImportError, load_page
from archive.models import ImportRun, Issue, Page

ROOT = Path(__file__).resolve().parent.parent
PAGE = ROOT / "seeds" / "000_aa96861d60fbaec3.txt"

pytestmark = pytest.mark.django_db


def import_pages(*args):
    call_command("import_pages", str(PAGE), *args, stdout=io.StringIO(), stderr=io.StringIO())


def refused_dates():
    return [
        "0001-01-01", "0001-01-02", "1900-01-01", "1949-09-30", "9999-12-31",
        (last_issue_date() + timedelta(days=1)).isoformat(),
    ]


@pytest.mark.parametrize("value", refused_dates())
def test_a_date_outside_the_range_is_refused_and_recorded(value):
    with pytest.raises(CommandError, match=f"出版日期 {value} 不在可接受的范围内"):
        import_pages("--date", value)
    run = ImportRun.objects.get()
    assert run.outcome == "failed" and value in run.error and "Traceback" not in run.error
    assert not Issue.objects.exists()


@pytest.mark.parametrize("issue_date", [FIRST_ISSUE_DATE, localdate(), last_issue_date()])
def test_the_ends_of_the_range_are_accepted(issue_date):
    import_pages("--date", issue_date.isoformat())
    assert Page.objects.get().issue.date == issue_date


def test_the_real_command_exits_nonzero_without_a_traceback(tmp_path):
    env = {**os.environ, "ARCHIVE_DATA_DIR": str(tmp_path)}
    subprocess.run([sys.executable, "manage.py", "migrate", "-v0"], cwd=ROOT, env=env, check=True, timeout=300)
    done = subprocess.run(
        [sys.executable, "manage.py", "import_pages", str(PAGE), "--date", "0001-01-01"],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=300,
    )
    assert done.returncode == 1
    assert "不在可接受的范围内" in done.stderr and "Traceback" not in done.stderr


def test_load_page_itself_refuses_the_date():
    with pytest.raises(PageImportError, match="不在可接受的范围内"):
        load_page(PAGE.read_bytes(), source_file=PAGE.name, date=date(1, 1, 1))
    assert ImportRun.objects.get().outcome == "failed"


def test_one_year_ahead_of_a_leap_day_is_the_28th():
    assert last_issue_date(date(2024, 2, 29)) == date(2025, 2, 28)
    assert last_issue_date(date(2024, 3, 1)) == date(2025, 3, 1)
    with pytest.raises(IssueDateError):
        check_issue_date(date(2025, 3, 1), today=date(2024, 2, 29))


@override_settings(ARCHIVE_PARSE_BUDGET_SECONDS=0)
def test_a_page_over_the_parse_budget_is_refused_and_recorded():
    with pytest.raises(CommandError, match="时间上限"):
        import_pages("--date", "2016-09-02")
    run = ImportRun.objects.get()
    assert run.outcome == "failed" and "时间上限" in run.error and "Traceback" not in run.error
    assert not Page.objects.exists()
