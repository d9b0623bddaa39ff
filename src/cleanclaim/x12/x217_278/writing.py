"""Write 278 transaction sets, and build them from the JSON fields.

:func:`write` gives back ST, the segments in the order read, SE.
:func:`from_json_278` builds a transaction from the convenient fields
(:mod:`.building`) and reads it back, so it is a normal typed transaction.
"""

from __future__ import annotations

from typing import Any

from .._segments import DEFAULT_DELIMITERS, Delimiters, Segment
from .building import build_278
from .parsing import TransactionReview, parse_278


def write(tx: TransactionReview, delimiters: Delimiters) -> list[Segment]:
    """ST..SE of a transaction set (as read or as built)."""
    return tx.placed.segments()


def from_json_278(obj: dict[str, Any]) -> TransactionReview:
    """A 278 request (or response) from the convenient fields."""
    return parse_278(build_278(obj), DEFAULT_DELIMITERS)
