"""Shared test fixtures: where the shared reference data lives."""

from __future__ import annotations

from pathlib import Path

import pytest

# One Playwright per session for every browser test (Chromium at /usr/bin/chromium).
from cleanclaim.testing.browser import browser, page  # noqa: F401  (fixtures)

ROOT = Path(__file__).resolve().parent.parent
SHARED_DATA = ROOT.parent / "shared" / "data"


@pytest.fixture(scope="session")
def shared_data() -> Path:
    """``../shared/data``; tests that need it skip with a clear reason when it is absent."""
    if not SHARED_DATA.is_dir():
        pytest.skip(f"shared reference data not found at {SHARED_DATA} (see ../shared/data/README)")
    return SHARED_DATA


@pytest.fixture(autouse=True, scope="session")
def _audit_test_mode(django_test_environment: None) -> None:
    """A PHI response without an audit entry fails the test that made it (strict), and
    the test runner may empty the tables between transactional tests (``flush``); the
    refusal of ``flush`` for people is tested with this switched off."""
    from django.conf import settings

    settings.AUDIT_STRICT_PHI = True
    settings.AUDIT_FLUSH_ALLOWED = True


@pytest.fixture(autouse=True)
def _tasks_run_in_the_test_process(request: pytest.FixtureRequest) -> object:
    """Background tasks (batches, eligibility runs) run in the test's own process even
    when ``CELERY_BROKER_URL`` is set (CI sets one): no worker consumes the queue during
    the suite, and a test asserts what the task did. The broker path itself is tested
    by the tests marked ``celery_broker`` (tests/app/test_celery_tasks.py)."""
    if request.node.get_closest_marker("celery_broker"):
        yield None
        return
    from cleanclaim.web.celery import app

    eager = app.conf.task_always_eager
    app.conf.task_always_eager = True
    try:
        yield None
    finally:
        app.conf.task_always_eager = eager


@pytest.fixture(autouse=True)
def _force_login_passes_the_second_factor(monkeypatch: pytest.MonkeyPatch) -> None:
    """``Client.force_login`` signs in *and* marks the second factor passed
    (``cleanclaim.testing.personas.verified_login``): administrators must use
    one, and tests about other things should not each enrol a device. The
    second factor itself is tested through its pages (test_second_factor*.py)."""
    from django.test import Client

    from cleanclaim.testing.personas import verified_login

    monkeypatch.setattr(Client, "force_login", verified_login)


@pytest.fixture(scope="session")
def django_db_modify_db_settings(
    django_db_modify_db_settings_parallel_suffix: None, tmp_path_factory: pytest.TempPathFactory
) -> None:
    """The SQLite test database in a file, not in memory, so the concurrency tests
    reach it from live-server threads and from other processes as production does."""
    from django.conf import settings

    db = settings.DATABASES["default"]
    if db["ENGINE"].endswith("sqlite3") and not db.get("TEST", {}).get("NAME"):
        db.setdefault("TEST", {})["NAME"] = str(tmp_path_factory.mktemp("db") / "test.sqlite3")
