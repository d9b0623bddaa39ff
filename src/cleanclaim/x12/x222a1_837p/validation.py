"""837P guide rules (005010X222A1) on top of the guide's structure and element checks.

:func:`validate_837p` runs the shared checks of the placed tree
(:func:`cleanclaim.x12.guidekit.reading.check`: usage, repeats, element types,
lengths and the code values of pyx12's map with ``patches_5010.json``), then the
relational rules below over the same tree, each with a stable ``code``:

=================================  =====================================================
``837p.hl``                        HL01 numbering, HL02 parent, HL04 child code
``837p.billing.zip9``              2010AA N403 must be a 9-digit ZIP+4 (guide note on N403)
``837p.provider.npi``              every NM109 with NM108 ``XX`` must be a valid NPI (Luhn)
``837p.billing.tax-id``            2010AA needs REF*EI or REF*SY
``837p.address.state``             N402 must be a US state code when N404 (country) is empty
``837p.claim.balance``             CLM02 must equal the sum of the lines' SV102
``837p.claim.frequency-ref``       CLM05-3 7 or 8 needs REF*F8 (payer claim control number)
``837p.claim.diagnosis``           HI: first ABK (or BK) then ABF (or BF); no dots; at most 12
``837p.line.pointer``              SV107 pointers must point at an existing diagnosis
``837p.line.service-date``         every 2400 needs DTP*472
``837p.line.number``               LX01 numbers lines 1, 2, 3...
``837p.date``                      D8/RD8 dates (DTP03, DMG02) must be real calendar dates
``837p.subscriber.relationship``   SBR02 = 18 when claims hang under 2000B
=================================  =====================================================

Each rule's 999 code is the IK403 the guide's syntax maps to (``7`` invalid code,
``1`` required missing, ``8`` invalid date, ``I12`` implementation pattern
failure for the pattern and balancing rules). Elements are named as in the
guide's text: ``2300 CLM05-3`` (component without a leading zero).
"""

from __future__ import annotations

import re
from dataclasses import replace
from decimal import Decimal

from ...money import read_amount as decimal_or_none
from ...npi import is_valid_npi
from .._elements import parse_date
from .._errors import IK304, IK403, Finding, Severity
from .._perf import gc_paused
from .._segments import Delimiters, Segment
from ..guidekit.context import Context
from ..guidekit.reading import check
from ..guidekit.tree import LoopNode, SegNode
from .codes import US_STATES
from .parsing import Transaction837P

__all__ = ["validate_837p"]


def validate_837p(tx: Transaction837P, delimiters: Delimiters) -> list[Finding]:
    """Every finding for one 837P transaction, in file order."""
    placed = tx.placed
    tree = placed.tree
    with gc_paused():  # see cleanclaim.x12._perf
        ctx = check(placed, delimiters)
        rules = Context(delimiters, placed.st.get(2), [])
        if not placed.st.get(3):
            _st03_missing(rules, placed.st)
        _check_segments(rules, tree)
        _check_levels(rules, tree, delimiters.component)
    out = [_named(f) for f in ctx.findings]
    out.extend(rules.findings)
    out.sort(key=_position)  # stable: at one segment, structure first, then the rules
    return out


def _child_loops(loop: LoopNode, loop_id: str) -> list[LoopNode]:
    """The direct child loops ``loop_id`` of ``loop``, in data order."""
    return [c for c in loop.children if c.__class__ is LoopNode and c.spec.id == loop_id]


