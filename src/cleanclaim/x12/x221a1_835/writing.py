"""Write 835 transaction sets back to segments.

:func:`write` gives ST, the segments in the order read (unknown ones kept),
then SE; the core's envelope writer recomputes SE01. :func:`from_json` builds a
typed 835 from the convenient JSON fields (:mod:`.building`) and reads it back
with :func:`~.parsing.parse`, so it is a normal transaction.
"""

from __future__ import annotations

from typing import Any

from .._segments import DEFAULT_DELIMITERS, Delimiters, Segment
from .building import build_segments
from .parsing import Transaction835, parse


def write(tx: Transaction835, delimiters: Delimiters) -> list[Segment]:
    """ST..SE of a transaction set (as read or as built)."""
    return tx.placed.segments()


def from_json(obj: dict[str, Any]) -> Transaction835:
    """A typed 835 from the convenient JSON fields (no ``segments``)."""
    segments = build_segments(obj)
    return parse(segments, DEFAULT_DELIMITERS)
