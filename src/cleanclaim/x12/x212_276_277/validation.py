"""276/277 checks: the guide's structure and elements, and the HL hierarchy.

HL 20 (information source) → 21 (information receiver) → 19 (service
provider) → 22 (subscriber) → 23 (dependent), each HL02 naming its parent's
HL01 (005010X212 §1.4.2).
"""

from __future__ import annotations

from .._errors import Finding
from .._segments import Delimiters
from ..guidekit.hl import PARENTS_212, check_hl
from ..guidekit.reading import check
from .parsing import TransactionStatus


def validate(tx: TransactionStatus, delimiters: Delimiters) -> list[Finding]:
    """Every finding of one 276 or 277."""
    ctx = check(tx.placed, delimiters)
    check_hl(ctx, tx.placed.tree, PARENTS_212)
    return ctx.findings
