"""The 270s we write validate with our own engine: no finding, for a subscriber and for
a dependent, for the default and for chosen service types."""

from __future__ import annotations

import datetime as dt

import pytest

from cleanclaim.benefits import Inquiry, Person, build_270
from cleanclaim.x12 import parse, validate

SUBSCRIBER = Person("DOE", "JANE", dt.date(1980, 1, 2), "F", "W123456789")
CHILD = Person("DOE", "SAM", dt.date(2015, 6, 1), "M")


def _findings(text: str) -> list[str]:
    parsed = validate(parse(text.encode()))
    out = [f.code for f in parsed.envelope_findings]
    out += [f.code for t in parsed.transactions for f in t.findings]
    return out


@pytest.mark.parametrize(
    ("dependent", "types"),
    [(None, ()), (None, ("98", "47", "33", "MH", "86")), (CHILD, ("30",)), (CHILD, ("98",))],
)
def test_it_writes_a_valid_270(dependent: Person | None, types: tuple[str, ...]) -> None:
    inquiry = Inquiry(
        "NORTHWIND HEALTH",
        "NWH01",
        "NORTHSIDE FAMILY MEDICINE",
        "1234567893",
        SUBSCRIBER,
        dt.date(2026, 12, 5),
        types,
        dependent=dependent,
        reference="EC42",
    )
    text = build_270(inquiry, now=dt.datetime(2026, 12, 5, 9, 30, tzinfo=dt.UTC))
    assert _findings(text) == []
    eq = next(s for s in text.split("~") if s.startswith("EQ*"))
    assert eq == "EQ*" + "^".join(types or ("30",))
    assert "DTP*291*D8*20261205" in text
