"""The convenient view of 837P claims: plain dataclasses with Decimal money.

:func:`claims` flattens an 837P's placed loop tree
(:class:`~.parsing.Transaction837P`) into one :class:`Claim` per 2300 loop,
carrying what a biller (or the scrubber) needs: who bills, who is covered, who
is the patient, which payer, the diagnoses (with dots) and the lines. It is what
the JSON view shows, and what the scrubber reads (``cleanclaim.edits.x12_adapter``).

It is built in one pass over the tree: each 2000A, 2000B and 2000C loop is read
once for every claim under it, each 2300 and 2400 loop once. Each claim keeps its
2300 loop (:attr:`Claim.loop`), so whatever is said about one of the placed
segments can be traced to the claim through the tree, and notes the values it
could not read (:attr:`Claim.notes`: a composite that ignores the ISA16 component
separator, an amount or a date that does not parse).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal
from functools import lru_cache

from ...money import read_amount as decimal_or_none
from ..guidekit.tree import LoopNode, SegNode
from .other_payers import LineAdjudication, OtherPayer, read_adjudication, read_other_payer
from .parsing import Transaction837P

__all__ = [
    "Address",
    "Claim",
    "Party",
    "Payer",
    "Person",
    "ServiceLine",
    "claims",
    "dx_with_dot",
]

#: HI qualifiers of a diagnosis: ICD-10-CM (ABK principal, ABF other) and ICD-9-CM (BK, BF).
DX_QUALIFIERS = frozenset({"ABK", "ABF", "BK", "BF"})


def dx_with_dot(code: str, qualifier: str = "ABK") -> str:
    """``E119`` → ``E11.9``. ICD-10-CM puts the dot after 3 characters; ICD-9-CM (BK/BF)
    after 3, or 4 for E codes."""
    if not code or "." in code:
        return code
    at = 4 if qualifier in ("BK", "BF") and code.startswith("E") else 3
    return code if len(code) <= at else f"{code[:at]}.{code[at:]}"


def _iso(d8: str) -> str | None:
    if len(d8) == 8 and d8.isdigit():
        return f"{d8[:4]}-{d8[4:6]}-{d8[6:]}"
    return d8 or None


@lru_cache(maxsize=4096)
def _is_date(d8: str) -> bool:
    """A DTP ``D8`` value (CCYYMMDD) that is a calendar date (dates repeat: cached)."""
    if len(d8) != 8 or not d8.isdigit():
        return False
    try:
        dt.date(int(d8[:4]), int(d8[4:6]), int(d8[6:]))
    except ValueError:
        return False
    return True


@dataclass(slots=True)
class Address:
    line1: str = ""
    line2: str = ""
    city: str = ""
    state: str = ""
    zip: str = ""
    country: str = ""


@dataclass(slots=True)
class Party:
    """A provider: NPI, name (organisation name or ``LAST, FIRST``), address."""

    npi: str = ""
    name: str = ""
    last_name: str = ""
    first_name: str = ""
    entity_type: str = ""  # "person" | "organization"
    address: Address | None = None
    tax_id: str = ""
    taxonomy: str = ""
    #: ``"ssn"`` when the tax ID is a Social Security number (2010AA REF01 ``SY``),
    #: ``""`` for an employer's ID (REF01 ``EI``)
    tax_id_type: str = ""


@dataclass(slots=True)
class Person:
    """A subscriber or patient."""

    name: str = ""
    last_name: str = ""
    first_name: str = ""
    middle_name: str = ""
    dob: str | None = None
    sex: str = ""
    member_id: str = ""
    address: Address | None = None
    relationship: str = ""


@dataclass(slots=True)
class Payer:
    name: str = ""
    id: str = ""


@dataclass(slots=True)
class ServiceLine:
    """One 2400 loop. ``dx_pointers`` are SV107's numeric pointers; ``raw_pointers``
    all of SV107's components as written when some are not numeric."""

    procedure: str
    modifiers: list[str]
    charge: Decimal | None
    units: Decimal | None
    dx_pointers: list[int]
    service_date: str | None
    service_date_end: str | None = None
    unit_code: str = "UN"
    place_of_service: str = ""
    ndc: str = ""  # 2410 LIN03 (LIN02 N4), 11 digits
    ndc_quantity: Decimal | None = None  # 2410 CTP04
    ndc_unit: str = ""  # 2410 CTP05-1: UN, ML, GR, F2, ME
    number: int = 0  # LX01 (its place among the claim's lines when not a number)
    qualifier: str = ""  # SV101-1 product/service ID qualifier (HC: HCPCS/CPT)
    description: str = ""  # SV101-7
    raw_pointers: list[str] = field(default_factory=list)
    rendering_npi: str = ""  # 2420A NM1*82 NM109 (NM108 XX)
    #: 2430 loops: how each prior payer adjudicated the line (SVD, CAS, DTP*573)
    adjudications: list[LineAdjudication] = field(default_factory=list)


