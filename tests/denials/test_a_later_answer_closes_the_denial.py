"""The payer reprocesses a denied claim (the first answer reversed, CLP02 22, then paid
again): the corrected payment that pays the denied line with nothing held closes the
denial (status ``paid``, audited) and makes no new one; posting the file again changes
nothing."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

import pytest

from cleanclaim.audit.actor import Actor
from cleanclaim.audit.models import AuditEntry
from cleanclaim.denials.models import Denial
from cleanclaim.remits import actions
from cleanclaim.testing.remits import bench_835

from .conftest import post_denied

pytestmark = pytest.mark.django_db
ACTOR = Actor(user=None, label="system: test")


def _visit(sign: int, paid: str, adjustments: list[tuple[str, str, str]]) -> dict[str, Any]:
    money = lambda x: str(sign * Decimal(x))  # noqa: E731
    return {
        "procedure": "99213",
        "charge": money("125"),
        "paid": money(paid),
        "service_date": "2026-01-15",
        "adjustments": [{"group": g, "reason": r, "amount": money(a)} for g, r, a in adjustments],
    }


def _test(sign: int) -> dict[str, Any]:
    return {
        "procedure": "80053",
        "charge": str(sign * 40),
        "paid": str(sign * 30),
        "service_date": "2026-01-15",
        "adjustments": [{"group": "CO", "reason": "45", "amount": str(sign * 10)}],
    }


def _reprocessed() -> bytes:
    """The payer's next 835: the first answer (the visit paid 80.00 with CO-197 25.00
    denied) reversed, then the claim paid again with the 25.00 now paid."""
    claim = {
        "patient_control_number": "RC0000001",
        "filing_indicator": "12",
        "patient": {"last_name": "DOE1", "first_name": "JANE", "member_id": "M1"},
    }
    reversal = {
        **claim,
        "status_code": "22",
        "charge": "-165",
        "paid": "-110",
        "patient_responsibility": "-20",
        "payer_claim_control_number": "PCN000000001",
        "services": [
            _visit(-1, "80", [("CO", "197", "25"), ("PR", "2", "20")]),
            _test(-1),
        ],
    }
    corrected = {
        **claim,
        "status_code": "1",
        "charge": "165",
        "paid": "135",
        "patient_responsibility": "20",
        "payer_claim_control_number": "PCN000000001B",
        "services": [_visit(1, "105", [("PR", "2", "20")]), _test(1)],
    }
    return bench_835(
        [reversal, corrected],
        total="25",
        trace="TRACE2000",
        day=dt.date(2026, 2, 20),
        control="0002",
    )


def test_the_corrected_payment_closes_the_denial(world: Any) -> None:
    post_denied(world)
    denial = Denial.objects.get()
    assert (denial.status, denial.line_number) == ("open", 1)
    data = _reprocessed()
    rf = actions.take_in_835(ACTOR, world.home.practice, "TRACE2000.835", data)
    assert rf.status == "received", rf.differences
    actions.post_file(ACTOR, rf)
    denial.refresh_from_db()
    assert denial.status == Denial.Status.PAID
    assert "TRACE2000" in denial.outcome
    assert AuditEntry.objects.filter(
        model="denials.Denial", object_pk=str(denial.pk), action="update"
    )
    assert Denial.objects.count() == 1  # the corrected payment held nothing: no new denial
    actions.post_file(ACTOR, rf)
    assert Denial.objects.filter(status="paid").count() == 1
