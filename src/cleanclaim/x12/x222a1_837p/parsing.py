"""Read 837P transaction sets: the placed loop tree.

``parse`` is the registry's reader (ST..SE of one set, already split by the
envelope layer): it places the segments in the guide's loop tree
(:func:`cleanclaim.x12.guidekit.reading.place`). Checks are separate
(:mod:`.validation`) and the plain claims are built on demand (:mod:`.view`),
so reading alone is cheap.
"""

from __future__ import annotations

from dataclasses import dataclass

from .._perf import gc_paused
from .._segments import Delimiters, Segment
from ..guidekit.reading import Placed, place
from ..guidekit.tree import LoopNode
from .loops import spec

GUIDE = "005010X222A1"
#: GS08/ST03 values read as this guide: A1 and the A2 errata of the same guide (same
#: structure and code lists for what we read; the version read is kept and echoed).
VERSIONS = (GUIDE, "005010X222A2")


@dataclass(slots=True)
class Transaction837P:
    """One 837P transaction set as read: ST, the placed loop tree, SE."""

    placed: Placed
    delimiters: Delimiters

    @property
    def tree(self) -> LoopNode:
        """The body (BHT..last segment before SE) placed in the guide's loops."""
        return self.placed.tree


def parse(segments: list[Segment], delimiters: Delimiters) -> Transaction837P:
    """Read one 837P transaction set (ST..SE)."""
    st03 = segments[0].get(3) if segments else ""
    with gc_paused():  # many small objects, no cycles (see cleanclaim.x12._perf)
        placed = place(segments, delimiters, spec(), "837", st03 if st03 in VERSIONS else GUIDE)
    return Transaction837P(placed, delimiters)
