"""Write 277CA transaction sets, and build one from the JSON fields.

:func:`write` gives back ST, the segments in the order read, SE;
:func:`from_json` builds a 277CA from the convenient fields (:mod:`.building`)
and reads it back, so it is a normal typed transaction.
"""

from __future__ import annotations

from typing import Any

from .._segments import DEFAULT_DELIMITERS, Delimiters, Segment
from ..x212_276_277.parsing import TransactionStatus
from .building import build_277ca
from .parsing import parse


def write(tx: TransactionStatus, delimiters: Delimiters) -> list[Segment]:
    """ST..SE of a transaction set (as read or as built)."""
    return tx.placed.segments()


def from_json(obj: dict[str, Any]) -> TransactionStatus:
    """A 277CA from the convenient fields."""
    return parse(build_277ca(obj), DEFAULT_DELIMITERS)
