"""Read 270 and 271 transaction sets: placed loop tree and typed eligibility."""

from __future__ import annotations

from dataclasses import dataclass

from .._segments import Delimiters, Segment
from ..guidekit.reading import Placed, place
from .loops import spec
from .view import Eligibility, eligibility

VERSION = "005010X279A1"
#: GS08/ST03 values read as this guide: the A1 errata and the base X279 it corrects.
VERSIONS = (VERSION, "005010X279")


@dataclass(slots=True)
class TransactionEligibility:
    """One 270 or 271 as read: placed loop tree and typed view."""

    placed: Placed
    eligibility: Eligibility

    @property
    def set_id(self) -> str:
        return self.placed.st.get(1)


def _parse(segments: list[Segment], d: Delimiters, set_id: str) -> TransactionEligibility:
    placed = place(segments, d, spec(set_id), set_id, VERSION)
    return TransactionEligibility(placed, eligibility(placed.tree, d))


def parse_270(segments: list[Segment], d: Delimiters) -> TransactionEligibility:
    """Read one 270 (ST..SE)."""
    return _parse(segments, d, "270")


def parse_271(segments: list[Segment], d: Delimiters) -> TransactionEligibility:
    """Read one 271 (ST..SE)."""
    return _parse(segments, d, "271")
