"""Helpers for the statement tests: claims walked along their life and the ledger
entries an 835 payment writes (charge, payment, contractual adjustment, patient share)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from cleanclaim.audit.actor import Actor
from cleanclaim.claims import events
from cleanclaim.ledger import actions as ledger
from cleanclaim.testing.personas import World

ACTOR = Actor(user=None, label="system: test")


def advance(claim: Any, *to: str) -> None:
    """Walk ``claim`` along its life: ``sent`` (scrubbed, queued, submitted), ``paid``."""
    steps = {
        "sent": [
            (events.Kind.SCRUBBED, {"errors": 0}),
            (events.Kind.QUEUED, {}),
            (events.Kind.SUBMITTED, {}),
        ],
        "paid": [(events.Kind.PAID, {})],
    }
    for name in to:
        for kind, data in steps[name]:
            events.append(Actor.process(), claim, kind, data)
    claim.refresh_from_db()


def post_remit(
    claim: Any,
    *,
    charge: str = "125.00",
    paid: str = "80.00",
    contractual: str = "20.00",
    patient: str = "25.00",
    day: dt.date = dt.date(2026, 2, 10),
) -> None:
    """The ledger entries an 835 payment of ``claim`` writes (charge, payment, CO, PR)."""
    k = f"t:{claim.pk}"
    p = claim.patient_id
    lines = [
        ledger.Line("insurance", "charge", Decimal(charge), f"{k}:c", p, claim.pk, 1),
        ledger.Line("insurance", "insurance_payment", -Decimal(paid), f"{k}:p", p, claim.pk, 1),
        ledger.Line(
            "insurance",
            "contractual_adjustment",
            -Decimal(contractual),
            f"{k}:a",
            p,
            claim.pk,
            1,
            reason="CO-45",
        ),
        ledger.Line(
            "insurance",
            "transfer_to_patient",
            -Decimal(patient),
            f"{k}:t1",
            p,
            claim.pk,
            1,
            reason="PR-2",
        ),
        ledger.Line(
            "patient",
            "transfer_to_patient",
            Decimal(patient),
            f"{k}:t2",
            p,
            claim.pk,
            1,
            reason="PR-2",
        ),
    ]
    lines = [ledger.Line(**{**line.__dict__, "effective_date": day}) for line in lines]
    ledger.post(ACTOR, claim.practice, lines)


def answered_visit(world: World, **kw: Any) -> Any:
    """The home patient's claim sent, paid and posted: the patient owes ``patient``."""
    claim = world.home.claim
    advance(claim, "sent", "paid")
    post_remit(claim, **kw)
    return claim


def paid_visit(world: World, patient: Any, day: dt.date, share: str) -> Any:
    """Another visit (encounter and claim, one 99213 line at 125.00) of ``patient``,
    sent, paid and posted with ``share`` owed by the patient."""
    from cleanclaim.claims.models import Claim, ClaimLine, Encounter

    home = world.home
    encounter = Encounter.objects.create(
        practice=home.practice,
        patient=patient,
        rendering_provider=home.provider,
        location=home.location,
        place_of_service=home.location.place_of_service,
        service_from=day,
        service_to=day,
        coverage=home.coverage,
        diagnoses=["I10"],
    )
    claim = Claim.objects.create(
        practice=home.practice,
        encounter=encounter,
        patient=patient,
        coverage=home.coverage,
        payer=home.payer,
        rendering_provider=home.provider,
        location=home.location,
        place_of_service=encounter.place_of_service,
        service_from=day,
        service_to=day,
        diagnoses=["I10"],
        total_charge=Decimal("125.00"),
    )
    ClaimLine.objects.create(
        claim=claim,
        number=1,
        procedure="99213",
        units=1,
        charge=Decimal("125.00"),
        pointers=[1],
        service_date=day,
    )
    events.append(Actor.process(), claim, events.Kind.CREATED, {})
    advance(claim, "sent", "paid")
    contractual = Decimal("45.00") - Decimal(share)
    post_remit(claim, paid="80.00", contractual=str(contractual), patient=share)
    return claim
