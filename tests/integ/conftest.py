"""Fixtures for the app side of codes and scrubbing: the two-organisation world,
Chromium, signed-in clients per role, and a reference data directory of their own.

Browser tests use the session's one Chromium (``page`` fixture, ``tests/conftest.py``).

Every test sees ``CLEANCLAIM_REFDATA_DIR`` pointing at one empty directory made for
this session: the store then holds exactly the packaged ICD-10-CM FY2026 tabular and
the starter sets, whatever a developer has imported into ``var/refdata``. (The
search index the store caches there is built once per session.)
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from django.test import Client

from cleanclaim.tenancy.permissions import Role
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
