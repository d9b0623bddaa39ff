"""What the rest of the app asks of the fee schedules (reads only).

``charge_for`` is what an encounter's service line is charged (837P SV102); the
claims build calls it per line. ``expected_allowed`` is what a payer is expected to
allow, compared later with the 835's allowed amount (AMT*B6) to spot underpayments.
Both look in the practice's schedule in force on the date (of service), and match
the code with the line's first modifier before the code alone: a row ``20610-RT``
prices ``20610`` billed with ``RT``; ``20610`` billed with ``LT`` falls back to the
row without a modifier.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from decimal import Decimal

from django.db import models

from cleanclaim.fees.models import ExpectedAllowed, Fee, FeeSchedule
from cleanclaim.payers.models import Payer
from cleanclaim.practices.models import Practice

__all__ = ["charge_for", "expected_allowed", "fee_for", "schedule_on"]


def schedule_on(practice: Practice, on: dt.date) -> FeeSchedule | None:
    """The practice's schedule in force on ``on`` (schedules never overlap)."""
    return (
        FeeSchedule.objects.filter(practice=practice, effective_from__lte=on)
        .filter(models.Q(effective_to__isnull=True) | models.Q(effective_to__gte=on))
        .order_by("-effective_from")
        .first()
    )


def _keys(code: str, modifiers: Sequence[str]) -> list[tuple[str, str]]:
    canon = code.strip().upper()
    first = next((m.strip().upper() for m in modifiers if m and m.strip()), "")
    return [(canon, first), (canon, "")] if first else [(canon, "")]


def fee_for(practice: Practice, code: str, modifiers: Sequence[str], on: dt.date) -> Fee | None:
    """The fee row that prices ``code`` with ``modifiers`` on ``on``, or None."""
    schedule = schedule_on(practice, on)
    if schedule is None:
        return None
    keys = _keys(code, modifiers)
    rows = {
        (f.code, f.modifier): f
        for f in Fee.objects.filter(
            schedule=schedule, code=keys[0][0], modifier__in=[m for _, m in keys]
        )
    }
    for key in keys:
        if key in rows:
            return rows[key]
    return None


def charge_for(
    practice: Practice, code: str, modifiers: Sequence[str], on: dt.date
) -> Decimal | None:
    """The charge for ``code`` (+ its first modifier) in the practice's schedule in force
    on ``on``: the row with that modifier first, then the code alone; None when the
    schedule has neither or no schedule is in force."""
    fee = fee_for(practice, code, modifiers, on)
    return None if fee is None else fee.charge


def expected_allowed(
    practice: Practice, payer: Payer, code: str, modifiers: Sequence[str], on: dt.date
) -> Decimal | None:
    """What ``payer`` is expected to allow for ``code`` (+ first modifier) on ``on``,
    by the same precedence as :func:`charge_for`; None when not recorded."""
    schedule = schedule_on(practice, on)
    if schedule is None:
        return None
    keys = _keys(code, modifiers)
    amounts = {
        (a.fee.code, a.fee.modifier): a.amount
        for a in ExpectedAllowed.objects.filter(
            payer=payer,
            fee__schedule=schedule,
            fee__code=keys[0][0],
            fee__modifier__in=[m for _, m in keys],
        ).select_related("fee")
    }
    for key in keys:
        if key in amounts:
            return amounts[key]
    return None
