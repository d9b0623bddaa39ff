"""timely-filing with the payer's own limits (its payer profile, keyed by the payer id
of 2010BB): checked against the payer's figure, not the 90-day default; past it is an
error citing the profile; a secondary claim counts from the primary's payment date
(2330B DTP*573) and says so when that date is missing. Persona: Alice Adams, seen
2026-08-03, billed to Cascade Health (CASC1, 180 days)."""

from __future__ import annotations

import datetime as dt

from cleanclaim.deadlines import Limit, PayerLimits
from cleanclaim.edits import Payer, ScrubContext

CASCADE = Payer("CASCADE HEALTH", "CASC1", "commercial")
OWN = {
    "CASC1": PayerLimits(
        timely=Limit(180, citation="Cascade provider contract §4.2"),
        secondary=Limit(60, citation="Cascade COB policy"),
    )
}


def test_it_checks_against_the_payers_own_limit_not_the_default(mk) -> None:
    # 2026-08-03 + 90 days = 2026-11-01 (the default), + 180 days = 2027-01-30
    ctx = ScrubContext(as_of=dt.date(2026, 12, 31), payer_limits=OWN)
    assert mk.findings(mk.claim(payer=CASCADE), ctx, "TF-001") == []
    (soon,) = mk.findings(
        mk.claim(payer=CASCADE),
        ScrubContext(as_of=dt.date(2027, 1, 20), payer_limits=OWN),
        "TF-002",
    )
    assert "180-day" in soon.message and "2027-01-30" in soon.message


def test_a_claim_past_the_payers_own_limit_is_an_error_citing_the_profile(mk) -> None:
    ctx = ScrubContext(as_of=dt.date(2046, 1, 1), payer_limits=OWN)  # ~7,000 days late
    (f,) = mk.findings(mk.claim(payer=CASCADE), ctx, "TF-001")
    assert f.severity == "error" and f.carc == "29"
    assert f.source == "Payer profile CASC1: Cascade provider contract §4.2"
    assert "180-day filing limit" in f.message and "ended 2027-01-30" in f.message


def test_without_a_profile_a_default_limit_still_only_warns(mk) -> None:
    ctx = ScrubContext(as_of=dt.date(2046, 1, 1), payer_limits=OWN)
    other = Payer("ACME HEALTH", "ACME01", "commercial")
    (f,) = mk.findings(mk.claim(payer=other), ctx, "TF-001")
    assert f.severity == "warning" and "default" in f.source


def test_a_profile_marked_default_only_warns(mk) -> None:
    limits = {"CASC1": PayerLimits(timely=Limit(180, citation="example"), default=True)}
    ctx = ScrubContext(as_of=dt.date(2046, 1, 1), payer_limits=limits)
    (f,) = mk.findings(mk.claim(payer=CASCADE), ctx, "TF-001")
    assert f.severity == "warning" and "default" in f.source


def test_a_secondary_claim_counts_from_the_primarys_payment(mk) -> None:
    # past the 180 days from the date of service, within 60 days of the primary's payment
    c = mk.claim(payer=CASCADE, payer_responsibility="S", other_payer_paid=dt.date(2027, 1, 25))
    ctx = ScrubContext(as_of=dt.date(2027, 3, 1), payer_limits=OWN)
    assert mk.findings(c, ctx, "TF-001") == []
    late = ScrubContext(as_of=dt.date(2027, 3, 27), payer_limits=OWN)
    (f,) = mk.findings(c, late, "TF-001")
    assert (
        f.severity == "error"
        and f.line is None
        and f.source == "Payer profile CASC1: Cascade COB policy"
    )
    assert "60-day secondary-claim filing limit" in f.message
    assert "primary payer's payment on 2027-01-25 ended 2027-03-26" in f.message


def test_a_secondary_claim_without_the_primarys_payment_date_says_so(mk) -> None:
    c = mk.claim(payer=CASCADE, payer_responsibility="S")
    ctx = ScrubContext(as_of=dt.date(2027, 3, 1), payer_limits=OWN)
    assert mk.findings(c, ctx, "TF-001") == []
    (f,) = mk.findings(c, ctx, "TF-003")
    assert f.severity == "warning" and "2330B DTP*573" in f.message


def test_a_secondary_claim_at_a_payer_without_a_secondary_limit_counts_from_the_service(mk) -> None:
    c = mk.claim(payer=CASCADE, payer_responsibility="S", other_payer_paid=dt.date(2027, 3, 1))
    limits = {"CASC1": PayerLimits(timely=Limit(180, citation="contract"))}
    (f,) = mk.findings(c, ScrubContext(as_of=dt.date(2027, 3, 27), payer_limits=limits), "TF-001")
    assert f.line == 1 and "ended 2027-01-30" in f.message
