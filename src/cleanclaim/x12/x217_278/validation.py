"""278 checks: the guide's structure and elements, the HL hierarchy, and its own rules.

* HL hierarchy (005010X217 §1.4, HL segments of 2000A-2000F): 20 (UMO) → 21
  (requester) → 22 (subscriber) → 23 (dependent, situational) → EV (patient
  event, under the subscriber or the dependent) → SS (service, under the
  patient event), each HL02 naming its parent's HL01.
* One patient event (2000E) for the patient: under the dependent (2000D, where
  the guide requires it) when there is one, else under the subscriber (2000C).
* HL04 (Hierarchical Child Code): ``1`` when a later HL names this one as its
  parent, ``0`` when none does (X12 element 736).
* A service level (2000F) names the service it is about in SV1 (professional),
  SV2 (institutional) or SV3 (dental) -- a warning when none is there: the UMO
  has no procedure to certify.
* A response (BHT02 ``11``) gives a decision: an HCR (2000E or 2000F) or an AAA
  saying why the request could not be processed -- a warning when neither is
  there.
"""

from __future__ import annotations

from .._errors import IK304, IK403, Finding, Severity
from .._segments import Delimiters
from ..guidekit.context import Context
from ..guidekit.hl import check_hl, hl_nodes
from ..guidekit.reading import check
from ..guidekit.tree import LoopNode
from .loops import DEPENDENT, EVENT, SERVICE, SUBSCRIBER
from .parsing import TransactionReview

#: 005010X217: UMO, requester, subscriber, dependent, patient event, service.
PARENTS_217: dict[str, tuple[str, ...]] = {
    "20": ("",),
    "21": ("20",),
    "22": ("21",),
    "23": ("22",),
    "EV": ("22", "23"),
    "SS": ("EV",),
}


def _check_child_codes(ctx: Context, tree: LoopNode) -> None:
    hls = hl_nodes(tree)
    parents = {seg.get(2) for _, seg in hls if seg.get(2)}
    for loop_id, seg in hls:
        has_children = seg.get(1) in parents
        expected = "1" if has_children else "0"
        if seg.get(4) and seg.get(4) != expected:
            ctx.add(
                seg,
                loop_id,
                "x12.hl.child-code",
                f"HL04 is {seg.get(4)!r} but HL {seg.get(1)!r} "
                f"{'has' if has_children else 'has no'} child levels (expected {expected!r})",
                ik403=IK403.PATTERN_MATCH_FAILURE,
                ref="HL04",
                element_position=4,
                value=seg.get(4),
            )


def _loops(tree: LoopNode, loop_id: str) -> list[LoopNode]:
    out: list[LoopNode] = []

    def walk(node: LoopNode) -> None:
        for child in node.loops():
            if child.id == loop_id:
                out.append(child)
            walk(child)

    walk(tree)
    return out


def _check_patient_event(ctx: Context, tree: LoopNode) -> None:
    for subscriber in _loops(tree, SUBSCRIBER):
        if next(subscriber.loops(DEPENDENT), None) or next(subscriber.loops(EVENT), None):
            continue
        ctx.add(
            subscriber.first("HL"),
            subscriber.id,
            "x12.278.patient-event-missing",
            "the subscriber is the patient (no dependent level) but has no patient event "
            "level (HL*EV, loop 2000E) saying what is asked for",
            ik304=IK304.REQUIRED_SEGMENT_MISSING,
        )


def _check_services(ctx: Context, tree: LoopNode) -> None:
    for loop in _loops(tree, SERVICE):
        if not any(loop.first(s) for s in ("SV1", "SV2", "SV3")):
            ctx.add(
                loop.first("HL"),
                loop.id,
                "x12.278.service-without-procedure",
                "the service level names no service: send SV1 (professional), "
                "SV2 (institutional) or SV3 (dental) with the procedure code",
                ik304=IK304.DEPENDENT_SEGMENT_MISSING,
                severity=Severity.WARNING,
            )


def _check_decision(ctx: Context, tree: LoopNode) -> None:
    if not any(seg.id in ("HCR", "AAA") for seg in tree.walk()):
        ctx.add(
            tree.first("BHT"),
            "",
            "x12.278.response-without-decision",
            "the response carries neither a review decision (HCR) nor a request validation (AAA)",
            ik304=IK304.DEPENDENT_SEGMENT_MISSING,
            severity=Severity.WARNING,
        )


def validate(tx: TransactionReview, delimiters: Delimiters) -> list[Finding]:
    """Every finding of one 278 request or response."""
    ctx = check(tx.placed, delimiters)
    tree = tx.placed.tree
    check_hl(ctx, tree, PARENTS_217)
    _check_child_codes(ctx, tree)
    _check_patient_event(ctx, tree)
    _check_services(ctx, tree)
    if tx.kind == "response":
        _check_decision(ctx, tree)
    # in segment order (a 999 lists its IK3s that way), the guide's own rules among the rest
    return sorted(ctx.findings, key=lambda f: f.position)
