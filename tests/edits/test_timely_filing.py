"""timely-filing with frozen dates: Medicare Part B 365 days (42 CFR 424.44) is an
error past the limit and a warning within 14 days; a default limit only warns."""

from __future__ import annotations

import datetime as dt

from cleanclaim.edits import Payer, ScrubContext

MEDICARE = Payer("MEDICARE B", "00435", "medicare-part-b")


def test_it_flags_a_medicare_claim_past_one_year(mk) -> None:
    ctx = ScrubContext(as_of=dt.date(2027, 8, 4))  # DOS 2026-08-03 + 365 days = 2027-08-03
    (f,) = mk.findings(mk.claim(payer=MEDICARE), ctx, "TF-001")
    assert (f.severity, f.carc) == ("error", "29") and "2027-08-03" in f.message
    assert "42 CFR 424.44" in f.source


def test_it_accepts_the_last_day(mk) -> None:
    ctx = ScrubContext(as_of=dt.date(2027, 8, 3))
    assert mk.findings(mk.claim(payer=MEDICARE), ctx, "TF-001") == []


def test_it_warns_within_fourteen_days(mk) -> None:
    ctx = ScrubContext(as_of=dt.date(2027, 7, 20))
    (f,) = mk.findings(mk.claim(payer=MEDICARE), ctx, "TF-002")
    assert f.severity == "warning" and "14 days left" in f.message


def test_it_only_warns_on_a_default_limit(mk) -> None:
    ctx = ScrubContext(as_of=dt.date(2026, 12, 31))  # commercial default 90 days
    (f,) = mk.findings(mk.claim(), ctx, "TF-001")
    assert f.severity == "warning" and "default" in f.source


def test_it_says_nothing_when_the_payer_limit_is_unknown(mk) -> None:
    ctx = ScrubContext(as_of=dt.date(2030, 1, 1))
    c = mk.claim(payer=Payer("WORKERS COMP", "WC1", ""))
    assert mk.findings(c, ctx, "TF-001") == []


def test_it_names_the_oldest_line_whatever_the_line_order(mk) -> None:
    # the limit runs from the earliest date of service; among lines of that date the
    # lowest-numbered is named, even when the file lists the lines out of order
    ctx = ScrubContext(as_of=dt.date(2027, 8, 4))
    later = dt.date(2026, 9, 1)
    c = mk.claim(
        mk.line(3, "99213", service_date=later),
        mk.line(2, "36415"),
        mk.line(1, "80053"),
        payer=MEDICARE,
    )
    (f,) = mk.findings(c, ctx, "TF-001")
    assert f.line == 1 and "line 1 (80053, 2026-08-03)" in f.message
