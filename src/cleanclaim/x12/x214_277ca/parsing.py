"""Read 277CA transaction sets: placed loop tree and typed status report."""

from __future__ import annotations

from .._segments import Delimiters, Segment
from ..guidekit.reading import place
from ..x212_276_277.parsing import TransactionStatus
from .loops import spec
from .view import status_report

VERSION = "005010X214"


def parse(segments: list[Segment], d: Delimiters) -> TransactionStatus:
    """Read one 277CA (ST..SE)."""
    placed = place(segments, d, spec(), "277", VERSION)
    return TransactionStatus(placed, status_report(placed.tree, d))
