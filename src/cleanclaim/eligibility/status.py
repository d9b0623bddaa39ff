"""A coverage's eligibility status for a visit day, at a glance.

* ``verified today`` — the latest answered check is active on the day and was made
  on the visit day, or asked about that day no earlier than the day before (the
  night-before batch);
* ``inactive`` — the latest answer says the coverage is inactive on the day;
* ``stale`` — the latest answer is older than that (a check made before the visit
  day for another day, or more than a day ahead);
* ``not checked`` — no answer on file (none sent, or only failures and rejections).

docs/decisions/0910-eligibility-freshness.md says why the night before counts.
"""

from __future__ import annotations

import datetime as dt

from django.utils import timezone

from cleanclaim.eligibility.models import EligibilityCheck
from cleanclaim.patients.models import Coverage

__all__ = ["STATUSES", "coverage_status", "latest_answer"]

STATUSES = ("verified today", "stale", "inactive", "not checked")


def latest_answer(coverage: Coverage | int) -> EligibilityCheck | None:
    """The latest check of the coverage that the payer answered (active or not)."""
    pk = coverage if isinstance(coverage, int) else coverage.pk
    return (
        EligibilityCheck.objects.filter(coverage_id=pk, status=EligibilityCheck.Status.ANSWERED)
        .order_by("-requested_at", "-pk")
        .first()
    )


def status_of(found: EligibilityCheck | None, day: dt.date) -> str:
    """The status of ``found`` (the latest answer) for a visit on ``day``."""
    if found is None:
        return "not checked"
    summary = found.benefits()
    active = summary.active_on(day) if summary is not None else None
    if active is False:
        return "inactive"
    asked_on = timezone.localdate(found.requested_at)
    if asked_on == day or (found.day == day and asked_on == day - dt.timedelta(days=1)):
        return "verified today" if active else "not checked"
    return "stale"


def coverage_status(coverage: Coverage | int | None, day: dt.date) -> str:
    """One of :data:`STATUSES` for ``coverage`` on the visit ``day`` (a visit with no
    coverage on file: ``not checked``)."""
    if coverage is None:
        return STATUSES[-1]
    return status_of(latest_answer(coverage), day)
