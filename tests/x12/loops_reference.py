"""The plain reference versions of the typed-loop reader's hot paths, in the tests.

``parse_loop_reference`` is the interpreter the generated placers of
``cleanclaim.x12.loops.parse_loop`` replaced (the specification: same tree on
every sample and on mutated inputs), and ``loop_segments_reference`` the
pair-and-generator writer ``loops.loop_segments`` replaced (same segments in the
same order). Nothing in the engine calls them, so they live here, beside the tests
that referee the fast paths with them.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from cleanclaim.x12 import loops
from cleanclaim.x12.loops import Loop
from cleanclaim.x12.segments import Delimiters, Segment

__all__ = ["loop_segments_reference", "parse_loop_reference"]


def parse_loop_reference(root: Loop, segments: Iterable[Segment], delimiters: Delimiters) -> Loop:
    """``loops.parse_loop`` as a plain interpreter of the ``loops._compiled`` matchers.

    The specification of the generated placers (tests compare the two)."""
    comp = delimiters.component
    stack: list[Loop] = [root]
    tables: list[dict[str, list[loops._Matcher]]] = [loops._compiled(type(root))]
    for seg in segments:
        tag = seg.id
        placed = False
        overflow: Loop | None = None
        depth = len(stack) - 1
        while depth >= 0:
            matchers = tables[depth].get(tag)
            if matchers:
                loop = stack[depth]
                for is_child, fname, quals, qpos, make, child_cls, first_field, trigger in matchers:
                    if quals is not None:
                        els = seg.elements
                        if (els[qpos - 1] if qpos <= len(els) else "") not in quals:
                            continue
                    if not is_child:
                        if trigger and depth > 0:
                            continue  # a loop's trigger starts a new loop, never repeats in place
                        current = getattr(loop, fname)
                        if current.__class__ is list:
                            current.append(make(seg.elements, seg.position, comp))
                        elif current is None:
                            setattr(loop, fname, make(seg.elements, seg.position, comp))
                        else:
                            if overflow is None:
                                overflow = loop
                            continue
                        if depth + 1 < len(stack):
                            del stack[depth + 1 :]
                            del tables[depth + 1 :]
                        placed = True
                        break
                    child = child_cls()
                    setattr(child, first_field, make(seg.elements, seg.position, comp))
                    holder = getattr(loop, fname)
                    del stack[depth + 1 :]
                    del tables[depth + 1 :]
                    placed = True
                    if holder.__class__ is list:
                        holder.append(child)
                    elif holder is None:
                        setattr(loop, fname, child)
                    else:
                        # A second occurrence of a single loop: keep it, validation reports it.
                        loop.unknown.append(seg)
                        break
                    stack.append(child)
                    tables.append(loops._compiled(child.__class__))
                    break
                if placed:
                    break
            depth -= 1
        if not placed:
            target = overflow if overflow is not None else stack[-1]
            target.unknown.append(seg)
    return root


def _items(loop: Loop, delimiters: Delimiters) -> Iterator[tuple[int, list[Segment]]]:
    """The reference form of what ``loops.loop_segments`` emits: ``(position, segments)``
    per slot value (a child loop's segments as one block), then the unknown segments."""
    cls = loop.__class__
    getter = loops._FIELDS.get(cls) or loops._fields_getter(cls)
    for value in getter(loop):
        if value is None:
            continue
        values = value if isinstance(value, list) else (value,)
        for v in values:
            if isinstance(v, Loop):
                yield v.position, loop_segments_reference(v, delimiters)
            else:
                yield v.position, [v.to_segment(delimiters)]
    for seg in loop.unknown:
        yield seg.position, [seg]


def loop_segments_reference(loop: Loop, delimiters: Delimiters) -> list[Segment]:
    """The plain form of ``loops.loop_segments`` (what the tests compare it with)."""
    items = list(_items(loop, delimiters))
    if items and all(pos > 0 for pos, _ in items):
        items.sort(key=lambda item: item[0])
    out: list[Segment] = []
    for _, segs in items:
        out.extend(segs)
    return out
