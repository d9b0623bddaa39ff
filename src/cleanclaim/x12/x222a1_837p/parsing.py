"""837P segments → loops: the shared tolerant walker over :mod:`.loops`' slot tables."""

from __future__ import annotations

from collections.abc import Iterable

from ..loops import parse_loop, parse_loop_split
from ..segments import Delimiters, Segment
from .loops import Transaction837P

__all__ = ["parse_837p", "parse_837p_split"]


def parse_837p(segments: list[Segment], delimiters: Delimiters) -> Transaction837P:
    """ST..SE segments to a :class:`Transaction837P`; unknown segments are kept, never dropped."""
    tx = Transaction837P()
    parse_loop(tx, segments, delimiters)
    return tx


def parse_837p_split(
    parts: Iterable[list[str]], first: int, delimiters: Delimiters
) -> Transaction837P:
    """:func:`parse_837p` from the tokenizer's split form of ST..SE (ST at ``first``)."""
    tx = Transaction837P()
    parse_loop_split(tx, parts, first, delimiters)
    return tx
