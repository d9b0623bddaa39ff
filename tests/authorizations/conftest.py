"""Fixtures for the authorization tests: the test world, a physical therapy visit of
its home patient and a payer rule saying therapy codes need prior authorization."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

import pytest

from cleanclaim.audit.actor import Actor
from cleanclaim.authorizations import actions as auth_actions
from cleanclaim.authorizations.models import Authorization
from cleanclaim.claims import actions
from cleanclaim.claims.models import Encounter
from cleanclaim.claims.scrubbing import context_for
from cleanclaim.edits.context import ScrubContext
from cleanclaim.edits.payer_rules_lang import PayerRule, parse_rules
from cleanclaim.tenancy.permissions import Role
from cleanclaim.testing.personas import World, build_world

DOS = dt.date(2026, 3, 10)
TODAY = dt.date(2026, 3, 12)


def pt_rules(payer_id: str) -> list[PayerRule]:
    return parse_rules(
        f"""
rules:
  - id: TEST-PT-AUTH
    payer: {payer_id}
    kind: prior-auth
    codes: [97110-97799]
    effective: 2026-01-01
    citation: test payer manual
    fix: Get the authorization.
""",
        where="test",
    )


@pytest.fixture
def world(db: None) -> World:
    return build_world()


@pytest.fixture
def actor(world: World) -> Actor:
    return Actor.system(world.home.users[Role.BILLER], via="test")


@pytest.fixture
def ctx(world: World) -> ScrubContext:
    c = context_for(world.home.practice, TODAY)
    c.payer_rules = [*c.payer_rules, *pt_rules(world.home.payer.payer_id)]
    return c


def authorize(world: World, actor: Actor, **overrides: Any) -> Authorization:
    fields: dict[str, Any] = {
        "number": "AUTH100",
        "services": "97110-97140",
        "units_authorized": Decimal(10),
        "start_date": dt.date(2026, 3, 1),
        "end_date": dt.date(2026, 4, 30),
    }
    fields.update(overrides)
    return auth_actions.record_authorization(actor, world.home.coverage, **fields)


def therapy(world: World, actor: Actor, units: int = 3, **overrides: Any) -> Encounter:
    """A therapy visit of the home patient: therapeutic exercise (97110) and an office visit."""
    fields: dict[str, Any] = {
        "rendering_provider": world.home.provider,
        "service_from": DOS,
        "location": world.home.location,
        "diagnoses": ["M54.50"],
        "lines": [
            {"procedure": "97110", "units": units, "charge": Decimal("40.00"), "pointers": ["A"]},
            {"procedure": "99213", "units": 1, "charge": Decimal("125.00"), "pointers": ["A"]},
        ],
    }
    fields.update(overrides)
    return actions.create_encounter(actor, world.home.patient, **fields)
