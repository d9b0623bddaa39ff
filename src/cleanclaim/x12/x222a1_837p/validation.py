"""837P guide rules (005010X222A1) on top of the shared structure checks.

Rules as data: :data:`.rules.ELEMENT_RULES` lists, per loop and segment, the elements
the guide requires and the code values it allows (stable ids ``x12.element.*``).
The relational rules below it each have a stable ``code``:

=================================  =====================================================
``837p.hl.*``                      HL01 numbering, HL02 parent, HL03 level, HL04 child code
``837p.billing.zip9``              2010AA N403 must be a 9-digit ZIP+4 (guide note on N403)
``837p.billing.npi``               2010AA/2310B/2420A NM109 must be a valid NPI (Luhn)
``837p.billing.tax-id``            2010AA needs REF*EI or REF*SY
``837p.claim.balance``             CLM02 must equal the sum of the lines' SV102
``837p.claim.frequency-ref``       CLM05-3 7 or 8 needs REF*F8 (payer claim control number)
``837p.claim.diagnosis``           HI: first ABK (or BK) then ABF (or BF); no dots
``837p.line.pointer``              SV107 pointers must point at an existing diagnosis
``837p.line.service-date``         every 2400 needs DTP*472
``837p.line.number``               LX01 numbers lines 1, 2, 3...
``837p.date``                      D8/RD8 dates must be real calendar dates
``837p.subscriber.relationship``   SBR02 = 18 when claims hang under 2000B
=================================  =====================================================

Each rule's 999 code is the IK403 the guide's syntax maps to (``7`` invalid code,
``1`` required missing, ``8`` invalid date, ``I12`` implementation pattern
failure for the pattern and balancing rules).
"""

from __future__ import annotations

from decimal import Decimal
from operator import attrgetter

from ...money import read_amount
from ...npi import is_valid_npi
from ..elements import parse_date
from ..errors import IK304, IK403, Finding, Severity
from ..loops import Loop
from ..segments import Delimiters
from ..structure import check_tree, element_finding
from ..typed import TypedSegment
from .codes import US_STATES
from .loops import Loop2000A, Loop2000B, Loop2000C, Loop2300, Loop2400, Transaction837P
from .rules import ELEMENT_RULES, KNOWN_TAGS, RULES_BY
from .segments import CLM, DTP, HI, HL, NM1, REF

__all__ = ["ELEMENT_RULES", "KNOWN_TAGS", "validate_837p"]


def validate_837p(tx: Transaction837P, delimiters: Delimiters) -> list[Finding]:
    """Every finding for one 837P transaction, in file order."""
    out = check_tree(tx, KNOWN_TAGS, RULES_BY, _visit, visit_tags=_VISIT_TAGS)
    _check_hierarchy(tx, out)
    for bp in tx.billing_providers:
        _check_billing_provider(bp, out)
        for sub in bp.subscribers:
            _check_subscriber(sub, out)
            for claim in sub.claims:
                _check_claim(claim, out)
            for pat in sub.patients:
                for claim in pat.claims:
                    _check_claim(claim, out)
    out.sort(key=lambda f: f.position)
    return out


#: The segments :func:`_visit` acts on (the walk calls it for these only).
_VISIT_TAGS = frozenset({"DTP", "NM1", "DMG", "N4"})


def _visit(loop: Loop, seg: TypedSegment, out: list[Finding]) -> None:
    """Checks of a single segment beyond its element rules (tags: :data:`_VISIT_TAGS`)."""
    tag = seg.TAG
    if tag == "DTP":
        _check_dtp(loop, seg, out)  # type: ignore[arg-type]
    elif tag == "NM1":
        # NM108 read straight from the field when it is the plain text get(8) would give
        qual = seg.identification_code_qualifier if seg.__class__ is NM1 else None
        if qual.__class__ is not str:
            qual = seg.get(8)
        if qual == "XX" and seg.get(9) and not is_valid_npi(seg.get(9)):
            out.append(
                element_finding(
                    loop.LOOP_ID,
                    seg,
                    9,
                    0,
                    IK403.PATTERN_MATCH_FAILURE,
                    f"NPI {seg.get(9)!r} is not valid (10 digits with a correct check digit)",
                    code="837p.provider.npi",
                    value=seg.get(9),
                )
            )
    elif tag == "DMG":
        if seg.get(1) == "D8" and seg.get(2) and parse_date(seg.get(2)) is None:
            out.append(_date_finding(loop, seg, 2, seg.get(2)))
    elif tag == "N4":
        state = seg.get(2)
        if not seg.get(4) and state and state not in US_STATES:
            out.append(
                element_finding(
                    loop.LOOP_ID,
                    seg,
                    2,
                    0,
                    IK403.INVALID_CODE_VALUE,
                    f"state {state!r} is not a US state code",
                    code="837p.address.state",
                    value=state,
                )
            )


