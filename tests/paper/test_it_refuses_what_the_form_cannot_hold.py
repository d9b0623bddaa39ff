"""Bad input is refused before anything is drawn, with an error naming the box."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable
from decimal import Decimal
from typing import Any

import pytest

from cleanclaim.paper import Cms1500Claim, Cms1500Error, Cms1500Line, check, render


def _refused(claim: Cms1500Claim) -> Cms1500Error:
    with pytest.raises(Cms1500Error) as caught:
        render([claim])
    return caught.value


def test_it_refuses_thirteen_diagnoses(claim: Cms1500Claim) -> None:
    codes = (*(f"E11.{n}" for n in range(10)), "I10", "J45.909", "R05.9")
    err = _refused(dataclasses.replace(claim, diagnoses=codes))
    assert ("21", "13 diagnoses, the form holds 12 (A-L)") in err.problems
    assert "claim ACCT1001: box 21: 13 diagnoses" in str(err)


def test_it_refuses_a_charge_with_three_decimals(
    claim: Cms1500Claim, line: Callable[..., Cms1500Line]
) -> None:
    err = _refused(dataclasses.replace(claim, lines=[line(charge=Decimal("125.005"))]))
    assert err.problems == [
        ("24F", "charge (line 1) 125.005 has more than two decimal places (cents)")
    ]


def test_it_takes_trailing_zeros_beyond_cents(
    claim: Cms1500Claim, line: Callable[..., Cms1500Line]
) -> None:
    check(dataclasses.replace(claim, lines=[line(charge=Decimal("125.000"))]))


@pytest.mark.parametrize(
    ("change", "box"),
    [
        ({"charge": 125.0}, "24F"),
        ({"charge": Decimal("-5")}, "24F"),
        ({"pointers": "AC"}, "24E"),
        ({"pointers": "ABCDE"}, "24E"),
        ({"pointers": ""}, "24E"),
        ({"modifiers": ("25", "59", "XS", "GT", "95")}, "24D"),
        ({"procedure": "9921"}, "24D"),
        ({"place_of_service": "1"}, "24B"),
        ({"units": Decimal(0)}, "24G"),
        ({"units": Decimal(1000)}, "24G"),
        ({"rendering_npi": "12345"}, "24J"),
        ({"ndc": "0016-9750-11"}, "24A shaded"),
        ({"date_to": dt.date(2026, 11, 1)}, "24A"),
    ],
)
def test_it_names_the_box_of_a_bad_line(
    claim: Cms1500Claim, line: Callable[..., Cms1500Line], change: dict[str, Any], box: str
) -> None:
    err = _refused(dataclasses.replace(claim, lines=[line(**change)]))
    assert [b for b, _ in err.problems] == [box], err.problems


@pytest.mark.parametrize(
    ("change", "box"),
    [
        ({"insured_id": ""}, "1a"),
        ({"insured_id": "X" * 30}, "1a"),
        ({"patient_name": " "}, "2"),
        ({"insurance_type": "hmo"}, "1"),
        ({"patient_sex": "U"}, "3"),
        ({"relationship": "cousin"}, "6"),
        ({"icd_indicator": "10"}, "21"),
        ({"diagnoses": ()}, "21"),
        ({"diagnoses": ("E11-9",)}, "21"),
        ({"resubmission_code": "7"}, "22"),
        ({"resubmission_code": "6", "original_reference": "X1"}, "22"),
        ({"tax_id": "93-1234567"}, "25"),
        ({"amount_paid": Decimal("1.234")}, "29"),
        ({"billing_npi": "124531959"}, "33a"),
        ({"referring_name": "SMITH, ANN"}, "17"),
        ({"illness_date": dt.date(2026, 10, 30)}, "14"),
        ({"illness_date": dt.date(2026, 10, 30), "illness_qualifier": "454"}, "14"),
        ({"total": Decimal("100.00")}, "28"),
        ({"lines": ()}, "24"),
    ],
)
def test_it_names_the_box_of_a_bad_item(
    claim: Cms1500Claim, change: dict[str, Any], box: str
) -> None:
    err = _refused(dataclasses.replace(claim, **change))
    assert box in [b for b, _ in err.problems], err.problems


def test_it_refuses_an_unknown_mode_and_an_empty_batch(claim: Cms1500Claim) -> None:
    with pytest.raises(ValueError, match="mode 'pink' is not one of red-form, plain"):
        render([claim], mode="pink")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="no claims"):
        render([])