@dataclass(slots=True)
class Claim:
    claim_id: str
    total_charge: Decimal | None
    frequency_code: str
    place_of_service: str
    diagnoses: list[str]
    billing_provider: Party
    rendering_provider: Party | None
    subscriber: Person
    patient: Person
    payer: Payer
    lines: list[ServiceLine] = field(default_factory=list)
    payer_responsibility: str = ""
    filing_indicator: str = ""
    group_number: str = ""
    payer_claim_control_number: str = ""
    prior_authorization: str = ""
    position: int = 0
    #: 2310A referring provider (NM1*DN), when the claim names one
    referring_provider: Party | None = None
    #: the HI qualifier of each diagnosis (ABK/ABF ICD-10-CM, BK/BF ICD-9-CM)
    diagnosis_qualifiers: list[str] = field(default_factory=list)
    #: CLM07 assignment or plan participation code (``A`` assigned, ``B``, ``C``)
    assignment: str = ""
    #: (segment position, what could not be read there), in file order
    notes: list[tuple[int, str]] = field(default_factory=list)
    #: the claim's own 2300 loop in the placed tree (its lines are under it)
    loop: LoopNode | None = field(default=None, repr=False, compare=False)
    #: when a prior payer adjudicated the claim (YYYY-MM-DD): the earliest 2330B
    #: DTP*573 (claim check or remittance date) of its 2320 loops, else the earliest
    #: 2430 DTP*573 (line check or remittance date) of its lines; None when not sent
    other_payer_paid: str | None = None
    #: 2320 loops (with 2330A/2330B): the other payers, and what each paid and adjusted
    other_payers: list[OtherPayer] = field(default_factory=list)


_PAD = ("",) * 12


def _padded(node: SegNode) -> list[str]:
    """A placed segment's elements with at least 12 more empty ones (``e[0]`` is
    element 1), for the segments whose many elements are read."""
    return [*node.segment.elements, *_PAD]


def _address(n3: SegNode | None, n4: SegNode | None) -> Address | None:
    if n3 is None and n4 is None:
        return None
    a = Address()
    if n3 is not None:
        e = _padded(n3)
        a.line1, a.line2 = e[0], e[1]
    if n4 is not None:
        e = _padded(n4)
        a.city, a.state, a.zip, a.country = e[0], e[1], e[2], e[3]
    return a


def _name(nm1: SegNode) -> str:
    """NM103 (organisation or last name), ``LAST, FIRST`` for a person (NM102 ``1``)."""
    e = _padded(nm1)
    if e[1] == "1" and e[3]:
        return f"{e[2]}, {e[3]}"
    return e[2]


def _party(nm1: SegNode | None, n3: SegNode | None = None, n4: SegNode | None = None) -> Party:
    if nm1 is None:
        return Party()
    e = _padded(nm1)
    person = e[1] == "1"
    return Party(
        npi=e[8] if e[7] == "XX" else "",
        name=_name(nm1),
        last_name=e[2] if person else "",
        first_name=e[3] if person else "",
        entity_type="person" if person else "organization",
        address=_address(n3, n4),
    )


def _el(node: SegNode, index: int) -> str:
    """Element ``index`` (1-based) of a placed segment, ``""`` when absent."""
    els = node.segment.elements
    return els[index - 1] if index <= len(els) else ""


def _person(loop: LoopNode | None) -> Person:
    """A subscriber (2010BA) or patient (2010CA): NM1, N3/N4 address, DMG (one pass)."""
    p = Person()
    if loop is None:
        return p
    nm1 = dmg = n3 = n4 = None
    for child in loop.children:
        if isinstance(child, SegNode):
            sid = child.segment.id
            if sid == "NM1":
                nm1 = nm1 or child
            elif sid == "DMG":
                dmg = dmg or child
            elif sid == "N3":
                n3 = n3 or child
            elif sid == "N4":
                n4 = n4 or child
    if nm1 is not None:
        p.name = _name(nm1)
        p.last_name, p.first_name, p.middle_name = _el(nm1, 3), _el(nm1, 4), _el(nm1, 5)
        p.member_id = _el(nm1, 9)
    if dmg is not None:
        p.dob = _iso(_el(dmg, 2)) if _el(dmg, 1) == "D8" else None
        p.sex = _el(dmg, 3)
    if n3 is not None or n4 is not None:
        p.address = _address(n3, n4)
    return p


