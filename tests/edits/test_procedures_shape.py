"""proc-invalid and modifier-invalid without a code store: shapes, modifier 25 on
a non-E/M code, repeated modifiers."""

from __future__ import annotations


def test_it_flags_a_code_that_is_neither_cpt_nor_hcpcs(mk, ctx) -> None:
    (f,) = mk.findings(mk.claim(mk.line(1, "9921")), ctx, "PROC-001")
    assert "'9921'" in f.message and f.carc == "181"


def test_it_accepts_cpt_category_ii_and_iii_shapes(mk, ctx) -> None:
    c = mk.claim(mk.line(1, "3074F"), mk.line(2, "0042T"), mk.line(3, "G0438"))
    assert mk.findings(c, ctx, "PROC-001") == []


def test_it_flags_modifier_25_on_a_procedure(mk, ctx) -> None:
    (f,) = mk.findings(mk.claim(mk.line(1, "11042", modifiers=("25",))), ctx, "MOD-002")
    assert "11042" in f.message and f.carc == "4"
    assert mk.findings(mk.claim(mk.line(1, "99214", modifiers=("25",))), ctx, "MOD-002") == []


def test_it_flags_a_malformed_or_repeated_modifier(mk, ctx) -> None:
    c = mk.claim(mk.line(1, "11042", modifiers=("RT", "RT", "R")))
    assert set(mk.rules_of(c, ctx)) >= {"MOD-001", "MOD-002"}
