"""999 loops → segments (ST..SE, SE01 computed)."""

from __future__ import annotations

from ..loops import loop_segments
from ..segments import Delimiters, Segment
from .loops import Transaction999

__all__ = ["write_999"]


def write_999(tx: Transaction999, delimiters: Delimiters) -> list[Segment]:
    segs = loop_segments(tx, delimiters)
    if segs and segs[-1].id == "SE":
        segs[-1].elements = [str(len(segs)), segs[0].get(2)]
    return segs