def _part(parts: list[str], c: int) -> str:
    return parts[c - 1] if c <= len(parts) else ""


def _line(
    line: LoopNode, index: int, pos: str, comp: str, notes: list[tuple[int, str]]
) -> ServiceLine:
    """One 2400 loop: LX01, SV1 (qualifier SV101-1, procedure SV101-2, modifiers
    SV101-3..6, description SV101-7, charge SV102, unit SV103, units SV104, place
    SV105, pointers SV107), DTP*472, the NDC of 2410 LIN03 with its CTP04 quantity
    and CTP05-1 unit, the 2420A rendering NPI.

    Runs once per line of a large file: the line's children are read in one pass."""
    start = end = None
    sv1: SegNode | None = None
    lx: SegNode | None = None
    drug: LoopNode | None = None
    rendering = ""
    dated = False
    adjudications: list[LineAdjudication] = []
    for child in line.children:
        if isinstance(child, LoopNode):
            lid = child.spec.id
            if drug is None and lid == "2410":
                drug = child
            elif lid == "2430":
                adjudications.append(read_adjudication(child, comp))
            elif lid == "2420A" and not rendering:
                nm1 = child.first("NM1")
                if nm1 is not None and _el(nm1, 8) == "XX":
                    rendering = _el(nm1, 9)
            continue
        sid = child.segment.id
        if sid == "SV1":
            if sv1 is None:
                sv1 = child
        elif sid == "LX":
            if lx is None:
                lx = child
        elif sid == "DTP" and not dated and _el(child, 1) == "472":
            dated = True
            value = _el(child, 3)
            if _el(child, 2) == "RD8":
                a, _, b = value.partition("-")
                start, end = _iso(a), _iso(b)
                ok = _is_date(a) and _is_date(b)
            else:
                start = _iso(value)
                ok = _is_date(value)
            if not ok:
                where = child.segment.position
                notes.append((where, f"DTP*472 service date {value!r} is not a date"))
    n = _el(lx, 1) if lx is not None else ""
    number = int(n) if n.isdigit() else index
    if sv1 is None:
        return ServiceLine(
            "", [], None, None, [], start, end, number=number, adjudications=adjudications
        )
    at = sv1.segment.position
    els = sv1.segment.elements
    if len(els) < 7:
        els = [*els, "", "", "", "", "", "", ""]
    sv101 = els[0]
    proc = sv101.split(comp) if sv101 else [""]
    if len(proc) < 2:
        notes.append(
            (
                at,
                f"SV101 {sv101!r} is not qualifier{comp}procedure code "
                f"(the component separator declared in ISA16 is {comp!r})",
            )
        )
    ptrs = els[6]
    raw = [p for p in ptrs.split(comp) if p] if ptrs else []
    pointers = [int(p) for p in raw if p.isdecimal()]
    charge_text = els[1]
    charge = decimal_or_none(charge_text)
    if charge is None:
        notes.append((at, f"SV102 charge {charge_text!r} is not an amount"))
    units_text = els[3]
    units = decimal_or_none(units_text)
    if units is None and units_text:
        notes.append((at, f"SV104 units {units_text!r} are not a number"))
    lin = drug.first("LIN") if drug is not None else None
    ctp = drug.first("CTP") if drug is not None else None
    ndc_qty_text = _el(ctp, 4) if ctp is not None else ""
    ndc_qty = decimal_or_none(ndc_qty_text)
    if ndc_qty is None and ndc_qty_text:
        notes.append((at, f"CTP04 NDC quantity {ndc_qty_text!r} is not a number"))
    return ServiceLine(
        procedure=_part(proc, 2),
        modifiers=[m for m in proc[2:6] if m],
        charge=charge,
        units=units,
        dx_pointers=pointers,
        service_date=start,
        service_date_end=end,
        unit_code=els[2],
        place_of_service=els[4] or pos,
        ndc=_el(lin, 3) if lin is not None else "",
        ndc_quantity=ndc_qty,
        ndc_unit=_part(_el(ctp, 5).split(comp), 1) if ctp is not None else "",
        number=number,
        qualifier=proc[0],
        description=_part(proc, 7),
        raw_pointers=raw if len(pointers) != len(raw) else [],
        rendering_npi=rendering,
        adjudications=adjudications,
    )


