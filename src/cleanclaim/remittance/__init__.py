"""cleanclaim.remittance -- 835 posting math (plain Python, no Django).

From the typed 835 (:mod:`cleanclaim.x12.x221a1_835.view`):

* :func:`balance` -- the guide's three balancing rules (005010X221A1 1.10.2.1) as
  :class:`Difference` rows with where (TRN02, CLP01, line) and the amounts;
* :func:`match_claim` / :func:`match_lines` -- which of our claims and lines a claim
  payment (2100) and its service lines (2110) answer, and how each matched;
* :func:`plan` / :func:`plan_provider_adjustments` -- the ledger postings
  (:class:`Posting`) a claim payment or the PLB segments make, under posting rules
  per CARC (:data:`DEFAULT_RULES`);
* :func:`claim_payment_key` -- the idempotency key of one claim payment.

All money is :class:`~decimal.Decimal`. The application (``cleanclaim.remits``)
stores the results and writes the ledger; see ``docs/remittance.md``.
"""

from __future__ import annotations

from .balancing import Difference, balance
from .keys import claim_payment_keys, payer_key
from .matching import (
    ClaimCandidate,
    ClaimMatch,
    LineCandidate,
    LineMatch,
    match_claim,
    match_lines,
)
from .planning import (
    DEFAULT_RULES,
    Action,
    Posting,
    is_forwarded,
    is_reversal,
    plan,
    plan_provider_adjustments,
    rule_for,
)

__all__ = [
    "DEFAULT_RULES",
    "Action",
    "ClaimCandidate",
    "ClaimMatch",
    "Difference",
    "LineCandidate",
    "LineMatch",
    "Posting",
    "balance",
    "claim_payment_keys",
    "is_forwarded",
    "is_reversal",
    "match_claim",
    "match_lines",
    "payer_key",
    "plan",
    "plan_provider_adjustments",
    "rule_for",
]
