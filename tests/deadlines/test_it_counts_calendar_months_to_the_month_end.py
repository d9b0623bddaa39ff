"""Months are calendar months (the same day, or the month's last day when it has
none); days are added to the date. Medicare's one calendar year (42 CFR 424.44(a)(1),
CMS Pub. 100-04 ch. 1 §70): a date of service of March 31 must be filed by March 31
of the next year, February 29 by February 28."""

from __future__ import annotations

import datetime as dt

import pytest

from cleanclaim.deadlines import Limit
from cleanclaim.deadlines.calc import add_months, describe, due_date

D = dt.date


@pytest.mark.parametrize(
    ("start", "months", "expected"),
    [
        (D(2026, 1, 31), 1, D(2026, 2, 28)),  # no Feb 31: the month's last day
        (D(2028, 1, 31), 1, D(2028, 2, 29)),  # leap year February
        (D(2026, 3, 31), 1, D(2026, 4, 30)),
        (D(2026, 1, 15), 12, D(2027, 1, 15)),
        (D(2026, 3, 1), 12, D(2027, 3, 1)),  # Medicare: DOS 2026-03-01 → 2027-03-01
        (D(2026, 3, 31), 12, D(2027, 3, 31)),
        (D(2028, 2, 29), 12, D(2029, 2, 28)),  # Feb 29 DOS → Feb 28 next year
        (D(2026, 11, 30), 3, D(2027, 2, 28)),  # across the year end
        (D(2026, 12, 31), 2, D(2027, 2, 28)),
        (D(2026, 8, 3), 0, D(2026, 8, 3)),
        (D(2026, 7, 31), 18, D(2028, 1, 31)),
    ],
)
def test_it_adds_calendar_months(start: dt.date, months: int, expected: dt.date) -> None:
    assert add_months(start, months) == expected


def test_it_counts_days_from_the_day_after() -> None:
    # 90 days from 2026-01-15: 2026-04-15 is the last day on time
    assert due_date(Limit(90), D(2026, 1, 15)) == D(2026, 4, 15)
    # 365 days across a leap day is not a calendar year
    assert due_date(Limit(365), D(2028, 1, 15)) == D(2029, 1, 14)
    assert due_date(Limit(12, "months"), D(2028, 1, 15)) == D(2029, 1, 15)


def test_it_names_a_limit_in_words() -> None:
    assert describe(Limit(12, "months")) == "12 months"
    assert describe(Limit(1, "months")) == "1 month"
    assert describe(Limit(90)) == "90 days"
    assert describe(Limit(1)) == "1 day"