@dataclass(slots=True)
class _Level:
    """What the claims under one 2000B (and 2000C) loop share, read once."""

    subscriber: Person
    patient: Person
    payer: Payer
    sbr: SegNode | None


def _subscriber(sub: LoopNode) -> _Level:
    """A 2000B loop: SBR, the subscriber (2010BA), the payer (2010BB); the patient is the
    subscriber (PAT relationship ``18``) until a 2000C says otherwise. One pass."""
    sbr: SegNode | None = None
    name: LoopNode | None = None
    payer_loop: LoopNode | None = None
    for child in sub.children:
        if isinstance(child, SegNode):
            if sbr is None and child.segment.id == "SBR":
                sbr = child
            continue
        lid = child.spec.id
        if lid == "2010BA":
            name = name or child
        elif lid == "2010BB":
            payer_loop = payer_loop or child
    s = _person(name)
    s.relationship = _el(sbr, 2) if sbr is not None else ""
    patient = Person(
        s.name, s.last_name, s.first_name, s.middle_name, s.dob, s.sex, s.member_id, s.address
    )
    patient.relationship = "18"
    payer = Payer()
    payer_nm1 = payer_loop.first("NM1") if payer_loop is not None else None
    if payer_nm1 is not None:
        payer = Payer(_el(payer_nm1, 3), _el(payer_nm1, 9))
    return _Level(s, patient, payer, sbr)


def _patient(level: _Level, pat: LoopNode) -> _Level:
    """A 2000C loop: the patient (2010CA; the subscriber's member ID when it has none)."""
    name = next(pat.loops("2010CA"), None)
    if name is None:
        return level
    patient = _person(name)
    patient.member_id = patient.member_id or level.subscriber.member_id
    pat_seg = pat.first("PAT")
    patient.relationship = pat_seg.get(1) if pat_seg else ""
    return _Level(level.subscriber, patient, level.payer, level.sbr)


def _claim(level: _Level, claim: LoopNode, billing: Party, comp: str) -> Claim:
    """One 2300 loop: CLM (CLM01 id, CLM02 total, CLM05 place/frequency, CLM07
    assignment), REF*F8/G1,
    HI diagnoses, 2310A referring and 2310B rendering provider, its 2400 lines."""
    clm: SegNode | None = None
    his: list[SegNode] = []
    refs: dict[str, str] = {}
    rendering: Party | None = None
    referring: Party | None = None
    lines: list[LoopNode] = []
    others: list[LoopNode] = []
    for child in claim.children:  # one pass over the claim's children
        if isinstance(child, LoopNode):
            lid = child.spec.id
            if lid == "2400":
                lines.append(child)
            elif lid == "2320":
                others.append(child)
            elif lid == "2310A" and referring is None:
                referring = _party(child.first("NM1"))
            elif lid == "2310B":
                rendering = _party(child.first("NM1"))
                prv = child.first("PRV")
                if prv is not None:
                    rendering.taxonomy = prv.get(3)
            continue
        sid = child.segment.id
        if sid == "HI":
            his.append(child)
        elif sid == "REF":
            refs[_el(child, 1)] = _el(child, 2)
        elif sid == "CLM" and clm is None:
            clm = child
    assert clm is not None  # CLM opens the 2300 loop
    notes: list[tuple[int, str]] = []
    at = clm.segment.position
    ce = _padded(clm)
    clm05 = ce[4]
    loc = clm05.split(comp) if clm05 else []
    if len(loc) < 3:
        notes.append(
            (
                at,
                f"CLM05 {clm05!r} is not place of service{comp}B{comp}frequency "
                f"(the component separator declared in ISA16 is {comp!r})",
            )
        )
    total = decimal_or_none(ce[1])
    if total is None:
        notes.append((at, f"CLM02 total charge {ce[1]!r} is not an amount"))
    dx: list[str] = []
    quals: list[str] = []
    for hi in his:
        for value in hi.segment.elements[:12]:
            if not value:
                continue
            parts = value.split(comp)
            qual = parts[0]
            if len(parts) == 1:
                notes.append(
                    (
                        hi.segment.position,
                        f"HI element {value!r} is not qualifier{comp}code (ISA16 is {comp!r})",
                    )
                )
            elif qual in DX_QUALIFIERS and parts[1]:
                dx.append(dx_with_dot(parts[1].strip().upper(), qual))
                quals.append(qual)
    pos = _part(loc, 1)
    sbr = _padded(level.sbr) if level.sbr is not None else _PAD
    read = [_line(line, i, pos, comp, notes) for i, line in enumerate(lines, start=1)]
    if len(notes) > 1:
        notes.sort(key=lambda n: n[0])
    return Claim(
        claim_id=ce[0],
        total_charge=total,
        frequency_code=_part(loc, 3),
        place_of_service=pos,
        diagnoses=dx,
        billing_provider=billing,
        rendering_provider=rendering,
        subscriber=level.subscriber,
        patient=level.patient,
        payer=level.payer,
        lines=read,
        payer_responsibility=sbr[0],
        filing_indicator=sbr[8],
        group_number=sbr[2],
        payer_claim_control_number=refs.get("F8", ""),
        prior_authorization=refs.get("G1", ""),
        position=at,
        referring_provider=referring,
        diagnosis_qualifiers=quals,
        assignment=ce[6],
        notes=notes,
        loop=claim,
        other_payer_paid=_other_payer_paid(others, lines) if others else None,
        other_payers=[read_other_payer(o) for o in others],
    )


