"""The generated validation walk (x12/walker.py) finds exactly what a plain interpreter finds.

The walk skips work (per-slot memo on probation, generated ``clean`` checks, the
visit only for the tags it declares, runs of empty slots tested together); the
reference below does all of it for every segment, with none of those shortcuts.
Both must give the same findings, in the same order, on every sample and on
mutated files (large enough for the memo probation to decide).
"""

from __future__ import annotations

import copy
import json
from collections.abc import Callable, Mapping
from datetime import datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cleanclaim.x12 import X12Error, parse, write_json
from cleanclaim.x12.errors import IK304, IK403, Finding
from cleanclaim.x12.loops import Loop
from cleanclaim.x12.structure import (
    _VALID_TAG,
    ElementRule,
    _missing,
    _syntax,
    check_element_rules,
    check_tree,
    element_finding,
)
from cleanclaim.x12.typed import TypedSegment
from cleanclaim.x12.x222a1_837p import validation as v837
from cleanclaim.x12.x222a1_837p.loops import Loop2300, Loop2400, Transaction837P
from cleanclaim.x12.x222a1_837p.segments import HI

GOLDEN = Path(__file__).parent / "golden"
Visit = Callable[[Loop, TypedSegment, list[Finding]], None]


def reference_check_tree(
    root: Loop,
    known: frozenset[str],
    rules: Mapping[tuple[str, str], list[ElementRule]],
    visit: Visit | None,
) -> list[Finding]:
    """check_tree as the module docstring of walker.py describes it, without shortcuts."""
    out: list[Finding] = []

    def segment(loop: Loop, item: TypedSegment, seg_rules: list[ElementRule] | None) -> None:
        _syntax(loop.LOOP_ID, item, out)
        if seg_rules:
            check_element_rules(loop, item, seg_rules, out)
        if visit is not None:
            visit(loop, item, out)

    def walk(loop: Loop) -> None:
        uses: dict[str, int] = {}
        for slot in loop.SLOTS:
            uses[slot.field] = uses.get(slot.field, 0) + 1
        for slot in loop.SLOTS:
            if slot.usage == "R" and not getattr(loop, slot.field):
                name = slot.name or slot.field
                out.append(_missing(loop, name, slot.seg_id, slot.is_loop, loop.position))
        for slot in loop.SLOTS:
            value = getattr(loop, slot.field)
            if not value:
                continue
            if value.__class__ is list:
                items = (
                    [x for x in value if type(x) is slot.kind] if uses[slot.field] > 1 else value
                )
                if not items:
                    if slot.usage == "R":
                        name = slot.name or slot.field
                        out.append(_missing(loop, name, slot.seg_id, slot.is_loop, loop.position))
                    continue
                if len(items) > slot.max_use:
                    out.append(
                        Finding(
                            code="x12.structure.max-use",
                            message=(
                                f"{slot.name or slot.field} occurs {len(items)} times in "
                                f"{loop.LOOP_ID}; the guide allows {slot.max_use}"
                            ),
                            position=items[slot.max_use].position,
                            segment_id=slot.seg_id,
                            loop_id=loop.LOOP_ID,
                            ik304=IK304.LOOP_OVER_MAXIMUM
                            if slot.is_loop
                            else IK304.SEGMENT_OVER_MAXIMUM_USE,
                        )
                    )
            else:
                items = [value]
            for item in items:
                if slot.is_loop:
                    walk(item)
                else:
                    segment(loop, item, rules.get((loop.LOOP_ID, slot.kind.TAG)))
        for seg in loop.unknown:
            if not _VALID_TAG.match(seg.id):
                ik, msg = IK304.UNRECOGNIZED_SEGMENT, f"{seg.id[:10]!r} is not a segment id"
            elif seg.id in known:
                ik = IK304.UNEXPECTED_SEGMENT
                msg = f"segment {seg.id} is not expected here ({loop.LOOP_ID})"
            else:
                ik = IK304.SEGMENT_NOT_IN_TRANSACTION_SET
                msg = f"segment {seg.id} is not part of this transaction set"
            out.append(
                Finding(
                    code="x12.structure.unexpected-segment",
                    message=msg,
                    position=seg.position,
                    segment_id=seg.id[:3],
                    loop_id=loop.LOOP_ID,
                    ik304=ik,
                )
            )

    walk(root)
    return out


def _fast(tx: Transaction837P) -> list[Finding]:
    return check_tree(tx, v837.KNOWN_TAGS, v837.RULES_BY, v837._visit, visit_tags=v837._VISIT_TAGS)


def _reference(tx: Transaction837P) -> list[Finding]:
    return reference_check_tree(tx, v837.KNOWN_TAGS, v837.RULES_BY, v837._visit)


