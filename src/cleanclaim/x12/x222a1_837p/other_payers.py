"""Other payers on an 837P: loops 2320/2330A/2330B (claim) and 2430 (line), read and written.

A secondary (or tertiary) claim carries what each prior payer did with it
(005010X222A1, coordination of benefits)::

    2320  SBR  CAS* AMT*D [AMT*A8] [AMT*EAF] OI [MOA]   Other subscriber information
    ├── 2330A NM1*IL [N3 N4]                           Other subscriber name
    └── 2330B NM1*PR [DTP*573] [REF*F8]                Other payer name
    2400 ...
    └── 2430  SVD  CAS* DTP*573 [AMT*EAF]              Line adjudication information

One shape, shared by the view (:func:`read_other_payer`, :func:`read_adjudication`)
and the builder (:func:`other_payer_segments`, :func:`adjudication_segments`), so a
claim built and read back is equal. The builder refuses a claim that does not
balance (:func:`check_balance`, the TR3's 2320 and 2430 notes): for each prior
payer, the line charge SV102 = SVD02 + Σ 2430 CAS, and the claim charge CLM02 =
AMT*D + Σ 2320 CAS + Σ 2430 CAS of that payer's lines.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal

from ...money import MoneyError, format_money, parse_money
from ...money import read_amount as decimal_or_none
from .._errors import X12Error
from .._segments import Segment
from ..guidekit.tree import LoopNode, SegNode

__all__ = [
    "Adjustment",
    "LineAdjudication",
    "OtherPayer",
    "OtherSubscriber",
]

#: CAS: at most 6 reason/amount/quantity triples per segment, 5 segments per loop.
_TRIPLES = 6
_CAS_REPEAT = 5


@dataclass(slots=True)
class Adjustment:
    """One CAS triple: CAS01 group (CO, PR, OA, PI, CR), reason (CARC), amount, quantity."""

    group: str
    reason: str
    amount: Decimal
    quantity: Decimal | None = None


@dataclass(slots=True)
class OtherSubscriber:
    """2330A: the subscriber of the other payer's coverage (NM1*IL, N3/N4)."""

    last_name: str = ""
    first_name: str = ""
    middle_name: str = ""
    member_id: str = ""  # NM109 (NM108 MI)
    address_line1: str = ""
    address_line2: str = ""
    city: str = ""
    state: str = ""
    zip: str = ""


@dataclass(slots=True)
class OtherPayer:
    """One 2320 loop with its 2330A and 2330B: a payer that adjudicated the claim before
    (or, with responsibility ``S``/``T``, is still to). ``paid`` is AMT*D (the payer's
    paid amount, ``0`` when it paid nothing); ``remaining_patient_liability`` AMT*EAF;
    ``non_covered`` AMT*A8; ``remark_codes`` MOA03-MOA07 (a Medicare payer's remarks)."""

    responsibility: str  # SBR01: P primary, S secondary, T tertiary, ...
    relationship: str  # SBR02: 18 self, 01 spouse, 19 child, G8 other
    filing_indicator: str  # SBR09: MB Medicare Part B, CI commercial, ...
    payer_name: str  # 2330B NM103
    payer_id: str  # 2330B NM109 (NM108 PI); SVD01 of this payer's lines repeats it
    subscriber: OtherSubscriber = field(default_factory=OtherSubscriber)
    group_number: str = ""  # SBR03
    group_name: str = ""  # SBR04
    adjustments: list[Adjustment] = field(default_factory=list)  # 2320 CAS
    paid: Decimal | None = None  # AMT*D
    non_covered: Decimal | None = None  # AMT*A8
    remaining_patient_liability: Decimal | None = None  # AMT*EAF
    benefits_assigned: str = "Y"  # OI03
    release_of_information: str = "Y"  # OI06
    remark_codes: list[str] = field(default_factory=list)  # MOA03-MOA07
    adjudicated_on: str | None = None  # 2330B DTP*573, YYYY-MM-DD
    payer_claim_control_number: str = ""  # 2330B REF*F8


