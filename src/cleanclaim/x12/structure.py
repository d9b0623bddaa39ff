"""Guide-independent checks over a loop tree: usage, repeats, unknown segments, element syntax.

:func:`check_tree` walks a :class:`~cleanclaim.x12.loops.Loop` tree and reports

* a required slot (segment or loop) that is missing -- IK304 ``3``;
* a segment used more often than the guide allows -- IK304 ``5``; a loop -- ``4``;
* a segment no loop claimed -- IK304 ``2`` (known to the guide, out of place)
  or ``1`` (not a valid segment id);
* element syntax from the typed segments' specs: type, length, dates, times,
  too many elements -- IK304 ``8`` with the element's IK403 code.

Guides add their own rules (codes, relations, balancing) in their ``validation.py``
and may use :class:`ElementRule` tables through :func:`check_element_rules`.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from operator import attrgetter
from typing import Any

from .elements import ElementType, check_value
from .errors import IK304, IK403, Finding, Severity
from .loops import Loop
from .segments import Segment
from .typed import TypedSegment, segment_meta

__all__ = ["ElementRule", "check_element_rules", "check_tree", "element_finding"]

_VALID_TAG = re.compile(r"[A-Z][A-Z0-9]{1,2}\Z")


def element_finding(
    loop_id: str,
    seg: TypedSegment | Segment,
    pos: int,
    comp: int,
    ik403: str,
    message: str,
    *,
    code: str,
    value: str = "",
    severity: Severity = Severity.ERROR,
) -> Finding:
    """A finding about element ``pos`` (component ``comp``, 0 = whole element) of ``seg``."""
    tag = seg.TAG if isinstance(seg, TypedSegment) else seg.id
    ref = f"{tag}{pos:02d}" + (f"-{comp}" if comp else "")
    return Finding(
        code=code,
        message=message,
        severity=severity,
        position=seg.position,
        segment_id=tag,
        loop_id=loop_id,
        element=f"{loop_id} {ref}".strip(),
        ik304=IK304.SEGMENT_HAS_ELEMENT_ERRORS,
        ik403=ik403,
        element_position=pos,
        component_position=comp,
        value=value,
    )


_AN_ID = (ElementType.AN, ElementType.ID)
_R = ElementType.R
_N0 = ElementType.N0
# per class: (attrgetter of every element field, [(index, min, max)] for AN/ID
# elements (a length check and isprintable() is all they need), [(index, spec)] others)
_Plan = tuple[Any, list[tuple[int, int, int]], list[tuple[int, ElementType, int, int]]]
_SYNTAX: dict[type, _Plan] = {}


def _syntax_plan(cls: type[TypedSegment]) -> _Plan:
    plan = _SYNTAX.get(cls)
    if plan is None:
        meta = segment_meta(cls)
        names = meta.names
        if len(names) > 1:
            getter: Any = attrgetter(*names)
        else:
            single = attrgetter(names[0])

            def getter(obj: Any) -> tuple[Any, ...]:
                return (single(obj),)

        simple = [
            (i, spec.min_len, spec.max_len)
            for i, spec in enumerate(meta.specs)
            if not spec.composite and spec.type in _AN_ID
        ]
        other = [
            (i, spec.type, spec.min_len, spec.max_len)
            for i, spec in enumerate(meta.specs)
            if not spec.composite and spec.type not in _AN_ID
        ]
        plan = (getter, simple, other)
        _SYNTAX[cls] = plan
    return plan


def _report(loop_id: str, seg: TypedSegment, i: int, value: str, out: list[Finding]) -> None:
    spec = segment_meta(type(seg)).specs[i]
    bad = check_value(value, spec.type, spec.min_len, spec.max_len)
    if bad is not None:
        ik403, why = bad
        out.append(
            element_finding(
                loop_id,
                seg,
                i + 1,
                0,
                ik403,
                f"{spec.name} ({spec.ref}): {why}",
                code="x12.element.syntax",
                value=value,
            )
        )


def _syntax(loop_id: str, seg: TypedSegment, out: list[Finding]) -> None:
    getter, simple, other = _syntax_plan(type(seg))
    values = getter(seg)
    for i, mn, mx in simple:
        v = values[i]
        if v and not (mn <= len(v) <= mx and v.isprintable()):
            _report(loop_id, seg, i, v, out)
    for i, etype, mn, mx in other:
        v = values[i]
        if not v:
            continue
        if etype is _R or etype is _N0:
            d = v[1:] if v[0] == "-" else v
            if etype is _R:
                digits = d.replace(".", "", 1)
                if digits.isascii() and digits.isdigit() and mn <= len(digits) <= mx:
                    continue
            elif d.isascii() and d.isdigit() and mn <= len(d) <= mx:
                continue
        _report(loop_id, seg, i, v, out)
    if seg.extra and any(seg.extra):
        meta = segment_meta(type(seg))
        n = len(meta.specs) + 1 + next(i for i, x in enumerate(seg.extra) if x)
        out.append(
            element_finding(
                loop_id,
                seg,
                n,
                0,
                IK403.TOO_MANY_ELEMENTS,
                f"{seg.TAG} has more elements than the guide defines",
                code="x12.element.too-many",
            )
        )


def check_tree(
    root: Loop,
    known_tags: Iterable[str] = (),
    rules: Mapping[tuple[str, str], list[ElementRule]] | None = None,
    visit: Callable[[Loop, TypedSegment, list[Finding]], None] | None = None,
    *,
    visit_tags: Iterable[str] | None = None,
) -> list[Finding]:
    """Usage, repeat, unknown-segment and element-syntax findings for the whole tree.

    In the same walk, ``rules`` (keyed by ``(loop id, segment tag)``) are applied
    to each typed segment and ``visit(loop, segment, out)`` is called for guide
    checks of single segments: of every segment, or, when ``visit_tags`` is given
    (the tags the visit acts on; it must do nothing for the others), only of those.
    """
    from .walker import Walker  # the walk is generated per loop class (walker.py)

    known = set(known_tags)
    out: list[Finding] = []
    walker = Walker(known, out, rules or {}, visit, visit_tags)
    try:
        walker.walk(root)
    finally:
        walker.close()  # its generated functions refer back to it: break the cycle
    return out


def _missing(loop: Loop, slot_name: str, tag: str, is_loop: bool, anchor: int) -> Finding:
    what = f"loop {slot_name}" if is_loop else f"segment {tag} ({slot_name})"
    where = loop.NAME or loop.LOOP_ID
    return Finding(
        code="x12.structure.required-missing",
        message=f"required {what} is missing in {where} ({loop.LOOP_ID})",
        position=anchor,
        segment_id=tag,
        loop_id=loop.LOOP_ID,
        ik304=IK304.REQUIRED_SEGMENT_MISSING,
    )


@dataclass(frozen=True, slots=True)
class ElementRule:
    """A guide's rule for one element in one loop: required and/or allowed codes.

    ``length`` is ``(min, max)`` for a component (composites' components are not
    covered by the typed segments' element specs). ``when`` restricts the rule
    to segments whose element ``when[0]`` equals one of ``when[1]`` (e.g. only
    ``DTP`` with ``DTP01 = 472``).
    """

    loop: str
    seg: str
    pos: int
    comp: int = 0
    required: bool = False
    codes: frozenset[str] | None = None
    when: tuple[int, frozenset[str]] | None = None
    name: str = ""
    length: tuple[int, int] | None = None


def check_element_rules(
    loop: Loop, seg: TypedSegment, rules: Iterable[ElementRule], out: list[Finding]
) -> None:
    """Apply ``rules`` (already selected for this loop and segment) to ``seg``."""
    names = segment_meta(type(seg)).names
    n_names = len(names)
    for rule in rules:
        if rule.when is not None and seg.get(rule.when[0]) not in rule.when[1]:
            continue
        pos, comp = rule.pos, rule.comp
        raw: Any = getattr(seg, names[pos - 1]) if pos <= n_names else seg.get(pos)
        if comp:
            if raw.__class__ is tuple:
                value = raw[comp - 1] if comp <= len(raw) else ""
            else:
                value = raw if comp == 1 else ""
        elif raw.__class__ is tuple:
            value = ":".join(raw)
        else:
            value = raw
        if not value:
            if rule.required:
                label = rule.name or f"{seg.TAG}{pos:02d}" + (f"-{comp}" if comp else "")
                out.append(
                    element_finding(
                        loop.LOOP_ID,
                        seg,
                        pos,
                        comp,
                        IK403.REQUIRED_ELEMENT_MISSING,
                        f"{label} is required in {loop.NAME or loop.LOOP_ID}",
                        code="x12.element.required-missing",
                    )
                )
            continue
        length = rule.length
        if length is not None and not length[0] <= len(value) <= length[1]:
            label = rule.name or f"{seg.TAG}{pos:02d}" + (f"-{comp}" if comp else "")
            too_long = len(value) > length[1]
            out.append(
                element_finding(
                    loop.LOOP_ID,
                    seg,
                    pos,
                    comp,
                    IK403.TOO_LONG if too_long else IK403.TOO_SHORT,
                    f"{label} {value!r} is too {'long' if too_long else 'short'} "
                    f"({length[0]}-{length[1]} characters)",
                    code="x12.element.length",
                    value=value,
                )
            )
            continue
        if rule.codes is not None and value not in rule.codes:
            label = rule.name or f"{seg.TAG}{pos:02d}" + (f"-{comp}" if comp else "")
            allowed = ", ".join(sorted(rule.codes))
            if len(allowed) > 60:
                allowed = allowed[:57] + "..."
            out.append(
                element_finding(
                    loop.LOOP_ID,
                    seg,
                    pos,
                    comp,
                    IK403.INVALID_CODE_VALUE,
                    f"{label} {value!r} is not a valid code here (allowed: {allowed})",
                    code="x12.element.invalid-code",
                    value=value,
                )
            )
