"""A credit balance (patient bucket below zero) is on the refund work list, is not
stated, and a refund recorded against it clears it; more than the credit is refused."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
import time_machine

from cleanclaim.ledger import actions as ledger
from cleanclaim.statements import actions

from .helpers import ACTOR, answered_visit


@time_machine.travel("2026-03-01 12:00:00+00:00", tick=False)
def test_it_lists_the_credit_and_records_the_refund_once(world) -> None:
    answered_visit(world)  # owes 25.00
    patient = world.home.patient
    ledger.record_patient_payment(ACTOR, patient, Decimal("40.00"), key="desk-1", method="card")
    practice_ids = {world.home.practice.pk, world.outsider.practice.pk}
    assert actions.credits(practice_ids) == [(patient, Decimal("-15.00"))]
    assert actions.credits({world.outsider.practice.pk}) == []
    result = actions.run_statements(ACTOR, world.home.practice, dt.date(2026, 3, 1))
    assert result.made == [] and result.credits == [patient]

    with pytest.raises(actions.PaymentRefused):
        actions.record_refund(ACTOR, patient, Decimal("15.01"), key="r1", method="check")
    refund = actions.record_refund(ACTOR, patient, Decimal("15.00"), key="r1", method="check")
    assert refund is not None and refund.amount == Decimal("15.00") and refund.kind == "refund"
    assert actions.record_refund(ACTOR, patient, Decimal("15.00"), key="r1", method="check") is None
    assert ledger.balance(patient)["patient"] == Decimal("0.00")
    assert actions.credits(practice_ids) == []
