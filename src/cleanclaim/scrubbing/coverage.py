"""The practice's coverage on file, for the scrubber's ``coverage`` rules.

Only the coverages of the member ids on the claims being scrubbed are read, and only
in the practices where the user may see patients and their coverage
(``patients.view``): a user without it, or a member id no practice of theirs has on
file, leaves the claim's coverage unjudged, as in the standalone scrubber.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.db.models.functions import Trim, Upper

from cleanclaim.edits.coverage import CoveragePeriod, CoverageTable, member_key
from cleanclaim.patients.models import Coverage
from cleanclaim.tenancy.scoping import scoped

#: member ids per query
BATCH = 500


def coverage_on_file(user: Any, member_ids: Iterable[str]) -> CoverageTable:
    """Every coverage on file, in ``user``'s practices, under one of ``member_ids``
    (compared without blanks around them and without letter case)."""
    keys = sorted({member_key(m) for m in member_ids if m and m.strip()})
    if not keys:
        return CoverageTable()
    qs = (
        scoped(Coverage, user, "patients.view")
        .annotate(member_key=Upper(Trim("member_id")))
        .select_related("payer", "patient")
        .order_by("pk")
    )
    periods = []
    for start in range(0, len(keys), BATCH):
        for c in qs.filter(member_key__in=keys[start : start + BATCH]):
            periods.append(coverage_period(c, c.patient.account_number))
    return CoverageTable(periods)


def coverage_period(c: Coverage, account_number: str) -> CoveragePeriod:
    """One coverage on file as the scrubber's ``coverage`` rules read it."""
    return CoveragePeriod(
        member_id=c.member_id,
        payer_id=c.payer.payer_id,
        payer_name=c.payer.name,
        effective=c.effective_date,
        termination=c.termination_date,
        label=(f"{c.get_priority_display().lower()} coverage of patient account {account_number}"),
    )
