"""date: future service dates, service before birth, end before start."""

from __future__ import annotations

import datetime as dt


def test_it_flags_a_future_date_of_service(mk, ctx) -> None:
    c = mk.claim(mk.line(1, service_date=dt.date(2026, 9, 1)))
    (f,) = mk.findings(c, ctx, "DATE-001")
    assert "2026-09-01" in f.message


def test_it_flags_service_before_birth(mk, ctx) -> None:
    from cleanclaim.edits import Patient

    c = mk.claim(patient=Patient("BABY", dt.date(2026, 8, 10), "F"))
    assert len(mk.findings(c, ctx, "DATE-002")) == 1


def test_it_flags_a_period_that_ends_before_it_starts(mk, ctx) -> None:
    c = mk.claim(mk.line(1, service_date_end=dt.date(2026, 8, 1)))
    assert len(mk.findings(c, ctx, "DATE-003")) == 1
