"""Files of the shapes an attacker sends (~1 MB and ~4.9 MB of claims with a defect
each under one subscriber, ~700 KB of empty transaction sets, one 4.9 MB claim) give
findings linear in the file: each patient's problem on its own claim only, never
copied onto the others, identical set-level ones folded, at most 21 per check on one
claim; the report's size is a small multiple of the input. Speed is measured in
bench/scrub_hostile.py."""

from __future__ import annotations

import datetime as dt
import json
from collections import Counter

import pytest

from cleanclaim.edits import ScrubContext, report
from cleanclaim.edits.document import scrub_document
from cleanclaim.testing.hostile_837p import empty_sets, huge_claim, many_claims

CTX = ScrubContext(as_of=dt.date(2026, 11, 20))


@pytest.mark.slow
@pytest.mark.parametrize("size", [1_000_000, 4_900_000])
def test_it_reports_each_claims_defects_on_that_claim_only(size: int) -> None:
    data = many_claims(size)
    got = scrub_document(data, CTX, name="big.837")
    claims = data.count(b"\nCLM*")
    assert len(got.claims) == claims > 3000
    for r in got.claims:
        codes = Counter(f.code for f in r.findings if f.code)
        # its own patient's birth date (2010CA DMG02) and its own place of service ZZ
        # (CLM05-1, not in the external code list: the guide model warns), nothing of
        # the other patients'
        expected = Counter({"837p.date": 1, "x12.element.unknown-external-code": 1})
        assert codes == expected, (r.claim_id, codes)
        assert len(r.findings) <= 6
    assert got.findings == []
    size_out = len(json.dumps(report(got.claims, got.findings)))
    assert size_out <= 20 * len(data)


def test_it_folds_the_findings_of_700_kb_of_empty_sets() -> None:
    data = empty_sets(700_000)
    sets = data.count(b"\nST*")
    got = scrub_document(data, CTX, name="empty.837")
    assert got.claims == [] and sets > 5000
    assert 1 <= len(got.findings) <= 5
    assert all(ff.scope == "set" and ff.count >= sets for ff in got.findings)
    assert len(json.dumps(report(got.claims, got.findings))) < 10_000


@pytest.mark.slow
def test_it_bounds_the_findings_of_one_4_9_mb_claim() -> None:
    data = huge_claim(4_900_000)
    got = scrub_document(data, CTX, name="huge.837")
    (claim,) = got.claims
    by_code = Counter(f.code for f in claim.findings if f.code)
    assert by_code["837p.date"] == 21  # 20 of its ~50,000 bad dates, then "not listed"
    assert max(Counter(f.rule for f in claim.findings if not f.code).values()) <= 21
    assert len(json.dumps(report(got.claims, got.findings))) < 200_000
