"""Amounts handed in (JSON claims, forms, the X12 JSON view) are parsed strictly by
``cleanclaim.money.parse_money``: a bad one is a MoneyError naming the field."""

from __future__ import annotations

from decimal import Decimal

import pytest

from cleanclaim.money import MoneyError, parse_money, parse_optional_money


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("120", Decimal("120")),
        ("120.5", Decimal("120.5")),
        (" -3.00 ", Decimal("-3.00")),
        (".5", Decimal("0.5")),
        (42, Decimal(42)),
        (Decimal("7.25"), Decimal("7.25")),
    ],
)
def test_it_reads_an_amount_as_a_decimal(value: object, expected: Decimal) -> None:
    got = parse_money(value, what="claims[0].total_charge")
    assert got == expected and type(got) is Decimal


@pytest.mark.parametrize(
    ("value", "words"),
    [
        (1.5, "floats are not money"),
        (True, "True is not an amount"),
        ("12,00", "'12,00' is not an amount"),
        ("NaN", "'NaN' is not an amount"),
        ("Infinity", "'Infinity' is not an amount"),
        (Decimal("NaN"), "is not an amount"),
        ([1], "[1] is not an amount"),
        (None, "is required"),
        ("  ", "is required"),
    ],
)
def test_it_refuses_what_is_not_an_amount_naming_the_field(value: object, words: str) -> None:
    with pytest.raises(MoneyError) as info:
        parse_money(value, what="claims[0].lines[1].charge")
    msg = str(info.value)
    assert msg.startswith("claims[0].lines[1].charge") and words in msg


def test_it_reads_an_absent_optional_amount_as_none() -> None:
    assert parse_optional_money(None, what="x") is None
    assert parse_optional_money("", what="x") is None
    assert parse_optional_money("0.10", what="x") == Decimal("0.10")
    with pytest.raises(MoneyError, match=r"^allowed: 'ten' is not an amount"):
        parse_optional_money("ten", what="allowed")


def test_it_is_a_value_error_for_callers_that_catch_those() -> None:
    assert issubclass(MoneyError, ValueError)
