"""Write 276/277 transaction sets, and build a 276 from the JSON fields.

:func:`write` gives back ST, the segments in the order read, SE.
:func:`from_json_276` builds a 276 from the convenient fields (:mod:`.building`)
and reads it back, so it is a normal typed transaction. A 277 is written from
its lossless ``segments`` (the sandbox clearinghouse answers with 277CA, see
:mod:`cleanclaim.x12.x214_277ca`).
"""

from __future__ import annotations

from typing import Any

from .._errors import X12Error
from .._segments import DEFAULT_DELIMITERS, Delimiters, Segment
from .building import build_276
from .parsing import TransactionStatus, parse_276


def write(tx: TransactionStatus, delimiters: Delimiters) -> list[Segment]:
    """ST..SE of a transaction set (as read or as built)."""
    return tx.placed.segments()


def from_json_276(obj: dict[str, Any]) -> TransactionStatus:
    """A 276 from the convenient fields."""
    return parse_276(build_276(obj), DEFAULT_DELIMITERS)


def from_json_277(obj: dict[str, Any]) -> TransactionStatus:
    """A 277 is written from its lossless ``segments`` only."""
    raise X12Error(
        'a 277 claim status response is written from its lossless "segments"; '
        "to answer claims, build a 277CA (version 005010X214)"
    )