def _compare(data: bytes | str) -> int:
    """Fast and reference findings of every 837P transaction in ``data``; how many compared."""
    try:
        parsed = parse(data)
    except X12Error:
        return 0
    n = 0
    for t in parsed.transactions:
        if isinstance(t.data, Transaction837P):
            assert _fast(t.data) == _reference(t.data)
            for bp in t.data.billing_providers:
                for sub in bp.subscribers:
                    for claim in [*sub.claims, *(c for p in sub.patients for c in p.claims)]:
                        fast: list[Finding] = []
                        v837._check_claim(claim, fast)
                        ref: list[Finding] = []
                        reference_check_claim(claim, ref)
                        assert fast == ref
            n += 1
    return n


def test_the_visit_acts_only_on_the_tags_it_declares(samples_837p: list[Path]) -> None:
    # the contract of visit_tags: for any other segment the visit adds nothing
    from cleanclaim.x12.loops import iter_segments

    for path in samples_837p:
        for t in parse(path.read_bytes()).transactions:
            for loop, slot, seg in iter_segments(t.data):
                if slot is not None and seg.TAG not in v837._VISIT_TAGS:
                    found: list[Finding] = []
                    v837._visit(loop, seg, found)  # type: ignore[arg-type]
                    assert found == []


def test_it_agrees_on_every_837p_sample(samples_837p: list[Path]) -> None:
    assert sum(_compare(p.read_bytes()) for p in samples_837p) >= 10


def _big_golden(claims: int) -> list[str]:
    obj = json.loads((GOLDEN / "claims.json").read_text())
    tx = obj["transactions"][0]
    base = tx["claims"]
    tx["claims"] = [
        {**copy.deepcopy(base[i % len(base)]), "claim_id": f"C{i % 7}"} for i in range(claims)
    ]
    text = write_json(obj, now=datetime(2026, 11, 2, 9, 30))
    return _vary(text.replace("~\n", "~").split("~"))


def _vary(segs: list[str]) -> list[str]:
    """Make the segments the 837P visit looks at unique (their slots then go without a
    memo after probation), some of them invalid."""
    out = []
    for k, seg in enumerate(segs):
        els = seg.split("*")
        if els[0] == "DTP" and len(els) > 3 and els[2] == "D8":
            els[3] = (
                "20261345" if k % 37 == 0 else f"{2020 + k % 7}{1 + k % 12:02d}{1 + k % 28:02d}"
            )
            if els[1] == "472" and k % 23 == 0:
                els[1] = "471"  # a line without its date of service
        elif els[0] == "DMG" and len(els) > 2:
            els[2] = (
                "19610230" if k % 41 == 0 else f"{1900 + k % 99}{1 + k % 12:02d}{1 + k % 28:02d}"
            )
        elif els[0] == "N4" and len(els) > 2:
            els[1] += str(k)
            els[2] = "ZZ" if k % 29 == 0 else els[2]
        elif els[0] == "NM1" and len(els) > 9 and els[8] == "XX":
            els[9] = str(1000000000 + k * 7919)
        elif els[0] == "CLM" and len(els) > 2 and k % 11 == 0:
            els[2] = "1.00"  # does not balance
        elif els[0] == "HI" and len(els) > 1 and k % 13 == 0:
            els[1] = els[1].replace("ABK", "ABF") + "." if k % 2 else "ABK:E11.9"
        elif els[0] == "LX" and len(els) > 1 and k % 17 == 0:
            els[1] = "9"
        elif els[0] == "SV1" and len(els) > 7 and k % 19 == 0:
            els[7] = "7:01"
        out.append("*".join(els))
    return out


# 300 claims: every slot goes through its memo probation (64 look-ups) and decides.
BIG = _big_golden(300)
BODY = range(
    next(i for i, s in enumerate(BIG) if s.startswith("ST*")) + 1,
    next(i for i, s in enumerate(BIG) if s.startswith("SE*")),
)


def test_it_agrees_on_a_large_varied_file() -> None:
    assert _compare("~".join(BIG)) == 1


