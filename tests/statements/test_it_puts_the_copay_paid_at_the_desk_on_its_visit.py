"""The copay paid at check-in stands on its visit's row (the appointment's encounter),
waits with the visit while a payer has still to answer, and counts in the visit's open
balance when a statement payment is applied."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import time_machine
from django.utils import timezone

from cleanclaim.appointments.models import Appointment
from cleanclaim.ledger import actions as ledger
from cleanclaim.statements import account, actions

from .helpers import ACTOR, advance, post_remit


def _checked_in(world, copay: str) -> Appointment:
    home = world.home
    appointment = Appointment.objects.create(
        practice=home.practice,
        patient=home.patient,
        provider=home.provider,
        location=home.location,
        start=timezone.now(),
        encounter=home.claim.encounter,
        status="checked_in",
    )
    ledger.record_patient_payment(
        ACTOR,
        home.patient,
        Decimal(copay),
        key=f"checkin:{appointment.pk}",
        method="card",
        source=f"check-in appointment {appointment.pk}",
        when=dt.date(2026, 1, 15),
    )
    return appointment


@time_machine.travel("2026-03-01 12:00:00+00:00", tick=False)
def test_the_desk_copay_is_on_its_visit_and_waits_with_it(world) -> None:
    claim = world.home.claim
    _checked_in(world, "10.00")
    advance(claim, "sent")  # no payer has answered: the visit and its copay wait
    visits, held = account.due_visits([world.home.patient])
    assert (visits, held) == ([], [claim.pk])

    advance(claim, "paid")
    post_remit(claim, patient="25.00")
    visits, held = account.due_visits([world.home.patient])
    assert held == []
    assert [(v.claim, v.patient_responsibility, v.payments, v.balance) for v in visits] == [
        (claim, Decimal("25.00"), Decimal("10.00"), Decimal("15.00"))
    ]
    statement = actions.run_statements(ACTOR, world.home.practice, dt.date(2026, 3, 1)).made[0]
    assert statement.amount_due == Decimal("15.00")
    assert [v["description"] for v in statement.data["visits"]] == [f"Visit {claim.number} (99213)"]
    # the visit's open balance counts the desk's copay: 20.00 pays the 15.00 and leaves 5.00
    written = actions.pay_statement(ACTOR, statement, Decimal("20.00"), key="chk-1", method="check")
    assert [(e.claim_id, e.amount) for e in written] == [
        (claim.pk, Decimal("-15.00")),
        (None, Decimal("-5.00")),
    ]
