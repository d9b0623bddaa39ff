"""837P segments → loops: the shared tolerant walker over :mod:`.loops`' slot tables."""

from __future__ import annotations

from ..loops import parse_loop
from ..segments import Delimiters, Segment
from .loops import Transaction837P

__all__ = ["parse_837p"]


def parse_837p(segments: list[Segment], delimiters: Delimiters) -> Transaction837P:
    """ST..SE segments to a :class:`Transaction837P`; unknown segments are kept, never dropped."""
    tx = Transaction837P()
    parse_loop(tx, segments, delimiters)
    return tx