VALUES = st.one_of(
    st.sampled_from(["", "X", "XX", "1", "-1.5", "1.2.3", "D8", "RD8", "472", "18", "ABK", "HC"]),
    st.sampled_from(["20261301", "20260101-20251231", "1234567890", "I10.9", "é", "\x01", "a b"]),
    st.text(alphabet="ABZ019.-: éx", max_size=8),
    st.text(alphabet="A", min_size=60, max_size=90),
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(
        st.tuples(
            st.sampled_from(BODY),
            st.integers(min_value=1, max_value=14),
            VALUES,
            st.sampled_from(["set", "set", "set", "dup", "extra", "drop"]),
        ),
        min_size=1,
        max_size=12,
    )
)
def test_it_agrees_on_mutated_files(edits: list[tuple[int, int, str, str]]) -> None:
    segs: list[Any] = [s.split("*") for s in BIG]
    dups: dict[int, int] = {}
    for at, el, value, how in edits:
        els = segs[at]
        if how == "set":
            while len(els) <= el:
                els.append("")
            els[el] = value
        elif how == "extra":
            els.extend(["", value or "X"])
        elif how == "dup":
            dups[at] = dups.get(at, 0) + 1 + len(value) % 3
        elif len(els) > el:
            del els[el:]
    lines = []
    for i, els in enumerate(segs):
        lines.extend(["*".join(els)] * (1 + dups.get(i, 0)))
    _compare("~".join(lines))


def _segment_slots(root: type[Loop]) -> list[tuple[str, type[TypedSegment]]]:
    seen: set[type] = set()
    out: list[tuple[str, type[TypedSegment]]] = []

    def visit(cls: type[Loop]) -> None:
        if cls in seen:
            return
        seen.add(cls)
        for slot in cls.SLOTS:
            if slot.is_loop:
                visit(slot.kind)
            else:
                out.append((cls.LOOP_ID, slot.kind))

    visit(root)
    return out


SLOTS_837P = _segment_slots(Transaction837P)
ELEMENT = st.one_of(
    st.sampled_from(["", "", "X", "18", "ABK", "D8", "472", "HC", "1", "-1.5", "1.2.3", "-", "."]),
    st.text(alphabet="AB019.-é\x01 ", max_size=6),
    st.text(alphabet="9", min_size=12, max_size=40),
)


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(SLOTS_837P), st.data())
def test_a_segment_is_clean_only_when_the_detailed_checks_find_nothing(
    slot: tuple[str, type[TypedSegment]], data: st.DataObject
) -> None:
    from cleanclaim.x12.typed import segment_meta
    from cleanclaim.x12.walker import _clean_function

    loop_id, cls = slot
    rules = v837.RULES_BY.get((loop_id, cls.TAG))
    clean = _clean_function(cls, rules)
    assert clean is not None
    meta = segment_meta(cls)
    values: list[Any] = []
    for spec in meta.specs:
        if spec.composite:
            values.append(tuple(data.draw(st.lists(ELEMENT, max_size=7))))
        else:
            values.append(data.draw(ELEMENT))
    seg = cls(*values)
    loop = type("L", (Loop,), {"LOOP_ID": loop_id, "NAME": "", "SLOTS": ()})()
    found: list[Finding] = []
    _syntax(loop_id, seg, found)
    if rules:
        check_element_rules(loop, seg, rules, found)
    if clean(seg):
        assert found == []


# -- the 837P claim checks as they were before their quick paths (the reference) ---------
def _ref_diagnoses(claim: Loop2300) -> list[tuple[HI, int, str, str]]:
    """``(segment, element position, qualifier, code)`` for the diagnosis HI composites."""
    out: list[tuple[HI, int, str, str]] = []
    for hi in claim.hi:
        for n, (qual, code) in enumerate(hi.codes(), start=1):
            if qual in ("ABK", "ABF", "BK", "BF"):
                out.append((hi, n, qual, code))
    return out


