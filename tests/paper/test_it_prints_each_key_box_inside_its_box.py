"""The PDF read back: 1a, 2, 21, 24A-J, 28 and 33 (and the other items) each lie inside
their box."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable
from decimal import Decimal

import pytest

from cleanclaim.paper import FIELDS, Address, Cms1500Claim, Field, field_rect, line_field, render

from .conftest import Placed


def _inside(placed: Placed, text: str, f: Field) -> bool:
    x0, y0, x1, y1 = field_rect(f)
    return any(t == text and x0 <= x < x1 and y0 <= y < y1 for t, x, y in placed)


def _where(placed: Placed, text: str) -> list[tuple[float, float]]:
    return [(round(x, 1), round(y, 1)) for t, x, y in placed if t == text]


EXPECTED = [
    ("1a", "XYZ123456789"),
    ("2", "DOE, JANE, Q"),
    ("3.mm", "04"),
    ("3.yyyy", "1960"),
    ("3.f", "X"),
    ("21.ind", "0"),
    ("21.A", "E119"),  # no period in item 21
    ("21.B", "I10"),
    ("23", "PA20261103"),
    ("26", "ACCT1001"),
    ("27.yes", "X"),
    ("28.dollars", "143"),
    ("28.cents", "50"),
    ("33.name", "CASCADE FAMILY CLINIC"),
    ("33.street", "400 RIVER RD"),
    ("33.city", "PORTLAND, OR 97202"),
    ("33a", "1245319599"),
    ("33.area", "503"),
]

LINE_EXPECTED = [
    (0, "24A.from.mm", "11"),
    (0, "24A.from.dd", "03"),
    (0, "24A.from.yy", "26"),
    (0, "24A.to.yy", "26"),
    (0, "24B", "11"),
    (0, "24D", "99213"),
    (0, "24D.mod1", "25"),
    (0, "24E", "AB"),
    (0, "24F.dollars", "125"),
    (0, "24F.cents", "00"),
    (0, "24G", "1"),
    (0, "24J", "1234567893"),
    (1, "24.supplemental", "N400169750111   UN5"),
    (1, "24D", "J1815"),
    (1, "24E", "A"),
    (1, "24F.dollars", "18"),
    (1, "24F.cents", "50"),
    (1, "24G", "5"),
]


@pytest.mark.parametrize("mode", ["red-form", "plain"])
def test_it_prints_each_key_box_inside_its_box(
    claim: Cms1500Claim, read_back: Callable[..., Placed], mode: str
) -> None:
    placed = read_back(render([claim], mode=mode))  # type: ignore[arg-type]
    for name, text in EXPECTED:
        assert _inside(placed, text, FIELDS[name]), (name, text, _where(placed, text))
    for k, name, text in LINE_EXPECTED:
        assert _inside(placed, text, line_field(name, k)), (k, name, text, _where(placed, text))


def test_it_prints_no_decimal_point_in_the_money_columns(
    claim: Cms1500Claim, read_back: Callable[..., Placed]
) -> None:
    texts = [t for t, _, _ in read_back(render([claim]))]
    assert "143" in texts and "50" in texts
    assert not any(t.endswith((".00", ".50")) for t in texts)


def test_it_leaves_the_third_line_empty_for_a_claim_of_two(
    claim: Cms1500Claim, read_back: Callable[..., Placed]
) -> None:
    placed = read_back(render([claim]))
    x0, y0, x1, y1 = field_rect(line_field("24D", 2))
    assert not [t for t, x, y in placed if x0 <= x < x1 and y0 <= y < y1]


def test_it_prints_the_other_items_inside_their_boxes(
    claim: Cms1500Claim, read_back: Callable[..., Placed]
) -> None:
    fuller = dataclasses.replace(
        claim,
        illness_date=dt.date(2026, 10, 30),
        illness_qualifier="431",
        referring_qualifier="DN",
        referring_name="JONES, BOB",
        referring_npi="1003000126",
        resubmission_code="7",
        original_reference="PCN998877",
        amount_paid=Decimal("20"),
        facility_name="CASCADE EAST",
        facility_address=Address("9 ELM ST", "GRESHAM", "OR", "97030"),
        facility_npi="1497758544",
        signature_date=dt.date(2026, 11, 4),
        auto_accident=True,
        auto_accident_state="WA",
    )
    placed = read_back(render([fuller], mode="plain"))
    for name, text in [
        ("14.mm", "10"),
        ("14.yy", "26"),
        ("14.qual", "431"),
        ("17.qual", "DN"),
        ("17", "JONES, BOB"),
        ("17b", "1003000126"),
        ("22.code", "7"),
        ("22.ref", "PCN998877"),
        ("29.dollars", "20"),
        ("29.cents", "00"),
        ("32.name", "CASCADE EAST"),
        ("32.city", "GRESHAM, OR 97030"),
        ("32a", "1497758544"),
        ("31.date", "11 04 26"),
        ("10b.yes", "X"),
        ("10b.state", "WA"),
        ("6.self", "X"),
        ("1.group", "X"),
        ("25", "931234567"),
        ("25.ein", "X"),
    ]:
        assert _inside(placed, text, FIELDS[name]), (name, text, _where(placed, text))
