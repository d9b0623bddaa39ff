"""Fixtures for the claims tests: the test world and a coded visit of its home patient."""

from __future__ import annotations

import datetime as dt
import importlib.util
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from cleanclaim.audit.actor import Actor
from cleanclaim.claims import actions
from cleanclaim.claims.models import Encounter
from cleanclaim.practices.models import User
from cleanclaim.tenancy.permissions import Role
from cleanclaim.testing.personas import World, build_world

# pyx12 as the outside referee and the shared 837P samples: the X12 tests' own fixtures
_spec = importlib.util.spec_from_file_location(
    "x12_fixtures", Path(__file__).parent.parent / "x12" / "conftest.py"
)
assert _spec is not None and _spec.loader is not None
_x12 = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(_x12)
pyx12_validate = _x12.pyx12_validate
samples_837p = _x12.samples_837p

DOS = dt.date(2026, 1, 15)
TODAY = dt.date(2026, 2, 1)


@pytest.fixture
def world(db: None) -> World:
    return build_world()


@pytest.fixture
def biller(world: World) -> User:
    return world.home.users[Role.BILLER]


@pytest.fixture
def actor(biller: User) -> Actor:
    return Actor.system(biller, via="test")


def visit(world: World, actor: Actor, **overrides: Any) -> Encounter:
    """An office visit of the home patient: hypertension and type 2 diabetes, 99213."""
    fields: dict[str, Any] = {
        "rendering_provider": world.home.provider,
        "service_from": DOS,
        "location": world.home.location,
        "diagnoses": ["I10", "E11.9"],
        "lines": [
            {"procedure": "99213", "units": 1, "charge": Decimal("125.00"), "pointers": ["A", "B"]}
        ],
    }
    fields.update(overrides)
    return actions.create_encounter(actor, world.home.patient, **fields)
