"""The HL hierarchy rule of the HL-structured guides (270/271, 276/277, 277CA).

Each HL01 is a new, unique id; HL02 names the parent HL's HL01 (empty only for
the top level, HL03 ``20`` information source); and the parent's level code
(HL03) must be one the guide allows for the child: 270/271 ``20`` → ``21`` →
``22`` → ``23``; 276/277 and 277CA ``20`` → ``21`` → ``19`` → ``22`` → ``23``.
"""

from __future__ import annotations

from .._errors import IK403
from .tree import LoopNode, SegNode
from .validate import Context

#: 005010X279A1 (270/271): information source, receiver, subscriber, dependent.
PARENTS_279: dict[str, tuple[str, ...]] = {"20": ("",), "21": ("20",), "22": ("21",), "23": ("22",)}
#: 005010X212 / X214 (276/277/277CA): source, receiver, provider, subscriber, dependent.
PARENTS_212: dict[str, tuple[str, ...]] = {
    "20": ("",),
    "21": ("20",),
    "19": ("21",),
    "22": ("19",),
    "23": ("22",),
}


def hl_nodes(tree: LoopNode) -> list[tuple[str, SegNode]]:
    """Every HL segment of the tree in file order, with the id of the loop it opens."""
    out: list[tuple[str, SegNode]] = []

    def walk(node: LoopNode) -> None:
        for child in node.children:
            if isinstance(child, LoopNode):
                walk(child)
            elif child.id == "HL":
                out.append((node.spec.id, child))

    walk(tree)
    return out


def check_hl(ctx: Context, tree: LoopNode, parents: dict[str, tuple[str, ...]]) -> None:
    """Add findings for duplicate HL01, unknown HL02 and wrong parent levels."""
    levels: dict[str, str] = {}
    for loop_id, seg in hl_nodes(tree):
        hl01, hl02, hl03 = seg.get(1), seg.get(2), seg.get(3)
        if hl01 in levels:
            ctx.add(
                seg,
                loop_id,
                "x12.hl.duplicate-id",
                f"HL01 {hl01!r} is used twice",
                ik403=IK403.PATTERN_MATCH_FAILURE,
                ref="HL01",
                element_position=1,
                value=hl01,
            )
        allowed = parents.get(hl03)
        if hl02 and hl02 not in levels:
            ctx.add(
                seg,
                loop_id,
                "x12.hl.unknown-parent",
                f"HL02 {hl02!r} does not name an earlier HL",
                ik403=IK403.PATTERN_MATCH_FAILURE,
                ref="HL02",
                element_position=2,
                value=hl02,
            )
        elif allowed is not None and levels.get(hl02, "") not in allowed:
            ctx.add(
                seg,
                loop_id,
                "x12.hl.wrong-parent",
                f"an HL at level {hl03} must have a parent at level "
                f"{' or '.join(a or '(none)' for a in allowed)}, not "
                f"{levels.get(hl02) or '(none)'}",
                ik403=IK403.PATTERN_MATCH_FAILURE,
                ref="HL02",
                element_position=2,
                value=hl02,
            )
        levels[hl01] = hl03
