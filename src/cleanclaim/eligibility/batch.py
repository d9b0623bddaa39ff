"""The night-before batch: every patient on a day's schedule checked, with the
problems to fix before the visit."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.db import transaction

from cleanclaim.audit.actor import Actor
from cleanclaim.audit.models import AuditEntry
from cleanclaim.audit.record import record
from cleanclaim.eligibility import actions
from cleanclaim.eligibility.models import EligibilityBatch, EligibilityCheck
from cleanclaim.eligibility.selection import visits_on

__all__ = ["Problem", "Progress", "problems", "progress", "run_batch", "start_batch"]


@dataclass(frozen=True)
class Progress:
    total: int
    done: int
    answered: int
    failed: int

    @property
    def percent(self) -> int:
        return 100 if not self.total else round(100 * self.done / self.total)


@dataclass(frozen=True)
class Problem:
    check: EligibilityCheck
    kind: str  # inactive, not found, rejected, failed, name mismatch, benefit exhausted
    detail: str


@transaction.atomic
def start_batch(actor: Actor, practice: Any, day: dt.date) -> EligibilityBatch:
    """A batch for ``day`` (the checks are run by :func:`run_batch`)."""
    user = actor.user if getattr(actor, "user", None) is not None and actor.user.pk else None
    batch = EligibilityBatch.objects.create(
        practice=practice, day=day, created_by=user, total=len(visits_on(practice, day))
    )
    record(actor, AuditEntry.Action.CREATE, batch, context={"day": day.isoformat()})
    return batch


def run_batch(
    actor: Actor,
    batch: EligibilityBatch,
    *,
    send: Any = None,
    on_progress: Callable[[int, int], None] | None = None,
) -> Progress:
    """Check every visit of the batch's day; each check is committed as it is made, so
    the progress view sees them arrive."""
    visits = visits_on(batch.practice, batch.day)
    if batch.total != len(visits):
        batch.total = len(visits)
        batch.save(update_fields=["total"])
    for n, (coverage, appointment_id) in enumerate(visits, start=1):
        actions.check(
            actor,
            coverage,
            (),
            day=batch.day,
            appointment=appointment_id,
            batch=batch,
            send=send,
        )
        if on_progress is not None:
            on_progress(n, len(visits))
    batch.status = EligibilityBatch.Status.DONE
    batch.save(update_fields=["status"])
    return progress(batch)


def progress(batch: EligibilityBatch) -> Progress:
    rows = list(batch.checks.values_list("status", flat=True))
    failed = sum(1 for s in rows if s == EligibilityCheck.Status.FAILED)
    answered = sum(
        1 for s in rows if s in (EligibilityCheck.Status.ANSWERED, EligibilityCheck.Status.REJECTED)
    )
    return Progress(batch.total, answered + failed, answered, failed)


def problems(batch: EligibilityBatch) -> list[Problem]:
    """What to fix before the visits: inactive coverage, member not found (or another
    rejection), no answer, a name the payer spells differently, a benefit used up."""
    out: list[Problem] = []
    for row in batch.checks.select_related("patient", "coverage__payer").order_by("pk"):
        if row.status == EligibilityCheck.Status.FAILED:
            out.append(Problem(row, "failed", row.error))
            continue
        summary = row.benefits()
        if summary is None:
            continue
        for r in summary.rejections:
            kind = "not found" if r.code in ("67", "75", "77") else "rejected"
            out.append(Problem(row, kind, f"{r.reason} {r.what_to_do}"))
        if summary.status == "inactive" or summary.active_on(batch.day) is False:
            out.append(Problem(row, "inactive", f"Coverage inactive on {batch.day}."))
        for c in summary.corrections:
            kind = "name mismatch" if c.field.endswith("name") else f"{c.field} mismatch"
            out.append(
                Problem(row, kind.replace("_", " "), f"on file {c.asked!r}, payer {c.answered!r}")
            )
        for what in summary.exhausted():
            out.append(Problem(row, "benefit exhausted", what))
    return out
