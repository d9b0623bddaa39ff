"""An authorization in the sandbox's world covers its codes and inclusive ranges (as a
payer's approval letter names them: ``97110-97140``) within its dates."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from cleanclaim.sandbox.world import Authorization

START, END = dt.date(2026, 11, 1), dt.date(2026, 12, 31)


def test_it_covers_a_code_or_a_range_within_its_dates() -> None:
    a = Authorization("AUTH1", frozenset({"20610", "97110-97140"}), Decimal(12), START, END)
    assert a.covers("20610", START) and a.covers("97110", END) and a.covers("97140", START)
    assert a.covers("97112", dt.date(2026, 11, 15))
    assert not a.covers("97150", START)  # past the range's end
    assert not a.covers("9711", START)  # another length
    assert not a.covers("20611", START)
    assert not a.covers("97112", END + dt.timedelta(days=1))
