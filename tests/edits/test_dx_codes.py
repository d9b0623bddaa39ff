"""dx-invalid and dx-not-billable against the FY2026 ICD-10-CM tabular (codes store)."""

from __future__ import annotations


def test_it_flags_a_code_that_does_not_exist(mk, icd_ctx) -> None:
    (f,) = mk.findings(mk.claim(diagnoses=("Z99.999",)), icd_ctx, "DX-INV-001")
    assert (f.category, f.carc) == ("dx-invalid", "146")
    assert "Z99.999" in f.message and "FY2026" in f.message


def test_it_flags_a_header_code_and_offers_its_children(mk, icd_ctx) -> None:
    (f,) = mk.findings(mk.claim(diagnoses=("E11",)), icd_ctx, "DX-NB-001")
    assert "E11.0" in f.message and f.category == "dx-not-billable"


def test_it_flags_a_missing_seventh_character(mk, icd_ctx) -> None:
    (f,) = mk.findings(mk.claim(diagnoses=("S93.401",)), icd_ctx, "DX-NB-002")
    assert "S93.401A" in f.message and "initial encounter" in f.message
    assert f.source.endswith("7th characters at S93")


def test_it_shows_the_placeholder_x_for_short_codes(mk, icd_ctx) -> None:
    (f,) = mk.findings(mk.claim(diagnoses=("T36.0",)), icd_ctx, "DX-NB-001") or mk.findings(
        mk.claim(diagnoses=("T36.0",)), icd_ctx, "DX-NB-002"
    )
    assert f.category == "dx-not-billable"


def test_it_accepts_billable_codes_with_or_without_dot(mk, icd_ctx) -> None:
    c = mk.claim(diagnoses=("S93.401A", "E119", "T36.0X1A"))
    assert [r for r in mk.rules_of(c, icd_ctx) if r.startswith("DX-")] == []


def test_it_flags_icd9_codes_after_october_2015(mk, icd_ctx) -> None:
    c = mk.claim(diagnoses=("034.0",), diagnosis_qualifiers=("BK",))
    (f,) = mk.findings(c, icd_ctx, "DX-INV-002")
    assert "034.0" in f.message and "45 CFR 162.1002" in f.source
    assert mk.findings(c, icd_ctx, "DX-INV-001") == []
