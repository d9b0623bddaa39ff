"""Denials with real CARC/RARC: no authorization (CO-197 + M62), not covered (CO-96 +
N130), timely filing (CO-29), coverage ended (CO-27), an exact duplicate (OA-18)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from sandbox_helpers import adjustments, golden_claim, make_837, of_kind, our_errors, remits


def _line(code: str, day: str = "2026-10-20", charge: str = "100.00") -> dict[str, object]:
    return {
        "procedure": code,
        "charge": charge,
        "units": "1",
        "dx_pointers": [1],
        "service_date": day,
    }


def _only(files, pcn: str):
    (claim,) = remits(of_kind(files, "835")[0].data)[pcn]
    return claim


def test_it_denies_a_service_needing_an_authorization_not_on_file(make_adjudicator) -> None:
    # the member's authorization AUTH7001 covers 72148 from 2026-10-01 only
    claim = golden_claim(0, claim_id="AUTH-1", lines=[_line("72148", "2026-09-20")])
    claim["total_charge"] = "100.00"
    files = make_adjudicator().receive("a.837", make_837([claim]))
    paid = _only(files, "AUTH-1")
    assert paid.clp.claim_status_code == "4"
    assert paid.clp.claim_payment_amount == Decimal("0.00")
    (svc,) = paid.services
    assert adjustments(svc.adjustments) == [("CO", "197", Decimal("100.00"))]
    assert [code for _, code in svc.remark_codes] == ["M62"]


def test_it_pays_a_service_its_authorization_covers(make_adjudicator) -> None:
    claim = golden_claim(0, claim_id="AUTH-2", lines=[_line("72148", "2026-10-20")])
    files = make_adjudicator().receive("a.837", make_837([claim]))
    assert _only(files, "AUTH-2").clp.claim_payment_amount > 0


def test_it_denies_a_service_the_plan_does_not_cover(make_adjudicator) -> None:
    claim = golden_claim(0, claim_id="NC-1", lines=[_line("97810")])
    files = make_adjudicator().receive("a.837", make_837([claim]))
    (svc,) = _only(files, "NC-1").services
    assert adjustments(svc.adjustments) == [("CO", "96", Decimal("100.00"))]
    assert [code for _, code in svc.remark_codes] == ["N130"]


def test_it_denies_a_claim_filed_after_the_payers_limit(make_adjudicator) -> None:
    # ACME allows 180 days; the service was 2026-04-01, the sandbox's day 2026-11-05
    claim = golden_claim(0, claim_id="LATE-1", lines=[_line("99213", "2026-04-01")])
    files = make_adjudicator().receive("a.837", make_837([claim]))
    (svc,) = _only(files, "LATE-1").services
    assert adjustments(svc.adjustments) == [("CO", "29", Decimal("100.00"))]


def test_it_denies_a_service_after_the_coverage_ended(make_adjudicator) -> None:
    claim = golden_claim(0, claim_id="GONE-1", lines=[_line("99213", "2026-10-20")])
    claim["subscriber"] = dict(
        claim["subscriber"],
        member_id="Z555000",
        last_name="GRAY",
        first_name="OWEN",
        dob="1950-07-07",
        sex="M",
    )
    files = make_adjudicator().receive("a.837", make_837([claim]))
    (svc,) = _only(files, "GONE-1").services
    assert adjustments(svc.adjustments) == [("CO", "27", Decimal("100.00"))]


def test_it_denies_the_same_claim_sent_again_as_a_duplicate(make_adjudicator) -> None:
    adjudicator = make_adjudicator()
    first = adjudicator.receive("a.837", make_837([golden_claim(0)]))
    again = adjudicator.receive("b.837", make_837([golden_claim(0)], control=102))
    assert _only(first, "RFM-1001").clp.claim_payment_amount == Decimal("105.00")
    denied = _only(again, "RFM-1001")
    assert denied.clp.claim_status_code == "4"
    assert [adjustments(s.adjustments) for s in denied.services] == [
        [("OA", "18", Decimal("150.00"))],
        [("OA", "18", Decimal("32.50"))],
    ]
    assert our_errors(of_kind(again, "835")[0].data) == []


def test_every_denial_file_passes_our_validator_and_pyx12(make_adjudicator, pyx12_validate) -> None:
    claims = [
        golden_claim(0, claim_id="D-1", lines=[_line("72148", "2026-09-20")]),
        golden_claim(0, claim_id="D-2", lines=[_line("97810"), _line("99213")]),
        golden_claim(0, claim_id="D-3", lines=[_line("99213", "2026-04-01")]),
    ]
    files = make_adjudicator(today=dt.date(2026, 11, 5)).receive("d.837", make_837(claims))
    for f in files:
        assert our_errors(f.data) == [], f.kind
        ok, errors = pyx12_validate(f.data)
        assert ok, (f.kind, errors)
