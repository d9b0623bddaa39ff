"""What a claim payment posts: payments and adjustments as ledger postings.

Per service line (2110) the payment SVC03, then each CAS adjustment under its posting
rule; claim-level CAS and any part of CLP04 not paid on a line post at claim level.
The buckets and signs are the ledger's (``cleanclaim.ledger.models``): a payment or
an adjustment lowers what insurance owes (negative, bucket ``insurance``); patient
responsibility (PR) moves the amount from ``insurance`` to ``patient``.

Rules (:data:`DEFAULT_RULES`, overridable per practice) map ``GROUP-CARC`` (``CO-45``),
``RARC:<code>`` (a remark, LQ*HE) or ``GROUP-*`` to an :class:`Action`; the most
specific wins, in that order. ``hold`` writes nothing to the ledger: the amount stays
with insurance and the line goes to review (the denial work list).

A reversal (CLP02 ``22``) carries the original's amounts negated, so its postings
negate the original's; the payment is posted as kind ``reversal``. CLP02 19/20/21 mean
the payer forwarded the claim to the next payer (crossover): :func:`is_forwarded`.

On a claim billed after a prior payer (a secondary or tertiary: ``after_prior_payer``),
or answered by a payer that processed it as secondary or tertiary (CLP02 2, 3, 20, 21:
a crossover's next payer answers the primary's claim), ``OA-23`` ("the impact of prior
payer(s) adjudication including payments and/or adjustments", CARC 23, X12 Claim
Adjustment Reason Codes) posts nothing: those amounts were posted with the prior payer's
answer, and only the patient's remaining share was handed to this payer
(``cleanclaim.ledger.charges``). On a claim the payer forwarded to the next payer
(crossover, CLP02 19/20/21) the patient responsibility (PR) stays with insurance: the
next payer answers for it, and its own 835 moves to the patient what it leaves.

PLB provider-level adjustments (:func:`plan_provider_adjustments`) go to the
practice bucket with their sign as written: positive withheld from the payment
(recoupment WO/72, forward balance FB), negative paid in addition (interest L6).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum

from cleanclaim.x12.x221a1_835.segments import CAS
from cleanclaim.x12.x221a1_835.view import ClaimPayment, Remittance, ServicePayment

from .matching import LineMatch

ZERO = Decimal(0)


class Action(StrEnum):
    """What a posting rule does with an adjustment."""

    WRITE_OFF = "write_off"  # contractual: the practice does not collect it
    PATIENT = "patient"  # the patient owes it
    ADJUST = "adjust"  # other adjustment (OA, PI, CR), off the insurance balance
    HOLD = "hold"  # nothing posted; to review (denial work)


#: Sensible defaults (docs/remittance.md): contractual CO write-offs, PR to the patient,
#: denial reasons held for review, other groups as other adjustments.
DEFAULT_RULES: Mapping[str, Action] = {
    "CO-*": Action.WRITE_OFF,
    "PR-*": Action.PATIENT,
    "OA-*": Action.ADJUST,
    "PI-*": Action.ADJUST,
    "CR-*": Action.ADJUST,
    # denials: worked, not written off (missing info, not covered, bundled, timely,
    # authorization, non-covered, duplicate, medical necessity, eligibility)
    "CO-16": Action.HOLD,
    "CO-18": Action.HOLD,
    "CO-29": Action.HOLD,
    "CO-50": Action.HOLD,
    "CO-96": Action.HOLD,
    "CO-97": Action.HOLD,
    "CO-197": Action.HOLD,
    "CO-204": Action.HOLD,
    "CO-27": Action.HOLD,
    "CO-4": Action.HOLD,
    "CO-11": Action.HOLD,
}


@dataclass(frozen=True, slots=True)
class Posting:
    """One amount to post: bucket and ledger kind, signed ``amount`` (Decimal), our
    ``line`` (None: claim level), ``reason`` (``CO-45``, ``PR-1``, PLB ``L6``),
    ``action`` (payment, a rule's :class:`Action`, or ``provider``), ``remarks``
    (RARCs of the line) and ``reference`` (PLB reference id)."""

    bucket: str
    kind: str
    amount: Decimal
    action: str
    line: int | None = None
    reason: str = ""
    remarks: tuple[str, ...] = ()
    reference: str = ""

    def as_dict(self) -> dict[str, object]:
        return {
            "bucket": self.bucket,
            "kind": self.kind,
            "amount": str(self.amount),
            "action": self.action,
            "line": self.line,
            "reason": self.reason,
            "remarks": list(self.remarks),
            "reference": self.reference,
        }


def is_reversal(cp: ClaimPayment) -> bool:
    """CLP02 22: reversal of a previous payment."""
    return cp.clp.claim_status_code == "22"


def is_forwarded(cp: ClaimPayment) -> bool:
    """CLP02 19/20/21: processed and forwarded to the next payer (crossover)."""
    return cp.clp.claim_status_code in ("19", "20", "21")


def rule_for(
    rules: Mapping[str, str], group: str, carc: str, remarks: Sequence[str] = ()
) -> Action:
    """The action for ``group``-``carc`` (with the line's RARCs): exact CARC, then a
    remark, then the group's ``*``; ``hold`` when nothing says."""
    for key in (f"{group}-{carc}", *(f"RARC:{r}" for r in remarks), f"{group}-*"):
        if key in rules:
            return Action(rules[key])
    return Action.HOLD


#: CARC 23, group OA: the prior payers' impact, stated on a secondary's 835
PRIOR_PAYER_IMPACT = ("OA", "23")
#: CLP02: processed as secondary (2), tertiary (3), and those forwarded on (20, 21)
AFTER_PRIOR_PAYER = frozenset({"2", "3", "20", "21"})


def _adjustments(
    cas_list: Sequence[CAS],
    line: int | None,
    remarks: tuple[str, ...],
    rules: Mapping[str, str],
    after_prior_payer: bool = False,
    forwarded: bool = False,
) -> list[Posting]:
    out: list[Posting] = []
    for cas in cas_list:
        group = cas.claim_adjustment_group_code
        for adj in cas.adjustments:
            amount: Decimal = adj.monetary_amount
            if not amount:
                continue
            if after_prior_payer and (group, adj.claim_adjustment_reason_code) == (
                PRIOR_PAYER_IMPACT
            ):
                continue
            reason = f"{group}-{adj.claim_adjustment_reason_code}"
            action = rule_for(rules, group, adj.claim_adjustment_reason_code, remarks)
            if action is Action.PATIENT and forwarded:
                continue  # the next payer answers for it
            if action is Action.PATIENT:
                out.append(
                    Posting(
                        "insurance", "transfer_to_patient", -amount, action, line, reason, remarks
                    )
                )
                out.append(
                    Posting("patient", "transfer_to_patient", amount, action, line, reason, remarks)
                )
            elif action is Action.WRITE_OFF:
                kind = "contractual_adjustment" if group == "CO" else "write_off"
                out.append(Posting("insurance", kind, -amount, action, line, reason, remarks))
            elif action is Action.ADJUST:
                out.append(
                    Posting("insurance", "other_adjustment", -amount, action, line, reason, remarks)
                )
            else:
                out.append(Posting("insurance", "", -amount, action, line, reason, remarks))
    return out


def _remarks(svc: ServicePayment) -> tuple[str, ...]:
    return tuple(code for qualifier, code in svc.remark_codes if qualifier in ("HE", "RX"))


def plan(
    cp: ClaimPayment,
    matched: Sequence[LineMatch],
    rules: Mapping[str, str] = DEFAULT_RULES,
    *,
    after_prior_payer: bool = False,
) -> list[Posting]:
    """The postings of one claim payment; ``matched`` from :func:`match_lines` over
    ``cp.services``. A ``hold`` posting has kind ``""``: it is never written.
    ``after_prior_payer``: the claim is a secondary or tertiary (``OA-23`` posts nothing,
    as it does when CLP02 says the payer processed it after another)."""
    pay_kind = "reversal" if is_reversal(cp) else "insurance_payment"
    prior = after_prior_payer or cp.clp.claim_status_code in AFTER_PRIOR_PAYER
    forwarded = is_forwarded(cp)
    by_index = {m.index: m.line for m in matched}
    out: list[Posting] = []
    paid_on_lines = ZERO
    for i, svc in enumerate(cp.services):
        line = by_index.get(i)
        remarks = _remarks(svc)
        paid = svc.svc.line_item_provider_payment_amount
        paid_on_lines += paid
        if paid:
            out.append(Posting("insurance", pay_kind, -paid, "payment", line, "", remarks))
        out += _adjustments(svc.adjustments, line, remarks, rules, prior, forwarded)
    rest = cp.clp.claim_payment_amount - paid_on_lines
    if rest:
        out.append(Posting("insurance", pay_kind, -rest, "payment"))
    out += _adjustments(cp.adjustments, None, (), rules, prior, forwarded)
    return out


def plan_provider_adjustments(remit: Remittance) -> list[Posting]:
    """PLB adjustments (reason PLB03-1, reference PLB03-2) to the practice bucket."""
    out: list[Posting] = []
    for plb in remit.provider_adjustments:
        for adj in plb.adjustments:
            out.append(
                Posting(
                    "practice",
                    "provider_adjustment",
                    adj.provider_adjustment_amount,
                    "provider",
                    None,
                    adj.adjustment_reason_code,
                    (),
                    adj.reference_identification,
                )
            )
    return out
