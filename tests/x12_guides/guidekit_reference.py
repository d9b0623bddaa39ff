"""The plain versions of the guidekit's hot paths, the reference the tests referee with.

:func:`build_tree` (placing segments in the loop tree) and :func:`check_loop`
(structure checks of a placed tree) in ``cleanclaim.x12.guidekit.tree`` and
``.validate`` run from precomputed per-loop tables; the functions here are the
straightforward interpreters they replaced, kept unchanged so that
``test_it_agrees_with_the_reference_guidekit.py`` can compare the two on every
sample and on mutated inputs (same tree, same findings in the same order). They
live in the tests: nothing in the engine calls them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache

from cleanclaim.x12._errors import IK304
from cleanclaim.x12._segments import Segment
from cleanclaim.x12.guidekit.context import Context
from cleanclaim.x12.guidekit.elements import check_segment
from cleanclaim.x12.guidekit.spec import LoopSpec, SegmentSpec
from cleanclaim.x12.guidekit.tree import LoopNode, SegNode
from cleanclaim.x12.guidekit.validate import _required, _where

__all__ = ["build_tree", "check_loop"]


@cache
def _index_of(spec: LoopSpec) -> dict[int, int]:
    """id(child spec) → its position among the loop's children."""
    return {id(c): i for i, c in enumerate(spec.children)}


@dataclass(frozen=True, slots=True)
class _Entry:
    index: int
    spec: SegmentSpec | LoopSpec
    trigger: SegmentSpec  # the segment itself, or the loop's first segment
    is_segment: bool = True
    unordered: bool = False  # HL loops follow HL02, not the guide's order


@dataclass(slots=True)
class _Frame:
    spec: LoopSpec
    node: LoopNode
    index: int
    table: dict[str, tuple[_Entry, ...]]
    counts: dict[int, int] = field(default_factory=dict)  # segment entries used so far


@cache
def _table(spec: LoopSpec) -> dict[str, tuple[_Entry, ...]]:
    """Segment id → the entries (after the loop's own trigger) it may start."""
    out: dict[str, list[_Entry]] = {}
    for index, child in enumerate(spec.children):
        if index == 0 and spec.id != "ST":
            continue  # the trigger only ever opens a new occurrence of the loop
        trigger = child if isinstance(child, SegmentSpec) else child.first_segment()
        out.setdefault(trigger.id, []).append(
            _Entry(index, child, trigger, isinstance(child, SegmentSpec), trigger.id == "HL")
        )
    return {key: tuple(value) for key, value in out.items()}


def _open(frame: _Frame, entry: _Entry, seg: Segment, pos: int, loose: bool) -> _Frame:
    """Open the child loop ``entry`` in ``frame`` with ``seg`` as its trigger."""
    loop_spec = entry.spec
    assert isinstance(loop_spec, LoopSpec)
    node = LoopNode(loop_spec)
    frame.node.children.append(node)
    frame.index = entry.index
    child = _Frame(loop_spec, node, 0, _table(loop_spec))
    first = loop_spec.children[0]
    if isinstance(first, LoopSpec):  # a loop that starts with a loop (not in these guides)
        return _open(child, _Entry(0, first, first.first_segment(), False), seg, pos, loose)
    node.children.append(SegNode(seg, pos, first, loose))
    return child


def _next_free(
    frame: _Frame,
    entries: tuple[_Entry, ...],
    entry: _Entry,
    seg: Segment,
    comp_sep: str,
    loose: bool,
) -> _Entry:
    """``entry``, or a later sibling that also matches when ``entry`` is used up.

    Guides list the same segment several times with overlapping qualifiers
    (four ``REF`` of 276 2200D, each used once); a second ``REF`` goes to the
    next one rather than over the first one's maximum use.
    """
    assert isinstance(entry.spec, SegmentSpec)
    if frame.counts.get(entry.index, 0) < entry.spec.max_use:
        return entry
    for other in entries:
        if (
            other.index > entry.index
            and isinstance(other.spec, SegmentSpec)
            and frame.counts.get(other.index, 0) < other.spec.max_use
            and (loose or other.trigger.matches(seg, comp_sep))
        ):
            return other
    return entry


def _find(
    stack: list[_Frame], seg: Segment, comp_sep: str, loose: bool
) -> tuple[int, _Entry, tuple[_Entry, ...]] | None:
    """The innermost open loop with a place for ``seg``: (depth, entry, siblings)."""
    seg_id = seg.id
    for depth in range(len(stack) - 1, -1, -1):
        frame = stack[depth]
        entries = frame.table.get(seg_id)
        if entries is None:
            continue
        index = frame.index
        for entry in entries:
            if entry.index < index and not entry.unordered:
                continue
            key = entry.trigger.key
            if loose or key is None:
                return depth, entry, entries
            ele, comp, values = key  # the qualifier, inlined from SegmentSpec.matches
            elements = seg.elements
            value = elements[ele - 1] if ele <= len(elements) else ""
            if comp:
                parts = value.split(comp_sep)
                value = parts[comp - 1] if comp <= len(parts) else ""
            if value in values:
                return depth, entry, entries
    return None


