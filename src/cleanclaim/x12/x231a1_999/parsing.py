"""Read 999 transaction sets: the placed loop tree, its typed view on first use."""

from __future__ import annotations

from dataclasses import dataclass

from .._segments import Delimiters, Segment
from ..guidekit.reading import Placed, place
from .loops import spec
from .view import Acknowledgment, acknowledgment

VERSION_999 = "005010X231A1"


@dataclass(slots=True)
class Transaction999:
    """One 999 transaction set as read: the placed tree; its typed view on first use."""

    placed: Placed
    delimiters: Delimiters
    _view: Acknowledgment | None = None

    @property
    def acknowledgment(self) -> Acknowledgment:
        if self._view is None:
            self._view = acknowledgment(self.placed.tree, self.delimiters)
        return self._view


def parse(segments: list[Segment], delimiters: Delimiters) -> Transaction999:
    """Read one 999 (ST..SE): place it in the X231A1 loop tree."""
    return Transaction999(place(segments, delimiters, spec(), "999", VERSION_999), delimiters)
