"""A claim the payer forwarded to the next payer (835 CLP02 19-21, crossover) waits for
that payer: its patient share is stated only after another remittance posts to it; a
secondary claim queued for the visit holds it too."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import time_machine

from cleanclaim.audit.actor import Actor
from cleanclaim.claims import events
from cleanclaim.claims.models import Claim
from cleanclaim.ledger import actions as ledger
from cleanclaim.statements import account

from .helpers import ACTOR, answered_visit


@time_machine.travel("2026-03-01 12:00:00+00:00", tick=False)
def test_it_waits_for_the_crossover_payers_remittance(world) -> None:
    claim = answered_visit(world)  # paid; the patient's 25.00 is on the ledger
    events.append(Actor.process(), claim, events.Kind.FORWARDED, {"remittance": 7})
    ledger.post(
        ACTOR,
        claim.practice,
        [
            ledger.Line(
                "insurance",
                "insurance_payment",
                Decimal("-1.00"),
                "r7",
                claim.patient_id,
                claim.pk,
                source="remit:7",
            )
        ],
    )
    visits, held = account.due_visits([world.home.patient])
    assert visits == [] and held == [claim.pk]

    ledger.post(
        ACTOR,
        claim.practice,
        [
            ledger.Line(
                "insurance",
                "insurance_payment",
                Decimal("-5.00"),
                "r8",
                claim.patient_id,
                claim.pk,
                source="remit:8",
            )
        ],
    )
    visits, held = account.due_visits([world.home.patient])
    assert [v.claim for v in visits] == [claim] and held == []


@time_machine.travel("2026-03-01 12:00:00+00:00", tick=False)
def test_it_waits_for_a_secondary_claim_of_the_visit(world) -> None:
    primary = answered_visit(world)
    secondary = Claim.objects.create(
        practice=primary.practice,
        encounter=primary.encounter,
        patient=primary.patient,
        coverage=primary.coverage,
        payer=primary.payer,
        responsibility="S",
        rendering_provider=primary.rendering_provider,
        location=primary.location,
        place_of_service=primary.place_of_service,
        service_from=dt.date(2026, 1, 15),
        service_to=dt.date(2026, 1, 15),
        total_charge=primary.total_charge,
    )
    events.append(Actor.process(), secondary, events.Kind.CREATED, {})
    events.append(Actor.process(), secondary, events.Kind.SCRUBBED, {"errors": 0})
    events.append(Actor.process(), secondary, events.Kind.QUEUED, {})
    visits, held = account.due_visits([world.home.patient])
    assert visits == [] and held == [primary.pk]