def _check_levels(ctx: Context, tree: LoopNode, comp: str) -> None:
    """The HL hierarchy, the billing providers, subscribers and claims, in one pass.

    Each rule reports at segments of its own (HL; 2010AA N4 and NM1; SBR; the claim's
    and lines' segments), so the findings, sorted by position afterwards, are those of
    one pass per rule in the same order."""
    expected = 1  # the next HL01
    for bp in _child_loops(tree, "2000A"):
        bp_hl = _first(bp, "HL")
        subs = _child_loops(bp, "2000B")
        expected = _check_level(ctx, bp, bp_hl, "", bool(subs), expected)
        _check_billing_provider(ctx, bp)
        bp_no = bp_hl.get(1) if bp_hl else ""
        for sub in subs:
            sub_hl = _first(sub, "HL")
            claims: list[LoopNode] = []
            pats: list[LoopNode] = []
            for c in sub.children:
                if c.__class__ is LoopNode:
                    cid = c.spec.id
                    if cid == "2300":
                        claims.append(c)
                    elif cid == "2000C":
                        pats.append(c)
            expected = _check_level(ctx, sub, sub_hl, bp_no, bool(pats), expected)
            _check_subscriber(ctx, sub, bool(claims), bool(pats))
            for claim in claims:
                _check_claim(ctx, claim, comp)
            sub_no = sub_hl.get(1) if sub_hl else ""
            for pat in pats:
                expected = _check_level(ctx, pat, _first(pat, "HL"), sub_no, False, expected)
                for claim in _child_loops(pat, "2300"):
                    _check_claim(ctx, claim, comp)


def _position(f: Finding) -> int:
    return f.position


_COMPONENT = re.compile(r"-0(\d)$")


def _named(f: Finding) -> Finding:
    """The guide's element name for a component: ``CLM05-3``, not the map's ``CLM05-03``."""
    if f.component_position and f.element:
        return replace(f, element=_COMPONENT.sub(r"-\1", f.element))
    return f


def _element(
    ctx: Context,
    node: SegNode,
    loop_id: str,
    pos: int,
    comp: int,
    ik403: str,
    message: str,
    code: str,
    value: str,
    severity: Severity = Severity.ERROR,
) -> None:
    """A finding about element ``pos`` (component ``comp``, 0: the whole element)."""
    ctx.add(
        node,
        loop_id,
        code,
        message,
        ik304=IK304.SEGMENT_HAS_ELEMENT_ERRORS,
        ik403=ik403,
        ref=f"{node.id}{pos:02d}" + (f"-{comp}" if comp else ""),
        element_position=pos,
        component_position=comp,
        value=value,
        severity=severity,
    )


def _missing(
    ctx: Context,
    anchor: SegNode | None,
    loop_id: str,
    code: str,
    message: str,
    segment_id: str,
    ik304: str = IK304.REQUIRED_SEGMENT_MISSING,
) -> None:
    """A finding about a segment that is not there, reported at ``anchor``."""
    ctx.add(anchor, loop_id, code, message, ik304=ik304, segment_id=segment_id)


def _st03_missing(ctx: Context, st: Segment) -> None:
    """ST03 (Implementation Convention Reference) is required in 005010X222A1."""
    ctx.add(
        SegNode(st, 1, None),
        "",
        "x12.element.required-missing",
        "ST03 (Implementation Convention Reference, 005010X222A1) is required",
        ik403=IK403.REQUIRED_ELEMENT_MISSING,
        ref="ST03",
        element_position=3,
    )


# -- single segments: NPIs, dates, states ------------------------------------------------


#: Texts already found valid in this process (D8 dates, NPIs): the same dates and
#: providers recur claim after claim, so each is checked once (bounded sets).
_GOOD_DATES: set[str] = set()
_GOOD_NPIS: set[str] = set()


def _good(seen: set[str], value: str) -> None:
    if len(seen) >= 4096:
        seen.clear()
    seen.add(value)


