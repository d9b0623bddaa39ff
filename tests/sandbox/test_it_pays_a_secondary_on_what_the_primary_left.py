"""A secondary claim (SBR01 S, the primary's 2320/2430) is paid on the patient's
remaining liability R after the primary: OA-23 = charge − R, the secondary member's
own share of R as PR-1/2/3, paid = min(R − share, allowed − the primary's payment),
and what the secondary's allowed amount leaves of R stays the patient's as PR-45."""

from __future__ import annotations

import json
from decimal import Decimal
from typing import Any

import pytest
from sandbox_helpers import EXAMPLE_WORLD, adjustments, golden_claim, make_837, of_kind, our_errors

from cleanclaim.remittance.balancing import balance
from cleanclaim.sandbox.world import World
from cleanclaim.x12 import parse

SECOND = "77001"


@pytest.fixture
def cob_world() -> World:
    """Jane Smith, primary ACME (60054), secondary SECOND CHANCE (77001): fees 140.00 for
    99214-25 and 20.00 for 83036, 50 % of the charge otherwise; no copay; a deductible
    of 50.00 with 40.00 met (none for office visits)."""
    obj = json.loads(EXAMPLE_WORLD.read_text())
    obj["payers"].append(
        {
            "payer_id": SECOND,
            "name": "SECOND CHANCE INSURANCE",
            "kind": "commercial",
            "fees": {"99214:25": "140.00", "83036": "20.00", "99213": "80.00"},
            "default_allowed_ratio": "0.50",
            "timely_filing_days": 365,
        }
    )
    jane = dict(obj["members"][0], payer_id=SECOND, member_id="S5550001", plan_name="SUPP")
    jane["benefits"] = [
        {
            "service_type": "30",
            "copay": "0",
            "coinsurance_percent": "0",
            "deductible_total": "50.00",
            "deductible_met": "40.00",
        },
        {"service_type": "98", "copay": "0", "coinsurance_percent": "0"},
    ]
    jane.pop("authorizations", None)
    obj["members"].append(jane)
    return World.from_json(obj)


def _line(code: str, charge: str, paid: str, cas: list[tuple[str, str, str]], **more: Any):
    adj = [{"group": g, "reason": r, "amount": a} for g, r, a in cas]
    return {
        "procedure": code,
        "charge": charge,
        "units": "1",
        "dx_pointers": [1],
        "service_date": "2026-10-20",
        **more,
        "adjudications": [
            {
                "payer_id": "60054",
                "paid": paid,
                "procedure": code,
                "modifiers": more.get("modifiers", []),
                "units": "1",
                "adjustments": adj,
                "adjudicated_on": "2026-10-30",
            }
        ],
    }


def _secondary(responsibility: str = "S", member_id: str = "S5550001") -> dict[str, Any]:
    lines = [
        # the primary paid 105.00 and left the 25.00 copay
        _line(
            "99214",
            "150.00",
            "105.00",
            [("CO", "45", "20.00"), ("PR", "3", "25.00")],
            modifiers=["25"],
        ),
        # the primary paid nothing: 13.50 of deductible
        _line("83036", "32.50", "0.00", [("CO", "45", "19.00"), ("PR", "1", "13.50")]),
        # the primary paid in full (R = 0)
        _line("99213", "100.00", "92.00", [("CO", "45", "8.00")]),
        # the primary left 29.20, more than the secondary's 100.00 allowed minus 90.80
        _line(
            "72100",
            "200.00",
            "90.80",
            [("CO", "45", "80.00"), ("PR", "1", "6.50"), ("PR", "2", "22.70")],
        ),
    ]
    claim = golden_claim(0, lines=lines, payer={"name": "SECOND CHANCE INSURANCE", "id": SECOND})
    claim["payer_responsibility"] = responsibility
    claim["subscriber"] = dict(claim["subscriber"], member_id=member_id)
    claim["other_payers"] = [
        {
            "responsibility": "P",
            "payer_name": "ACME HEALTH PLAN",
            "payer_id": "60054",
            "filing_indicator": "CI",
            "subscriber": {"last_name": "SMITH", "first_name": "JANE", "member_id": "W123456789"},
            "paid": "287.80",
            "adjudicated_on": "2026-10-30",
        }
    ]
    return claim


