"""The eligibility answers on file, for the scrubber's ``eligibility`` rules.

For a patient: the latest answered check of each of their coverages, as an
:class:`~cleanclaim.edits.eligibility.EligibilityFact` keyed by the member id asked.
A practice that has never checked eligibility gets None (the rules stay silent rather
than warn "not checked" on every claim)."""

from __future__ import annotations

import datetime as dt

from django.utils import timezone

from cleanclaim.edits.eligibility import EligibilityFact, EligibilityTable
from cleanclaim.eligibility.models import EligibilityCheck
from cleanclaim.patients.models import Patient

__all__ = ["eligibility_on_file", "fact_of"]


def _date(text: str) -> dt.date | None:
    return dt.date.fromisoformat(text) if text else None


def fact_of(row: EligibilityCheck, member_id: str) -> EligibilityFact:
    summary = row.summary or {}
    dates = summary.get("dates", {})
    begin = (
        dates.get("plan_begin") or dates.get("eligibility_begin") or dates.get("plan") or ["", ""]
    )
    end = dates.get("plan_end") or dates.get("eligibility_end") or ["", ""]
    plan_end = _date(end[0]) or _date(dates.get("plan", ["", ""])[1])
    return EligibilityFact(
        member_id=member_id,
        checked_on=timezone.localdate(row.requested_at),
        day=row.day,
        status=row.result,
        plan_begin=_date(begin[0]),
        plan_end=plan_end,
        answered_member_id=summary.get("member", {}).get("member_id", ""),
        label=f"eligibility check {row.pk} of {timezone.localdate(row.requested_at)}",
    )


def eligibility_on_file(patient: Patient) -> EligibilityTable | None:
    """The latest answers about ``patient``'s coverages; None when the practice keeps no
    eligibility checks at all."""
    checks = EligibilityCheck.objects.filter(practice_id=patient.practice_id)
    if not checks.exists():
        return None
    facts = []
    for coverage in patient.coverages.all():
        row = (
            checks.filter(coverage=coverage, status=EligibilityCheck.Status.ANSWERED)
            .order_by("-requested_at", "-pk")
            .first()
        )
        if row is not None:
            facts.append(fact_of(row, coverage.member_id))
    return EligibilityTable(facts)