def _check_segments(ctx: Context, loop: LoopNode) -> None:
    """Checks of single segments beyond their element rules (NM1, DMG, N4, DTP)."""
    loop_id = loop.spec.id if loop.spec.id != "ST" else ""
    for child in loop.children:
        if child.__class__ is LoopNode:
            _check_segments(ctx, child)
            continue
        node: SegNode = child  # type: ignore[assignment]
        seg = node.segment
        tag = seg.id
        els = seg.elements
        if tag == "DTP":
            if len(els) > 2 and els[1] == "D8" and els[2] in _GOOD_DATES:
                continue
            _check_dtp(ctx, node, loop_id)
        elif tag == "NM1":
            if len(els) < 9 or els[7] != "XX" or not els[8] or els[8] in _GOOD_NPIS:
                continue
            npi = els[8]
            if is_valid_npi(npi):
                _good(_GOOD_NPIS, npi)
                continue
            _element(
                ctx,
                node,
                loop_id,
                9,
                0,
                IK403.PATTERN_MATCH_FAILURE,
                f"NPI {npi!r} is not valid (10 digits with a correct check digit)",
                "837p.provider.npi",
                npi,
            )
        elif tag == "DMG":
            if len(els) > 1 and els[0] == "D8" and els[1] and els[1] not in _GOOD_DATES:
                if parse_date(els[1]) is None:
                    _date(ctx, node, loop_id, 2, els[1])
                else:
                    _good(_GOOD_DATES, els[1])
        elif tag == "N4":
            state = node.get(2)
            if not node.get(4) and state and state not in US_STATES:
                _element(
                    ctx,
                    node,
                    loop_id,
                    2,
                    0,
                    IK403.INVALID_CODE_VALUE,
                    f"state {state!r} is not a US state code",
                    "837p.address.state",
                    state,
                )


def _date(ctx: Context, node: SegNode, loop_id: str, pos: int, value: str) -> None:
    _element(
        ctx,
        node,
        loop_id,
        pos,
        0,
        IK403.INVALID_DATE,
        f"{value!r} is not a valid date ({node.id}{pos:02d}, expected CCYYMMDD)",
        "837p.date",
        value,
    )


def _check_dtp(ctx: Context, node: SegNode, loop_id: str) -> None:
    """DTP03 is a real date (D8) or a range of real dates that does not end first (RD8)."""
    fmt, value = node.get(2), node.get(3)
    if not value:
        return
    if fmt == "D8":
        if parse_date(value) is None:
            _date(ctx, node, loop_id, 3, value)
        else:
            _good(_GOOD_DATES, value)
    elif fmt == "RD8":
        start, _, end = value.partition("-")
        d1, d2 = parse_date(start), parse_date(end)
        if d1 is None or d2 is None:
            _date(ctx, node, loop_id, 3, value)
        elif d1 > d2:
            _element(
                ctx,
                node,
                loop_id,
                3,
                0,
                IK403.INVALID_DATE,
                f"date range {value!r} ends before it starts",
                "837p.date",
                value,
            )


# -- the hierarchy: 2000A → 2000B → 2000C ------------------------------------------------

_LEVEL_NAMES = {
    "2000A": "billing provider hierarchical level",
    "2000B": "subscriber hierarchical level",
    "2000C": "patient hierarchical level",
}


def _hl(ctx: Context, hl: SegNode, loop_id: str, pos: int, message: str, ik403: str) -> None:
    _element(ctx, hl, loop_id, pos, 0, ik403, message, "837p.hl", hl.get(pos))


def _check_level(
    ctx: Context,
    loop: LoopNode,
    hl: SegNode | None,
    parent: str,
    has_children: bool,
    expected: int,
) -> int:
    """HL01 numbers the levels 1, 2, 3...; HL02 names the enclosing level (``parent``,
    its HL01); HL04 says whether levels follow (005010X222A1 2000A/B/C HL). Returns
    the next level's number (a level without its HL is not counted)."""
    if hl is None:
        return expected
    loop_id = loop.spec.id
    if hl.get(1) != str(expected):
        _hl(
            ctx,
            hl,
            loop_id,
            1,
            f"HL01 is {hl.get(1)!r}; hierarchical levels must be "
            f"numbered 1, 2, 3... (expected {expected})",
            IK403.PATTERN_MATCH_FAILURE,
        )
    if hl.get(2) != parent and (parent or loop_id == "2000A"):
        _hl(
            ctx,
            hl,
            loop_id,
            2,
            f"HL02 is {hl.get(2)!r} but this {_LEVEL_NAMES[loop_id]} "
            f"belongs under HL {parent or '(none: top level)'}",
            IK403.PATTERN_MATCH_FAILURE,
        )
    child_code = hl.get(4)
    if child_code in ("0", "1") and (child_code == "1") != has_children:
        _hl(
            ctx,
            hl,
            loop_id,
            4,
            f"HL04 is {child_code!r} but the level "
            + ("has" if has_children else "has no")
            + " subordinate levels",
            IK403.INVALID_CODE_VALUE,
        )
    return expected + 1