@dataclass(slots=True)
class LineAdjudication:
    """One 2430 loop: how a prior payer (``payer_id`` = its 2330B NM109) paid a line."""

    payer_id: str  # SVD01
    paid: Decimal  # SVD02
    procedure: str  # SVD03-2, as adjudicated
    adjudicated_on: str  # DTP*573, YYYY-MM-DD
    modifiers: list[str] = field(default_factory=list)  # SVD03-3..6
    qualifier: str = "HC"  # SVD03-1
    units: Decimal | None = None  # SVD05 paid units
    adjustments: list[Adjustment] = field(default_factory=list)  # 2430 CAS
    remaining_patient_liability: Decimal | None = None  # AMT*EAF


# -- reading ---------------------------------------------------------------------------


def _el(node: SegNode, index: int) -> str:
    els = node.segment.elements
    return els[index - 1] if index <= len(els) else ""


def _iso(d8: str) -> str | None:
    if len(d8) == 8 and d8.isdigit():
        return f"{d8[:4]}-{d8[4:6]}-{d8[6:]}"
    return d8 or None


def _cas(node: SegNode) -> list[Adjustment]:
    """A CAS segment's triples (CAS02-04, CAS05-07, ... CAS17-19)."""
    els = node.segment.elements
    group = els[0] if els else ""
    out: list[Adjustment] = []
    for start in range(1, min(len(els), 1 + 3 * _TRIPLES), 3):
        reason = els[start]
        amount = decimal_or_none(els[start + 1]) if start + 1 < len(els) else None
        if not reason or amount is None:
            continue
        qty = els[start + 2] if start + 2 < len(els) else ""
        out.append(Adjustment(group, reason, amount, decimal_or_none(qty) if qty else None))
    return out


def _amounts(loop: LoopNode) -> dict[str, Decimal | None]:
    return {
        _el(s, 1): decimal_or_none(_el(s, 2))
        for s in loop.children
        if isinstance(s, SegNode) and s.segment.id == "AMT"
    }


def _dated(loop: LoopNode) -> str | None:
    dtp = loop.first("DTP", "573")
    return _iso(_el(dtp, 3)) if dtp is not None else None


def read_other_payer(loop: LoopNode) -> OtherPayer:
    """A 2320 loop with its 2330A (other subscriber) and 2330B (other payer)."""
    sbr = loop.first("SBR")
    oi = loop.first("OI")
    moa = loop.first("MOA")
    adjustments = [
        a
        for s in loop.children
        if isinstance(s, SegNode) and s.segment.id == "CAS"
        for a in _cas(s)
    ]
    amounts = _amounts(loop)
    sub = OtherSubscriber()
    subscriber = next(loop.loops("2330A"), None)
    if subscriber is not None:
        nm1 = subscriber.first("NM1")
        n3 = subscriber.first("N3")
        n4 = subscriber.first("N4")
        if nm1 is not None:
            sub.last_name, sub.first_name = _el(nm1, 3), _el(nm1, 4)
            sub.middle_name, sub.member_id = _el(nm1, 5), _el(nm1, 9)
        if n3 is not None:
            sub.address_line1, sub.address_line2 = _el(n3, 1), _el(n3, 2)
        if n4 is not None:
            sub.city, sub.state, sub.zip = _el(n4, 1), _el(n4, 2), _el(n4, 3)
    name = id_ = control = ""
    adjudicated: str | None = None
    payer = next(loop.loops("2330B"), None)
    if payer is not None:
        nm1 = payer.first("NM1")
        if nm1 is not None:
            name, id_ = _el(nm1, 3), _el(nm1, 9)
        ref = payer.first("REF", "F8")
        control = _el(ref, 2) if ref is not None else ""
        adjudicated = _dated(payer)
    return OtherPayer(
        responsibility=_el(sbr, 1) if sbr is not None else "",
        relationship=_el(sbr, 2) if sbr is not None else "",
        filing_indicator=_el(sbr, 9) if sbr is not None else "",
        payer_name=name,
        payer_id=id_,
        subscriber=sub,
        group_number=_el(sbr, 3) if sbr is not None else "",
        group_name=_el(sbr, 4) if sbr is not None else "",
        adjustments=adjustments,
        paid=amounts.get("D"),
        non_covered=amounts.get("A8"),
        remaining_patient_liability=amounts.get("EAF"),
        benefits_assigned=_el(oi, 3) if oi is not None else "",
        release_of_information=_el(oi, 6) if oi is not None else "",
        remark_codes=[r for r in (_el(moa, i) for i in range(3, 8)) if r] if moa else [],
        adjudicated_on=adjudicated,
        payer_claim_control_number=control,
    )


