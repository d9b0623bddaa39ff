"""Write 999 transaction sets back: the segments in the order read."""

from __future__ import annotations

from .._segments import Delimiters, Segment
from .parsing import Transaction999


def write(tx: Transaction999, delimiters: Delimiters) -> list[Segment]:
    """ST, the segments in the order read, SE with its count (SE01) and ST02 (SE02)."""
    segs = tx.placed.segments()
    if tx.placed.se is not None:
        segs[-1] = Segment("SE", [str(len(segs)), tx.placed.st.get(2)], segs[-1].position)
    return segs
