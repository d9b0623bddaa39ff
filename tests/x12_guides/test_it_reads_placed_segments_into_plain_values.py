"""The guide kit's plain readers: a placed segment's elements by their X12 names,
``""`` for what is absent, amounts as Decimal (``None`` when not a number), composites
and repeats split on the interchange's own separators, dates shown as ISO in JSON."""

from __future__ import annotations

from decimal import Decimal

from cleanclaim.x12._segments import Delimiters, Segment
from cleanclaim.x12.guidekit.read import (
    AAA,
    AMT,
    DTP,
    NM1,
    REF,
    Rejection,
    components,
    reference,
    repeats,
)
from cleanclaim.x12.guidekit.tree import SegNode


def _node(tag: str, *elements: str) -> SegNode:
    return SegNode(Segment(tag, list(elements)), 1, None)


def test_it_reads_elements_by_name_and_absent_ones_as_empty() -> None:
    name = NM1.of(_node("NM1", "IL", "1", "SMITH", "JOHN", "", "", "", "MI", "W123"))
    assert (name.name_last_or_organization_name, name.name_first) == ("SMITH", "JOHN")
    assert (name.identification_code_qualifier, name.identification_code) == ("MI", "W123")
    short = NM1.of(_node("NM1", "PR", "2", "ACME"))
    assert (short.name_first, short.identification_code) == ("", "")


def test_it_reads_amounts_as_decimal_and_a_bad_amount_as_none() -> None:
    assert AMT.of(_node("AMT", "T3", "150.25")).monetary_amount == Decimal("150.25")
    assert AMT.of(_node("AMT", "T3", "1O0")).monetary_amount is None
    assert AMT.of(_node("AMT", "T3")).monetary_amount is None


def test_it_splits_on_the_interchanges_own_separators() -> None:
    d = Delimiters(repetition="!", component=">")
    assert components("HC>99213>25", d) == ["HC", "99213", "25"]
    assert repeats("30!1!88", d) == ["30", "1", "88"]
    assert repeats("30^1", Delimiters(repetition="")) == ["30^1"]
    assert components("", d) == [] and repeats("", d) == []


def test_it_shows_a_date_and_a_range_as_iso_in_json() -> None:
    assert DTP.of(_node("DTP", "472", "D8", "20261127")).as_json() == {
        "qualifier": "472",
        "date": "2026-11-27",
    }
    assert DTP.of(_node("DTP", "AAH", "RD8", "20050502-20050602")).as_json() == {
        "qualifier": "AAH",
        "start": "2005-05-02",
        "end": "2005-06-02",
    }


def test_it_shows_a_rejection_with_its_loop_and_reason() -> None:
    aaa = AAA.of(_node("AAA", "N", "", "72", "C"))
    assert Rejection("2100C", aaa).as_json() == {
        "loop": "2100C",
        "valid_request": False,
        "reason": "72",
        "follow_up_action": "C",
    }


def test_it_finds_the_first_reference_with_a_qualifier() -> None:
    refs = [REF.of(_node("REF", "D9", "TRACE1")), REF.of(_node("REF", "1K", "PAYER9"))]
    assert reference(refs, "1K") == "PAYER9"
    assert reference(refs, "EJ") is None
