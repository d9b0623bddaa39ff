"""Alerts: answers that should have come and did not.

- A batch with no 999 (nor TA1) an hour after upload: still ``sent`` and no received
  999/TA1 file linked to it, ``sent_at`` at least :data:`NO_999_AFTER` ago.
- A claim with no 277CA a day after its batch was sent: the claim still ``submitted``,
  its latest batch sent at least :data:`NO_277CA_AFTER` ago, and no ``acknowledged``
  event since that sending.

Computed in the database on demand (never stored), "as of" ``now``; scoped to what the
user sees with ``worklists.claims`` (billers and managers, decision 0702). Shown on the
home page and the batches page, and printed by ``cleanclaim clearinghouse alerts``.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.db.models import Exists, OuterRef, QuerySet

from cleanclaim.claims.events import Kind
from cleanclaim.claims.models import ClaimEvent
from cleanclaim.clearinghouses.models import Batch, BatchClaim, TransmissionFile
from cleanclaim.tenancy.scoping import scoped

__all__ = [
    "NO_277CA_AFTER",
    "NO_999_AFTER",
    "PERMISSION",
    "Alert",
    "Alerts",
    "alerts",
    "alerts_among",
]

NO_999_AFTER = dt.timedelta(hours=1)
NO_277CA_AFTER = dt.timedelta(days=1)
#: Who sees the alerts (the work lists' read permission).
PERMISSION = "worklists.claims"
#: Most alerts of each kind listed (the count is always whole).
LIMIT = 50


@dataclass(frozen=True)
class Alert:
    kind: str  # "no_999" | "no_277ca"
    text: str
    since: dt.datetime
    batch_id: int
    claim_id: int | None = None


@dataclass(frozen=True)
class Alerts:
    no_999: list[Alert]
    no_999_count: int
    no_277ca: list[Alert]
    no_277ca_count: int

    @property
    def count(self) -> int:
        return self.no_999_count + self.no_277ca_count

    def all(self) -> list[Alert]:
        return [*self.no_999, *self.no_277ca]


def batches_without_999(batches: QuerySet[Batch], now: dt.datetime) -> QuerySet[Batch]:
    answered = TransmissionFile.objects.filter(
        batch=OuterRef("pk"),
        direction=TransmissionFile.Direction.IN,
        kind__in=(TransmissionFile.Kind.X999, TransmissionFile.Kind.TA1),
    )
    return (
        batches.filter(status=Batch.Status.SENT, sent_at__lte=now - NO_999_AFTER)
        .filter(~Exists(answered))
        .order_by("sent_at", "pk")
    )


def claims_without_277ca(held: QuerySet[BatchClaim], now: dt.datetime) -> QuerySet[BatchClaim]:
    later = BatchClaim.objects.filter(claim=OuterRef("claim"), batch_id__gt=OuterRef("batch_id"))
    acked = ClaimEvent.objects.filter(
        claim=OuterRef("claim"), kind=Kind.ACKNOWLEDGED, at__gte=OuterRef("batch__sent_at")
    )
    return (
        held.filter(claim__status="submitted", batch__sent_at__lte=now - NO_277CA_AFTER)
        .filter(~Exists(later))
        .filter(~Exists(acked))
        .select_related("batch", "claim")
        .order_by("batch__sent_at", "pk")
    )


def _hours(delta: dt.timedelta) -> str:
    hours = int(delta.total_seconds() // 3600)
    if hours >= 48:
        return f"{hours // 24} days"
    return "1 hour" if hours == 1 else f"{hours} hours"


def alerts(user: Any, now: dt.datetime) -> Alerts:
    """The alerts ``user`` sees as of ``now`` (a user without the permission sees none)."""
    return alerts_among(scoped(Batch, user, PERMISSION), scoped(BatchClaim, user, PERMISSION), now)


def alerts_among(
    batches_in: QuerySet[Batch], held_in: QuerySet[BatchClaim], now: dt.datetime
) -> Alerts:
    """The alerts among these batches and batch claims (the CLI: all, or one
    organisation's)."""
    batches = batches_without_999(batches_in, now)
    held = claims_without_277ca(held_in, now)
    no_999 = [
        Alert(
            "no_999",
            f"Batch {b.pk} (ISA13 {b.isa13:09d}, {b.claim_count} claims) has no 999 "
            f"{_hours(now - b.sent_at)} after upload",
            b.sent_at,
            b.pk,
        )
        for b in batches[:LIMIT]
        if b.sent_at is not None
    ]
    no_277ca = [
        Alert(
            "no_277ca",
            f"Claim {bc.patient_control_number} (batch {bc.batch_id}) has no 277CA "
            f"{_hours(now - bc.batch.sent_at)} after sending",
            bc.batch.sent_at,
            bc.batch_id,
            bc.claim_id,
        )
        for bc in held[:LIMIT]
        if bc.batch.sent_at is not None
    ]
    return Alerts(no_999, batches.count(), no_277ca, held.count())
