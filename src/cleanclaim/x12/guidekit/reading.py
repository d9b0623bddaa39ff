"""Reading one transaction set with a guide: place it, later check it.

The steps every guide package shares: split ST and SE off, place the body in
the loop tree (:func:`place`) and, when asked, run the structure and element
checks (:func:`check`). Guide packages add their own semantic rules (835
balancing, HL structure) on the returned context.
"""

from __future__ import annotations

from dataclasses import dataclass

from .._errors import IK304, Severity, X12Error
from .._segments import Delimiters, Segment
from .spec import LoopSpec
from .tree import LoopNode, build_tree, tree_segments
from .validate import After, Context, validate_tree


@dataclass(slots=True)
class Placed:
    """A transaction set placed in its guide's loop tree."""

    st: Segment
    se: Segment | None
    tree: LoopNode
    guide: str

    def segments(self) -> list[Segment]:
        """ST, the body in order, SE: exactly what was read."""
        out = [self.st, *tree_segments(self.tree)]
        if self.se is not None:
            out.append(self.se)
        return out


def place(
    segments: list[Segment], delimiters: Delimiters, spec: LoopSpec, set_id: str, guide: str
) -> Placed:
    """Place ST..SE (``segments``; ST first, SE last when present) in the loop tree."""
    if not segments or segments[0].id != "ST":
        raise X12Error("a transaction set must start with ST", segment_id="ST")
    st = segments[0]
    has_se = len(segments) > 1 and segments[-1].id == "SE"
    body = segments[1:-1] if has_se else segments[1:]
    if st.get(1) != set_id:
        raise X12Error(
            f"transaction set {st.get(1)!r} is not a {set_id}",
            position=st.position,
            segment_id="ST",
        )
    tree = build_tree(spec, body, delimiters.component)
    return Placed(st, segments[-1] if has_se else None, tree, guide)


def check(placed: Placed, delimiters: Delimiters, after: After | None = None) -> Context:
    """Structure and element findings of a placed transaction set.

    ``after``: the guide's own per-loop rules, see :func:`.validate.check_loop`.
    """
    ctx = validate_tree(placed.tree, delimiters, placed.st.get(2), after)
    st03 = placed.st.get(3)
    # a base release (005010X279 for 005010X279A1) is reported by the driver
    # (x12.version.base-release), once for every guide
    if st03 and st03 != placed.guide and not placed.guide.startswith(st03):
        ctx.add(
            None,
            "",
            "x12.st.guide",
            f"ST03 {st03!r} is not the implementation guide {placed.guide!r}",
            ik304=IK304.SEGMENT_HAS_ELEMENT_ERRORS,
            ik403="7",
            ref="ST03",
            element_position=3,
            value=st03,
            segment_id="ST",
            severity=Severity.WARNING,
        )
    return ctx
