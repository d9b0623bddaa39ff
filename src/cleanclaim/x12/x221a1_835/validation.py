"""835 checks beyond syntax: the balancing rules of 005010X221A1.

The guide (section 1.10.2.1, "Balancing") requires, with exact Decimal sums:

* per service line (2110): SVC02 − SVC03 = Σ CAS amounts of the line;
* per claim (2100): CLP03 − CLP04 = Σ claim-level CAS + Σ line-level CAS;
* per transaction: BPR02 = Σ CLP04 − Σ PLB amounts (a positive PLB amount
  reduces the payment, a negative one increases it).

Balancing is a semantic rule, not X12 syntax, so a 999 can only point at the
element: findings carry IK304 ``8`` (segment has element errors) and IK403
``I12`` (implementation pattern match failure) -- see
``docs/decisions/0401-guides-as-data.md``.
"""

from __future__ import annotations

import gc
from decimal import Decimal

from ..errors import IK403, Finding, Severity
from ..guidekit.reading import check
from ..guidekit.validate import Context
from ..segments import Delimiters
from .parsing import Transaction835
from .view import ClaimPayment, Remittance

ZERO = Decimal(0)


def _line_checks(ctx: Context, claim: ClaimPayment) -> Decimal:
    """Check each line; return Σ line-level CAS of the claim."""
    total = ZERO
    for line in claim.services:
        cas = sum((a.monetary_amount for c in line.adjustments for a in c.adjustments), ZERO)
        total += cas
        svc = line.svc
        diff = svc.line_item_charge_amount - svc.line_item_provider_payment_amount
        if diff != cas and line.loop is not None:
            node = line.loop.first("SVC")
            proc = svc.composite_medical_procedure_identifier
            code = proc.procedure_code if proc else "?"
            ctx.add(
                node,
                "2110",
                "x12.835.line-out-of-balance",
                f"service line {code} of claim {claim.clp.claim_submitters_identifier} does "
                f"not balance: charge {svc.line_item_charge_amount} − paid "
                f"{svc.line_item_provider_payment_amount} = {diff}, but its adjustments "
                f"(CAS) add up to {cas}",
                ik403=IK403.PATTERN_MATCH_FAILURE,
                ref="SVC03",
                element_position=3,
                value=str(svc.line_item_provider_payment_amount),
            )
    return total


def check_balancing(ctx: Context, remit: Remittance) -> bool:
    """Add balancing findings to ``ctx``; return whether everything balances."""
    before = len(ctx.findings)
    paid = ZERO
    for claim in remit.claims:
        clp = claim.clp
        paid += clp.claim_payment_amount
        line_cas = _line_checks(ctx, claim)
        claim_cas = claim.cas_total()
        diff = clp.total_claim_charge_amount - clp.claim_payment_amount
        if diff != claim_cas + line_cas and claim.loop is not None:
            ctx.add(
                claim.loop.first("CLP"),
                "2100",
                "x12.835.claim-out-of-balance",
                f"claim {clp.claim_submitters_identifier} does not balance: charge "
                f"{clp.total_claim_charge_amount} − paid {clp.claim_payment_amount} = {diff}, "
                f"but claim adjustments ({claim_cas}) + line adjustments ({line_cas}) = "
                f"{claim_cas + line_cas}",
                ik403=IK403.PATTERN_MATCH_FAILURE,
                ref="CLP04",
                element_position=4,
                value=str(clp.claim_payment_amount),
            )
    plb = sum(
        (a.provider_adjustment_amount for p in remit.provider_adjustments for a in p.adjustments),
        ZERO,
    )
    expected = paid - plb
    total = remit.bpr.total_actual_provider_payment_amount
    if expected != total and remit.tree is not None:
        ctx.add(
            remit.tree.first("BPR"),
            "HEADER",
            "x12.835.payment-out-of-balance",
            f"total payment BPR02 {total} does not equal the claim payments ({paid}) "
            f"minus the provider adjustments PLB ({plb}) = {expected}",
            ik403=IK403.PATTERN_MATCH_FAILURE,
            ref="BPR02",
            element_position=2,
            value=str(total),
            segment_id="BPR",
        )
    return not any(f.severity is Severity.ERROR for f in ctx.findings[before:])


def is_balanced(remit: Remittance, delimiters: Delimiters) -> bool:
    """Whether the remittance balances (BPR, every claim, every line)."""
    return check_balancing(Context(delimiters, remit.control_number, []), remit)


def validate(tx: Transaction835, delimiters: Delimiters) -> list[Finding]:
    """Every finding: guide structure and elements, then balancing."""
    enabled = gc.isenabled()
    gc.disable()  # see parsing.parse
    try:
        ctx = check(tx.placed, delimiters)
        check_balancing(ctx, tx.remittance)
    finally:
        if enabled:
            gc.enable()
    return ctx.findings
