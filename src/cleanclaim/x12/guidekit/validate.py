"""Check a placed loop tree against its guide: segments, loops, elements.

Structure (999 IK304 codes): a required segment or loop missing (``3``), a
segment over its maximum use (``5``), a loop over its maximum repeat (``4``), a
segment the guide does not have at that place (``2``; ``1`` when the guide has
no such segment at all), a "not used" segment present (``I4``).

Elements (999 IK403 codes): required element missing (``1``), a syntax rule of
the segment broken (``2`` paired/conditional/required, ``10`` exclusion), too
many elements (``3``), too short (``4``) or too long (``5``), invalid character
for the data type (``6``), a code value the guide does not list (``7``), an
invalid date (``8``) or time (``9``), too many repetitions (``12``) or
components (``13``), a "not used" element present (``I10``).

Every finding names the loop and element (``2100 CLP04``) and, in plain words,
what is wrong. Rules are the guide's usage and code lists (the spec built from pyx12's map);
data types and lengths are those of the X12 data element dictionary.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache
from typing import Any

from .._errors import IK304
from .._segments import Delimiters
from .context import Context
from .elements import (
    check_segment,
    clean_function,
    external_codes,
    segment_calls,
    valid_date,
    valid_time,
)
from .spec import CompositeSpec, ElementSpec, LoopSpec, SegmentSpec
from .tree import LoopNode, SegNode

__all__ = [
    "Context",
    "check_loop",
    "check_segment",
    "external_codes",
    "valid_date",
    "valid_time",
    "validate_tree",
]


@cache
def _required(spec: LoopSpec) -> tuple[tuple[int, SegmentSpec | LoopSpec], ...]:
    """The required children of a loop with their positions."""
    return tuple((i, c) for i, c in enumerate(spec.children) if c.usage == "R")


@cache
def _guide_ids(root: LoopSpec) -> frozenset[str]:
    ids: set[str] = set()
    for loop in root.walk_loops():
        ids.update(c.id for c in loop.children if isinstance(c, SegmentSpec))
    return frozenset(ids)


def _where(loop_id: str) -> str:
    return f"loop {loop_id}" if loop_id else "the transaction set"


#: Per loop spec: (loop id as findings name it, child spec → (position among the
#: loop's children, occurrences that are one too many, "not used" segment, the
#: segment's compiled clean test or ``None``), the required children, how many
#: children). Built once per loop spec and separators (the clean tests inline them).
_LoopPlan = tuple[
    str,
    dict[SegmentSpec | LoopSpec, tuple[int, int, bool, Any]],
    tuple[tuple[int, SegmentSpec | LoopSpec], ...],
    int,
]
_PLANS: dict[tuple[str, str], dict[LoopSpec, _LoopPlan]] = {}


def _free_text(spec: SegmentSpec) -> bool:
    """Whether the segment carries free text or identifiers (an AN element of 10
    characters or more: names, claim and member numbers), so that it rarely repeats
    verbatim: its compiled clean test then runs first, without the memo. Segments of
    codes, dates and amounts (``CAS``, ``DTM``) and those with composites (``SVC``)
    repeat, and the memo answers them more cheaply, unless a required free-text
    element makes each one unique (``CLM01``, the claim's own number: 837P 2300 CLM,
    whose ``CLM05`` is a composite). Either way the same findings."""
    text = [
        p
        for p in spec.elements
        if isinstance(p, ElementSpec) and p.usage != "N" and p.data_type == "AN" and p.max_len >= 10
    ]
    if any(isinstance(p, CompositeSpec) for p in spec.elements):
        return any(p.usage == "R" for p in text)
    return bool(text)


def _loop_plan(spec: LoopSpec, d: Delimiters) -> _LoopPlan:
    plans = _PLANS.setdefault((d.component, d.repetition), {})
    plan = plans.get(spec)
    if plan is None:
        slots: dict[SegmentSpec | LoopSpec, tuple[int, int, bool, Any]] = {}
        for i, c in enumerate(spec.children):
            if isinstance(c, SegmentSpec):
                clean = clean_function(c, d) if _free_text(c) else None
                slots[c] = (i, c.max_use + 1, c.usage == "N", clean)
            else:
                slots[c] = (i, c.repeat + 1, False, None)
        loop_id = spec.id if spec.id != "ST" else ""  # header segments are in no loop (999 IK303)
        plan = plans[spec] = (loop_id, slots, _required(spec), len(spec.children))
    return plan


#: Called with a child loop right after it was checked, by the child loop's spec.
After = dict[LoopSpec, Callable[[LoopNode], None]]


def check_loop(
    ctx: Context, loop: LoopNode, known: frozenset[str], after: After | None = None
) -> None:
    """Structure of one loop occurrence, then its segments and child loops.

    ``after`` lets a guide package run its own rules on a loop occurrence (835
    balancing on each claim) right after the loop was checked, while its
    segments are still in the processor's caches, instead of in a second walk.

    Runs once per loop occurrence and segment, so the guide's facts come from a
    table built once per loop spec (:func:`_loop_plan`), counts are a list, and
    the memo of element checks is looked up here (:func:`.elements.segment_calls`
    on a miss). Same findings in the same order as the plain interpreter kept in
    :func:`.reference.check_loop`.
    """
    spec = loop.spec
    plans = ctx.plans
    if plans is None:
        plans = ctx.plans = _PLANS.setdefault(
            (ctx.delimiters.component, ctx.delimiters.repetition), {}
        )
    plan = plans.get(spec)
    if plan is None:
        plan = _loop_plan(spec, ctx.delimiters)
    loop_id, slots, required, size = plan
    counts = [0] * size  # position among the loop's children → occurrences
    memo = ctx.memo
    last: SegNode | None = None
    for child in loop.children:
        if child.__class__ is LoopNode:
            lspec = child.spec
            i, over, _, _ = slots[lspec]
            n = counts[i] = counts[i] + 1
            if n == over:
                ctx.add(
                    next(child.segments(), None),
                    lspec.id,
                    "x12.loop.over-maximum",
                    f"loop {lspec.id} ({lspec.name}) repeats more than {lspec.repeat} times",
                    ik304=IK304.LOOP_OVER_MAXIMUM,
                )
            check_loop(ctx, child, known, after)
            if after is not None:
                hook = after.get(lspec)
                if hook is not None:
                    hook(child)
            continue
        node: SegNode = child  # type: ignore[assignment]  # (an assert costs time here)
        last = node
        cspec = node.spec
        if cspec is None:
            if node.id in known:
                ctx.add(
                    node,
                    loop_id,
                    "x12.segment.unexpected",
                    f"{node.id} is not expected here in {_where(loop_id)}",
                    ik304=IK304.UNEXPECTED_SEGMENT,
                )
            else:
                ctx.add(
                    node,
                    loop_id,
                    "x12.segment.unrecognized",
                    f"{node.id} is not a segment of this transaction",
                    ik304=IK304.UNRECOGNIZED_SEGMENT,
                )
            continue
        i, over, not_used, clean = slots[cspec]
        n = counts[i] = counts[i] + 1
        if n == over:
            ctx.add(
                node,
                loop_id,
                "x12.segment.over-maximum",
                f"{cspec.name} ({node.id}) appears more than {cspec.max_use} "
                f"times in {_where(loop_id)}",
                ik304=IK304.SEGMENT_OVER_MAXIMUM_USE,
            )
        if not_used:
            ctx.add(
                node,
                loop_id,
                "x12.segment.not-used",
                f"{cspec.name} ({node.id}) is not used in this guide",
                ik304=IK304.NOT_USED_SEGMENT_PRESENT,
            )
            continue
        elements = node.segment.elements
        if clean is not None and clean(elements):
            continue  # a free-text segment with nothing to report: no memo needed
        # check_segment's memo, looked up here: other segments repeat verbatim
        key = (id(cspec), loop_id, tuple(elements))
        calls = memo.get(key)
        if calls is None:
            calls = segment_calls(ctx, node, loop_id, key, clean is not None)
        if calls:
            for (lid, code, message), kwargs in calls:
                ctx.add(node, lid, code, message, **kwargs)
    for i, child_spec in required:
        if counts[i]:
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


def validate_tree(
    root: LoopNode, delimiters: Delimiters, st_control: str, after: After | None = None
) -> Context:
    """Every guide finding of one transaction set's tree (in ``Context.findings``).

    ``after``: see :func:`check_loop`.
    """
    ctx = Context(delimiters, st_control, [])
    check_loop(ctx, root, _guide_ids(root.spec), after)
    return ctx
