"""Planning: a reversal (CLP02 22) negates the original's postings, a crossover is
marked forwarded, PLB adjustments go to the practice with their reference, and rules
decide per CARC (denials held, PR to the patient)."""

from __future__ import annotations

from decimal import Decimal

from cleanclaim.remittance import (
    Action,
    is_forwarded,
    match_lines,
    plan,
    plan_provider_adjustments,
    rule_for,
)
from cleanclaim.x12 import parse, write_json

BASE = {
    "transaction_set": "835",
    "control_number": "0001",
    "sender_id": "PAYER",
    "receiver_id": "CLEANCLAIM",
    "payment_method": "ACH",
    "payment_date": "2026-02-02",
    "trace_number": "T1",
    "payer_identifier": "1999999999",
    "payer": {"name": "MUTUAL", "id_qualifier": "XV", "id": "P1"},
    "payee": {"name": "CLINIC", "id_qualifier": "XX", "id": "1234567893"},
}


def _claim(status: str, sign: int) -> dict[str, object]:
    return {
        "patient_control_number": "CC1",
        "status_code": status,
        "charge": str(100 * sign),
        "paid": str(60 * sign),
        "payer_claim_control_number": "PCN1",
        "services": [
            {
                "procedure": "99213",
                "charge": str(100 * sign),
                "paid": str(60 * sign),
                "adjustments": [
                    {"group": "CO", "reason": "45", "amount": str(20 * sign)},
                    {"group": "PR", "reason": "1", "amount": str(20 * sign)},
                ],
            }
        ],
    }


def _remit(claims: list[dict[str, object]], total: str, plb: list[dict[str, str]]) -> object:
    body = {**BASE, "total_payment": total, "claims": claims, "provider_adjustments": plb}
    return parse(write_json(body).encode()).transactions[0].data.remittance


def test_a_reversal_negates_the_original() -> None:
    remit = _remit([_claim("1", 1), _claim("22", -1), _claim("19", 1)], "60", [])
    original, reversal, _forwarded = (plan(cp, match_lines(cp.services, [])) for cp in remit.claims)
    assert [(p.bucket, p.amount, p.reason) for p in original] == [
        ("insurance", Decimal("-60"), ""),
        ("insurance", Decimal("-20"), "CO-45"),
        ("insurance", Decimal("-20"), "PR-1"),
        ("patient", Decimal("20"), "PR-1"),
    ]
    assert [p.amount for p in reversal] == [-p.amount for p in original]
    assert reversal[0].kind == "reversal"
    assert is_forwarded(remit.claims[2]) and not is_forwarded(remit.claims[0])


def test_plb_goes_to_the_practice_with_its_reference() -> None:
    plb = [
        {
            "provider_id": "1234567893",
            "fiscal_period_date": "2026-12-31",
            "reason": "L6",
            "reference": "INT1",
            "amount": "-2.50",
        },
        {
            "provider_id": "1234567893",
            "fiscal_period_date": "2026-12-31",
            "reason": "WO",
            "reference": "RECOUP9",
            "amount": "10",
        },
    ]
    remit = _remit([_claim("1", 1)], "52.50", plb)
    got = [(p.bucket, p.reason, p.reference, p.amount) for p in plan_provider_adjustments(remit)]
    assert got == [
        ("practice", "L6", "INT1", Decimal("-2.50")),
        ("practice", "WO", "RECOUP9", Decimal("10")),
    ]


def test_rules_pick_the_most_specific() -> None:
    rules = {"CO-*": "write_off", "CO-197": "hold", "RARC:N30": "hold", "PR-*": "patient"}
    assert rule_for(rules, "CO", "45") is Action.WRITE_OFF
    assert rule_for(rules, "CO", "197") is Action.HOLD
    assert rule_for(rules, "CO", "45", ["N30"]) is Action.HOLD
    assert rule_for(rules, "PR", "3") is Action.PATIENT
    assert rule_for(rules, "OA", "23") is Action.HOLD  # nothing says: held


def test_a_secondary_posts_its_payment_and_patient_share_but_not_the_prior_payers_oa23() -> None:
    """CARC 23 (group OA only): the impact of prior payer(s) adjudication; on a secondary
    those amounts were posted with the primary's answer (X12 CARC list, code 23)."""
    secondary = {
        "patient_control_number": "CC2",
        "status_code": "2",
        "charge": "100",
        "paid": "15",
        "patient_responsibility": "10",
        "payer_claim_control_number": "PCN2",
        "services": [
            {
                "procedure": "99213",
                "charge": "100",
                "paid": "15",
                "adjustments": [
                    {"group": "OA", "reason": "23", "amount": "75"},
                    {"group": "PR", "reason": "1", "amount": "10"},
                ],
            }
        ],
    }
    cp = _remit([secondary], "15", []).claims[0]
    matched = match_lines(cp.services, [])
    as_secondary = plan(cp, matched, after_prior_payer=True)
    assert [(p.bucket, p.kind, p.amount, p.reason) for p in as_secondary] == [
        ("insurance", "insurance_payment", Decimal("-15"), ""),
        ("insurance", "transfer_to_patient", Decimal("-10"), "PR-1"),
        ("patient", "transfer_to_patient", Decimal("10"), "PR-1"),
    ]
    # CLP02 2 says the payer processed it as secondary: the same on our primary claim
    # (a crossover's next payer answering the claim the primary forwarded)
    assert plan(cp, matched) == as_secondary
    # processed as primary (CLP02 1), a payer's own OA-23 is an other adjustment
    primary = _remit([{**secondary, "status_code": "1"}], "15", []).claims[0]
    assert ("insurance", "other_adjustment", Decimal("-75"), "OA-23") in [
        (p.bucket, p.kind, p.amount, p.reason) for p in plan(primary, matched)
    ]


def test_a_forwarded_claims_patient_share_stays_with_insurance_for_the_next_payer() -> None:
    """CLP02 19 (processed as primary, forwarded to the next payer): the PR amounts are
    the next payer's to answer; the payment and the contractual adjustment post."""
    cp = _remit([_claim("19", 1)], "60", []).claims[0]
    postings = plan(cp, match_lines(cp.services, []))
    assert [(p.bucket, p.kind, p.amount, p.reason) for p in postings] == [
        ("insurance", "insurance_payment", Decimal("-60"), ""),
        ("insurance", "contractual_adjustment", Decimal("-20"), "CO-45"),
    ]