# -- billing provider and subscriber ----------------------------------------------------


def _check_billing_provider(ctx: Context, bp: LoopNode) -> None:
    """2010AA: a US ZIP is the full ZIP+4 (N403); the tax id is REF*EI or REF*SY."""
    name = next(bp.loops("2010AA"), None)
    if name is None:
        return
    n4 = name.first("N4")
    if n4 is not None and not n4.get(4):
        zip_code = n4.get(3)
        if zip_code and not (len(zip_code) == 9 and zip_code.isdigit()):
            _element(
                ctx,
                n4,
                "2010AA",
                3,
                0,
                IK403.PATTERN_MATCH_FAILURE,
                f"billing provider ZIP code {zip_code!r} must be the full 9-digit ZIP+4",
                "837p.billing.zip9",
                zip_code,
            )
    nm1 = name.first("NM1")
    if nm1 is not None and not any(r.get(1) in ("EI", "SY") for r in name.segments("REF")):
        _missing(
            ctx,
            nm1,
            "2010AA",
            "837p.billing.tax-id",
            "billing provider tax ID is missing (REF*EI employer ID or REF*SY SSN)",
            "REF",
        )


def _check_subscriber(ctx: Context, sub: LoopNode, has_claims: bool, has_patients: bool) -> None:
    """SBR02 is 18 (self) when claims hang under 2000B, and not when a 2000C follows."""
    sbr = _first(sub, "SBR")
    if sbr is None:
        return
    rel = sbr.get(2)
    if has_claims and rel != "18":
        _element(
            ctx,
            sbr,
            "2000B",
            2,
            0,
            IK403.REQUIRED_ELEMENT_MISSING if not rel else IK403.INVALID_CODE_VALUE,
            "the subscriber is the patient (claims under 2000B): SBR02 must be 18 (self)",
            "837p.subscriber.relationship",
            rel,
        )
    if has_patients and rel == "18":
        _element(
            ctx,
            sbr,
            "2000B",
            2,
            0,
            IK403.DEPENDENT_NOT_USED_ELEMENT_PRESENT,
            "SBR02 says the subscriber is the patient (18) but a separate patient loop "
            "(2000C) follows",
            "837p.subscriber.relationship",
            rel,
            Severity.WARNING,
        )


# -- claims and lines -------------------------------------------------------------------

_DX_QUALIFIERS = frozenset({"ABK", "ABF", "BK", "BF"})
_NUMBERS = tuple(str(n) for n in range(100))
# the pointers that are valid for a claim with 0, 1, ... 12 or more diagnoses
_POINTERS = tuple(frozenset(str(p) for p in range(1, min(n, 12) + 1)) for n in range(13))
_AMOUNTS: dict[str, Decimal | None] = {}


def _amount(text: str) -> Decimal | None:
    """An R element (CLM02, SV102) as a Decimal, ``None`` when not a number; the same
    charges recur claim after claim, so each text is read once (bounded)."""
    value = _AMOUNTS.get(text, _NO_AMOUNT)
    if value is _NO_AMOUNT:
        if len(_AMOUNTS) >= 4096:
            _AMOUNTS.clear()
        value = _AMOUNTS[text] = decimal_or_none(text)
    return value


