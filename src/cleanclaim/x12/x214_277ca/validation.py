"""277CA checks: guide structure and elements, the HL hierarchy, STC03 vs STC01-1.

HL 20 → 21 → 19 → PT (005010X214). Per claim, the action code STC03 says
whether the claim was accepted (``WQ``) or rejected (``U``); a rejection
category (A3 returned as unprocessable, A6/A7/A8 rejected) with ``WQ``, or an
acceptance (A1/A2) with ``U``, contradicts itself and is reported as a warning.
"""

from __future__ import annotations

from collections.abc import Iterator

from .._errors import IK403, Finding, Severity
from .._segments import Delimiters
from ..guidekit.hl import check_hl
from ..guidekit.reading import check
from ..guidekit.tree import LoopNode, SegNode
from ..guidekit.validate import Context
from ..x212_276_277.parsing import TransactionStatus

#: X214 HL03 codes: 20 source, 21 receiver, 19 billing provider, PT patient.
PARENTS_214: dict[str, tuple[str, ...]] = {"20": ("",), "21": ("20",), "19": ("21",), "PT": ("19",)}
REJECTED = frozenset({"A3", "A6", "A7", "A8"})
ACCEPTED = frozenset({"A1", "A2"})


def _stc_nodes(loop: LoopNode) -> Iterator[tuple[str, SegNode]]:
    for child in loop.children:
        if isinstance(child, LoopNode):
            yield from _stc_nodes(child)
        elif child.id == "STC":
            yield loop.spec.id, child


def _check_actions(ctx: Context, tx: TransactionStatus) -> None:
    for loop_id, node in _stc_nodes(tx.placed.tree):
        category = node.get(1).split(ctx.delimiters.component)[0]
        action = node.get(3)
        if (category in REJECTED and action == "WQ") or (category in ACCEPTED and action == "U"):
            ctx.add(
                node,
                loop_id,
                "x12.277ca.action-contradicts-category",
                f"STC03 {action!r} ({'accepted' if action == 'WQ' else 'rejected'}) "
                f"contradicts category {category!r}",
                ik403=IK403.PATTERN_MATCH_FAILURE,
                ref="STC03",
                element_position=3,
                value=action,
                severity=Severity.WARNING,
            )


def validate(tx: TransactionStatus, delimiters: Delimiters) -> list[Finding]:
    """Every finding of one 277CA."""
    ctx = check(tx.placed, delimiters)
    check_hl(ctx, tx.placed.tree, PARENTS_214)
    _check_actions(ctx, tx)
    return ctx.findings
