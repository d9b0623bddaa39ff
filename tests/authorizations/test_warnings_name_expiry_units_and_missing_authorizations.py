"""Warnings for the front desk and the coder: an authorization expiring within 14 days,
its units nearly used (80 % or at most 2 left), and a scheduled or coded service the
payer's rules say needs an authorization with none on file (frozen time)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import time_machine

from cleanclaim.audit.actor import Actor
from cleanclaim.authorizations.warnings import warnings_for
from cleanclaim.claims import actions
from cleanclaim.edits.context import ScrubContext
from cleanclaim.testing.personas import World

from .conftest import TODAY, authorize, pt_rules, therapy

NOW = "2026-03-12 15:00Z"


def _kinds(world: World, day: dt.date, codes: tuple[str, ...] = ()) -> list[str]:
    rules = pt_rules(world.home.payer.payer_id)
    return [w.kind for w in warnings_for(world.home.patient, day, codes, rules=rules)]


@time_machine.travel(NOW, tick=False)
def test_it_warns_of_an_authorization_expiring_within_14_days(world: World, actor: Actor) -> None:
    authorize(world, actor, end_date=dt.date(2026, 3, 26))
    assert _kinds(world, dt.date(2026, 3, 12)) == ["expiring"]
    assert _kinds(world, dt.date(2026, 3, 11)) == []


@time_machine.travel(NOW, tick=False)
def test_it_warns_of_units_nearly_used(world: World, actor: Actor, ctx: ScrubContext) -> None:
    authorize(world, actor, units_authorized=Decimal(10))
    actions.build_claim(actor, therapy(world, actor, units=7), today=TODAY, ctx=ctx)
    assert _kinds(world, TODAY) == []
    actions.build_claim(actor, therapy(world, actor, units=1), today=TODAY, ctx=ctx)
    warnings = warnings_for(world.home.patient, TODAY, rules=[])
    assert [w.kind for w in warnings] == ["units"]
    assert "8 of 10 units used, 2 left" in warnings[0].message


@time_machine.travel(NOW, tick=False)
def test_it_warns_of_a_service_needing_an_authorization_with_none(
    world: World, actor: Actor
) -> None:
    assert _kinds(world, TODAY, ("99213", "97110")) == ["missing"]
    authorize(world, actor)
    assert _kinds(world, TODAY, ("99213", "97110")) == []
    assert _kinds(world, TODAY, ("97750",)) == ["missing"]
