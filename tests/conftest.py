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
