"""Fixtures for the app side of codes and scrubbing: the two-organisation world,
Chromium, signed-in clients per role, and a reference data directory of their own.

Chromium runs in a thread of its own (``in_chromium``): the Playwright sync API
refuses to start in a thread where another sync Playwright is running, and the
``browser`` fixture of ``cleanclaim.testing.browser`` imported by ``tests/app``
is session-scoped, so it is still running in the main thread when these tests
come after it in one pytest session.

Every test sees ``CLEANCLAIM_REFDATA_DIR`` pointing at one empty directory made for
this session: the store then holds exactly the packaged ICD-10-CM FY2026 tabular and
the starter sets, whatever a developer has imported into ``var/refdata``. (The
search index the store caches there is built once per session.)
"""

from __future__ import annotations

import os
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from django.test import Client

from cleanclaim.practices.permissions import Role
from cleanclaim.testing.browser import ARGS, CHROMIUM
from cleanclaim.testing.personas import World, build_world

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture(scope="session")
def integ_refdata(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("refdata")


@pytest.fixture(autouse=True)
def _refdata_dir(integ_refdata: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("CLEANCLAIM_REFDATA_DIR", str(integ_refdata))
    return integ_refdata


@pytest.fixture
def world(db: None) -> World:
    return build_world()


@pytest.fixture
def client_as(world: World) -> Callable[[Role], Client]:
    """``client_as(Role.CODER)``: a client signed in as the home organisation's user."""

    def make(role: Role, *, outsider: bool = False) -> Client:
        client = Client()
        tenant = world.outsider if outsider else world.home
        client.force_login(tenant.users[role])
        return client

    return make


@pytest.fixture
def in_chromium() -> Callable[[Callable[[Any], None]], None]:
    """``in_chromium(steps)`` runs ``steps(page)`` with a fresh laptop-sized page of
    Debian's Chromium in a dedicated thread and re-raises what it raised. Skips without
    ``/usr/bin/chromium`` unless ``CLEANCLAIM_REQUIRE_BROWSER=1`` (CI)."""
    if not CHROMIUM.exists():
        message = f"{CHROMIUM} not found: install Debian's chromium: apt-get install chromium"
        if os.environ.get("CLEANCLAIM_REQUIRE_BROWSER") == "1":
            pytest.fail(message + " (CLEANCLAIM_REQUIRE_BROWSER=1 forbids skipping)")
        pytest.skip(message)

    def run(steps: Callable[[Any], None]) -> None:
        failure: list[BaseException] = []

        def target() -> None:
            from playwright.sync_api import sync_playwright

            try:
                with sync_playwright() as pw:
                    browser = pw.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
                    try:
                        context = browser.new_context(viewport={"width": 1366, "height": 768})
                        steps(context.new_page())
                    finally:
                        browser.close()
            except BaseException as exc:  # handed to the test thread
                failure.append(exc)

        thread = threading.Thread(target=target, name="chromium", daemon=True)
        thread.start()
        thread.join(timeout=180)
        if thread.is_alive():
            raise AssertionError("the browser steps did not finish within 180 s")
        if failure:
            raise failure[0]

    return run
