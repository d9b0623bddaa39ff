"""The 999 as a program reads it: plain typed dataclasses read from the placed tree.

:func:`acknowledgment` (also :attr:`.parsing.Transaction999.acknowledgment`) gives
:class:`Acknowledgment`: the group acknowledged (AK1), per transaction set its
verdict (AK2, IK5) and the segments (IK3, CTX) and elements (IK4) in error, and the
group's verdict and counts (AK9).
"""

from __future__ import annotations

from dataclasses import dataclass

from .._segments import Delimiters
from ..guidekit.tree import LoopNode, SegNode
from .codes import TransactionSetAcknowledgment

__all__ = [
    "Acknowledgment",
    "ElementError",
    "SegmentError",
    "SetResponse",
    "acknowledgment",
]

#: CTX01-1 of a segment or element context (the other CTX names a business unit: CLM01...).
SEGMENT_CONTEXT = "SITUATIONAL TRIGGER"
#: IK501 codes that accept the transaction set (A accepted, E accepted with errors).
ACCEPTING = frozenset(
    {TransactionSetAcknowledgment.ACCEPTED, TransactionSetAcknowledgment.ACCEPTED_WITH_ERRORS}
)


@dataclass(frozen=True, slots=True)
class ElementError:
    """Loop 2110: one element in error (IK4)."""

    position: str  # IK401-1 element position in the segment
    component: str  # IK401-2 component position in the composite
    repetition: str  # IK401-3 repeating data element position
    reference: str  # IK402 data element reference number
    code: str  # IK403 implementation data element syntax error code
    value: str  # IK404 copy of the bad data element


@dataclass(frozen=True, slots=True)
class SegmentError:
    """Loop 2100: one segment in error (IK3), its context (CTX) and elements (2110)."""

    segment_id: str  # IK301
    position: str  # IK302 position in the transaction set (ST is 1)
    loop: str  # IK303 loop identifier
    code: str  # IK304 implementation segment syntax error code
    #: every CTX of the loop, as its elements joined with the element separator
    contexts: tuple[str, ...]
    #: the business unit CTX (CTX01-1 name, CTX01-2 value), e.g. ``("CLM01", "26407789")``
    business_unit: tuple[str, str] | None
    element_errors: tuple[ElementError, ...]


@dataclass(frozen=True, slots=True)
class SetResponse:
    """Loop 2000: the verdict on one transaction set (AK2 ... IK5)."""

    transaction_set: str  # AK201
    control_number: str  # AK202 (the set's ST02)
    version: str  # AK203
    status: str  # IK501: A accepted, E accepted with errors, R rejected, ...
    error_codes: tuple[str, ...]  # IK502-IK506
    segment_errors: tuple[SegmentError, ...]

    @property
    def accepted(self) -> bool:
        """IK501 ``A`` or ``E``."""
        return self.status in ACCEPTING


@dataclass(frozen=True, slots=True)
class Acknowledgment:
    """One 999: the functional group acknowledged and the verdict on each of its sets."""

    functional_id: str  # AK101 (GS01 of the group acknowledged)
    group_control_number: str  # AK102 (its GS06)
    group_version: str  # AK103 (its GS08)
    sets: tuple[SetResponse, ...]
    code: str  # AK901: A, E, P partially accepted, R rejected, ...
    included: str  # AK902
    received: str  # AK903
    accepted_count: str  # AK904
    error_codes: tuple[str, ...]  # AK905-AK909

    def rejected_sets(self) -> list[SetResponse]:
        """The transaction sets the receiver did not accept."""
        return [s for s in self.sets if not s.accepted]


def _els(node: SegNode | None, first: int, last: int) -> tuple[str, ...]:
    return tuple(v for v in (node.get(i) if node else "" for i in range(first, last + 1)) if v)


def _element_error(loop: LoopNode, comp: str) -> ElementError:
    ik4 = loop.first("IK4")
    parts = ik4.get(1).split(comp) if ik4 else []
    parts += [""] * (3 - len(parts))
    return ElementError(
        parts[0],
        parts[1],
        parts[2],
        ik4.get(2) if ik4 else "",
        ik4.get(3) if ik4 else "",
        ik4.get(4) if ik4 else "",
    )


def _segment_error(loop: LoopNode, d: Delimiters) -> SegmentError:
    ik3 = loop.first("IK3")
    contexts = []
    unit: tuple[str, str] | None = None
    for ctx in loop.segments("CTX"):
        contexts.append(d.element.join(ctx.segment.elements))
        name, _, value = ctx.get(1).partition(d.component)
        if unit is None and value and name != SEGMENT_CONTEXT:
            unit = (name, value)
    return SegmentError(
        ik3.get(1) if ik3 else "",
        ik3.get(2) if ik3 else "",
        ik3.get(3) if ik3 else "",
        ik3.get(4) if ik3 else "",
        tuple(contexts),
        unit,
        tuple(_element_error(e, d.component) for e in loop.loops("2110")),
    )


def acknowledgment(tree: LoopNode, d: Delimiters) -> Acknowledgment:
    """The typed view of a placed 999 (absent elements read as ``""``)."""
    sets = []
    for loop in tree.loops("2000"):
        ak2, ik5 = loop.first("AK2"), loop.first("IK5")
        sets.append(
            SetResponse(
                ak2.get(1) if ak2 else "",
                ak2.get(2) if ak2 else "",
                ak2.get(3) if ak2 else "",
                ik5.get(1) if ik5 else "",
                _els(ik5, 2, 6),
                tuple(_segment_error(e, d) for e in loop.loops("2100")),
            )
        )
    ak1, ak9 = tree.first("AK1"), tree.first("AK9")
    return Acknowledgment(
        ak1.get(1) if ak1 else "",
        ak1.get(2) if ak1 else "",
        ak1.get(3) if ak1 else "",
        tuple(sets),
        ak9.get(1) if ak9 else "",
        ak9.get(2) if ak9 else "",
        ak9.get(3) if ak9 else "",
        ak9.get(4) if ak9 else "",
        _els(ak9, 5, 9),
    )