def _date_finding(loop: Loop, seg: TypedSegment, pos: int, value: str) -> Finding:
    return element_finding(
        loop.LOOP_ID,
        seg,
        pos,
        0,
        IK403.INVALID_DATE,
        f"{value!r} is not a valid date ({seg.TAG}{pos:02d}, expected CCYYMMDD)",
        code="837p.date",
        value=value,
    )


def _check_dtp(loop: Loop, seg: DTP, out: list[Finding]) -> None:
    fmt, value = seg.date_time_period_format_qualifier, seg.date_time_period
    if not value:
        return
    if fmt == "D8":
        if parse_date(value) is None:
            out.append(_date_finding(loop, seg, 3, value))
    elif fmt == "RD8":
        start, _, end = value.partition("-")
        d1, d2 = parse_date(start), parse_date(end)
        if d1 is None or d2 is None:
            out.append(_date_finding(loop, seg, 3, value))
        elif d1 > d2:
            out.append(
                element_finding(
                    loop.LOOP_ID,
                    seg,
                    3,
                    0,
                    IK403.INVALID_DATE,
                    f"date range {value!r} ends before it starts",
                    code="837p.date",
                    value=value,
                )
            )


def _hl_finding(hl: HL, loop_id: str, pos: int, message: str, ik403: str) -> Finding:
    return element_finding(loop_id, hl, pos, 0, ik403, message, code="837p.hl", value=hl.get(pos))


def _check_hierarchy(tx: Transaction837P, out: list[Finding]) -> None:
    expected = 1
    levels: list[tuple[Loop, str]] = []
    for bp in tx.billing_providers:
        levels.append((bp, ""))
        for sub in bp.subscribers:
            levels.append((sub, bp.hl.hierarchical_id_number if bp.hl else ""))
            for pat in sub.patients:
                levels.append((pat, sub.hl.hierarchical_id_number if sub.hl else ""))
    for loop, parent in levels:
        hl = getattr(loop, "hl", None)
        if not isinstance(hl, HL):
            continue
        if hl.hierarchical_id_number != str(expected):
            out.append(
                _hl_finding(
                    hl,
                    loop.LOOP_ID,
                    1,
                    f"HL01 is {hl.hierarchical_id_number!r}; hierarchical levels must be "
                    f"numbered 1, 2, 3... (expected {expected})",
                    IK403.PATTERN_MATCH_FAILURE,
                )
            )
        expected += 1
        if hl.hierarchical_parent_id_number != parent and (parent or loop.LOOP_ID == "2000A"):
            out.append(
                _hl_finding(
                    hl,
                    loop.LOOP_ID,
                    2,
                    f"HL02 is {hl.hierarchical_parent_id_number!r} but this {loop.NAME.lower()} "
                    f"belongs under HL {parent or '(none: top level)'}",
                    IK403.PATTERN_MATCH_FAILURE,
                )
            )
        has_children = bool(getattr(loop, "subscribers", None) or getattr(loop, "patients", None))
        child_code = hl.hierarchical_child_code
        if child_code in ("0", "1") and (child_code == "1") != has_children:
            out.append(
                _hl_finding(
                    hl,
                    loop.LOOP_ID,
                    4,
                    f"HL04 is {child_code!r} but the level "
                    + ("has" if has_children else "has no")
                    + " subordinate levels",
                    IK403.INVALID_CODE_VALUE,
                )
            )


def _check_billing_provider(bp: Loop2000A, out: list[Finding]) -> None:
    name = bp.billing_provider
    if name is None:
        return
    n4 = name.n4
    if n4 is not None and not n4.country_code:
        zip_code = n4.postal_code
        if zip_code and not (len(zip_code) == 9 and zip_code.isdigit()):
            out.append(
                element_finding(
                    "2010AA",
                    n4,
                    3,
                    0,
                    IK403.PATTERN_MATCH_FAILURE,
                    f"billing provider ZIP code {zip_code!r} must be the full 9-digit ZIP+4",
                    code="837p.billing.zip9",
                    value=zip_code,
                )
            )
    if name.nm1 is not None and not any(
        r.reference_identification_qualifier in ("EI", "SY") for r in name.ref
    ):
        out.append(
            Finding(
                code="837p.billing.tax-id",
                message="billing provider tax ID is missing (REF*EI employer ID or REF*SY SSN)",
                position=name.nm1.position,
                segment_id="REF",
                loop_id="2010AA",
                ik304=IK304.REQUIRED_SEGMENT_MISSING,
            )
        )


