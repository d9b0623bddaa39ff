"""Element checks of one placed segment (999 IK403 codes).

Required element missing (``1``), a syntax rule of the segment broken (``2``
paired/conditional/required, ``10`` exclusion), too many elements (``3``), too
short (``4``) or too long (``5``), invalid character for the data type
(``6``), a code value the guide does not list or not in an external code list
(``7``), an invalid date (``8``) or time (``9``), too many repetitions (``12``)
or components (``13``), a "not used" element present (``I10``).

:func:`check_segment` first looks the exact segment text up (remittances repeat
segments verbatim), then runs a precompiled fast check that passes most
segments, and only then the detailed checks that explain what is wrong.
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import cache
from typing import Any

from .._errors import IK403, Severity
from .._segments import Delimiters
from .context import Context
from .fastcheck import compile_clean
from .spec import CompositeSpec, ElementSpec, SegmentSpec
from .tree import SegNode

#: External code lists whose content is stable enough to reject on (the others, such
#: as claim status codes (508) and remark codes, change three times a year: warnings).
_STABLE_LISTS = frozenset({"states", "country", "currency"})


@cache
def external_codes() -> dict[str, frozenset[str]]:
    """External code lists by name (from pyx12's ``codes.xml``, read once per process)."""
    from .from_pyx12 import generated_codes

    data = generated_codes()
    return {name: frozenset(entry["codes"]) for name, entry in data["lists"].items()}


_NUMERIC = re.compile(r"-?(\d+\.?\d*|\.\d+)\Z")
_INTEGER = re.compile(r"-?\d+\Z")
_DAYS = (31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


def valid_date(text: str) -> bool:
    """CCYYMMDD (or YYMMDD) with a real month and day."""
    if len(text) not in (6, 8) or not text.isdigit():
        return False
    month, day = int(text[-4:-2]), int(text[-2:])
    if not 1 <= month <= 12 or not 1 <= day <= _DAYS[month - 1]:
        return False
    if month == 2 and day == 29 and len(text) == 8:
        year = int(text[:4])
        return year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)
    return True


def valid_time(text: str) -> bool:
    """HHMM, HHMMSS or HHMMSSd..d."""
    if len(text) < 4 or not text.isdigit() or len(text) == 5:
        return False
    hours, minutes = int(text[:2]), int(text[2:4])
    seconds = int(text[4:6]) if len(text) >= 6 else 0
    return hours < 24 and minutes < 60 and seconds < 60


def _check_value(
    ctx: Context,
    node: SegNode,
    loop_id: str,
    spec: ElementSpec,
    value: str,
    position: int,
    component: int,
) -> None:
    """Check one non-empty simple value against its element spec."""
    name = spec.name

    def flag(rule: str, message: str, ik403: str, severity: Severity = Severity.ERROR) -> None:
        ctx.add(
            node,
            loop_id,
            rule,
            message,
            ik403=ik403,
            ref=spec.ref,
            element_position=position,
            component_position=component,
            value=value,
            severity=severity,
        )

    if spec.usage == "N":
        flag(
            "x12.element.not-used",
            f"{name} is not used in this guide; remove it",
            IK403.NOT_USED_ELEMENT_PRESENT,
        )
        return
    dtype = spec.data_type
    size = len(value)
    if dtype == "R":
        size = len(value.lstrip("-").replace(".", ""))
    elif dtype in ("N0", "N2"):
        size = len(value.lstrip("-"))
    if size < spec.min_len:
        flag(
            "x12.element.too-short",
            f"{name} {value!r} is too short (at least {spec.min_len} characters)",
            IK403.TOO_SHORT,
        )
    elif size > spec.max_len:
        flag(
            "x12.element.too-long",
            f"{name} {value!r} is too long (at most {spec.max_len} characters)",
            IK403.TOO_LONG,
        )
    if dtype == "R":
        if not _NUMERIC.match(value):
            flag(
                "x12.element.not-a-number",
                f"{name} {value!r} is not a number",
                IK403.INVALID_CHARACTER,
            )
    elif dtype in ("N0", "N2"):
        if not _INTEGER.match(value):
            flag(
                "x12.element.not-an-integer",
                f"{name} {value!r} must be whole digits",
                IK403.INVALID_CHARACTER,
            )
    elif dtype == "DT":
        if not valid_date(value):
            flag(
                "x12.element.invalid-date",
                f"{name} {value!r} is not a valid date (CCYYMMDD)",
                IK403.INVALID_DATE,
            )
    elif dtype == "TM":
        if not valid_time(value):
            flag(
                "x12.element.invalid-time",
                f"{name} {value!r} is not a valid time (HHMM)",
                IK403.INVALID_TIME,
            )
    elif dtype == "ID" and spec.codes is not None and value not in spec.codes:
        allowed = ", ".join(sorted(spec.codes)[:12])
        more = ", ..." if len(spec.codes) > 12 else ""
        flag(
            "x12.element.invalid-code",
            f"{name} {value!r} is not a code this guide allows here ({allowed}{more})",
            IK403.INVALID_CODE_VALUE,
        )
    if spec.external is not None:
        known = external_codes().get(spec.external)
        if known is not None and value not in known:
            stable = spec.external in _STABLE_LISTS
            flag(
                "x12.element.unknown-external-code",
                f"{name} {value!r} is not in the {spec.external.replace('_', ' ')} code list"
                + ("" if stable else " we know (it may be newer than our copy)"),
                IK403.INVALID_CODE_VALUE,
                severity=Severity.ERROR if stable else Severity.WARNING,
            )


def _check_simple(
    ctx: Context,
    node: SegNode,
    loop_id: str,
    spec: ElementSpec,
    raw: str,
    position: int,
    component: int = 0,
) -> None:
    rep = ctx.delimiters.repetition
    values = raw.split(rep) if rep and rep in raw and not component else [raw]
    if len(values) > spec.repeat:
        ctx.add(
            node,
            loop_id,
            "x12.element.too-many-repeats",
            f"{spec.name} repeats {len(values)} times (at most {spec.repeat})",
            ik403=IK403.TOO_MANY_REPETITIONS,
            ref=spec.ref,
            element_position=position,
            value=raw,
        )
        values = values[: spec.repeat]
    for value in values:
        if value:
            _check_value(ctx, node, loop_id, spec, value, position, component)


def _check_composite(
    ctx: Context, node: SegNode, loop_id: str, spec: CompositeSpec, raw: str, position: int
) -> None:
    if spec.usage == "N":
        ctx.add(
            node,
            loop_id,
            "x12.element.not-used",
            f"{spec.name} is not used in this guide; remove it",
            ik403=IK403.NOT_USED_ELEMENT_PRESENT,
            ref=spec.ref,
            element_position=position,
            value=raw,
        )
        return
    parts = raw.split(ctx.delimiters.component)
    if len(parts) > len(spec.components):
        ctx.add(
            node,
            loop_id,
            "x12.element.too-many-components",
            f"{spec.name} has {len(parts)} components (at most {len(spec.components)})",
            ik403=IK403.TOO_MANY_COMPONENTS,
            ref=spec.ref,
            element_position=position,
            value=raw,
        )
    # C043 (STC01/10/11): with a code list qualifier in -04 (e.g. RX, NCPDP reject
    # codes) the status code in -02 is from that list, not claim status list 508.
    other_list = len(parts) >= 4 and parts[3] != ""
    for index, comp in enumerate(spec.components, start=1):
        value = parts[index - 1] if index <= len(parts) else ""
        if value:
            if other_list and comp.external == "claim_status":
                comp = replace(comp, external=None)
            _check_simple(ctx, node, loop_id, comp, value, position, index)
        elif comp.usage == "R":
            ctx.add(
                node,
                loop_id,
                "x12.element.required-missing",
                f"{comp.name} is required in {spec.name}",
                ik403=IK403.REQUIRED_ELEMENT_MISSING,
                ref=comp.ref,
                element_position=position,
                component_position=index,
            )


@cache
def _rule(rule: str) -> tuple[str, tuple[int, ...]]:
    """``"P0607"`` → ``("P", (6, 7))``."""
    return rule[0], tuple(int(rule[i : i + 2]) for i in range(1, len(rule), 2))


def _check_syntax(ctx: Context, node: SegNode, loop_id: str, spec: SegmentSpec) -> None:
    """The segment's X12 syntax notes: P paired, R required, E exclusion, C, L."""
    elements = node.segment.elements
    count = len(elements)
    for rule in spec.syntax:
        kind, refs = _rule(rule)
        present = [r <= count and elements[r - 1] != "" for r in refs]
        if kind == "P" and (not any(present) or all(present)):
            continue  # the common case, without building messages
        label = ", ".join(f"{spec.id}{r:02d}" for r in refs)
        broken = False
        ik403 = IK403.CONDITIONAL_ELEMENT_MISSING
        if kind == "P":
            broken = any(present) and not all(present)
            text = f"{label} go together: give all of them or none"
        elif kind == "R":
            broken = not any(present)
            text = f"at least one of {label} is required"
        elif kind == "E":
            broken = sum(present) > 1
            text = f"only one of {label} may be given"
            ik403 = IK403.EXCLUSION_VIOLATED
        elif kind == "C":
            broken = present[0] and not all(present[1:])
            text = f"when {spec.id}{refs[0]:02d} is given, {label} must all be given"
        elif kind == "L":
            broken = present[0] and not any(present[1:])
            text = f"when {spec.id}{refs[0]:02d} is given, one of the others in {label} is needed"
        else:
            continue
        if broken:
            first_missing = next((r for r, p in zip(refs, present, strict=True) if not p), refs[0])
            ctx.add(
                node,
                loop_id,
                "x12.element.syntax-rule",
                f"{text} (rule {rule})",
                ik403=ik403,
                ref=f"{spec.id}{first_missing:02d}",
                element_position=first_missing,
            )


def check_segment(ctx: Context, node: SegNode, loop_id: str) -> None:
    """Element-level checks of one placed segment (memoised on its exact content).

    Remittances repeat many segments verbatim (``DTM*472*...``, ``CAS*CO*45*...``):
    the checks of a segment depend only on its guide segment, loop and element
    texts, so they run once per distinct segment and are replayed for the others.
    """
    spec = node.spec
    assert spec is not None
    key = (id(spec), loop_id, tuple(node.segment.elements))
    calls = ctx.memo.get(key)
    if calls is None:
        calls = segment_calls(ctx, node, loop_id, key)
    for (loop, code, message), kwargs in calls:
        ctx.add(node, loop, code, message, **kwargs)


def segment_calls(
    ctx: Context,
    node: SegNode,
    loop_id: str,
    key: tuple[int, str, tuple[str, ...]],
    dirty: bool = False,
) -> list[tuple[tuple[str, str, str], dict[str, Any]]]:
    """The ``ctx.add`` calls the element checks of ``node`` make, memoised under ``key``.

    ``key`` is ``(id(node.spec), loop_id, tuple(elements))``, the memo key the
    caller already looked up (and missed). The compiled clean test runs first;
    only a segment it has a doubt about gets the detailed checks (``dirty``: the
    caller ran it already).
    """
    spec = node.spec
    assert spec is not None
    plan = _plan(spec)
    calls: list[tuple[tuple[str, str, str], dict[str, Any]]] = []
    if dirty or plan is None or not _clean(plan, node.segment.elements, ctx.delimiters):
        ctx.record = calls
        try:
            _check_segment(ctx, node, loop_id)
        finally:
            ctx.record = None
    ctx.memo[key] = calls
    return calls


#: One component of a composite in a fast plan: (usage, type, min, max, codes, external codes).
_Part = tuple[str, str, int, int, frozenset[str] | None, frozenset[str] | None]
#: One element of a fast plan: (index, usage, type, min, max, codes, external codes,
#: the components of a composite or ``None`` for a simple element).
_Step = tuple[
    int, str, str, int, int, frozenset[str] | None, frozenset[str] | None, tuple[_Part, ...] | None
]
#: A syntax rule as bit masks over element positions: (kind, all, first, rest).
_Rule = tuple[str, int, int, int]


def _mask(refs: tuple[int, ...]) -> int:
    out = 0
    for r in refs:
        out |= 1 << r
    return out


def _external(spec: ElementSpec) -> frozenset[str] | None:
    return external_codes().get(spec.external) if spec.external else None


@cache
def _plan(spec: SegmentSpec) -> tuple[tuple[_Step, ...], tuple[_Rule, ...]] | None:
    """The fast "is this segment clean?" plan of a segment.

    ``None`` for segments with repeating elements: those always take the detailed
    (memoised) path. A composite (``CLM05``, ``SV101``, X222A1 2300 and
    2400) is planned as its components, each like a simple element.
    """
    steps: list[_Step] = []
    for index, pos in enumerate(spec.elements):
        if pos.repeat > 1:
            return None
        if isinstance(pos, CompositeSpec):
            parts = tuple(
                (c.usage, c.data_type, c.min_len, c.max_len, c.codes, _external(c))
                for c in pos.components
            )
            steps.append((index, pos.usage, "", 0, 0, None, None, parts))
            continue
        ext = _external(pos)
        steps.append(
            (index, pos.usage, pos.data_type, pos.min_len, pos.max_len, pos.codes, ext, None)
        )
    rules = []
    for rule in spec.syntax:
        kind, refs = _rule(rule)
        rules.append((kind, _mask(refs), _mask(refs[:1]), _mask(refs[1:])))
    return tuple(steps), tuple(rules)


_CLEAN: dict[tuple[int, str, str], Any] = {}

#: Dates :func:`valid_date` passed (remittances repeat a few dates many times).
_GOOD_DATES: set[str] = set()


def _date_ok(text: str) -> bool:
    """:func:`valid_date`, remembering good dates (a bounded set)."""
    if text in _GOOD_DATES:
        return True
    if not valid_date(text):
        return False
    if len(_GOOD_DATES) < 10_000:
        _GOOD_DATES.add(text)
    return True


def clean_function(spec: SegmentSpec, d: Delimiters) -> Any:
    """The compiled clean test of ``spec`` under ``d``'s separators (``None``: no plan)."""
    plan = _plan(spec)
    if plan is None:
        return None
    _clean(plan, [], d)  # compiles it
    return _CLEAN[(id(plan), d.component, d.repetition)]


def _clean(
    plan: tuple[tuple[_Step, ...], tuple[_Rule, ...]],
    elements: list[str],
    d: Delimiters,
) -> bool:
    """True when the detailed checks would find nothing (most segments).

    The plan is compiled once per set of separators into a straight-line function
    (:func:`.fastcheck.compile_clean`).
    """
    key = (id(plan), d.component, d.repetition)
    fn = _CLEAN.get(key)
    if fn is None:
        helpers = {
            "_numeric": _NUMERIC.match,
            "_integer": _INTEGER.match,
            "valid_time": valid_time,
            "date_ok": _date_ok,
        }
        fn = _CLEAN[key] = compile_clean(plan, helpers, d.component, d.repetition)
    return bool(fn(elements))


def _check_segment(ctx: Context, node: SegNode, loop_id: str) -> None:
    spec = node.spec
    assert spec is not None
    elements = node.segment.elements
    positions = spec.elements
    if len(elements) > len(positions):
        ctx.add(
            node,
            loop_id,
            "x12.element.too-many",
            f"{spec.id} has {len(elements)} elements; this guide defines {len(positions)}",
            ik403=IK403.TOO_MANY_ELEMENTS,
            ref=f"{spec.id}{len(positions) + 1:02d}",
            element_position=len(positions) + 1,
        )
    for index, pos in enumerate(positions, start=1):
        raw = elements[index - 1] if index <= len(elements) else ""
        if not raw:
            if pos.usage == "R":
                ctx.add(
                    node,
                    loop_id,
                    "x12.element.required-missing",
                    f"{pos.name} ({pos.ref}) is required",
                    ik403=IK403.REQUIRED_ELEMENT_MISSING,
                    ref=pos.ref,
                    element_position=index,
                )
            continue
        if isinstance(pos, CompositeSpec):
            _check_composite(ctx, node, loop_id, pos, raw, index)
        else:
            if ctx.delimiters.component in raw and pos.data_type != "AN":
                ctx.add(
                    node,
                    loop_id,
                    "x12.element.unexpected-composite",
                    f"{pos.name} is a simple element but holds components",
                    ik403=IK403.TOO_MANY_COMPONENTS,
                    ref=pos.ref,
                    element_position=index,
                    value=raw,
                )
                continue
            _check_simple(ctx, node, loop_id, pos, raw, index)
    if spec.syntax:
        _check_syntax(ctx, node, loop_id, spec)