_NO_AMOUNT = Decimal("NaN")  # a sentinel: decimal_or_none never returns a NaN


def _component(value: str, comp_sep: str, n: int) -> str:
    parts = value.split(comp_sep)
    return parts[n - 1] if n <= len(parts) else ""


def _diagnoses(his: list[SegNode], comp_sep: str) -> list[tuple[SegNode, int, str, str]]:
    """``(HI, composite number, qualifier, code)`` for the diagnosis HI composites
    (HI01..HI12; composites counted among those present)."""
    out: list[tuple[SegNode, int, str, str]] = []
    for hi in his:
        n = 0
        for value in hi.segment.elements[:12]:
            if not value:
                continue
            n += 1
            parts = value.split(comp_sep)
            qual = parts[0]
            if qual in _DX_QUALIFIERS:
                out.append((hi, n, qual, parts[1] if len(parts) > 1 else ""))
    return out


def _check_claim(ctx: Context, claim: LoopNode, comp_sep: str) -> None:
    """CLM02 = Σ SV102; frequency 7/8 has REF*F8; the diagnoses; then each line.

    Runs once per claim of a large file, so the claim's children are read in one pass,
    the lines in one more (their charges summed, and a line with nothing to report
    passed over inline), and the findings made in the order of the rules:
    balance, frequency, diagnoses, then the lines :func:`_check_line` reports on."""
    clm: SegNode | None = None
    his: list[SegNode] = []
    lines: list[LoopNode] = []
    has_f8 = False
    for child in claim.children:
        if child.__class__ is LoopNode:
            if child.spec.id == "2400":
                lines.append(child)
            continue
        seg = child.segment  # type: ignore[union-attr]
        sid = seg.id
        if sid == "HI":
            his.append(child)  # type: ignore[arg-type]
        elif sid == "REF":
            if seg.elements[:1] == ["F8"]:
                has_f8 = True
        elif sid == "CLM" and clm is None:
            clm = child  # type: ignore[assignment]
    if clm is None:
        return
    dx = _diagnoses(his, comp_sep)
    n_dx = len(dx)
    valid = _POINTERS[min(n_dx, 12)]
    # CLM02 = sum of SV102 (guide: "The total claim charge amount must balance to the
    # sum of all service line charge amounts reported in the Professional Service (SV1)"):
    # each line's first SV1; no balance when one has no number in SV102.
    text = clm.get(2)
    total = _amount(text) if text else None
    summing = total is not None
    line_sum = Decimal(0)
    charged = False
    to_check: list[tuple[int, LoopNode]] = []
    for n, line in enumerate(lines, start=1):
        children = line.children
        if summing:
            for c in children:
                if c.__class__ is SegNode and c.segment.id == "SV1":
                    els = c.segment.elements
                    text = els[1] if len(els) > 1 else ""
                    charge = _amount(text) if text else None
                    if charge is None:
                        summing = False  # not a number: no balance check
                        total = None
                    else:
                        line_sum += charge
                        charged = True
                    break
        # the usual clean line: LX01 = n, SV107 pointers valid, a DTP*472
        if n < 100 and len(children) > 2:
            first, second = children[0], children[1]
            if (
                first.__class__ is SegNode
                and second.__class__ is SegNode
                and second.segment.id == "SV1"
                and first.segment.elements[:1] == [_NUMBERS[n]]
            ):
                ptrs = second.get(7)
                if ptrs and valid.issuperset(ptrs.split(comp_sep)):
                    for d in children[2:]:
                        if (
                            d.__class__ is SegNode
                            and d.segment.id == "DTP"
                            and d.segment.elements[:1] == ["472"]
                        ):
                            break
                    else:
                        to_check.append((n, line))
                    continue
        to_check.append((n, line))
    if total is not None and charged and line_sum != total:
        _element(
            ctx,
            clm,
            "2300",
            2,
            0,
            IK403.PATTERN_MATCH_FAILURE,
            f"total charge {clm.get(2)} (CLM02) does not equal the sum "
            f"of the line charges {line_sum} (SV102)",
            "837p.claim.balance",
            clm.get(2),
        )
    freq = _component(clm.get(5), comp_sep, 3)
    if (freq == "7" or freq == "8") and not has_f8:
        _element(
            ctx,
            clm,
            "2300",
            5,
            3,
            IK403.DEPENDENT_ELEMENT_MISSING,
            f"frequency {freq} ({'replacement' if freq == '7' else 'void'}) needs the payer's "
            "claim control number in REF*F8",
            "837p.claim.frequency-ref",
            freq,
        )
    if not dx:
        _missing(
            ctx,
            clm,
            "2300",
            "837p.claim.diagnosis",
            "the claim has no diagnosis (HI with ABK principal diagnosis)",
            "HI",
        )
    for i, (hi, pos, qual, code) in enumerate(dx):
        principal = qual in ("ABK", "BK")
        if (i == 0) != principal:
            _element(
                ctx,
                hi,
                "2300",
                pos,
                1,
                IK403.INVALID_CODE_VALUE,
                "the first diagnosis must be the principal (ABK) and the others ABF"
                if i == 0
                else f"only the first diagnosis may be principal ({qual}); use ABF",
                "837p.claim.diagnosis",
                qual,
            )
        if "." in code or not code:
            _element(
                ctx,
                hi,
                "2300",
                pos,
                2,
                IK403.INVALID_CHARACTER if code else IK403.REQUIRED_ELEMENT_MISSING,
                f"diagnosis code {code!r} must be written without the dot"
                if code
                else "diagnosis code is missing",
                "837p.claim.diagnosis",
                code,
            )
    if n_dx > 12:
        _missing(
            ctx,
            dx[12][0],
            "2300",
            "837p.claim.diagnosis",
            f"{n_dx} diagnoses; a professional claim carries at most 12",
            "HI",
            IK304.SEGMENT_OVER_MAXIMUM_USE,
        )
    for n, line in to_check:
        _check_line(ctx, line, n, n_dx, comp_sep)


