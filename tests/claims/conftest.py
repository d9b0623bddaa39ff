"""Fixtures for the claims tests: the test world and a coded visit of its home patient."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

import pytest

from cleanclaim.audit.actor import Actor
from cleanclaim.claims import actions
from cleanclaim.claims.models import Encounter
from cleanclaim.practices.models import User
from cleanclaim.tenancy.permissions import Role
from cleanclaim.testing.personas import World, build_world

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
