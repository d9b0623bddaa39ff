"""Coordination of benefits: what the prior payers left of a line (837P 2320/2430).

A secondary (SBR01 ``S``) or tertiary (``T``) claim carries, per line, each prior
payer's adjudication (2430: SVD02 paid, CAS adjustments, AMT*EAF remaining patient
liability; 005010X222A1). The sandbox's payer adjudicates the patient's remaining
liability ``R`` after the prior payers, not the charge (see :mod:`._remit`):

* ``R`` = the line's 2430 AMT*EAF of the latest prior payer (the liability left after
  all prior payers), else Σ that payer's 2430 CAS amounts with group ``PR``. Only the
  latest: a secondary's own 2430 already carries the primary's share as ``OA-23`` and
  what is left as ``PR``, so adding the primary's ``PR`` again would count it twice.
  With one prior payer (a secondary claim) this is Σ the line's ``PR``;
* ``prior_paid`` = Σ SVD02 of the line;
* a line without a 2430 on such a claim: ``R`` = its charge, ``prior_paid`` = 0.

A claim marked ``S``/``T`` that carries no 2430 and no 2320 AMT*D says nothing about
a prior payer: it is adjudicated as a primary.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from cleanclaim.x12.x222a1_837p.other_payers import LineAdjudication
from cleanclaim.x12.x222a1_837p.view import Claim, ServiceLine

#: SBR01 payer responsibility → 835 CLP02 (X12 element 1029: 2 processed as secondary,
#: 3 processed as tertiary; 20/21 the same, forwarded to additional payers)
PROCESSED_AS = {"S": "2", "T": "3"}
FORWARDED_AS = {"S": "20", "T": "21"}
_ORDER = {"P": 1, "S": 2, "T": 3}


@dataclass(frozen=True, slots=True)
class Prior:
    """What the prior payers left of one line: the patient's remaining liability and
    what they paid."""

    remaining: Decimal
    paid: Decimal


def is_coordinated(claim: Claim) -> bool:
    """True for a secondary or tertiary claim that carries a prior payer's adjudication
    (a 2430 on some line, or a 2320 with AMT*D)."""
    if claim.payer_responsibility not in PROCESSED_AS:
        return False
    return any(ln.adjudications for ln in claim.lines) or any(
        o.paid is not None for o in claim.other_payers
    )


def prior(claim: Claim, line: ServiceLine, charge: Decimal) -> Prior:
    """``R`` and ``prior_paid`` of ``line`` (its charge ``charge``) on ``claim``."""
    if not line.adjudications:
        return Prior(charge, Decimal("0.00"))
    paid = sum((a.paid for a in line.adjudications), Decimal("0.00"))
    last = _last(claim, line)
    if last.remaining_patient_liability is not None:
        return Prior(last.remaining_patient_liability, paid)
    remaining = sum(
        (x.amount for x in last.adjustments if x.group == "PR"),
        Decimal("0.00"),
    )
    return Prior(remaining, paid)


def _last(claim: Claim, line: ServiceLine) -> LineAdjudication:
    """The line's adjudication by the latest prior payer: by its 2320 SBR01 (P, then S,
    then T; a payer not in a 2320 counts as primary), the last written of a tie."""
    rank = {o.payer_id.strip(): _ORDER.get(o.responsibility, 0) for o in claim.other_payers}
    ranked = [(rank.get(a.payer_id.strip(), 0), n, a) for n, a in enumerate(line.adjudications)]
    return max(ranked, key=lambda r: (r[0], r[1]))[2]
