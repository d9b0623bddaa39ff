"""The convenient view of 837P claims: plain dataclasses with Decimal money.

:func:`claims` flattens an 837P's placed loop tree
(:class:`~.parsing.Transaction837P`) into one :class:`Claim` per 2300 loop,
carrying what a biller (or the scrubber) needs: who bills, who is covered, who
is the patient, which payer, the diagnoses (with dots) and the lines. It is what
the JSON view shows.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from ...money import read_amount as decimal_or_none
from ..guidekit.tree import LoopNode, SegNode
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
    procedure: str
    modifiers: list[str]
    charge: Decimal | None
    units: Decimal | None
    dx_pointers: list[int]
    service_date: str | None
    service_date_end: str | None = None
    unit_code: str = "UN"
    place_of_service: str = ""
    ndc: str = ""


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


def _address(n3: SegNode | None, n4: SegNode | None) -> Address | None:
    if n3 is None and n4 is None:
        return None
    a = Address()
    if n3 is not None:
        a.line1, a.line2 = n3.get(1), n3.get(2)
    if n4 is not None:
        a.city, a.state, a.zip, a.country = n4.get(1), n4.get(2), n4.get(3), n4.get(4)
    return a


def _name(nm1: SegNode) -> str:
    """NM103 (organisation or last name), ``LAST, FIRST`` for a person (NM102 ``1``)."""
    if nm1.get(2) == "1" and nm1.get(4):
        return f"{nm1.get(3)}, {nm1.get(4)}"
    return nm1.get(3)


def _party(nm1: SegNode | None, n3: SegNode | None = None, n4: SegNode | None = None) -> Party:
    if nm1 is None:
        return Party()
    person = nm1.get(2) == "1"
    return Party(
        npi=nm1.get(9) if nm1.get(8) == "XX" else "",
        name=_name(nm1),
        last_name=nm1.get(3) if person else "",
        first_name=nm1.get(4) if person else "",
        entity_type="person" if person else "organization",
        address=_address(n3, n4),
    )


def _person(loop: LoopNode | None) -> Person:
    """A subscriber (2010BA) or patient (2010CA): NM1, N3/N4 address, DMG."""
    p = Person()
    if loop is None:
        return p
    nm1 = loop.first("NM1")
    if nm1 is not None:
        p.name = _name(nm1)
        p.last_name, p.first_name, p.middle_name = nm1.get(3), nm1.get(4), nm1.get(5)
        p.member_id = nm1.get(9)
    dmg = loop.first("DMG")
    if dmg is not None:
        p.dob = _iso(dmg.get(2)) if dmg.get(1) == "D8" else None
        p.sex = dmg.get(3)
    p.address = _address(loop.first("N3"), loop.first("N4"))
    return p


def _parts(node: SegNode, n: int, comp: str) -> list[str]:
    value = node.get(n)
    return value.split(comp) if value else []


def _part(parts: list[str], c: int) -> str:
    return parts[c - 1] if c <= len(parts) else ""


def _line(line: LoopNode, pos: str, comp: str) -> ServiceLine:
    """One 2400 loop: SV1 (procedure SV101-2, modifiers SV101-3..6, charge SV102, unit
    SV103, units SV104, place SV105, pointers SV107), DTP*472, the NDC of 2410 LIN03.

    Runs once per line of a large file: the line's children are read in one pass."""
    start = end = None
    sv1: SegNode | None = None
    drug: LoopNode | None = None
    dated = False
    for child in line.children:
        if isinstance(child, LoopNode):
            if drug is None and child.spec.id == "2410":
                drug = child
            continue
        sid = child.segment.id
        if sid == "SV1":
            if sv1 is None:
                sv1 = child
        elif sid == "DTP" and not dated and child.get(1) == "472":
            dated = True
            if child.get(2) == "RD8":
                a, _, b = child.get(3).partition("-")
                start, end = _iso(a), _iso(b)
            else:
                start = _iso(child.get(3))
    if sv1 is None:
        return ServiceLine("", [], None, None, [], start, end)
    els = sv1.segment.elements
    proc = els[0].split(comp) if els and els[0] else []
    ptrs = sv1.get(7)
    pointers = [int(p) for p in ptrs.split(comp) if p.isdecimal()] if ptrs else []
    lin = drug.first("LIN") if drug is not None else None
    return ServiceLine(
        procedure=_part(proc, 2),
        modifiers=[m for m in proc[2:6] if m],
        charge=decimal_or_none(sv1.get(2)),
        units=decimal_or_none(sv1.get(4)),
        dx_pointers=pointers,
        service_date=start,
        service_date_end=end,
        unit_code=sv1.get(3),
        place_of_service=sv1.get(5) or pos,
        ndc=lin.get(3) if lin is not None else "",
    )


