"""An authorization's units go down as claims are built (used is the sum of its use
rows, never typed), the claim's REF*G1 is filled from the authorization used, and the
units come back when the claim is voided or replaced."""

from __future__ import annotations

from decimal import Decimal

import time_machine

from cleanclaim.audit.actor import Actor
from cleanclaim.claims import actions, events
from cleanclaim.claims.events import Kind
from cleanclaim.claims.models import Claim
from cleanclaim.edits.context import ScrubContext
from cleanclaim.testing.personas import World

from .conftest import TODAY, authorize, therapy

NOW = "2026-03-12 15:00Z"


def _sent(claim: Claim, actor: Actor) -> Claim:
    events.append(actor, claim, Kind.QUEUED, {"acknowledged": []})
    events.append(actor, claim, Kind.SUBMITTED, {"batch": 1})
    claim.refresh_from_db()
    return claim


@time_machine.travel(NOW, tick=False)
def test_units_go_down_with_each_claim(world: World, actor: Actor, ctx: ScrubContext) -> None:
    auth = authorize(world, actor)
    first, _ = actions.build_claim(actor, therapy(world, actor, units=3), today=TODAY, ctx=ctx)
    assert first.prior_authorization == "AUTH100"
    assert auth.units_used == Decimal(3) and auth.units_left == Decimal(7)
    actions.build_claim(actor, therapy(world, actor, units=4), today=TODAY, ctx=ctx)
    assert auth.units_used == Decimal(7) and auth.units_left == Decimal(3)


@time_machine.travel(NOW, tick=False)
def test_a_void_gives_the_units_back(world: World, actor: Actor, ctx: ScrubContext) -> None:
    auth = authorize(world, actor)
    claim, _ = actions.build_claim(actor, therapy(world, actor, units=3), today=TODAY, ctx=ctx)
    _sent(claim, actor)
    actions.void_claim(actor, claim, "wrong patient", payer_claim_control_number="ICN1")
    assert auth.units_used == Decimal(0)
    assert sorted(u.units for u in auth.uses.all()) == [Decimal(-3), Decimal(3)]


@time_machine.travel(NOW, tick=False)
def test_a_replacement_holds_its_own_units_once(
    world: World, actor: Actor, ctx: ScrubContext
) -> None:
    auth = authorize(world, actor)
    claim, _ = actions.build_claim(actor, therapy(world, actor, units=3), today=TODAY, ctx=ctx)
    _sent(claim, actor)
    new, result = actions.replace_claim(actor, claim, "ICN2", today=TODAY)
    assert auth.units_used == Decimal(3)
    assert not [f for f in result.findings if f.rule == "AUTH-003"]
    assert new.prior_authorization == "AUTH100"


@time_machine.travel(NOW, tick=False)
def test_a_visit_count_is_used_once_per_claim(
    world: World, actor: Actor, ctx: ScrubContext
) -> None:
    auth = authorize(world, actor, units_authorized=Decimal(12), counts_visits=True)
    actions.build_claim(actor, therapy(world, actor, units=4), today=TODAY, ctx=ctx)
    assert auth.units_used == Decimal(1)