def _paid(loop: LoopNode) -> str | None:
    """A loop's DTP*573 D8 date (YYYY-MM-DD), None when absent or not a date."""
    dtp = loop.first("DTP", "573")
    if dtp is None or dtp.get(2) != "D8" or not _is_date(dtp.get(3)):
        return None
    return _iso(dtp.get(3))


def _other_payer_paid(others: list[LoopNode], lines: list[LoopNode]) -> str | None:
    """The earliest prior-payer adjudication date: 2330B DTP*573 under the 2320 loops,
    else 2430 DTP*573 under the lines (the earliest: a deadline counted from it is never
    later than the payer's)."""
    found = [d for o in others for b in o.loops("2330B") if (d := _paid(b))]
    if not found:
        found = [d for ln in lines for a in ln.loops("2430") if (d := _paid(a))]
    return min(found) if found else None


def _billing(bp: LoopNode) -> Party:
    """A 2000A loop: PRV*BI taxonomy (PRV03); its 2010AA NM1 (NPI NM109), N3/N4 address,
    REF*EI/SY tax ID (REF01 ``SY``: an SSN). One pass over each."""
    prv: SegNode | None = None
    name: LoopNode | None = None
    for child in bp.children:
        if isinstance(child, SegNode):
            if prv is None and child.segment.id == "PRV":
                prv = child
        elif name is None and child.spec.id == "2010AA":
            name = child
    if name is None:
        return Party()
    nm1 = n3 = n4 = None
    tax_id = tax_id_type = ""
    for seg in name.children:
        if isinstance(seg, SegNode):
            sid = seg.segment.id
            if sid == "NM1":
                nm1 = nm1 or seg
            elif sid == "N3":
                n3 = n3 or seg
            elif sid == "N4":
                n4 = n4 or seg
            elif sid == "REF" and _el(seg, 1) in ("EI", "SY"):
                tax_id = _el(seg, 2)
                tax_id_type = "ssn" if _el(seg, 1) == "SY" else ""
    party = _party(nm1, n3, n4)
    party.tax_id = tax_id
    party.tax_id_type = tax_id_type
    if prv is not None:
        party.taxonomy = _el(prv, 3)
    return party


def claims(tx: Transaction837P) -> list[Claim]:
    """Every claim of the transaction, in file order (the claims of a subscriber before
    those of its patients, as the guide orders them). The parties of a 2000A, 2000B or
    2000C loop are read once and shared by the claims under it."""
    comp = tx.delimiters.component
    out: list[Claim] = []
    for bp in tx.tree.loops("2000A"):
        billing = _billing(bp)
        for sub in bp.loops("2000B"):
            level = _subscriber(sub)
            for claim in sub.loops("2300"):
                out.append(_claim(level, claim, billing, comp))
            for pat in sub.loops("2000C"):
                patient = _patient(level, pat)
                for claim in pat.loops("2300"):
                    out.append(_claim(patient, claim, billing, comp))
    return out
