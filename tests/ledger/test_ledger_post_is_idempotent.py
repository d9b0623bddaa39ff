"""Ledger entries: a key written twice is written once; amounts are Decimal; append-only."""

from __future__ import annotations

from decimal import Decimal

import pytest

from cleanclaim.audit.actor import Actor
from cleanclaim.ledger import actions
from cleanclaim.ledger.models import LedgerEntry
from cleanclaim.testing.personas import build_world

pytestmark = pytest.mark.django_db


def test_it_posts_a_key_once_and_balances_by_bucket() -> None:
    patient = build_world().home.patient
    actor = Actor(user=None, label="system: test")
    lines = [
        actions.Line("insurance", "charge", Decimal("100.00"), "c1", patient_id=patient.pk),
        actions.Line(
            "insurance", "transfer_to_patient", Decimal("-20"), "t1", patient_id=patient.pk
        ),
        actions.Line("patient", "transfer_to_patient", Decimal("20"), "t2", patient_id=patient.pk),
    ]
    assert len(actions.post(actor, patient.practice, lines)) == 3
    assert actions.post(actor, patient.practice, lines) == []
    assert actions.balance(patient) == {"insurance": Decimal("80.00"), "patient": Decimal("20.00")}
    paid = actions.record_patient_payment(
        actor, patient, Decimal("20.00"), key="copay-1", method="card"
    )
    assert paid is not None
    assert (
        actions.record_patient_payment(
            actor, patient, Decimal("20.00"), key="copay-1", method="card"
        )
        is None
    )
    assert actions.balance(patient)["patient"] == Decimal("0.00")


def test_it_refuses_floats_and_changes() -> None:
    patient = build_world().home.patient
    actor = Actor(user=None, label="system: test")
    with pytest.raises(TypeError):
        actions.post(actor, patient.practice, [actions.Line("patient", "refund", 1.5, "x")])  # type: ignore[arg-type]
    entry = actions.post(
        actor,
        patient.practice,
        [actions.Line("patient", "refund", Decimal("1"), "y", patient_id=patient.pk)],
    )[0]
    entry.amount = Decimal("2")
    with pytest.raises(RuntimeError):
        entry.save()
    with pytest.raises(RuntimeError):
        LedgerEntry.objects.all().delete()
