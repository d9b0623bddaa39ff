"""PostgreSQL posts a claim payment in one statement; for a mixed file (paid, patient
responsibility, reversal and corrected payment, crossover, denial, PLB) it writes the
same rows, amounts, keys, statuses and events as the normal path."""

from __future__ import annotations

from typing import Any

import pytest
from django.db import connection, transaction
from django.utils import timezone

from cleanclaim.audit.actor import Actor
from cleanclaim.claims.models import Claim, ClaimEvent
from cleanclaim.ledger.models import LedgerEntry
from cleanclaim.remits import actions, one_statement
from cleanclaim.remits.models import ClaimPayment, LinePosting
from cleanclaim.testing.personas import build_world
from cleanclaim.testing.remits import claims_for_835
from cleanclaim.x12 import write_json

pytestmark = pytest.mark.django_db

BASE: dict[str, Any] = {
    "transaction_set": "835",
    "control_number": "0001",
    "sender_id": "PAYER",
    "receiver_id": "CLEANCLAIM",
    "payment_method": "ACH",
    "payment_date": "2026-02-02",
    "trace_number": "MIX1",
    "payer_identifier": "1999999999",
    "payer": {"name": "MUTUAL", "id_qualifier": "XV", "id": "P1"},
    "payee": {"name": "CLINIC", "id_qualifier": "XX", "id": "1234567893"},
}


def claim(pcn: str, status: str, sign: int, paid: int = 60, **extra: Any) -> dict[str, Any]:
    adjustments = [{"group": "CO", "reason": "45", "amount": str(20 * sign)}]
    if paid:
        adjustments.append({"group": "PR", "reason": "1", "amount": str((20 + 60 - paid) * sign)})
    else:
        adjustments = [{"group": "CO", "reason": "45", "amount": str(100 * sign)}]
    return {
        "patient_control_number": pcn,
        "status_code": status,
        "charge": str(100 * sign),
        "paid": str(paid * sign),
        "payer_claim_control_number": f"P{pcn}",
        "patient": {"last_name": f"DOE{pcn}", "first_name": "JANE", "member_id": f"M{pcn}"},
        "services": [
            {
                "procedure": "99213",
                "charge": str(100 * sign),
                "paid": str(paid * sign),
                "service_date": "2026-01-15",
                "adjustments": adjustments,
            }
        ],
        **extra,
    }


def mixed_835() -> bytes:
    claims = [
        claim("MX1", "1", 1),
        claim("MX2", "1", 1, paid=50),
        claim("MX1", "22", -1),
        claim("MX1", "1", 1, paid=55),
        claim("MX3", "19", 1),
        claim("MX4", "4", 1, paid=0),
    ]
    plb = [
        {
            "provider_id": "1234567893",
            "fiscal_period_date": "2026-12-31",
            "reason": "L6",
            "reference": "INT1",
            "amount": "-2.50",
        }
    ]
    total = 60 + 50 - 60 + 55 + 60 + 0 + 2.5
    body = {**BASE, "total_payment": f"{total:.2f}", "claims": claims, "provider_adjustments": plb}
    return write_json(body).encode()


class _Undo(Exception):
    pass


def _snapshot(rf: Any, numbers: list[str]) -> dict[str, Any]:
    keys = dict(ClaimPayment.objects.filter(remittance=rf).values_list("pk", "key"))
    payments = [
        {k: v for k, v in row.items() if k not in ("id", "posted_at")}
        for row in ClaimPayment.objects.filter(remittance=rf).order_by("sequence").values()
    ]
    lines = sorted(
        (keys[row.pop("claim_payment_id")], sorted(row.items()))
        for row in LinePosting.objects.filter(claim_payment__remittance=rf).values()
        if row.pop("id")
    )
    ledger = sorted(
        sorted((k, v) for k, v in row.items() if k not in ("id", "created_at"))
        for row in LedgerEntry.objects.filter(source=f"remit:{rf.pk}").values()
    )
    evs = []
    for ev in ClaimEvent.objects.filter(claim__number__in=numbers).order_by("pk"):
        data = dict(ev.data)
        if "claim_payment" in data:
            data["claim_payment"] = keys.get(data["claim_payment"])
        evs.append((ev.claim_id, ev.kind, ev.user_id, ev.user_label, data))
    statuses = dict(Claim.objects.filter(number__in=numbers).values_list("number", "status"))
    # the times both paths write: set, and now (not shifted by a time zone)
    now = timezone.now()
    times = [
        *ClaimPayment.objects.filter(remittance=rf).values_list("posted_at", flat=True),
        *LedgerEntry.objects.filter(source=f"remit:{rf.pk}").values_list("created_at", flat=True),
    ]
    recent = all(t is not None and abs((now - t).total_seconds()) < 300 for t in times)
    return {
        "payments": payments,
        "lines": lines,
        "ledger": ledger,
        "events": evs,
        "st": statuses,
        "times_now": recent,
    }


def _post(rf: Any, monkeypatch: pytest.MonkeyPatch, fast: bool) -> tuple[dict[str, Any], int]:
    calls = []
    real = one_statement.post

    def spy(*args: Any, **kwargs: Any) -> int:
        calls.append(1)
        return real(*args, **kwargs)

    with monkeypatch.context() as m:
        m.setattr(one_statement, "post", spy)
        if not fast:
            m.setattr(one_statement, "usable", lambda: False)
        try:
            with transaction.atomic():
                summary = actions.post_file(Actor.process(), rf)
                snap = _snapshot(rf, ["MX1", "MX2", "MX3", "MX4"])
                snap["summary"] = summary
                raise _Undo
        except _Undo:
            pass
    return snap, len(calls)


@pytest.mark.skipif(
    connection.vendor != "postgresql", reason="the one-statement path is PostgreSQL's"
)
def test_it_writes_exactly_what_the_normal_path_writes(monkeypatch: pytest.MonkeyPatch) -> None:
    home = build_world().home
    data = mixed_835()
    claims_for_835(actions.read(data)[0], home.practice, home.payer, home.provider, home.location)
    rf = actions.take_in_835(Actor.process(), home.practice, "mixed.835", data)

    normal, unused = _post(rf, monkeypatch, fast=False)
    fast, used = _post(rf, monkeypatch, fast=True)

    assert unused == 0 and used >= 3  # MX1 paid, MX2 paid, the corrected MX1 at least
    assert normal["summary"].posted == 6 and normal["summary"].provider_adjustments == 1
    assert fast == normal
    assert normal["times_now"] is True
    assert normal["st"]["MX1"] == "paid"
    assert len(normal["ledger"]) > 10