def read_adjudication(loop: LoopNode, comp: str) -> LineAdjudication:
    """A 2430 loop: SVD (payer, paid, procedure as adjudicated, paid units), CAS,
    DTP*573, AMT*EAF."""
    svd = loop.first("SVD")
    els = [*svd.segment.elements, "", "", "", "", ""] if svd is not None else [""] * 6
    proc = els[2].split(comp) if els[2] else [""]
    adjustments = [
        a
        for s in loop.children
        if isinstance(s, SegNode) and s.segment.id == "CAS"
        for a in _cas(s)
    ]
    return LineAdjudication(
        payer_id=els[0],
        paid=decimal_or_none(els[1]) or Decimal(0),
        procedure=proc[1] if len(proc) > 1 else "",
        adjudicated_on=_dated(loop) or "",
        modifiers=[m for m in proc[2:6] if m],
        qualifier=proc[0],
        units=decimal_or_none(els[4]) if els[4] else None,
        adjustments=adjustments,
        remaining_patient_liability=_amounts(loop).get("EAF"),
    )


# -- writing ---------------------------------------------------------------------------

Seg = Callable[..., Segment]


def _money(value: Decimal | None, where: str) -> Decimal:
    try:
        return parse_money(value, what=where)
    except MoneyError as exc:
        raise X12Error(str(exc)) from exc


def _d8(value: str | None, where: str) -> str:
    v = (value or "").replace("-", "")
    if len(v) != 8 or not v.isdigit():
        raise X12Error(f"{where} {value!r} is not a date (YYYY-MM-DD)")
    return v


def _cas_segments(seg: Seg, adjustments: list[Adjustment], where: str) -> list[Segment]:
    """CAS segments: one per group code (in order of first use), six triples each."""
    groups: dict[str, list[Adjustment]] = {}
    for a in adjustments:
        if not a.group.strip() or not a.reason.strip():
            raise X12Error(f"{where}: every adjustment needs a group and a reason")
        groups.setdefault(a.group.strip(), []).append(a)
    out: list[Segment] = []
    for group, items in groups.items():
        for start in range(0, len(items), _TRIPLES):
            triples: list[str] = []
            for a in items[start : start + _TRIPLES]:
                qty = "" if a.quantity is None else format(a.quantity.normalize(), "f")
                triples += [a.reason.strip(), format_money(_money(a.amount, where)), qty]
            out.append(seg("CAS", group, *triples))
    if len(out) > _CAS_REPEAT:
        raise X12Error(f"{where}: at most {_CAS_REPEAT} CAS segments (group codes) per loop")
    return out


def other_payer_segments(seg: Seg, o: OtherPayer, where: str) -> list[Segment]:
    """2320 (SBR, CAS, AMT*D, AMT*A8, AMT*EAF, OI, MOA), 2330A (NM1*IL, N3, N4) and
    2330B (NM1*PR, DTP*573, REF*F8)."""
    resp = o.responsibility.strip()
    if not resp:
        raise X12Error(f"{where}.responsibility is required")
    out = [
        seg(
            "SBR",
            resp,
            o.relationship.strip() or "18",
            o.group_number.strip(),
            o.group_name.strip(),
            "",
            "",
            "",
            "",
            o.filing_indicator.strip() or "CI",
        ),
        *_cas_segments(seg, o.adjustments, f"{where}.adjustments"),
    ]
    for qual, amount, name in (
        ("D", o.paid, "paid"),
        ("A8", o.non_covered, "non_covered"),
        ("EAF", o.remaining_patient_liability, "remaining_patient_liability"),
    ):
        if amount is not None:
            out.append(seg("AMT", qual, format_money(_money(amount, f"{where}.{name}"))))
    out.append(
        seg("OI", "", "", o.benefits_assigned or "Y", "", "", o.release_of_information or "Y")
    )
    if o.remark_codes:
        if len(o.remark_codes) > 5:
            raise X12Error(f"{where}.remark_codes: at most 5 (MOA03-MOA07)")
        out.append(seg("MOA", "", "", *o.remark_codes))
    s = o.subscriber
    if not s.last_name.strip():
        raise X12Error(f"{where}.subscriber.last_name is required")
    member = s.member_id.strip()
    if not member:
        raise X12Error(f"{where}.subscriber.member_id is required")
    out.append(
        seg(
            "NM1",
            "IL",
            "1",
            s.last_name.strip(),
            s.first_name.strip(),
            s.middle_name.strip(),
            "",
            "",
            "MI",
            member,
        )
    )
    if s.address_line1.strip():
        out.append(seg("N3", s.address_line1.strip(), s.address_line2.strip()))
        out.append(seg("N4", s.city.strip(), s.state.strip(), s.zip.strip().replace("-", "")))
    if not o.payer_name.strip():
        raise X12Error(f"{where}.payer_name is required")
    if not o.payer_id.strip():
        raise X12Error(f"{where}.payer_id is required")
    out.append(
        seg("NM1", "PR", "2", o.payer_name.strip(), "", "", "", "", "PI", o.payer_id.strip())
    )
    if o.adjudicated_on:
        out.append(seg("DTP", "573", "D8", _d8(o.adjudicated_on, f"{where}.adjudicated_on")))
    if o.payer_claim_control_number.strip():
        out.append(seg("REF", "F8", o.payer_claim_control_number.strip()))
    return out