def _remit(make_adjudicator, world: World, claim: dict[str, Any], pyx12_validate):
    files = make_adjudicator(w=world).receive("cob.837", make_837([claim]))
    (ack,) = of_kind(files, "277CA")
    assert b"STC*A2:20:PR" in ack.data
    (remit,) = of_kind(files, "835")
    assert our_errors(remit.data) == []
    ok, errors = pyx12_validate(remit.data)
    assert ok, errors
    remittance = parse(remit.data).transactions[0].data.remittance
    assert balance(remittance) == []
    return remittance


def test_it_pays_the_remaining_liability_as_secondary(
    make_adjudicator, cob_world, pyx12_validate
) -> None:
    remittance = _remit(make_adjudicator, cob_world, _secondary(), pyx12_validate)
    (claim,) = remittance.claims
    assert claim.clp.claim_status_code == "2"
    visit, lab, paid_in_full, limited = claim.services
    # the whole 25.00 copay: allowed 140.00 − 105.00 leaves room for it
    assert visit.svc.line_item_provider_payment_amount == Decimal("25.00")
    assert adjustments(visit.adjustments) == [("OA", "23", Decimal("125.00"))]
    # R 13.50: the secondary's own deductible (10.00 left of it) stays the patient's
    assert lab.svc.line_item_provider_payment_amount == Decimal("3.50")
    assert adjustments(lab.adjustments) == [
        ("OA", "23", Decimal("19.00")),
        ("PR", "1", Decimal("10.00")),
    ]
    # R 0: nothing to pay, the whole charge is the prior payer's impact
    assert paid_in_full.svc.line_item_provider_payment_amount == Decimal("0.00")
    assert adjustments(paid_in_full.adjustments) == [("OA", "23", Decimal("100.00"))]
    # R 29.20, allowed 200.00 × 0.50 = 100.00, 100.00 − 90.80 = 9.20 paid, 20.00 left
    assert limited.svc.line_item_provider_payment_amount == Decimal("9.20")
    assert adjustments(limited.adjustments) == [
        ("OA", "23", Decimal("170.80")),
        ("PR", "45", Decimal("20.00")),
    ]
    assert claim.clp.claim_payment_amount == Decimal("37.70")
    assert claim.clp.patient_responsibility_amount == Decimal("30.00")
    assert remittance.bpr.total_actual_provider_payment_amount == Decimal("37.70")


def test_it_pays_a_tertiary_on_what_the_secondary_left(
    make_adjudicator, cob_world, pyx12_validate
) -> None:
    claim = _secondary("T")
    visit = claim["lines"][0]
    claim["lines"] = [visit]
    # the secondary (MIDDLE, 88001) paid 15.00 of the 25.00 copay; 10.00 is left
    visit["adjudications"].append(
        dict(
            visit["adjudications"][0],
            payer_id="88001",
            paid="15.00",
            adjustments=[
                {"group": "OA", "reason": "23", "amount": "125.00"},
                {"group": "PR", "reason": "1", "amount": "10.00"},
            ],
        )
    )
    primary = dict(claim["other_payers"][0], paid="105.00")
    secondary = dict(primary, responsibility="S", payer_name="MIDDLE", payer_id="88001")
    claim["other_payers"] = [primary, dict(secondary, paid="15.00")]
    remittance = _remit(make_adjudicator, cob_world, claim, pyx12_validate)
    (paid,) = remittance.claims
    assert paid.clp.claim_status_code == "3"
    # R = the latest prior payer's PR (10.00), not the primary's 25.00 counted again
    assert paid.clp.claim_payment_amount == Decimal("10.00")
    assert adjustments(paid.services[0].adjustments) == [("OA", "23", Decimal("140.00"))]


def test_it_adjudicates_a_secondary_without_prior_payments_as_a_primary(
    make_adjudicator, cob_world, pyx12_validate
) -> None:
    claim = _secondary()
    claim.pop("other_payers")
    for line in claim["lines"]:
        line.pop("adjudications")
    claim["lines"] = claim["lines"][:1]
    remittance = _remit(make_adjudicator, cob_world, claim, pyx12_validate)
    (paid,) = remittance.claims
    assert paid.clp.claim_status_code == "1"
    # allowed 140.00, no copay for the secondary's member: CO-45 10.00, all paid
    assert adjustments(paid.services[0].adjustments) == [("CO", "45", Decimal("10.00"))]
    assert paid.clp.claim_payment_amount == Decimal("140.00")
