"""The 835 math per line: allowed from the fee schedule (else charge × ratio), CO-45 for
the rest, copay for office visits, deductible up to what remains, coinsurance on the rest."""

from __future__ import annotations

from decimal import Decimal

from sandbox_helpers import adjustments, golden_claim, make_837, of_kind, remits


def _claims(data: bytes):
    return {pcn: found[0] for pcn, found in remits(data).items()}


def test_it_pays_jane_smiths_office_visit_and_lab(make_adjudicator) -> None:
    files = make_adjudicator().receive("b.837", make_837([golden_claim(0)]))
    claim = _claims(of_kind(files, "835")[0].data)["RFM-1001"]
    assert claim.clp.total_claim_charge_amount == Decimal("182.50")
    # 99214-25: fee 130.00, charge 150.00 → CO-45 20.00; copay 25.00 (service type 98)
    # 83036: fee 13.50 → CO-45 19.00; deductible 500 with 480 met → 13.50 of the 20.00 left
    assert claim.clp.claim_payment_amount == Decimal("105.00")
    assert claim.clp.patient_responsibility_amount == Decimal("38.50")
    visit, lab = claim.services
    assert visit.svc.line_item_provider_payment_amount == Decimal("105.00")
    assert adjustments(visit.adjustments) == [
        ("CO", "45", Decimal("20.00")),
        ("PR", "3", Decimal("25.00")),
    ]
    assert adjustments(lab.adjustments) == [
        ("CO", "45", Decimal("19.00")),
        ("PR", "1", Decimal("13.50")),
    ]


def test_it_applies_coinsurance_once_the_deductible_is_met(make_adjudicator, world) -> None:
    adjudicator = make_adjudicator()
    adjudicator.receive("first.837", make_837([golden_claim(0)]))
    # 99203 has no fee: allowed = 200.00 × 0.60 = 120.00; 6.50 deductible left; 20 % of 113.50
    line = {
        "procedure": "99203",
        "charge": "200.00",
        "units": "1",
        "dx_pointers": [1],
        "service_date": "2026-10-22",
    }
    later = golden_claim(0, claim_id="RFM-2001", lines=[dict(line, procedure="72100")])
    files = adjudicator.receive("second.837", make_837([later], control=102))
    claim = _claims(of_kind(files, "835")[0].data)["RFM-2001"]
    (svc,) = claim.services
    assert adjustments(svc.adjustments) == [
        ("CO", "45", Decimal("80.00")),
        ("PR", "1", Decimal("6.50")),
        ("PR", "2", Decimal("22.70")),
    ]
    assert claim.clp.claim_payment_amount == Decimal("90.80")
