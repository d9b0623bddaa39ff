"""Service lines match our lines by code, modifiers, date and charge, and say how when
the payer changed the code (SVC06) or dropped a modifier."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from cleanclaim.remittance import LineCandidate, match_lines
from cleanclaim.x12.x221a1_835.segments import SVC, ProcedureIdentifier
from cleanclaim.x12.x221a1_835.view import ServicePayment

DAY = dt.date(2026, 1, 15)


def svc(code: str, mods: list[str], charge: str, orig: str = "") -> ServicePayment:
    return ServicePayment(
        SVC(
            ProcedureIdentifier("HC", code, mods),
            Decimal(charge),
            Decimal(0),
            original_procedure_identifier=ProcedureIdentifier("HC", orig) if orig else None,
        ),
        service_dates=[("472", "20260115")],
    )


def test_it_records_how_each_line_matched() -> None:
    ours = [
        LineCandidate(1, "99214", ("25",), DAY, Decimal("150")),
        LineCandidate(2, "93000", ("59",), DAY, Decimal("40")),
        LineCandidate(3, "36415", (), DAY, Decimal("10")),
        LineCandidate(4, "81002", (), DAY, Decimal("12")),
    ]
    got = match_lines(
        [
            svc("36415", [], "10"),  # as billed
            svc("99213", [], "150", orig="99214"),  # downcoded, SVC06 says what we sent
            svc("93000", [], "40"),  # modifier dropped
            svc("81003", [], "12"),  # code changed without SVC06: charge and date
        ],
        ours,
    )
    assert [(m.line, m.how) for m in got] == [
        (3, "exact"),
        (1, "svc06"),
        (2, "modifiers_dropped"),
        (4, "by_charge_and_date"),
    ]


def test_it_leaves_a_line_it_cannot_place_unmatched() -> None:
    ours = [LineCandidate(1, "99213", (), DAY, Decimal("100"))]
    got = match_lines([svc("99213", [], "100"), svc("87880", [], "30")], ours)
    assert [(m.line, m.how) for m in got] == [(1, "exact"), (None, "unmatched")]
