"""The convenient view of 837P claims: plain dataclasses with Decimal money.

:func:`claims` flattens a :class:`~.loops.Transaction837P` into one
:class:`Claim` per 2300 loop, carrying what a biller (or the scrubber) needs:
who bills, who is covered, who is the patient, which payer, the diagnoses
(with dots) and the lines. It is what the JSON view shows and what the writer
builds from when the JSON has no raw segments.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from ...money import read_amount
from .loops import Loop2000A, Loop2000B, Loop2000C, Loop2300, Loop2400, Transaction837P
from .segments import DMG, N3, N4, NM1

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


def _address(n3: N3 | None, n4: N4 | None) -> Address | None:
    if n3 is None and n4 is None:
        return None
    a = Address()
    if n3 is not None:
        a.line1, a.line2 = n3.address_information, n3.address_information_2
    if n4 is not None:
        a.city, a.state = n4.city_name, n4.state_or_province_code
        a.zip, a.country = n4.postal_code, n4.country_code
    return a


def _name(nm1: NM1) -> str:
    if nm1.entity_type_qualifier == "1" and nm1.name_first:
        return f"{nm1.name_last_or_organization_name}, {nm1.name_first}"
    return nm1.name_last_or_organization_name


def _party(nm1: NM1 | None, n3: N3 | None = None, n4: N4 | None = None) -> Party:
    if nm1 is None:
        return Party()
    person = nm1.entity_type_qualifier == "1"
    return Party(
        npi=nm1.identification_code if nm1.identification_code_qualifier == "XX" else "",
        name=_name(nm1),
        last_name=nm1.name_last_or_organization_name if person else "",
        first_name=nm1.name_first if person else "",
        entity_type="person" if person else "organization",
        address=_address(n3, n4),
    )


def _person(nm1: NM1 | None, dmg: DMG | None, n3: N3 | None, n4: N4 | None) -> Person:
    p = Person()
    if nm1 is not None:
        p.name = _name(nm1)
        p.last_name = nm1.name_last_or_organization_name
        p.first_name = nm1.name_first
        p.middle_name = nm1.name_middle
        p.member_id = nm1.identification_code
    if dmg is not None:
        p.dob = (
            _iso(dmg.date_time_period) if dmg.date_time_period_format_qualifier == "D8" else None
        )
        p.sex = dmg.gender_code
    p.address = _address(n3, n4)
    return p


def _line(line: Loop2400, pos: str) -> ServiceLine:
    sv1 = line.sv1
    start = end = None
    for dtp in line.dtp:
        if dtp.date_time_qualifier == "472":
            if dtp.date_time_period_format_qualifier == "RD8":
                a, _, b = dtp.date_time_period.partition("-")
                start, end = _iso(a), _iso(b)
            else:
                start = _iso(dtp.date_time_period)
            break
    if sv1 is None:
        return ServiceLine("", [], None, None, [], start, end)
    pointers = [int(p) for p in sv1.composite_diagnosis_code_pointer if p.isdigit()]
    return ServiceLine(
        procedure=sv1.procedure_code,
        modifiers=sv1.modifiers,
        charge=sv1.charge,
        units=read_amount(sv1.quantity),
        dx_pointers=pointers,
        service_date=start,
        service_date_end=end,
        unit_code=sv1.unit_or_basis_for_measurement_code,
        place_of_service=sv1.facility_code_value or pos,
        ndc=line.drug.lin.product_service_id if line.drug and line.drug.lin else "",
    )


def _claim(
    bp: Loop2000A, sub: Loop2000B, pat: Loop2000C | None, claim: Loop2300, billing: Party
) -> Claim:
    clm = claim.clm
    assert clm is not None
    sub_name = sub.subscriber
    subscriber = _person(
        sub_name.nm1 if sub_name else None,
        sub_name.dmg if sub_name else None,
        sub_name.n3 if sub_name else None,
        sub_name.n4 if sub_name else None,
    )
    subscriber.relationship = sub.sbr.individual_relationship_code if sub.sbr else ""
    if pat is not None and pat.patient is not None:
        patient = _person(pat.patient.nm1, pat.patient.dmg, pat.patient.n3, pat.patient.n4)
        patient.member_id = patient.member_id or subscriber.member_id
        patient.relationship = pat.pat.individual_relationship_code if pat.pat else ""
    else:
        patient = Person(**{k: getattr(subscriber, k) for k in Person.__slots__})
        patient.relationship = "18"
    payer = Payer()
    if sub.payer is not None and sub.payer.nm1 is not None:
        payer = Payer(
            sub.payer.nm1.name_last_or_organization_name, sub.payer.nm1.identification_code
        )
    rendering = None
    for prov in claim.providers:
        if prov.LOOP_ID == "2310B":
            rendering = _party(prov.nm1)
            if prov.prv is not None:
                rendering.taxonomy = prov.prv.reference_identification
    dx: list[str] = []
    for hi in claim.hi:
        for qual, code in hi.codes():
            if qual in ("ABK", "ABF", "BK", "BF"):
                dx.append(dx_with_dot(code, qual))
    refs = {r.reference_identification_qualifier: r.reference_identification for r in claim.ref}
    pos = clm.place_of_service
    return Claim(
        claim_id=clm.claim_submitters_identifier,
        total_charge=clm.total_charge,
        frequency_code=clm.frequency_code,
        place_of_service=pos,
        diagnoses=dx,
        billing_provider=billing,
        rendering_provider=rendering,
        subscriber=subscriber,
        patient=patient,
        payer=payer,
        lines=[_line(line, pos) for line in claim.lines],
        payer_responsibility=sub.sbr.payer_responsibility_sequence_number_code if sub.sbr else "",
        filing_indicator=sub.sbr.claim_filing_indicator_code if sub.sbr else "",
        group_number=sub.sbr.reference_identification if sub.sbr else "",
        payer_claim_control_number=refs.get("F8", ""),
        prior_authorization=refs.get("G1", ""),
        position=clm.position,
    )


def _billing(bp: Loop2000A) -> Party:
    name = bp.billing_provider
    if name is None:
        return Party()
    party = _party(name.nm1, name.n3, name.n4)
    for ref in name.ref:
        if ref.reference_identification_qualifier in ("EI", "SY"):
            party.tax_id = ref.reference_identification
    if bp.prv is not None:
        party.taxonomy = bp.prv.reference_identification
    return party


def claims(tx: Transaction837P) -> list[Claim]:
    """Every claim of the transaction, in file order."""
    out: list[Claim] = []
    for bp in tx.billing_providers:
        billing = _billing(bp)
        for sub in bp.subscribers:
            for claim in sub.claims:
                if claim.clm is not None:
                    out.append(_claim(bp, sub, None, claim, billing))
            for pat in sub.patients:
                for claim in pat.claims:
                    if claim.clm is not None:
                        out.append(_claim(bp, sub, pat, claim, billing))
    return out
