"""Eligibility benefits (270/271, 005010X279A1) as the front desk needs them: plain
Python, no Django.

* :func:`build_270` — the 270 interchange for an :class:`Inquiry` (a policy, the
  people asked about, the day and the service types: 30 by default);
* :func:`read_271` — a 271 read into a :class:`BenefitsSummary`: active or inactive,
  plan and dates, per service type copay, coinsurance, deductible and out-of-pocket
  (total and remaining, individual and family, in and out of network), authorization
  flags, other payers, AAA rejections with what to do, and the payer's corrections;
* the code labels (:data:`SERVICE_TYPES`, :data:`REJECT_REASONS`).

docs/eligibility.md describes what is read and why.
"""

from __future__ import annotations

from ._codes import (
    DEFAULT_SERVICE_TYPES,
    FOLLOW_UP,
    REJECT_REASONS,
    SERVICE_TYPES,
    service_type_label,
)
from ._inquiry import Inquiry, Person, build_270
from ._summary import (
    BenefitLine,
    BenefitsSummary,
    Correction,
    Headline,
    OtherPayer,
    RejectionAdvice,
    read_271,
    summarise,
)

__all__ = [
    "DEFAULT_SERVICE_TYPES",
    "FOLLOW_UP",
    "REJECT_REASONS",
    "SERVICE_TYPES",
    "BenefitLine",
    "BenefitsSummary",
    "Correction",
    "Headline",
    "Inquiry",
    "OtherPayer",
    "Person",
    "RejectionAdvice",
    "build_270",
    "read_271",
    "service_type_label",
    "summarise",
]
