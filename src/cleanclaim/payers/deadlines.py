"""A payer's limits in the deadline engine's terms (:class:`cleanclaim.deadlines.PayerLimits`).

Built from the payer's set-up: today its timely filing days, counted from the date of
service. The scrubber's ``timely-filing`` rule reads them by payer id (837P 2010BB NM109).
"""

from __future__ import annotations

from typing import Any

from cleanclaim.deadlines import Limit, PayerLimits
from cleanclaim.payers.models import Payer

__all__ = ["limits_by_payer_id", "limits_for"]


def limits_for(payer: Payer, practice: Any = None) -> PayerLimits:
    """``payer``'s limits (``practice``: reserved for per-practice overrides)."""
    days = payer.timely_filing_days
    return PayerLimits(
        timely=Limit(
            days, "days", f"{payer.name} payer set-up: {days} days from the date of service"
        )
    )


def limits_by_payer_id(organisation: Any, practice: Any = None) -> dict[str, PayerLimits]:
    """The limits of every payer of ``organisation``, keyed by payer id."""
    return {
        p.payer_id: limits_for(p, practice)
        for p in Payer.objects.filter(organisation=organisation).order_by("pk")
    }
