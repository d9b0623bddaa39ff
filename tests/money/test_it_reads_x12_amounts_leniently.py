"""Amounts read from an X12 file (R elements) are read by ``cleanclaim.money.read_amount``:
empty or malformed is ``None`` (the guide reports it), never an exception."""

from __future__ import annotations

from decimal import Decimal

import pytest

from cleanclaim import money
from cleanclaim.money import read_amount, read_amount_or_zero


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("150000", Decimal("150000")),
        ("-1.27", Decimal("-1.27")),
        (".5", Decimal("0.5")),
        ("100.00", Decimal("100.00")),
        ("", None),
        ("12A", None),
        ("NaN", None),
        ("-Infinity", None),
    ],
)
def test_it_reads_an_r_element(text: str, expected: Decimal | None) -> None:
    assert read_amount(text) == expected
    assert read_amount(text) == expected  # the second read comes from the cache


def test_it_reads_empty_and_malformed_as_zero_for_sums() -> None:
    assert read_amount_or_zero("") == 0
    assert read_amount_or_zero("1.2.3") == 0
    assert read_amount_or_zero("34.50") == Decimal("34.50")


def test_it_keeps_its_cache_bounded() -> None:
    for i in range(money._READ_MAX + 10):
        read_amount(f"{i}.01")
    assert 0 < len(money._READ) <= money._READ_MAX
    assert read_amount(f"{money._READ_MAX + 9}.01") == Decimal(f"{money._READ_MAX + 9}.01")
