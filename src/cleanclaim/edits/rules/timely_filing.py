"""``timely-filing``: past, or within 14 days of, the payer's filing limit.

The limit is the payer's own when the context has its profile
(:attr:`ScrubContext.payer_limits`, keyed by the payer id of 837P 2010BB NM109): a
claim past it is an error, and the finding's source is the profile's citation.
Otherwise it is the limit of the claim's payer profile key (SBR09) in
``edits/data/timely_filing.json``: Medicare Part B 12 months (one calendar year) after
the date of service (42 CFR 424.44(a)(1)); Medicaid 12 months (the federal ceiling
states must require, 42 CFR 447.45(d)(1), a default: states may set shorter);
commercial plans a 90-day default. A default limit yields warnings, never errors.

Dates are counted by the deadline engine (:mod:`cleanclaim.deadlines.calc`): calendar
months to the month end, from the earliest date of service; a secondary claim (SBR01
not ``P``, or a prior payer's payment date) from the primary payer's payment date
(2330B DTP*573) when the payer sets a secondary limit. A secondary claim without that
date is said (TF-003), not guessed.
"""

from __future__ import annotations

from collections.abc import Iterator

from cleanclaim.deadlines import PayerLimits
from cleanclaim.deadlines.calc import ClaimDates, Deadline, deadlines, describe
from cleanclaim.edits.claim import ScrubClaim, ServiceLine
from cleanclaim.edits.context import ScrubContext
from cleanclaim.edits.finding import Finding, RuleInfo
from cleanclaim.edits.registry import register

WARN_DAYS = 14

_SOURCE = (
    "The payer's filing limit: its payer profile's citation, else edits/data/"
    "timely_filing.json (Medicare: 42 CFR 424.44(a)(1))"
)

LATE = RuleInfo(
    "TF-001",
    "timely-filing",
    "error",
    "The claim is past the payer's filing limit, counted from the date of service "
    "(a secondary claim: from the primary payer's payment date). A default limit "
    "(no payer profile) only warns.",
    "Send it at once with proof of timely filing if you have it (an earlier 999/277CA), "
    "or ask the payer about an exception; otherwise the charge will be written off.",
    _SOURCE,
    "29",
)
SOON = RuleInfo(
    "TF-002",
    "timely-filing",
    "warning",
    "The payer's filing limit runs out within 14 days.",
    "Send the claim now.",
    _SOURCE,
    "29",
)
NO_PAID_DATE = RuleInfo(
    "TF-003",
    "timely-filing",
    "warning",
    "A secondary claim without the primary payer's payment date: the payer's "
    "secondary filing limit cannot be counted.",
    "Add the date the primary payer paid or denied the claim (2330B DTP*573, from its "
    "835 or EOB); the limit counts from it.",
    _SOURCE,
    "29",
)


def _limits(claim: ScrubClaim, ctx: ScrubContext) -> tuple[PayerLimits, str] | None:
    """The payer's own limits with the finding's source, else the profile's default."""
    own = ctx.payer_limits.get(claim.payer.id) if claim.payer.id else None
    if own is not None:
        cite = own.timely.citation or "no citation recorded"
        source = f"Payer profile {claim.payer.id}: {cite}"
        return own, source + (" (default, not the payer’s own figure)" if own.default else "")
    fallback = ctx.filing_limits.get(claim.payer.profile)
    if fallback is None:
        return None
    default = " (default, not the payer’s own figure)" if fallback.default else ""
    return fallback.limits(), f"{fallback.basis}{default}"


def _oldest(claim: ScrubClaim) -> ServiceLine | None:
    """The earliest dated line (the lowest number among lines of that date)."""
    oldest: ServiceLine | None = None
    for ln in claim.lines:
        d = ln.service_date
        if d is None:
            continue
        if (
            oldest is None
            or oldest.service_date is None
            or d < oldest.service_date
            or (d == oldest.service_date and ln.number < oldest.number)
        ):
            oldest = ln
    return oldest


@register("timely_filing", LATE, SOON, NO_PAID_DATE)
def check_timely(claim: ScrubClaim, ctx: ScrubContext) -> Iterator[Finding]:
    found = _limits(claim, ctx)
    if found is None:
        return
    limits, source = found
    oldest = _oldest(claim)
    if oldest is None:
        return
    dates = ClaimDates(
        service_from=oldest.service_date,
        secondary=claim.secondary,
        primary_paid=claim.other_payer_paid,
    )
    d = deadlines(limits, dates, ctx.as_of)[0]  # the filing deadline comes first
    if d.kind == "secondary":
        source = _secondary_source(claim, limits, source)
    if d.due is None or d.days_left is None:
        yield NO_PAID_DATE.finding(
            claim.claim_id,
            f"Secondary claim: the payer's {describe_limit(d, limits)} filing limit counts "
            f"from {d.missing}, which the claim does not carry.",
            source=source,
        )
        return
    if d.days_left > WARN_DAYS:
        return
    line: int | None = oldest.number
    what = f"line {oldest.number} ({oldest.procedure}, {oldest.service_date})"
    if d.kind == "secondary":
        line, what = None, f"the primary payer's payment on {claim.other_payer_paid}"
    if d.days_left < 0:
        yield LATE.finding(
            claim.claim_id,
            f"The {describe_limit(d, limits)} filing limit for {what} ended {d.due} "
            f"({-d.days_left} days before {ctx.as_of}).",
            line=line,
            source=source,
            severity="warning" if limits.default else None,
        )
    else:
        yield SOON.finding(
            claim.claim_id,
            f"The {describe_limit(d, limits)} filing limit for {what} ends {d.due} "
            f"({d.days_left} days left).",
            line=line,
            source=source,
        )


def describe_limit(d: Deadline, limits: PayerLimits) -> str:
    """``12-month``, ``180-day``, ``90-day secondary-claim``."""
    limit = limits.secondary if d.kind == "secondary" and limits.secondary else limits.timely
    amount, unit = describe(limit).split(" ", 1)
    kind = " secondary-claim" if d.kind == "secondary" else ""
    return f"{amount}-{unit.removesuffix('s')}{kind}"


def _secondary_source(claim: ScrubClaim, limits: PayerLimits, source: str) -> str:
    """The secondary limit's own citation, when the payer profile gives one."""
    cite = limits.secondary.citation if limits.secondary is not None else ""
    return f"Payer profile {claim.payer.id}: {cite}" if cite else source
