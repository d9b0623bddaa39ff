"""A problem of a transaction set or group is reported once, for that set or group,
not copied onto every claim; the same problem in many sets is folded into one
finding with a count and the first positions."""

from __future__ import annotations

from cleanclaim.edits.finding import MAX_POSITIONS
from cleanclaim.edits.x12_adapter import read_837p
from cleanclaim.testing.hostile_837p import repeated_sets


def test_it_reports_a_problem_repeated_in_100_sets_once_with_its_count() -> None:
    got = read_837p(repeated_sets(100), source="batch.837")
    assert len(got.claims) == 100
    assert all(rc.findings == [] for rc in got.claims)  # none copied onto a claim
    by_code = {ff.finding.code: ff for ff in got.findings}
    assert set(by_code) == {
        "x12.envelope.se-count",
        "x12.envelope.st-control-duplicate",
        "x12.envelope.ge-count",
    }
    se = by_code["x12.envelope.se-count"]
    assert (se.scope, se.set, se.group, se.count, se.file) == (
        "set",
        "0001",
        "101",
        100,
        "batch.837",
    )
    assert len(se.positions) == MAX_POSITIONS and list(se.positions) == sorted(se.positions)
    assert by_code["x12.envelope.st-control-duplicate"].count == 99
    ge = by_code["x12.envelope.ge-count"]
    assert (ge.scope, ge.group, ge.set, ge.count) == ("group", "101", "", 1)
    assert ge.finding.rule == "SYN-001" and ge.finding.claim_id == ""
