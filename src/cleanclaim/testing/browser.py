"""A pytest fixture driving Debian's Chromium through Playwright's sync API.

Use it from any test directory's ``conftest.py``::

    from cleanclaim.testing.browser import browser, page  # noqa: F401

Without ``/usr/bin/chromium`` the tests skip, saying how to install it,
unless ``CLEANCLAIM_REQUIRE_BROWSER=1`` (CI), where they fail instead.
Playwright's sync API runs an event loop in the test thread, so Django's
async-unsafe guard is relaxed (``DJANGO_ALLOW_ASYNC_UNSAFE``) while it runs.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

CHROMIUM = Path("/usr/bin/chromium")
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def _require() -> None:
    if CHROMIUM.exists():
        return
    message = f"{CHROMIUM} not found: install Debian's chromium: apt-get install chromium"
    if os.environ.get("CLEANCLAIM_REQUIRE_BROWSER") == "1":
        pytest.fail(message + " (CLEANCLAIM_REQUIRE_BROWSER=1 forbids skipping)")
    pytest.skip(message)


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    _require()
    from playwright.sync_api import sync_playwright

    previous = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    try:
        with sync_playwright() as pw:
            chromium = pw.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
            try:
                yield chromium
            finally:
                chromium.close()
    finally:
        if previous is None:
            os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
        else:
            os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = previous


#: Console errors that mean a page broke a response header's policy.
POLICY_WORDS = ("Content Security Policy", "Content-Security-Policy", "Permissions-Policy")


@pytest.fixture
def page(browser: Any) -> Iterator[Any]:
    """A fresh browser context (own cookies) and page per test, laptop-sized.

    The test fails when Chromium reports a Content-Security-Policy or
    Permissions-Policy violation on the console (an inline script or style, a
    third-party load): the pages must work under the headers production sends."""
    context = browser.new_context(viewport={"width": 1366, "height": 768})
    violations: list[str] = []

    def on_console(message: Any) -> None:
        if message.type in ("error", "warning") and any(w in message.text for w in POLICY_WORDS):
            violations.append(message.text)

    try:
        new = context.new_page()
        new.on("console", on_console)
        yield new
    finally:
        context.close()
    if violations:
        pytest.fail("policy violations on the console:\n" + "\n".join(violations))
