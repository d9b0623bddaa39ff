"""The one way to write ledger entries, and the balances read from them.

* :func:`post` — entries (:class:`Line`) in the caller's transaction; an entry whose
  key is already on the ledger is skipped, so a second run changes nothing. Returns
  the entries written.
* :func:`record_patient_payment` — money taken from a patient (at the desk, by mail),
  audited.
* :func:`balance` — a patient's balance per bucket (``insurance``, ``patient``).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

from django.db import transaction
from django.db.models import Sum

from cleanclaim.audit.actor import Actor
from cleanclaim.audit.record import record
from cleanclaim.ledger.models import Bucket, EntryKind, LedgerEntry
from cleanclaim.patients.models import Patient
from cleanclaim.practices.models import Practice

__all__ = ["Line", "balance", "post", "record_patient_payment"]

CENT = Decimal("0.01")


@dataclass(frozen=True)
class Line:
    bucket: str
    kind: str
    amount: Decimal
    key: str
    patient_id: int | None = None
    claim_id: int | None = None
    line_number: int | None = None
    reason: str = ""
    source: str = ""
    memo: str = ""
    effective_date: dt.date | None = None


_BUCKETS = frozenset(Bucket.values)
_KINDS = frozenset(EntryKind.values)


def check(lines: Iterable[Line]) -> None:
    """Refuse a line whose amount is not a Decimal or whose bucket or kind is unknown."""
    for line in lines:
        if not isinstance(line.amount, Decimal):
            raise TypeError(f"ledger amount for {line.key} is not a Decimal")
        if line.bucket not in _BUCKETS:
            raise ValueError(f"unknown ledger bucket {line.bucket!r}")
        if line.kind not in _KINDS:
            raise ValueError(f"unknown ledger entry kind {line.kind!r}")


def entries(actor: Actor, practice: Practice, lines: Iterable[Line]) -> list[LedgerEntry]:
    """The unsaved :class:`LedgerEntry` rows of ``lines`` (what :func:`post` writes)."""
    user = actor.user if getattr(actor, "user", None) and actor.user.pk else None
    return [
        LedgerEntry(
            practice=practice,
            patient_id=line.patient_id,
            claim_id=line.claim_id,
            line_number=line.line_number,
            bucket=line.bucket,
            kind=line.kind,
            amount=line.amount.quantize(CENT),
            reason=line.reason,
            source=line.source,
            memo=line.memo,
            key=line.key,
            created_by=user,
            **({"effective_date": line.effective_date} if line.effective_date else {}),
        )
        for line in lines
    ]


def post(
    actor: Actor, practice: Practice, lines: Iterable[Line], *, new_keys: bool = False
) -> list[LedgerEntry]:
    """Write ``lines`` (skipping keys already on the ledger) in the current transaction.

    ``new_keys``: the caller knows none of the keys can be on the ledger (they derive
    from a key it has just inserted under its own unique constraint, in the same
    transaction), so the look-up is skipped; the ledger's unique key still refuses a
    duplicate."""
    lines = list(lines)
    check(lines)
    keys = {line.key for line in lines}
    have: set[str] = set()
    if not new_keys and keys:
        have = set(
            LedgerEntry.objects.filter(practice=practice, key__in=keys).values_list(
                "key", flat=True
            )
        )
    new = entries(actor, practice, [line for line in lines if line.key not in have])
    if new:
        LedgerEntry.objects.bulk_create(new)
    return new


def record_patient_payment(
    actor: Actor,
    patient: Patient,
    amount: Decimal,
    *,
    key: str,
    method: str,
    memo: str = "",
    claim_id: int | None = None,
    source: str = "",
    when: dt.date | None = None,
) -> LedgerEntry | None:
    """A payment from the patient (copay at check-in, a statement paid by mail).

    ``amount`` is what was paid (positive). Returns the entry, or None when ``key`` was
    already recorded."""
    if not isinstance(amount, Decimal) or amount <= 0:
        raise ValueError("a payment amount is a positive Decimal")
    with transaction.atomic():
        written = post(
            actor,
            patient.practice,
            [
                Line(
                    bucket=Bucket.PATIENT,
                    kind=EntryKind.PATIENT_PAYMENT,
                    amount=-amount,
                    key=key,
                    patient_id=patient.pk,
                    claim_id=claim_id,
                    reason=method,
                    source=source,
                    memo=memo,
                    effective_date=when,
                )
            ],
        )
        if written:
            record(actor, "create", written[0], context={"method": method})
    return written[0] if written else None


def balance(patient: Patient) -> dict[str, Decimal]:
    """``{"insurance": ..., "patient": ...}`` from the patient's entries."""
    rows = (
        LedgerEntry.objects.filter(patient=patient)
        .values("bucket")
        .annotate(total=Sum("amount"))
        .order_by()
    )
    out = {Bucket.INSURANCE.value: Decimal("0.00"), Bucket.PATIENT.value: Decimal("0.00")}
    for row in rows:
        out[row["bucket"]] = (row["total"] or Decimal(0)).quantize(CENT)
    return out
