"""charge: total vs. sum of lines (Decimal, exact), zero/negative charge and units."""

from __future__ import annotations

from decimal import Decimal


def test_it_flags_a_total_that_is_not_the_sum_of_lines(mk, ctx) -> None:
    c = mk.claim(mk.line(1), mk.line(2, "87880"), total_charge=Decimal("200.01"))
    (f,) = mk.findings(c, ctx, "CHG-001")
    assert "200.01" in f.message and "200" in f.message


def test_it_flags_zero_charge_and_zero_units(mk, ctx) -> None:
    c = mk.claim(mk.line(1, charge=Decimal("0"), units=Decimal("0")))
    assert {"CHG-002", "CHG-003"} <= set(mk.rules_of(c, ctx))
