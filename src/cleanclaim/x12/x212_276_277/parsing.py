"""Read 276 and 277 transaction sets: placed loop tree and typed status report."""

from __future__ import annotations

from dataclasses import dataclass

from .._segments import Delimiters, Segment
from ..guidekit.reading import Placed, place
from .loops import spec
from .view import StatusReport, status_report

VERSION = "005010X212"
VERSIONS = (VERSION,)


@dataclass(slots=True)
class TransactionStatus:
    """One 276, 277 or 277CA as read: placed loop tree and typed status report."""

    placed: Placed
    report: StatusReport

    @property
    def set_id(self) -> str:
        return self.placed.st.get(1)


def _parse(segments: list[Segment], d: Delimiters, set_id: str) -> TransactionStatus:
    placed = place(segments, d, spec(set_id), set_id, VERSION)
    return TransactionStatus(placed, status_report(placed.tree, d))


def parse_276(segments: list[Segment], d: Delimiters) -> TransactionStatus:
    """Read one 276 (ST..SE)."""
    return _parse(segments, d, "276")


def parse_277(segments: list[Segment], d: Delimiters) -> TransactionStatus:
    """Read one 277 (ST..SE)."""
    return _parse(segments, d, "277")