def adjudication_segments(seg: Seg, a: LineAdjudication, where: str) -> list[Segment]:
    """2430: SVD (SVD01 payer, SVD02 paid, SVD03 procedure as adjudicated, SVD05 paid
    units), CAS, DTP*573 (required), AMT*EAF."""
    if not a.payer_id.strip():
        raise X12Error(f"{where}.payer_id is required")
    if not a.procedure.strip():
        raise X12Error(f"{where}.procedure is required")
    units = a.units if a.units is not None else Decimal(1)
    out = [
        seg(
            "SVD",
            a.payer_id.strip(),
            format_money(_money(a.paid, f"{where}.paid")),
            (a.qualifier.strip() or "HC", a.procedure.strip(), *(m.strip() for m in a.modifiers)),
            "",
            format_money(_money(units, f"{where}.units")),
        ),
        *_cas_segments(seg, a.adjustments, f"{where}.adjustments"),
        seg("DTP", "573", "D8", _d8(a.adjudicated_on, f"{where}.adjudicated_on")),
    ]
    if a.remaining_patient_liability is not None:
        eaf = _money(a.remaining_patient_liability, f"{where}.remaining_patient_liability")
        out.append(seg("AMT", "EAF", format_money(eaf)))
    return out


def _total(adjustments: list[Adjustment]) -> Decimal:
    return sum((a.amount for a in adjustments), Decimal(0))


def check_balance(
    claim_charge: Decimal,
    others: list[OtherPayer],
    lines: list[tuple[Decimal, list[LineAdjudication]]],
    where: str,
) -> None:
    """Refuse (``X12Error``) a claim whose prior payers' amounts do not balance, naming
    the claim or line and the difference (005010X222A1 2320 and 2430 notes):

    * each 2430: SV102 line charge = SVD02 paid + Σ its CAS amounts;
    * each 2320 with AMT*D: CLM02 claim charge = AMT*D + Σ 2320 CAS + Σ 2430 CAS of the
      lines that payer adjudicated (SVD01 = its 2330B NM109).
    """
    line_adjustments: dict[str, Decimal] = {}
    for i, (charge, adjudications) in enumerate(lines):
        for j, a in enumerate(adjudications):
            adjusted = _total(a.adjustments)
            diff = charge - a.paid - adjusted
            if diff:
                raise X12Error(
                    f"{where}.lines[{i}].adjudications[{j}] ({a.payer_id}) does not balance: "
                    f"line charge {format_money(charge)} - paid {format_money(a.paid)} "
                    f"- adjustments {format_money(adjusted)} = {format_money(diff)}, not 0.00"
                )
            key = a.payer_id.strip()
            line_adjustments[key] = line_adjustments.get(key, Decimal(0)) + adjusted
    for k, o in enumerate(others):
        if o.paid is None:
            continue
        claim_level = _total(o.adjustments)
        at_lines = line_adjustments.get(o.payer_id.strip(), Decimal(0))
        diff = claim_charge - o.paid - claim_level - at_lines
        if diff:
            raise X12Error(
                f"{where}.other_payers[{k}] ({o.payer_id}) does not balance: claim charge "
                f"{format_money(claim_charge)} - paid {format_money(o.paid)} - claim "
                f"adjustments {format_money(claim_level)} - line adjustments "
                f"{format_money(at_lines)} = {format_money(diff)}, not 0.00"
            )
