"""Headless Chromium against pytest-django's ``live_server``, for any app's browser tests.

Use the ``browser_page`` fixture (a fresh Playwright page, 1280×900, zh-CN) together with
``live_server``; mark the test ``@pytest.mark.browser`` and ``@pytest.mark.django_db(transaction=True)``
so the server thread sees the test's data. The ``screenshot`` fixture is a function
``screenshot(page, name)`` saving ``tests/artifacts/<name>.png`` (gitignored) for a person to
look at. Debian's ``/usr/bin/chromium`` is used, so no Playwright browser download is needed.
Fixtures here are visible to tests in this folder: put every browser test (any app) in ``tests/browser/``.
"""
import os
from pathlib import Path

import pytest

# Playwright's sync API runs an event loop in this thread; Django refuses ORM calls from a thread
# with a running loop unless told it is safe (the tests' own ORM calls happen here too).
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
    "--disable-sync", "--no-first-run", "--disable-quic",
]
ARTIFACTS = Path(__file__).resolve().parent.parent / "artifacts"


@pytest.fixture(scope="session")
def chromium_browser():
    """One headless Chromium for the whole session; skipped where Debian's chromium is not installed."""
    if not Path(CHROMIUM).exists():
        pytest.skip(f"{CHROMIUM} is not installed (bash .ci/setup --browser)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        yield browser
        browser.close()


@pytest.fixture
def browser_page(chromium_browser):
    """A fresh page in its own context (no shared cookies), failing fast instead of waiting 30 s."""
    context = chromium_browser.new_context(viewport={"width": 1280, "height": 900}, locale="zh-CN")
    page = context.new_page()
    page.set_default_timeout(10_000)
    yield page
    context.close()


@pytest.fixture
def screenshot():
    """``screenshot(page, name, full_page=True)`` saves ``tests/artifacts/<name>.png`` and returns its path."""

    def save(page, name, full_page=True):
        ARTIFACTS.mkdir(exist_ok=True)
        path = ARTIFACTS / f"{name}.png"
        page.screenshot(path=str(path), full_page=full_page)
        return path

    return save
