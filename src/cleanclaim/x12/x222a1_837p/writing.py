"""837P loops → segments (ST..SE). SE01 is recomputed by the envelope writer."""

from __future__ import annotations

from ..loops import loop_segments
from ..segments import Delimiters, Segment
from .loops import Transaction837P

__all__ = ["write_837p"]


def write_837p(tx: Transaction837P, delimiters: Delimiters) -> list[Segment]:
    """The transaction as segments, in file order when read, guide order when built."""
    segs = loop_segments(tx, delimiters)
    if segs and segs[-1].id == "SE":
        se = segs[-1]
        se.elements = [str(len(segs)), segs[0].get(2)]
    return segs
