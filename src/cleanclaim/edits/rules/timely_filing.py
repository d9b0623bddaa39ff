"""``timely-filing``: past, or within 14 days of, the payer's filing limit.

Limits are data (``edits/data/timely_filing.json``) keyed by payer profile until
payer profiles exist: Medicare Part B one calendar year after the date of service
(42 CFR 424.44(a)(1)); Medicaid 12 months (the federal ceiling states must
require, 42 CFR 447.45(d)(1), a default: states may set shorter); commercial
plans a 90-day default. A default limit yields warnings, never errors.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from cleanclaim.edits.claim import ScrubClaim
from cleanclaim.edits.context import ScrubContext
from cleanclaim.edits.finding import Finding, RuleInfo
from cleanclaim.edits.registry import register

WARN_DAYS = 14

LATE = RuleInfo(
    "TF-001",
    "timely-filing",
    "error",
    "The claim is past the payer's filing limit counted from the date of service.",
    "Send it at once with proof of timely filing if you have it (an earlier 999/277CA), "
    "or ask the payer about an exception; otherwise the charge will be written off.",
    "Payer filing limit (edits/data/timely_filing.json; Medicare: 42 CFR 424.44)",
    "29",
)
SOON = RuleInfo(
    "TF-002",
    "timely-filing",
    "warning",
    "The payer's filing limit runs out within 14 days.",
    "Send the claim now.",
    "Payer filing limit (edits/data/timely_filing.json; Medicare: 42 CFR 424.44)",
    "29",
)


@register("timely_filing", LATE, SOON)
def check_timely(claim: ScrubClaim, ctx: ScrubContext) -> Iterator[Finding]:
    limit = ctx.filing_limits.get(claim.payer.profile)
    if limit is None:
        return
    oldest = None
    first: dt.date | None = None
    for ln in claim.lines:  # the earliest dated line (lowest number among equals)
        d = ln.service_date
        if d is not None and (
            first is None
            or d < first
            or (d == first and oldest is not None and ln.number < oldest.number)
        ):
            oldest, first = ln, d
    if oldest is None or first is None:
        return
    deadline = first + dt.timedelta(days=limit.days)
    left = (deadline - ctx.as_of).days
    if left > WARN_DAYS:
        return
    source = f"{limit.basis}{' (default, not the payer’s own figure)' if limit.default else ''}"
    what = f"line {oldest.number} ({oldest.procedure}, {oldest.service_date})"
    if left < 0:
        yield LATE.finding(
            claim.claim_id,
            f"The {limit.days}-day filing limit for {what} ended {deadline} "
            f"({-left} days before {ctx.as_of}).",
            line=oldest.number,
            source=source,
            severity="warning" if limit.default else None,
        )
    elif left <= WARN_DAYS:
        yield SOON.finding(
            claim.claim_id,
            f"The {limit.days}-day filing limit for {what} ends {deadline} ({left} days left).",
            line=oldest.number,
            source=source,
        )
