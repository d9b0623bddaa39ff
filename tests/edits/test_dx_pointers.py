"""dx-pointer: pointers beyond the claim's diagnoses, non-numeric pointers, none."""

from __future__ import annotations


def test_it_flags_a_pointer_past_the_last_diagnosis(mk, ctx) -> None:
    c = mk.claim(mk.line(1, dx_pointers=(1, 3)), diagnoses=("J06.9", "R05.9"))
    (f,) = mk.findings(c, ctx, "DX-PTR-001")
    assert "diagnosis 3" in f.message and "2 diagnoses" in f.message


def test_it_flags_a_line_without_pointers(mk, ctx) -> None:
    assert len(mk.findings(mk.claim(mk.line(1, dx_pointers=())), ctx, "DX-PTR-002")) == 1


def test_it_flags_a_non_numeric_pointer(mk, ctx) -> None:
    c = mk.claim(mk.line(1, dx_pointers=(), raw_pointers=("1.00",)))
    (f,) = mk.findings(c, ctx, "DX-PTR-001")
    assert "1.00" in f.message
