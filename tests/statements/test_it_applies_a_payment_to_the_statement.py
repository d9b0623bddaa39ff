"""A payment at the desk or by mail is applied to the statement's visits oldest first,
lowers the balance, is audited, and is recorded once per key."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
import time_machine

from cleanclaim.audit.models import AuditEntry
from cleanclaim.claims.models import Claim, ClaimLine, Encounter
from cleanclaim.ledger import actions as ledger
from cleanclaim.statements import actions

from .helpers import ACTOR, advance, answered_visit, post_remit


def _second_visit(world):
    """A later visit of the same patient, paid, the patient owing 30.00."""
    first = world.home.claim
    encounter = Encounter.objects.get(pk=first.encounter_id)
    encounter.pk = None
    encounter.service_from = encounter.service_to = dt.date(2026, 2, 1)
    encounter.save()
    claim = Claim.objects.create(
        practice=first.practice,
        encounter=encounter,
        patient=first.patient,
        coverage=first.coverage,
        payer=first.payer,
        rendering_provider=first.rendering_provider,
        location=first.location,
        place_of_service=first.place_of_service,
        service_from=dt.date(2026, 2, 1),
        service_to=dt.date(2026, 2, 1),
        diagnoses=["I10"],
        total_charge=Decimal("90.00"),
    )
    ClaimLine.objects.create(
        claim=claim,
        number=1,
        procedure="99212",
        units=1,
        charge=Decimal("90.00"),
        pointers=[1],
        service_date=dt.date(2026, 2, 1),
    )
    from cleanclaim.audit.actor import Actor
    from cleanclaim.claims import events

    events.append(Actor.process(), claim, events.Kind.CREATED, {})
    advance(claim, "sent", "paid")
    post_remit(claim, charge="90.00", paid="40.00", contractual="20.00", patient="30.00")
    return claim


@time_machine.travel("2026-03-01 12:00:00+00:00", tick=False)
def test_it_pays_the_oldest_visit_first_and_lowers_the_balance(world) -> None:
    older = answered_visit(world)  # 25.00 owed, 2026-01-15
    newer = _second_visit(world)  # 30.00 owed, 2026-02-01
    patient = world.home.patient
    statement = actions.run_statements(ACTOR, world.home.practice, dt.date(2026, 3, 1)).made[0]
    assert statement.amount_due == Decimal("55.00")

    written = actions.pay_statement(
        ACTOR, statement, Decimal("40.00"), key="check-1001", method="check"
    )
    assert [(e.claim_id, e.amount) for e in written] == [
        (older.pk, Decimal("-25.00")),
        (newer.pk, Decimal("-15.00")),
    ]
    assert ledger.balance(patient)["patient"] == Decimal("15.00")
    audited = AuditEntry.objects.filter(model="ledger.LedgerEntry", action="create")
    assert sorted(a.object_pk for a in audited) == sorted(str(e.pk) for e in written)
    # the same check again records nothing
    assert (
        actions.pay_statement(ACTOR, statement, Decimal("40.00"), key="check-1001", method="check")
        == []
    )
    assert ledger.balance(patient)["patient"] == Decimal("15.00")
    # paying more than is owed leaves a credit on no visit
    extra = actions.pay_statement(ACTOR, statement, Decimal("20.00"), key="card-7", method="card")
    assert [(e.claim_id, e.amount) for e in extra] == [
        (newer.pk, Decimal("-15.00")),
        (None, Decimal("-5.00")),
    ]
    assert ledger.balance(patient)["patient"] == Decimal("-5.00")


def test_it_refuses_a_payment_that_is_not_a_positive_decimal(world) -> None:
    with pytest.raises(actions.PaymentRefused):
        actions.pay_statement(ACTOR, None, Decimal("0"), key="x", method="cash")  # type: ignore[arg-type]
