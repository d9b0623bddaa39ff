"""Reading one transaction set with a guide: place, check, report.

The steps every guide package shares: check that the functional group names
the guide (GS08) and the transaction set (ST01, ST03), place the body in the
loop tree and run the structure and element checks. Guide packages add their
own semantic rules (835 balancing, HL structure) on the returned context.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..errors import IK304, Severity, X12Error
from ..segments import Delimiters, Segment
from .spec import LoopSpec
from .tree import LoopNode, build_tree
from .validate import Context, validate_tree


@dataclass(slots=True)
class Placed:
    """A transaction set placed in its guide's loop tree, with its findings so far."""

    st: Segment
    tree: LoopNode
    ctx: Context


def check_version(version: str, accepted: tuple[str, ...], what: str) -> None:
    """Raise the one-line error for a guide version we do not read.

    ``accepted`` are the GS08 values read as this guide (the first is the one we
    write). 4010 and other versions are refused: their loops and codes differ.
    """
    if version in accepted:
        return
    if version.startswith("004010"):
        raise X12Error(
            f"{what} in X12 version {version} (4010) is not supported: "
            f"only {accepted[0]} (5010) is read"
        )
    raise X12Error(f"{what} guide {version or '(none)'} is not supported: expected {accepted[0]}")


def place(
    segments: list[Segment],
    delimiters: Delimiters,
    spec: LoopSpec,
    set_id: str,
    guide: str,
) -> Placed:
    """Place ST..SE (``segments``; ST first, SE last if present) and run the guide checks."""
    if not segments or segments[0].id != "ST":
        raise X12Error("a transaction set must start with ST", segment_id="ST")
    st = segments[0]
    body = segments[1:-1] if len(segments) > 1 and segments[-1].id == "SE" else segments[1:]
    if st.get(1) != set_id:
        raise X12Error(
            f"transaction set {st.get(1)!r} is not a {set_id}",
            position=st.position,
            segment_id="ST",
        )
    tree = build_tree(spec, body, delimiters.component)
    ctx = validate_tree(tree, delimiters, st.get(2))
    if st.get(3) and st.get(3) != guide:
        ctx.add(None, "HEADER", "x12.st.guide", f"ST03 {st.get(3)!r} should be {guide!r}",
                ik304=IK304.SEGMENT_HAS_ELEMENT_ERRORS, ik403="7", ref="ST03",
                element_position=3, value=st.get(3), segment_id="ST",
                severity=Severity.WARNING)
    return Placed(st, tree, ctx)