def reference_check_claim(claim: Loop2300, out: list[Finding]) -> None:
    clm = claim.clm
    if clm is None:
        return
    # CLM02 = sum of SV102 (guide: "The total claim charge amount must balance to the
    # sum of all service line charge amounts reported in the Professional Service (SV1)").
    total = clm.total_charge
    charges = [line.sv1.charge for line in claim.lines if line.sv1 is not None]
    if total is not None and charges and all(c is not None for c in charges):
        line_sum = sum((c for c in charges if c is not None), Decimal(0))
        if line_sum != total:
            out.append(
                element_finding(
                    "2300",
                    clm,
                    2,
                    0,
                    IK403.PATTERN_MATCH_FAILURE,
                    f"total charge {clm.monetary_amount} (CLM02) does not equal the sum of the "
                    f"line charges {line_sum} (SV102)",
                    code="837p.claim.balance",
                    value=clm.monetary_amount,
                )
            )
    freq = clm.frequency_code
    if freq in ("7", "8") and not any(
        r.reference_identification_qualifier == "F8" for r in claim.ref
    ):
        out.append(
            element_finding(
                "2300",
                clm,
                5,
                3,
                IK403.DEPENDENT_ELEMENT_MISSING,
                f"frequency {freq} ({'replacement' if freq == '7' else 'void'}) needs the payer's "
                "claim control number in REF*F8",
                code="837p.claim.frequency-ref",
                value=freq,
            )
        )
    dx = _ref_diagnoses(claim)
    if not dx:
        out.append(
            Finding(
                code="837p.claim.diagnosis",
                message="the claim has no diagnosis (HI with ABK principal diagnosis)",
                position=clm.position,
                segment_id="HI",
                loop_id="2300",
                ik304=IK304.REQUIRED_SEGMENT_MISSING,
            )
        )
    for i, (hi, pos, qual, code) in enumerate(dx):
        principal = qual in ("ABK", "BK")
        if (i == 0) != principal:
            out.append(
                element_finding(
                    "2300",
                    hi,
                    pos,
                    1,
                    IK403.INVALID_CODE_VALUE,
                    "the first diagnosis must be the principal (ABK) and the others ABF"
                    if i == 0
                    else f"only the first diagnosis may be principal ({qual}); use ABF",
                    code="837p.claim.diagnosis",
                    value=qual,
                )
            )
        if "." in code or not code:
            out.append(
                element_finding(
                    "2300",
                    hi,
                    pos,
                    2,
                    IK403.INVALID_CHARACTER if code else IK403.REQUIRED_ELEMENT_MISSING,
                    f"diagnosis code {code!r} must be written without the dot"
                    if code
                    else "diagnosis code is missing",
                    code="837p.claim.diagnosis",
                    value=code,
                )
            )
    if len(dx) > 12:
        out.append(
            Finding(
                code="837p.claim.diagnosis",
                message=f"{len(dx)} diagnoses; a professional claim carries at most 12",
                position=dx[12][0].position,
                segment_id="HI",
                loop_id="2300",
                ik304=IK304.SEGMENT_OVER_MAXIMUM_USE,
            )
        )
    for n, line in enumerate(claim.lines, start=1):
        _ref_check_line(line, n, len(dx), out)


_REF_NUMBERS = tuple(str(n) for n in range(100))
# the pointers that are valid for a claim with 0, 1, ... 12 or more diagnoses
_REF_POINTERS = tuple(frozenset(str(p) for p in range(1, min(n, 12) + 1)) for n in range(13))


def _ref_check_line(line: Loop2400, n: int, n_dx: int, out: list[Finding]) -> None:
    lx = line.lx
    if lx is not None and lx.assigned_number != (_REF_NUMBERS[n] if n < 100 else str(n)):
        out.append(
            element_finding(
                "2400",
                lx,
                1,
                0,
                IK403.PATTERN_MATCH_FAILURE,
                f"line number LX01 is {lx.assigned_number!r}; lines are numbered 1, 2, 3... "
                f"(expected {n})",
                code="837p.line.number",
                value=lx.assigned_number,
            )
        )
    sv1 = line.sv1
    if sv1 is not None:
        valid = _REF_POINTERS[min(max(n_dx, 0), 12)]
        for c, ptr in enumerate(sv1.composite_diagnosis_code_pointer, start=1):
            if not ptr or ptr in valid:
                continue
            if not ptr.isdigit() or not 1 <= int(ptr) <= 12 or int(ptr) > max(n_dx, 0):
                out.append(
                    element_finding(
                        "2400",
                        sv1,
                        7,
                        c,
                        IK403.INVALID_CODE_VALUE,
                        f"diagnosis pointer {ptr!r} does not point at one of the claim's "
                        f"{n_dx} diagnoses",
                        code="837p.line.pointer",
                        value=ptr,
                    )
                )
    for d in line.dtp:
        if d.date_time_qualifier == "472":
            break
    else:
        anchor: TypedSegment | None = line.sv1 or line.lx
        out.append(
            Finding(
                code="837p.line.service-date",
                message=f"service line {n} has no date of service (DTP*472)",
                position=anchor.position if anchor else 0,
                segment_id="DTP",
                loop_id="2400",
                ik304=IK304.REQUIRED_SEGMENT_MISSING,
            )
        )


def test_it_agrees_on_trees_of_other_shapes_than_the_reader_builds() -> None:
    # built in memory: a repeating slot holding one segment or loop, a single slot a list
    tx = parse("~".join(BIG)).transactions[0].data
    assert isinstance(tx, Transaction837P)
    sub = tx.billing_providers[0].subscribers[0]
    claims: Any = sub.claims
    claim = claims[0]
    line = claim.lines[0]
    line.dtp = line.dtp[0]
    line.lx = [line.lx]
    claim.lines[1].sv1 = [claim.lines[1].sv1, claim.lines[1].sv1]
    claim.hi = claim.hi[0]
    claims[1].lines = claims[1].lines[0]
    other = tx.billing_providers[0].subscribers[-1]
    assert other is not sub
    other.claims = other.claims[0]  # type: ignore[assignment]
    found = _fast(tx)
    assert found == _reference(tx)
    assert {f.code for f in found} >= {"x12.structure.max-use"}
