"""Place a transaction's segments into the guide's loop tree, and back.

:func:`build_tree` walks the segments between ST and SE in order and puts each
one where the guide expects it: a segment of the current loop (at or after the
last matched position, told from its siblings by its qualifier, e.g. ``NM101``),
the start of a child loop (its trigger segment, e.g. ``CLP`` opens 2100), or
else, going up, a segment or loop of an enclosing loop. What fits nowhere is
kept as an *unknown* segment in the current loop, so writing the tree back
(:func:`tree_segments`) always gives the same segments in the same order.

Segments are the core's :class:`~cleanclaim.x12._segments.Segment`: composites
stay joined with the interchange's component separator and repetitions with
its repetition separator (so the text round-trips exactly).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cache

from .._segments import Segment
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
    key: tuple[int, int, frozenset[str]] | None = None  # trigger.key
    max_use: int = 0  # a segment's maximum use (0 for loops)
    first: SegmentSpec | None = None  # a loop's first child, when a segment (its trigger)


#: The entries a segment id may start at one position of a loop, ready for the
#: strict search: ``(element, component, value → entry, fallback, entries)``. When
#: the qualified entries before the first unqualified one all read the same element
#: (``NM101``), the first entry whose qualifier values hold the segment's value is one
#: dict lookup, else ``fallback`` (the first unqualified entry, or ``None``);
#: ``element`` 0: no qualified entry first (``fallback`` it is); -1: mixed elements,
#: search ``entries`` one by one.
_Avail = tuple[int, int, dict[str, _Entry], "_Entry | None", tuple[_Entry, ...]]

#: Per loop spec: segment id → every entry it may start (:func:`_table`), and per
#: position in the loop the same restricted to the entries still open from there
#: (at or after it, or HL loops, which follow HL02 rather than the guide's order).
_Plan = tuple[dict[str, tuple[_Entry, ...]], list[dict[str, _Avail]]]


@dataclass(slots=True)
class _Frame:
    spec: LoopSpec
    node: LoopNode
    index: int
    table: dict[str, tuple[_Entry, ...]]
    counts: list[int]  # per child position of the loop: segments placed there so far
    open_at: list[dict[str, _Avail]]  # _Plan[1]
    avail: dict[str, _Avail]  # open_at[index]


@cache
def _table(spec: LoopSpec) -> dict[str, tuple[_Entry, ...]]:
    """Segment id → the entries (after the loop's own trigger) it may start."""
    out: dict[str, list[_Entry]] = {}
    for index, child in enumerate(spec.children):
        if index == 0 and spec.id != "ST":
            continue  # the trigger only ever opens a new occurrence of the loop
        trigger = child if isinstance(child, SegmentSpec) else child.first_segment()
        is_segment = isinstance(child, SegmentSpec)
        out.setdefault(trigger.id, []).append(
            _Entry(
                index,
                child,
                trigger,
                is_segment,
                trigger.id == "HL",
                trigger.key,
                child.max_use if isinstance(child, SegmentSpec) else 0,
                child.children[0]
                if isinstance(child, LoopSpec) and isinstance(child.children[0], SegmentSpec)
                else None,
            )
        )
    return {key: tuple(value) for key, value in out.items()}


_PLANS: dict[LoopSpec, _Plan] = {}


def _plan(spec: LoopSpec) -> _Plan:
    plan = _PLANS.get(spec)
    if plan is None:
        table = _table(spec)
        open_at: list[dict[str, _Avail]] = []
        for index in range(len(spec.children)):
            avail: dict[str, _Avail] = {}
            for seg_id, entries in table.items():
                keep = tuple(e for e in entries if e.index >= index or e.unordered)
                if keep:
                    avail[seg_id] = _avail(keep)
            open_at.append(avail)
        plan = _PLANS[spec] = (table, open_at)
    return plan


def _avail(entries: tuple[_Entry, ...]) -> _Avail:
    """The strict search over ``entries`` as a lookup (see :data:`_Avail`)."""
    fallback = next((e for e in entries if e.key is None), None)
    keyed = entries[: entries.index(fallback)] if fallback is not None else entries
    if not keyed:
        return 0, 0, {}, fallback, entries
    places = {(e.key[0], e.key[1]) for e in keyed if e.key is not None}
    if len(places) != 1:
        return -1, 0, {}, None, entries
    ele, comp = places.pop()
    lookup: dict[str, _Entry] = {}
    for e in keyed:
        assert e.key is not None
        for value in e.key[2]:
            lookup.setdefault(value, e)  # the first entry listing it wins
    return ele, comp, lookup, fallback, entries


_new = object.__new__


def _frame(spec: LoopSpec, node: LoopNode, index: int) -> _Frame:
    table, open_at = _PLANS.get(spec) or _plan(spec)
    frame: _Frame = _new(_Frame)
    frame.spec = spec
    frame.node = node
    frame.index = index
    frame.table = table
    frame.counts = [0] * len(spec.children)
    frame.open_at = open_at
    frame.avail = open_at[index]
    return frame


def _open(frame: _Frame, entry: _Entry, seg: Segment, pos: int, loose: bool) -> _Frame:
    """Open the child loop ``entry`` in ``frame`` with ``seg`` as its trigger."""
    loop_spec = entry.spec
    assert isinstance(loop_spec, LoopSpec)
    node: LoopNode = _new(LoopNode)  # LoopNode(loop_spec) without the dataclass call
    node.spec = loop_spec
    node.children = []
    frame.node.children.append(node)
    frame.index = entry.index
    frame.avail = frame.open_at[entry.index]
    child = _frame(loop_spec, node, 0)
    first = loop_spec.children[0]
    if isinstance(first, LoopSpec):  # a loop that starts with a loop (not in these guides)
        return _open(child, _Entry(0, first, first.first_segment(), False), seg, pos, loose)
    seg_node: SegNode = _new(SegNode)
    seg_node.segment = seg
    seg_node.in_set = pos
    seg_node.spec = first
    seg_node.loose = loose
    node.children.append(seg_node)
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
    if frame.counts[entry.index] < entry.max_use:
        return entry
    for other in entries:
        if (
            other.index > entry.index
            and other.is_segment
            and frame.counts[other.index] < other.max_use
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
        avail = frame.avail.get(seg_id)
        if avail is None:
            continue
        for entry in avail[4]:
            key = entry.key
            if loose or key is None:
                return depth, entry, frame.table[seg_id]
            ele, comp, values = key  # the qualifier, inlined from SegmentSpec.matches
            elements = seg.elements
            value = elements[ele - 1] if ele <= len(elements) else ""
            if comp:
                parts = value.split(comp_sep)
                value = parts[comp - 1] if comp <= len(parts) else ""
            if value in values:
                return depth, entry, frame.table[seg_id]
    return None


def build_tree(root: LoopSpec, segments: list[Segment], comp_sep: str) -> LoopNode:
    """Place ``segments`` (those between ST and SE) in ``root``'s loop tree.

    First by segment id and qualifier (strict), then by segment id alone
    (``loose``: the qualifier is not one the guide lists there, which validation
    reports), else the segment is kept as unknown in the innermost open loop.

    Runs once per segment, so: each open loop keeps the entries still open from
    its current position (``_Frame.avail``, precomputed per loop spec and
    position by :func:`_plan`), the strict search (:func:`_find` with
    ``loose=False``) is inlined, nodes are built without their dataclass calls,
    and segments whose maximum use cannot be reached in this transaction are not
    counted (a count is only read against that maximum). The plain version is
    ``build_tree`` in ``tests/x12_guides/guidekit_reference.py``; tests compare the two.
    """
    top: LoopNode = _new(LoopNode)
    top.spec = root
    top.children = []
    stack = [_frame(root, top, 0)]
    frame = stack[0]  # the innermost open loop
    inner = 0  # its depth
    count_above = len(segments)  # max_use at or above this: cannot be exceeded
    for pos, seg in enumerate(segments, start=2):
        seg_id = seg.id
        found = None
        depth = inner
        at = frame
        while True:
            avail = at.avail.get(seg_id)
            if avail is not None:
                ele, comp, lookup, found, entries = avail
                if ele > 0:
                    elements = seg.elements
                    value = elements[ele - 1] if ele <= len(elements) else ""
                    if comp:
                        parts = value.split(comp_sep)
                        value = parts[comp - 1] if comp <= len(parts) else ""
                    found = lookup.get(value, found)
                elif ele < 0:
                    for entry in entries:
                        key = entry.key
                        if key is None:
                            found = entry
                            break
                        ele, comp, values = key  # the qualifier, as in SegmentSpec.matches
                        elements = seg.elements
                        value = elements[ele - 1] if ele <= len(elements) else ""
                        if comp:
                            parts = value.split(comp_sep)
                            value = parts[comp - 1] if comp <= len(parts) else ""
                        if value in values:
                            found = entry
                            break
                if found is not None:
                    break
            if depth == 0:
                break
            depth -= 1
            at = stack[depth]
        loose = False
        if found is None:
            loose = True
            where = _find(stack, seg, comp_sep, True)
            if where is None:
                node: SegNode = _new(SegNode)
                node.segment = seg
                node.in_set = pos
                node.spec = None
                node.loose = False
                frame.node.children.append(node)
                continue
            depth, found, _ = where
            at = stack[depth]
        if depth != inner:
            del stack[depth + 1 :]
            frame = at
            inner = depth
        entry = found
        if entry.is_segment:
            spec = entry.spec
            if entry.max_use < count_above:
                counts = frame.counts
                if counts[entry.index] >= entry.max_use:
                    entry = _next_free(frame, frame.table[seg_id], entry, seg, comp_sep, loose)
                    spec = entry.spec
                counts[entry.index] += 1
            node = _new(SegNode)  # SegNode(seg, pos, spec, loose) without the call
            node.segment = seg
            node.in_set = pos
            node.spec = spec  # type: ignore[assignment]
            node.loose = loose
            frame.node.children.append(node)
            index = entry.index
            if index != frame.index:
                frame.index = index
                frame.avail = frame.open_at[index]
        elif entry.first is not None:  # a child loop: _open and _frame, inlined
            loop_spec = entry.spec
            loop: LoopNode = _new(LoopNode)
            loop.spec = loop_spec  # type: ignore[assignment]
            node = _new(SegNode)
            node.segment = seg
            node.in_set = pos
            node.spec = entry.first
            node.loose = loose
            loop.children = [node]
            frame.node.children.append(loop)
            index = entry.index
            if index != frame.index:
                frame.index = index
                frame.avail = frame.open_at[index]
            table, open_at = _PLANS.get(loop_spec) or _plan(loop_spec)  # type: ignore[arg-type]
            frame = _new(_Frame)
            frame.spec = loop_spec  # type: ignore[assignment]
            frame.node = loop
            frame.index = 0
            frame.table = table
            frame.counts = [0] * len(open_at)
            frame.open_at = open_at
            frame.avail = open_at[0]
            stack.append(frame)
            inner += 1
        else:
            frame = _open(frame, entry, seg, pos, loose)
            stack.append(frame)
            inner += 1
    return top


def tree_segments(node: LoopNode) -> list[Segment]:
    """The segments of a tree in order (the inverse of :func:`build_tree`)."""
    return [seg.segment for seg in node.walk()]
