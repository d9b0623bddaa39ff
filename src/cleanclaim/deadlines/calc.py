"""The deadline calculator: a payer's limits and a claim's dates → dated deadlines.

How a limit is counted:

* **Days** count from the day after the start date: ``N`` days from 2026-01-15 end on
  2026-01-15 + N days (the last day a claim is still on time).
* **Months** are calendar months: the same day of the month ``N`` months later, or
  that month's last day when it has no such day (2026-01-31 + 1 month = 2026-02-28;
  2028-02-29 + 12 months = 2029-02-28). This is Medicare's "12 months, or 1 calendar
  year, after the date the services were furnished" (42 CFR 424.44(a)(1)) as the
  Medicare Claims Processing Manual (CMS Pub. 100-04, chapter 1, section 70) counts it:
  a claim with a date of service of March 31 must be received by March 31 of the next
  year, and a claim with a date of service of February 29 by February 28.
* The **date of service** of the timely limit is the earliest "From" date over the
  lines (for professional claims with span dates the line item "From" date counts,
  Pub. 100-04 chapter 1 section 70.1), so the whole claim is dated by its oldest line.
* A deadline falling on a weekend or holiday is **not** moved to the next workday
  (Medicare allows that; payers differ): the date shown is never later than the true one.

Which deadlines apply: ``timely`` for every claim from its date of service, except that
a secondary claim is dated by ``secondary`` from the primary payer's payment date when
the payer sets a secondary limit (else the timely limit still applies);
``corrected`` from the original claim's determination date for a corrected claim;
``appeal_first`` from the determination being appealed and ``appeal_second`` from the
first-level decision. A deadline whose start date is not known is still listed, with
no date and ``missing`` naming the date that is needed: it is never guessed.
"""

from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass
from typing import Literal

from cleanclaim.deadlines import Limit, PayerLimits

__all__ = ["ClaimDates", "Deadline", "Kind", "add_months", "deadlines", "describe", "due_date"]

Kind = Literal["timely", "secondary", "corrected", "appeal_first", "appeal_second"]

#: What each kind counts from, as the basis sentence says it.
_FROM: dict[Kind, str] = {
    "timely": "the date of service",
    "secondary": "the primary payer's payment date",
    "corrected": "the original claim's determination date",
    "appeal_first": "the initial determination date",
    "appeal_second": "the first-level appeal decision date",
}


@dataclass(frozen=True, slots=True)
class ClaimDates:
    """The dates of one claim that deadlines count from. ``service_from`` is the
    earliest date of service over the lines, ``service_to`` the latest (shown, not
    counted from). ``secondary`` marks a claim to a secondary payer (837P SBR01 not
    ``P``) and ``primary_paid`` the primary payer's payment (remittance) date (837P
    2330B DTP*573, or 2430 DTP*573 of the lines). ``corrected`` marks a replacement
    claim (CLM05-3 ``7``) and ``original_determination`` the date the original was
    decided. ``determination`` is the date of the decision a first-level appeal would
    contest, ``first_level_decision`` that of the first-level appeal."""

    service_from: dt.date | None = None
    service_to: dt.date | None = None
    secondary: bool = False
    primary_paid: dt.date | None = None
    corrected: bool = False
    original_determination: dt.date | None = None
    determination: dt.date | None = None
    first_level_decision: dt.date | None = None


@dataclass(frozen=True, slots=True)
class Deadline:
    """One deadline. ``due`` is the last day on time and ``days_left`` the days from
    today to it (0 on the day, negative once past); both None when the start date is
    missing, and ``missing`` then says which date is needed. ``basis`` says how the
    date was counted ("12 months from the date of service 2026-01-15"), ``citation``
    where the figure comes from, ``hold`` why the claim is held (the payer's), and
    ``default`` whether the limit is a default rather than the payer's own."""

    kind: Kind
    due: dt.date | None
    days_left: int | None
    basis: str
    citation: str = ""
    hold: str = ""
    default: bool = False
    missing: str = ""

    @property
    def past(self) -> bool:
        return self.days_left is not None and self.days_left < 0


def add_months(start: dt.date, months: int) -> dt.date:
    """``start`` plus ``months`` calendar months: the same day of the month, or the last
    day of the target month when it is shorter (2026-01-31 + 1 = 2026-02-28)."""
    index = start.month - 1 + months
    year, month = start.year + index // 12, index % 12 + 1
    return dt.date(year, month, min(start.day, calendar.monthrange(year, month)[1]))


def due_date(limit: Limit, start: dt.date) -> dt.date:
    """The last day on time for ``limit`` counted from ``start``."""
    if limit.unit == "months":
        return add_months(start, limit.amount)
    return start + dt.timedelta(days=limit.amount)


def describe(limit: Limit) -> str:
    """``90 days``, ``12 months``, ``1 month``."""
    unit = limit.unit if limit.amount != 1 else limit.unit[:-1]
    return f"{limit.amount} {unit}"


def _deadline(
    kind: Kind,
    limit: Limit,
    start: dt.date | None,
    today: dt.date,
    limits: PayerLimits,
    missing: str = "",
) -> Deadline:
    counted = f"{describe(limit)} from {_FROM[kind]}"
    if start is None:
        return Deadline(
            kind,
            None,
            None,
            f"{counted}, which is not known",
            limit.citation,
            limits.hold,
            limits.default,
            missing or _FROM[kind],
        )
    due = due_date(limit, start)
    return Deadline(
        kind,
        due,
        (due - today).days,
        f"{counted} {start.isoformat()}",
        limit.citation,
        limits.hold,
        limits.default,
    )


def deadlines(
    limits: PayerLimits, dates: ClaimDates, today: dt.date | None = None
) -> list[Deadline]:
    """Every deadline that applies to a claim with ``dates`` at a payer with ``limits``,
    as of ``today`` (default: the date today), in the order a claim meets them
    (filing, correction, appeals).

    The filing deadline is ``timely`` from the date of service, or for a secondary claim
    ``secondary`` from the primary payer's payment date when the payer sets one (a
    secondary claim without that date gets the deadline with ``missing`` set, not a
    guess). ``corrected`` applies to a corrected claim, and the appeal deadlines once
    the decision they contest is known (a corrected claim without its original's
    determination date, likewise, says what is missing)."""
    today = today or dt.date.today()
    out: list[Deadline] = []
    if dates.secondary and limits.secondary is not None:
        out.append(
            _deadline(
                "secondary",
                limits.secondary,
                dates.primary_paid,
                today,
                limits,
                "the primary payer's payment date (837P 2330B DTP*573)",
            )
        )
    else:
        out.append(
            _deadline(
                "timely", limits.timely, dates.service_from, today, limits, "the date of service"
            )
        )
    if dates.corrected and limits.corrected is not None:
        out.append(
            _deadline(
                "corrected",
                limits.corrected,
                dates.original_determination,
                today,
                limits,
                "the original claim's determination (remittance) date",
            )
        )
    if dates.determination is not None and limits.appeal_first is not None:
        out.append(
            _deadline("appeal_first", limits.appeal_first, dates.determination, today, limits)
        )
    if dates.first_level_decision is not None and limits.appeal_second is not None:
        out.append(
            _deadline(
                "appeal_second", limits.appeal_second, dates.first_level_decision, today, limits
            )
        )
    return out
