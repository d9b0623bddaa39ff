"""Write 270/271 transaction sets, and build them from the JSON fields.

:func:`write` gives back ST, the segments in the order read, SE. The
``from_json_*`` functions build a transaction from the convenient fields
(:mod:`.building`) and read it back, so it is a normal typed transaction.
"""

from __future__ import annotations

from typing import Any

from .._segments import DEFAULT_DELIMITERS, Delimiters, Segment
from .building import build_270, build_271
from .parsing import TransactionEligibility, parse_270, parse_271


def write(tx: TransactionEligibility, delimiters: Delimiters) -> list[Segment]:
    """ST..SE of a transaction set (as read or as built)."""
    return tx.placed.segments()


def from_json_270(obj: dict[str, Any]) -> TransactionEligibility:
    """A 270 from the convenient fields."""
    return parse_270(build_270(obj), DEFAULT_DELIMITERS)


def from_json_271(obj: dict[str, Any]) -> TransactionEligibility:
    """A 271 from the convenient fields."""
    return parse_271(build_271(obj), DEFAULT_DELIMITERS)
