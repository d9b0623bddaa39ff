"""An X12 engine finding reaches a claim through the placed loop tree: a segment of a
claim's 2300 loop (or its 2400 lines) is that claim's; a segment of a subscriber loop
(2000B/2010BA) that holds two claims is reported once for the set, on neither."""

from __future__ import annotations

from pathlib import Path

from cleanclaim.edits.x12_adapter import read_837p

GOLDEN = Path(__file__).resolve().parents[1] / "x12" / "golden" / "claims.837"


def _codes(text: str) -> tuple[dict[str, list[str]], list[tuple[str, str]]]:
    got = read_837p(text.encode(), source="golden.837")
    on_claims = {rc.claim.claim_id: [f.code for f in rc.findings] for rc in got.claims}
    outside = [(ff.scope, ff.finding.code) for ff in got.findings]
    return on_claims, outside


def test_it_puts_a_line_finding_on_its_claim_only() -> None:
    text = GOLDEN.read_text().replace("DTP*472*D8*20260930~", "DTP*472*D8*20261330~")
    on_claims, outside = _codes(text)
    assert on_claims == {"RFM-1001": [], "RFM-0950": ["837p.date"], "RFM-1002": []}
    assert outside == []


def test_it_reports_a_subscriber_finding_above_two_claims_for_the_set() -> None:
    text = GOLDEN.read_text().replace("DMG*D8*19610412*F~", "DMG*D8*19611412*F~")
    on_claims, outside = _codes(text)
    assert on_claims == {"RFM-1001": [], "RFM-0950": [], "RFM-1002": []}
    assert outside == [("set", "837p.date")]
