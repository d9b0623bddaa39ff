"""dx-excludes1 from the FY2026 tabular: the note at the code or any ancestor,
the pair reported once, with the guideline exception stated."""

from __future__ import annotations


def test_it_flags_a_pair_excluded_at_an_ancestor(mk, icd_ctx) -> None:
    # E11.9 inherits "Excludes1: type 1 diabetes mellitus (E10.-)" from category E11
    (f,) = mk.findings(mk.claim(diagnoses=("E11.9", "E10.9")), icd_ctx, "DX-EX1-001")
    assert f.category == "dx-excludes1" and f.severity == "warning"
    assert "E11.9" in f.message and "E10.9" in f.message
    assert "unrelated" in f.message
    assert f.source.startswith("ICD-10-CM FY2026") and "Excludes1 at E" in f.source


def test_it_reports_the_pair_once_whichever_side_holds_the_note(mk, icd_ctx) -> None:
    c = mk.claim(diagnoses=("E10.9", "E11.9"))
    assert len(mk.findings(c, icd_ctx, "DX-EX1-001")) == 1


def test_it_matches_range_targets(mk, icd_ctx) -> None:
    # I10 Excludes1 hypertension complicating pregnancy (O10-O11, O13-O16)
    (f,) = mk.findings(mk.claim(diagnoses=("I10", "O13.1")), icd_ctx, "DX-EX1-001")
    assert "Excludes1 at I10" in f.source


def test_it_leaves_excludes2_pairs_alone(mk, icd_ctx) -> None:
    # J45 asthma and I10 hypertension: unrelated, no Excludes1 between them
    assert mk.findings(mk.claim(diagnoses=("J45.909", "I10")), icd_ctx, "DX-EX1-001") == []
