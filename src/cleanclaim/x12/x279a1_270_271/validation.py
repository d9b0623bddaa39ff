"""270/271 checks: the guide's structure and elements, and the HL hierarchy.

HL 20 (information source) → 21 (information receiver) → 22 (subscriber) →
23 (dependent), each HL02 naming its parent's HL01 (005010X279A1 §1.4.3).
"""

from __future__ import annotations

from .._errors import Finding
from .._segments import Delimiters
from ..guidekit.hl import PARENTS_279, check_hl
from ..guidekit.reading import check
from .parsing import TransactionEligibility


def validate(tx: TransactionEligibility, delimiters: Delimiters) -> list[Finding]:
    """Every finding of one 270 or 271."""
    ctx = check(tx.placed, delimiters)
    check_hl(ctx, tx.placed.tree, PARENTS_279)
    return ctx.findings
