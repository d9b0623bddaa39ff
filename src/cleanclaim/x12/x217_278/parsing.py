"""Read 278 transaction sets: request or response told by BHT02, placed and typed.

Both the request and the response are ST01 ``278`` with ST03 ``005010X217``;
BHT02 (Transaction Set Purpose Code) tells them apart: ``11`` (response) is
read with the response tree, anything else (``13`` request, ``01``
cancellation) with the request tree. One registry entry therefore serves both:
its ``parse`` picks the tree, and validation reports a BHT02 the chosen tree
does not allow.
"""

from __future__ import annotations

from dataclasses import dataclass

from .._segments import Delimiters, Segment
from ..guidekit.reading import Placed, place
from .loops import Kind, spec
from .view import Review, review

VERSION = "005010X217"
VERSIONS = (VERSION,)

#: BHT02 of a response (005010X217 response BHT02 "11 Response").
RESPONSE_PURPOSE = "11"


@dataclass(slots=True)
class TransactionReview:
    """One 278 as read: request or response, placed loop tree and typed review."""

    kind: Kind
    placed: Placed
    review: Review

    @property
    def set_id(self) -> str:
        return self.placed.st.get(1)


def kind_of(segments: list[Segment]) -> Kind:
    """``"response"`` when the BHT after ST says 11, else ``"request"``."""
    bht = segments[1] if len(segments) > 1 and segments[1].id == "BHT" else None
    return "response" if bht is not None and bht.get(2) == RESPONSE_PURPOSE else "request"


def parse_278(segments: list[Segment], d: Delimiters) -> TransactionReview:
    """Read one 278 (ST..SE), request or response."""
    kind = kind_of(segments)
    placed = place(segments, d, spec(kind), "278", VERSION)
    return TransactionReview(kind, placed, review(placed.tree, d, kind))