def _first(loop: LoopNode, seg_id: str) -> SegNode | None:
    """The first direct segment ``seg_id`` of ``loop``."""
    for child in loop.children:
        if child.__class__ is SegNode and child.segment.id == seg_id:
            return child
    return None


def _check_line(ctx: Context, line: LoopNode, n: int, n_dx: int, comp_sep: str) -> None:
    """LX01 is the line's number; SV107 points at diagnoses the claim has; DTP*472."""
    lx = line.first("LX")
    if lx is not None and lx.get(1) != (_NUMBERS[n] if n < 100 else str(n)):
        _element(
            ctx,
            lx,
            "2400",
            1,
            0,
            IK403.PATTERN_MATCH_FAILURE,
            f"line number LX01 is {lx.get(1)!r}; lines are numbered 1, 2, 3... (expected {n})",
            "837p.line.number",
            lx.get(1),
        )
    sv1 = line.first("SV1")
    if sv1 is not None and sv1.get(7):
        valid = _POINTERS[min(max(n_dx, 0), 12)]
        for c, ptr in enumerate(sv1.get(7).split(comp_sep), start=1):
            if not ptr or ptr in valid:
                continue
            if not ptr.isdecimal() or not 1 <= int(ptr) <= 12 or int(ptr) > max(n_dx, 0):
                _element(
                    ctx,
                    sv1,
                    "2400",
                    7,
                    c,
                    IK403.INVALID_CODE_VALUE,
                    f"diagnosis pointer {ptr!r} does not point at one of the claim's "
                    f"{n_dx} diagnoses",
                    "837p.line.pointer",
                    ptr,
                )
    if not any(d.get(1) == "472" for d in line.segments("DTP")):
        _missing(
            ctx,
            sv1 or lx,
            "2400",
            "837p.line.service-date",
            f"service line {n} has no date of service (DTP*472)",
            "DTP",
        )
