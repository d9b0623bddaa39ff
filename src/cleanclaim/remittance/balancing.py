"""The 835 balancing rules as differences a biller can read.

005010X221A1 section 1.10.2.1 (decision 0403): per service line SVC02 − SVC03 = Σ line
CAS; per claim CLP03 − CLP04 = Σ claim CAS + Σ line CAS; per transaction BPR02 =
Σ CLP04 − Σ PLB. The X12 engine's validator (:mod:`cleanclaim.x12.x221a1_835.validation`)
is the rule that decides; this module restates it on the typed view so a refused
file can show, per place, the amounts on each side (a test holds the two to the same
verdict on every sample and on generated files).
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from cleanclaim.x12.x221a1_835.view import ClaimPayment, Remittance, ServicePayment

ZERO = Decimal(0)


@dataclass(frozen=True, slots=True)
class Difference:
    """One rule that does not add up.

    ``level`` is ``line`` / ``claim`` / ``payment``; ``trace`` the TRN02, ``claim`` the
    CLP01 (empty for the payment), ``line`` the 1-based service line in the claim
    (0 when not a line); ``expected`` the left side (SVC02 − SVC03, CLP03 − CLP04,
    BPR02), ``actual`` what the other side adds up to."""

    level: str
    trace: str
    claim: str
    line: int
    expected: Decimal
    actual: Decimal
    message: str

    @property
    def difference(self) -> Decimal:
        return self.expected - self.actual

    def as_dict(self) -> dict[str, str | int]:
        return {
            "level": self.level,
            "trace": self.trace,
            "claim": self.claim,
            "line": self.line,
            "expected": str(self.expected),
            "actual": str(self.actual),
            "difference": str(self.difference),
            "message": self.message,
        }


def _line_cas(svc: ServicePayment) -> Decimal:
    return sum((a.monetary_amount for c in svc.adjustments for a in c.adjustments), ZERO)


def _claim(trace: str, cp: ClaimPayment) -> list[Difference]:
    out: list[Difference] = []
    pcn = cp.clp.claim_submitters_identifier
    lines_total = ZERO
    for n, svc in enumerate(cp.services, start=1):
        cas = _line_cas(svc)
        lines_total += cas
        left = svc.svc.line_item_charge_amount - svc.svc.line_item_provider_payment_amount
        if left != cas:
            out.append(
                Difference(
                    "line",
                    trace,
                    pcn,
                    n,
                    left,
                    cas,
                    f"claim {pcn} line {n}: charge − paid (SVC02 − SVC03) = {left}, "
                    f"line adjustments (CAS) = {cas}, off by {left - cas}",
                )
            )
    claim_cas = cp.cas_total()
    left = cp.clp.total_claim_charge_amount - cp.clp.claim_payment_amount
    right = claim_cas + lines_total
    if left != right:
        out.append(
            Difference(
                "claim",
                trace,
                pcn,
                0,
                left,
                right,
                f"claim {pcn}: charge − paid (CLP03 − CLP04) = {left}, claim and line "
                f"adjustments (CAS) = {right}, off by {left - right}",
            )
        )
    return out


def balance(remit: Remittance) -> list[Difference]:
    """Every balancing rule the remittance breaks; empty when it balances."""
    trace = remit.trn.reference_identification if remit.trn else ""
    out: list[Difference] = []
    paid = ZERO
    for cp in remit.claims:
        out += _claim(trace, cp)
        paid += cp.clp.claim_payment_amount
    plb = sum(
        (a.provider_adjustment_amount for p in remit.provider_adjustments for a in p.adjustments),
        ZERO,
    )
    total = remit.bpr.total_actual_provider_payment_amount
    if total != paid - plb:
        out.append(
            Difference(
                "payment",
                trace,
                "",
                0,
                total,
                paid - plb,
                f"total payment BPR02 = {total}, claim payments (Σ CLP04 {paid}) − provider "
                f"adjustments (Σ PLB {plb}) = {paid - plb}, off by {total - (paid - plb)}",
            )
        )
    return out
