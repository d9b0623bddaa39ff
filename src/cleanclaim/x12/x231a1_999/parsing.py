"""999 segments → loops (the shared tolerant walker)."""

from __future__ import annotations

from ..loops import parse_loop
from ..segments import Delimiters, Segment
from .loops import Transaction999

__all__ = ["parse_999"]


def parse_999(segments: list[Segment], delimiters: Delimiters) -> Transaction999:
    tx = Transaction999()
    parse_loop(tx, segments, delimiters)
    return tx