def build_tree(root: LoopSpec, segments: list[Segment], comp_sep: str) -> LoopNode:
    """Place ``segments`` in ``root``'s loop tree: strict, then loose, else unknown."""
    top = LoopNode(root)
    stack = [_Frame(root, top, 0, _table(root))]
    for pos, seg in enumerate(segments, start=2):
        loose = False
        found: tuple[int, _Entry, tuple[_Entry, ...]] | None = _find(stack, seg, comp_sep, False)
        if found is None:
            loose = True
            found = _find(stack, seg, comp_sep, True)
        if found is None:
            stack[-1].node.children.append(SegNode(seg, pos, None))
            continue
        depth, entry, entries = found
        del stack[depth + 1 :]
        frame = stack[depth]
        if entry.is_segment:
            spec = entry.spec
            assert isinstance(spec, SegmentSpec)
            used = frame.counts.get(entry.index, 0)
            if used >= spec.max_use:
                entry = _next_free(frame, entries, entry, seg, comp_sep, loose)
                spec = entry.spec
                assert isinstance(spec, SegmentSpec)
            frame.counts[entry.index] = frame.counts.get(entry.index, 0) + 1
            frame.node.children.append(SegNode(seg, pos, spec, loose))
            frame.index = entry.index
        else:
            stack.append(_open(frame, entry, seg, pos, loose))
    return top


def check_loop(ctx: Context, loop: LoopNode, known: frozenset[str]) -> None:
    """Structure of one loop occurrence, then its segments and child loops."""
    spec = loop.spec
    loop_id = spec.id if spec.id != "ST" else ""
    counts: dict[int, int] = {}
    index_of = _index_of(spec)
    last: SegNode | None = None
    for child in loop.children:
        if isinstance(child, LoopNode):
            lspec = child.spec
            i = index_of[id(lspec)]
            n = counts[i] = counts.get(i, 0) + 1
            if n == lspec.repeat + 1:
                ctx.add(
                    next(child.segments(), None),
                    lspec.id,
                    "x12.loop.over-maximum",
                    f"loop {lspec.id} ({lspec.name}) repeats more than {lspec.repeat} times",
                    ik304=IK304.LOOP_OVER_MAXIMUM,
                )
            check_loop(ctx, child, known)
            continue
        last = child
        cspec = child.spec
        if cspec is None:
            if child.id in known:
                ctx.add(
                    child,
                    loop_id,
                    "x12.segment.unexpected",
                    f"{child.id} is not expected here in {_where(loop_id)}",
                    ik304=IK304.UNEXPECTED_SEGMENT,
                )
            else:
                ctx.add(
                    child,
                    loop_id,
                    "x12.segment.unrecognized",
                    f"{child.id} is not a segment of this transaction",
                    ik304=IK304.UNRECOGNIZED_SEGMENT,
                )
            continue
        i = index_of[id(cspec)]
        n = counts[i] = counts.get(i, 0) + 1
        if n == cspec.max_use + 1:
            ctx.add(
                child,
                loop_id,
                "x12.segment.over-maximum",
                f"{cspec.name} ({child.id}) appears more than {cspec.max_use} "
                f"times in {_where(loop_id)}",
                ik304=IK304.SEGMENT_OVER_MAXIMUM_USE,
            )
        if cspec.usage == "N":
            ctx.add(
                child,
                loop_id,
                "x12.segment.not-used",
                f"{cspec.name} ({child.id}) is not used in this guide",
                ik304=IK304.NOT_USED_SEGMENT_PRESENT,
            )
            continue
        check_segment(ctx, child, loop_id)
    for i, child_spec in _required(spec):
        if i in counts:
            continue
        anchor = last or next(loop.segments(), None)
        if isinstance(child_spec, SegmentSpec):
            ctx.add(
                anchor,
                loop_id,
                "x12.segment.required-missing",
                f"{child_spec.name} ({child_spec.id}) is required in {_where(loop_id)}",
                ik304=IK304.REQUIRED_SEGMENT_MISSING,
                segment_id=child_spec.id,
            )
        else:
            ctx.add(
                anchor,
                child_spec.id,
                "x12.loop.required-missing",
                f"loop {child_spec.id} ({child_spec.name}) is required in {_where(loop_id)}",
                ik304=IK304.REQUIRED_SEGMENT_MISSING,
                segment_id=child_spec.first_segment().id,
            )
