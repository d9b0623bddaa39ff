"""A modifier missing from a partial list (the starter Level I list) or from a list that
does not cover the date of service is a warning naming the table to import (MOD-003);
missing from a complete list in force on the date it is an error (MOD-001)."""

from __future__ import annotations

import datetime as dt

from cleanclaim.edits import ScrubContext


def test_everyday_level_ii_modifiers_are_known_out_of_the_box(mk, code_store) -> None:
    ctx = ScrubContext(as_of=mk.TODAY, codes=code_store)
    c = mk.claim(
        mk.line(1, "E0431", modifiers=("RR", "NU", "KH", "BR")),
        mk.line(2, "00142", modifiers=("QS", "P1")),
    )
    for dos in (dt.date(2020, 6, 1), mk.DOS):  # inside and after the shipped release
        dated = mk.claim(*(mk.replace(ln, service_date=dos) for ln in c.lines))
        assert [r for r in mk.rules_of(dated, ctx) if r.startswith("MOD")] == []


def test_a_modifier_missing_from_the_starter_level_i_list_is_a_warning(mk, code_store) -> None:
    ctx = ScrubContext(as_of=mk.TODAY, codes=code_store)
    (f,) = mk.findings(mk.claim(mk.line(1, "99213", modifiers=("33",))), ctx, "MOD-003")
    assert f.severity == "warning"
    assert "modifier 33 is not in the starter Level I (CPT) modifier list" in f.message
    assert "import the practice's licensed CPT modifier list" in f.message
    assert mk.findings(mk.claim(mk.line(1, "99213", modifiers=("33",))), ctx, "MOD-001") == []


def test_after_the_shipped_release_an_unknown_modifier_is_a_warning(mk, code_store) -> None:
    ctx = ScrubContext(as_of=mk.TODAY, codes=code_store)
    (f,) = mk.findings(mk.claim(mk.line(1, "99213", modifiers=("ZZ",))), ctx, "MOD-003")
    assert f.severity == "warning" and "import the HCPCS file" in f.message


def test_inside_a_complete_release_an_unknown_modifier_is_an_error(mk, code_store) -> None:
    ctx = ScrubContext(as_of=dt.date(2020, 8, 1), codes=code_store)
    c = mk.claim(mk.line(1, "99213", modifiers=("ZZ",), service_date=dt.date(2020, 6, 1)))
    (f,) = mk.findings(c, ctx, "MOD-001")
    assert f.severity == "error" and "HCPCS 2020-01" in f.message
    assert mk.findings(c, ctx, "MOD-003") == []


def test_a_diagnosis_missing_from_an_ended_icd_release_is_a_warning(mk, code_store) -> None:
    """After FY2026 ends (2026-09-30) a code of a newer fiscal year may exist: a warning
    naming the tabular to import; inside FY2026 the same code is an error."""
    later = dt.date(2026, 11, 2)
    ctx = ScrubContext(as_of=dt.date(2026, 11, 20), codes=code_store)
    c = mk.claim(mk.line(1, "99213", service_date=later), diagnoses=("Z99.99",))
    (f,) = mk.findings(c, ctx, "DX-INV-003")
    assert f.severity == "warning" and "import the CMS ICD-10-CM tabular" in f.message
    assert mk.findings(c, ctx, "DX-INV-001") == []
    inside = mk.claim(mk.line(1, "99213"), diagnoses=("Z99.99",))
    ctx = ScrubContext(as_of=mk.TODAY, codes=code_store)
    assert [x.severity for x in mk.findings(inside, ctx, "DX-INV-001")] == ["error"]
