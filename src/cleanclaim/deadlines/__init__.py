"""Claim deadlines: timely filing, corrected claims, appeals (issue 12).

A plain engine (no Django): a payer's limits are :class:`PayerLimits`; the calculator
(:mod:`cleanclaim.deadlines.calc`) turns them and a claim's dates into dated deadlines
with days left. The app builds ``PayerLimits`` from a payer profile
(``cleanclaim.payers.deadlines``); the scrubber's ``timely-filing`` rule reads them.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

__all__ = ["Limit", "PayerLimits"]

Unit = Literal["days", "months"]


@dataclass(frozen=True, slots=True)
class Limit:
    """``amount`` days or calendar months, and where the figure comes from."""

    amount: int
    unit: Unit = "days"
    citation: str = ""  # e.g. "42 CFR 424.44(a)(1)", a contract clause, a call reference


@dataclass(frozen=True, slots=True)
class PayerLimits:
    """Every limit a payer sets. ``timely`` counts from the (earliest) date of service;
    ``secondary`` from the primary payer's payment (remittance) date for a secondary claim;
    ``corrected`` from the original claim's determination (remittance) date; the appeal
    limits from the determination being appealed. ``hold`` is a reason claims are held
    before submission (e.g. "until the referral arrives"), empty for none. ``default``
    is True when the figures are a default, not the payer's own."""

    timely: Limit
    secondary: Limit | None = None
    corrected: Limit | None = None
    appeal_first: Limit | None = None
    appeal_second: Limit | None = None
    hold: str = ""
    default: bool = False
