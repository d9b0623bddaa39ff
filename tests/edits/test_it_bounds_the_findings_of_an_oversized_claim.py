"""A claim far beyond the 837P's limits (50 service lines, 12 diagnoses) costs time
and output in proportion to its size: a check reports at most 20 findings on it and
says that more are not listed, and the pairwise edits (PTP, add-on, Excludes1) compare
only the lines and diagnoses an 837P claim may carry."""

from __future__ import annotations

from cleanclaim.edits import ScrubContext
from cleanclaim.edits.rules.diagnosis import PAIRWISE_DIAGNOSES
from cleanclaim.edits.rules.ncci import PAIRWISE_LINES
from cleanclaim.edits.scrub import MAX_FINDINGS_PER_CHECK, scrub_claim


def test_it_reports_20_repeated_lines_and_says_more_are_not_listed(mk, ctx: ScrubContext) -> None:
    c = mk.claim(*[mk.line(i, "99213") for i in range(1, 5001)])
    dup = [f for f in scrub_claim(c, ctx).findings if f.rule == "DUP-001"]
    assert len(dup) == MAX_FINDINGS_PER_CHECK + 1 == 21
    assert [f.line for f in dup[:3]] == [None, 2, 3]  # the note has no line: sorted first
    assert "not listed" in dup[0].message and "first 20" in dup[0].message


def test_it_compares_only_the_first_50_lines_for_ptp(mk, ncci_ctx: ScrubContext) -> None:
    # 0001U and 0030U are a PTP pair; 10,000 lines of them, alternating
    lines = [mk.line(i, "0030U" if i % 2 else "0001U") for i in range(1, 10_001)]
    found = mk.findings(mk.claim(*lines), ncci_ctx, "NCCI-PTP-001")
    assert len(found) == MAX_FINDINGS_PER_CHECK + 1
    assert all(f.line is None or f.line <= PAIRWISE_LINES for f in found)
    # a pair only past the 50th line is not compared
    late = [mk.line(i, "99213") for i in range(1, 51)] + [
        mk.line(51, "0001U"),
        mk.line(52, "0030U"),
    ]
    assert mk.findings(mk.claim(*late), ncci_ctx, "NCCI-PTP-001") == []


def test_it_compares_only_the_first_12_diagnoses_for_excludes1(mk, icd_ctx) -> None:
    pair = ("E11.9", "E10.9")
    assert len(mk.findings(mk.claim(diagnoses=pair), icd_ctx, "DX-EX1-001")) == 1
    filler = ("J06.9", "I10", "M54.50", "R05.9", "K21.9", "F41.1", "R51.9", "L30.9")
    filler += ("H10.9", "B34.9", "E78.5", "J30.9")
    assert len(filler) == PAIRWISE_DIAGNOSES
    late = mk.claim(diagnoses=filler + pair)
    found = mk.findings(late, icd_ctx, "DX-EX1-001")
    assert not [f for f in found if "E10.9" in f.message or "E11.9" in f.message]