def _check_subscriber(sub: Loop2000B, out: list[Finding]) -> None:
    if sub.sbr is None:
        return
    rel = sub.sbr.individual_relationship_code
    if sub.claims and rel != "18":
        out.append(
            element_finding(
                "2000B",
                sub.sbr,
                2,
                0,
                IK403.REQUIRED_ELEMENT_MISSING if not rel else IK403.INVALID_CODE_VALUE,
                "the subscriber is the patient (claims under 2000B): SBR02 must be 18 (self)",
                code="837p.subscriber.relationship",
                value=rel,
            )
        )
    if sub.patients and rel == "18":
        out.append(
            element_finding(
                "2000B",
                sub.sbr,
                2,
                0,
                IK403.DEPENDENT_NOT_USED_ELEMENT_PRESENT,
                "SBR02 says the subscriber is the patient (18) but a separate patient loop "
                "(2000C) follows",
                code="837p.subscriber.relationship",
                value=rel,
                severity=Severity.WARNING,
            )
        )


def _diagnoses(claim: Loop2300) -> list[tuple[HI, int, str, str]]:
    """``(segment, element position, qualifier, code)`` for the diagnosis HI composites."""
    out: list[tuple[HI, int, str, str]] = []
    for hi in claim.hi:
        for n, (qual, code) in enumerate(hi.codes(), start=1):
            if qual in ("ABK", "ABF", "BK", "BF"):
                out.append((hi, n, qual, code))
    return out


_DX_QUALIFIERS = frozenset({"ABK", "ABF", "BK", "BF"})
_HI_CODES = attrgetter(*(f"hi{n:02d}" for n in range(1, 13)))


def _check_claim(claim: Loop2300, out: list[Finding]) -> None:
    clm = claim.clm
    if clm is None:
        return
    lines = claim.lines
    # CLM02 = sum of SV102 (guide: "The total claim charge amount must balance to the
    # sum of all service line charge amounts reported in the Professional Service (SV1)").
    # (``clm.total_charge`` and ``sv1.charge`` are read_amount of these texts.)
    total = read_amount(clm.monetary_amount)
    if total is not None and lines:
        line_sum = Decimal(0)
        charged = False
        for line in lines:
            sv1 = line.sv1
            if sv1 is not None:
                charge = read_amount(sv1.monetary_amount)
                if charge is None:
                    break
                line_sum += charge
                charged = True
        else:
            if charged and line_sum != total:
                out.append(
                    element_finding(
                        "2300",
                        clm,
                        2,
                        0,
                        IK403.PATTERN_MATCH_FAILURE,
                        f"total charge {clm.monetary_amount} (CLM02) does not equal the sum "
                        f"of the line charges {line_sum} (SV102)",
                        code="837p.claim.balance",
                        value=clm.monetary_amount,
                    )
                )
    loc = clm.health_care_service_location_information  # CLM05; freq is CLM05-3
    tupled = loc.__class__ is tuple
    freq = (str(loc[2]) if len(loc) > 2 else "") if tupled else clm.frequency_code
    if (freq == "7" or freq == "8") and not any(
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
    his = claim.hi
    if len(his) == 1 and his[0].__class__ is HI:
        # the common case, without building _diagnoses: one HI, principal first, no dots
        n_dx = 0
        for v in _HI_CODES(his[0]):
            if v:
                qual = v[0]
                if qual in _DX_QUALIFIERS:
                    code = v[1] if len(v) > 1 else ""
                    if (n_dx == 0) != (qual == "ABK" or qual == "BK") or not code or "." in code:
                        break
                    n_dx += 1
        else:
            if 0 < n_dx <= 12:
                _check_lines(lines, n_dx, out)
                return
    _check_diagnoses(claim, clm, out)


def _check_diagnoses(claim: Loop2300, clm: CLM, out: list[Finding]) -> None:
    """The diagnosis findings of a claim, then its lines' (any shape of HI)."""
    dx = _diagnoses(claim)
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
    _check_lines(claim.lines, len(dx), out)


def _check_lines(lines: list[Loop2400], n_dx: int, out: list[Finding]) -> None:
    """:func:`_check_line` of each line; the usual clean line is passed over inline."""
    valid = _POINTERS[min(max(n_dx, 0), 12)]
    for n, line in enumerate(lines, start=1):
        lx, sv1 = line.lx, line.sv1
        if (
            lx is not None
            and sv1 is not None
            and n < 100
            and lx.assigned_number == _NUMBERS[n]
            and sv1.composite_diagnosis_code_pointer.__class__ is tuple
            and valid.issuperset(sv1.composite_diagnosis_code_pointer)
        ):
            for d in line.dtp:
                if d.date_time_qualifier == "472":
                    break
            else:
                _check_line(line, n, n_dx, out)
        else:
            _check_line(line, n, n_dx, out)


_NUMBERS = tuple(str(n) for n in range(100))
# the pointers that are valid for a claim with 0, 1, ... 12 or more diagnoses
_POINTERS = tuple(frozenset(str(p) for p in range(1, min(n, 12) + 1)) for n in range(13))


def _check_line(line: Loop2400, n: int, n_dx: int, out: list[Finding]) -> None:
    lx = line.lx
    if lx is not None and lx.assigned_number != (_NUMBERS[n] if n < 100 else str(n)):
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
        valid = _POINTERS[min(max(n_dx, 0), 12)]
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


_ = (REF, Loop2000C)
