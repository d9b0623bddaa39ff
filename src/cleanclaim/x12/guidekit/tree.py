"""Place a transaction's segments into the guide's loop tree, and back.

:func:`build_tree` walks the segments between ST and SE in order and puts each
one where the guide expects it: a segment of the current loop (at or after the
last matched position, told from its siblings by its qualifier, e.g. ``NM101``),
the start of a child loop (its trigger segment, e.g. ``CLP`` opens 2100), or
else, going up, a segment or loop of an enclosing loop. What fits nowhere is
kept as an *unknown* segment in the current loop, so writing the tree back
(:func:`tree_segments`) always gives the same segments in the same order.

Segments are the core's :class:`~cleanclaim.x12.segments.Segment`: composites
stay joined with the interchange's component separator and repetitions with
its repetition separator (so the text round-trips exactly).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cache

from ..segments import Segment
from .spec import LoopSpec, SegmentSpec


@dataclass(slots=True)
class SegNode:
    """One data segment placed in the tree."""

    segment: Segment
    in_set: int  # 1-based position in the transaction set (ST is 1)
    spec: SegmentSpec | None  # None: not found in the guide here (kept, reported)
    loose: bool = False  # matched by segment id only (qualifier not in the guide)

    @property
    def id(self) -> str:
        return self.segment.id

    def get(self, index: int) -> str:
        """Element ``index`` (1-based, as in ``CLP04``) or ``""`` when absent."""
        elements = self.segment.elements
        return elements[index - 1] if 0 < index <= len(elements) else ""


@dataclass(slots=True)
class LoopNode:
    """One occurrence of a loop, its segments and child loops in data order."""

    spec: LoopSpec
    children: list[SegNode | LoopNode] = field(default_factory=list)

    @property
    def id(self) -> str:
        return self.spec.id

    def segments(self, seg_id: str | None = None) -> Iterator[SegNode]:
        """Direct segments of this loop (optionally only those with ``seg_id``)."""
        for child in self.children:
            if isinstance(child, SegNode) and (seg_id is None or child.segment.id == seg_id):
                yield child

    def first(self, seg_id: str, qualifier: str | None = None) -> SegNode | None:
        """The first direct segment ``seg_id`` (whose element 1 is ``qualifier``)."""
        for seg in self.segments(seg_id):
            if qualifier is None or seg.get(1) == qualifier:
                return seg
        return None

    def loops(self, loop_id: str | None = None) -> Iterator[LoopNode]:
        """Direct child loops (optionally only those with ``loop_id``)."""
        for child in self.children:
            if isinstance(child, LoopNode) and (loop_id is None or child.spec.id == loop_id):
                yield child

    def walk(self) -> Iterator[SegNode]:
        """Every segment under this loop in data order."""
        for child in self.children:
            if isinstance(child, SegNode):
                yield child
            else:
                yield from child.walk()


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


_new = object.__new__


def build_tree(root: LoopSpec, segments: list[Segment], comp_sep: str) -> LoopNode:
    """Place ``segments`` (those between ST and SE) in ``root``'s loop tree.

    First by segment id and qualifier (strict), then by segment id alone
    (``loose``: the qualifier is not one the guide lists there, which validation
    reports), else the segment is kept as unknown in the innermost open loop.
    The strict search (:func:`_find` with ``loose=False``) is inlined: it runs for
    every segment.
    """
    top = LoopNode(root)
    stack = [_Frame(root, top, 0, _table(root))]
    for pos, seg in enumerate(segments, start=2):
        loose = False
        seg_id = seg.id
        found: tuple[int, _Entry, tuple[_Entry, ...]] | None = None
        depth = len(stack) - 1
        while depth >= 0:
            frame = stack[depth]
            entries = frame.table.get(seg_id)
            if entries is not None:
                index = frame.index
                for entry in entries:
                    if entry.index < index and not entry.unordered:
                        continue
                    key = entry.trigger.key
                    if key is None:
                        found = depth, entry, entries
                        break
                    ele, comp, values = key  # the qualifier, as in SegmentSpec.matches
                    elements = seg.elements
                    value = elements[ele - 1] if ele <= len(elements) else ""
                    if comp:
                        parts = value.split(comp_sep)
                        value = parts[comp - 1] if comp <= len(parts) else ""
                    if value in values:
                        found = depth, entry, entries
                        break
                if found is not None:
                    break
            depth -= 1
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
            counts = frame.counts
            used = counts.get(entry.index, 0)
            if used >= spec.max_use:
                entry = _next_free(frame, entries, entry, seg, comp_sep, loose)
                spec = entry.spec
                assert isinstance(spec, SegmentSpec)
                used = counts.get(entry.index, 0)
            counts[entry.index] = used + 1
            node = _new(SegNode)  # SegNode(seg, pos, spec, loose) without the call
            node.segment = seg
            node.in_set = pos
            node.spec = spec
            node.loose = loose
            frame.node.children.append(node)
            frame.index = entry.index
        else:
            stack.append(_open(frame, entry, seg, pos, loose))
    return top


def tree_segments(node: LoopNode) -> list[Segment]:
    """The segments of a tree in order (the inverse of :func:`build_tree`)."""
    return [seg.segment for seg in node.walk()]