def _claim(
    sub: LoopNode, pat: LoopNode | None, claim: LoopNode, billing: Party, comp: str
) -> Claim:
    clm: SegNode | None = None
    his: list[SegNode] = []
    refs: dict[str, str] = {}
    providers: list[LoopNode] = []
    lines: list[LoopNode] = []
    for child in claim.children:  # one pass over the claim's children
        if isinstance(child, LoopNode):
            if child.spec.id == "2400":
                lines.append(child)
            elif child.spec.id == "2310B":
                providers.append(child)
            continue
        sid = child.segment.id
        if sid == "HI":
            his.append(child)
        elif sid == "REF":
            refs[child.get(1)] = child.get(2)
        elif sid == "CLM" and clm is None:
            clm = child
    assert clm is not None
    sbr = sub.first("SBR")
    subscriber = _person(next(sub.loops("2010BA"), None))
    subscriber.relationship = sbr.get(2) if sbr else ""
    if pat is not None and next(pat.loops("2010CA"), None) is not None:
        patient = _person(next(pat.loops("2010CA")))
        patient.member_id = patient.member_id or subscriber.member_id
        pat_seg = pat.first("PAT")
        patient.relationship = pat_seg.get(1) if pat_seg else ""
    else:
        patient = Person(**{k: getattr(subscriber, k) for k in Person.__slots__})
        patient.relationship = "18"
    payer = Payer()
    payer_loop = next(sub.loops("2010BB"), None)
    payer_nm1 = payer_loop.first("NM1") if payer_loop is not None else None
    if payer_nm1 is not None:
        payer = Payer(payer_nm1.get(3), payer_nm1.get(9))
    rendering = None
    for prov in providers:
        rendering = _party(prov.first("NM1"))
        prv = prov.first("PRV")
        if prv is not None:
            rendering.taxonomy = prv.get(3)
    dx: list[str] = []
    for hi in his:
        for value in hi.segment.elements[:12]:
            if value:
                parts = value.split(comp)
                qual = parts[0]
                if qual in ("ABK", "ABF", "BK", "BF"):
                    dx.append(dx_with_dot(_part(parts, 2), qual))
    loc = _parts(clm, 5, comp)
    pos = _part(loc, 1)
    return Claim(
        claim_id=clm.get(1),
        total_charge=decimal_or_none(clm.get(2)),
        frequency_code=_part(loc, 3),
        place_of_service=pos,
        diagnoses=dx,
        billing_provider=billing,
        rendering_provider=rendering,
        subscriber=subscriber,
        patient=patient,
        payer=payer,
        lines=[_line(line, pos, comp) for line in lines],
        payer_responsibility=sbr.get(1) if sbr else "",
        filing_indicator=sbr.get(9) if sbr else "",
        group_number=sbr.get(3) if sbr else "",
        payer_claim_control_number=refs.get("F8", ""),
        prior_authorization=refs.get("G1", ""),
        position=clm.segment.position,
    )


def _billing(bp: LoopNode) -> Party:
    name = next(bp.loops("2010AA"), None)
    if name is None:
        return Party()
    party = _party(name.first("NM1"), name.first("N3"), name.first("N4"))
    for ref in name.segments("REF"):
        if ref.get(1) in ("EI", "SY"):
            party.tax_id = ref.get(2)
    prv = bp.first("PRV")
    if prv is not None:
        party.taxonomy = prv.get(3)
    return party


def claims(tx: Transaction837P) -> list[Claim]:
    """Every claim of the transaction, in file order."""
    comp = tx.delimiters.component
    out: list[Claim] = []
    for bp in tx.tree.loops("2000A"):
        billing = _billing(bp)
        for sub in bp.loops("2000B"):
            for claim in sub.loops("2300"):
                out.append(_claim(sub, None, claim, billing, comp))
            for pat in sub.loops("2000C"):
                for claim in pat.loops("2300"):
                    out.append(_claim(sub, pat, claim, billing, comp))
    return out
