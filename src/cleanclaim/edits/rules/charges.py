"""``charge``: claim total differs from the sum of the lines; zero or negative charges."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from cleanclaim.edits.claim import ScrubClaim
from cleanclaim.edits.context import ScrubContext
from cleanclaim.edits.finding import Finding, RuleInfo
from cleanclaim.edits.registry import register
from cleanclaim.money import format_money

TOTAL = RuleInfo(
    "CHG-001",
    "charge",
    "error",
    "The claim total charge (CLM02) is not the sum of the line charges (SV102).",
    "Recompute the claim total as the sum of the line charges.",
    "ASC X12 005010X222A1 2300 CLM02: total claim charge must equal the sum of SV102",
    "16",
)
NONPOSITIVE = RuleInfo(
    "CHG-002",
    "charge",
    "error",
    "A service line has a zero or negative charge.",
    "Enter the practice's fee for the service (a positive amount); bill no-charge services "
    "only if the payer asks for them.",
    "ASC X12 005010X222A1 2400 SV102 line item charge amount",
    "16",
)
UNITS = RuleInfo(
    "CHG-003",
    "charge",
    "error",
    "A service line has zero or negative units.",
    "Enter the number of units performed (SV104), at least 1.",
    "ASC X12 005010X222A1 2400 SV104 service unit count",
    "16",
)


@register("charges", TOTAL, NONPOSITIVE, UNITS)
def check_charges(claim: ScrubClaim, ctx: ScrubContext) -> Iterator[Finding]:
    cid = claim.claim_id
    total = sum((ln.charge for ln in claim.lines), Decimal(0))
    if claim.lines and total != claim.total_charge:
        yield TOTAL.finding(
            cid,
            f"Claim total {format_money(claim.total_charge)} but the lines add up to "
            f"{format_money(total)}.",
        )
    for ln in claim.lines:
        if ln.charge <= 0:
            yield NONPOSITIVE.finding(
                cid,
                f"Line {ln.number} ({ln.procedure}) charge is {format_money(ln.charge)}.",
                line=ln.number,
            )
        if ln.units <= 0:
            yield UNITS.finding(
                cid, f"Line {ln.number} ({ln.procedure}) has {ln.units} units.", line=ln.number
            )
