"""Paper claims from the X12 engine's 837P view (:class:`~cleanclaim.x12.x222a1_837p.view.Claim`).

The app's claims become 837P view claims, so whatever can be sent as an 837P can be
printed on a CMS-1500 too. The mapping, item by item, follows the crosswalk in the NUCC
manual (each item's "5010A1" reference):

====  ==============================================================
1     SBR09 claim filing indicator (MB/MA Medicare, MC Medicaid, CH TRICARE, VA CHAMPVA,
      WC … other; the commercial and managed-care codes: group health plan)
1a    2010BA NM109 subscriber's member ID
2, 3  2010CA (or 2010BA when the patient is the subscriber) NM1 name, DMG birth date, sex
4, 7  2010BA subscriber's name and N3/N4 address; 11a its DMG
5     the patient's N3/N4
6     PAT01 / SBR02 individual relationship code (18 self, 01 spouse, 19 child)
11    SBR03 group number; 11c 2010BB payer name
17    2310A referring provider (qualifier DN), 17b its NPI
21    HI diagnoses, ICD Ind. 0 (ABK/ABF) or 9 (BK/BF)
22    CLM05-3 frequency 7/8 and REF*F8 payer claim control number
23    REF*G1 prior authorization
24    2400 SV1/DTP*472/2410 LIN (NDC) and CTP (unit, quantity)/2420A NPI (else 2310B rendering NPI)
25    2010AA REF*EI (EIN) or REF*SY (SSN)
9     2330A other subscriber's NM1 name (the first 2320 loop: the payer billed before)
9a    2320 SBR03 other insured's group number (else the 2330A NM109 member ID: "policy
      or group number")
9d    2320 SBR04 plan name (else the 2330B NM103 other payer's name)
11d   YES when the claim has a 2320 loop (another health benefit plan), else NO
29    the sum of the 2320 AMT*D paid amounts: "the total amount the patient and/or
      other payers paid on the covered services only" (the manual, item 29)
26    CLM01 patient control number; 27 CLM07 (A, B: yes; C: no); 28 CLM02
33    2010AA billing provider name, N3/N4, NPI
====  ==============================================================

The 837P view does not read the service facility (2310C: item 32), the onset date
(DTP*431: item 14), related causes (CLM11: item 10) or the billing provider's telephone,
so those items stay blank on paper claims made here.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from ..x12.x222a1_837p import OtherPayer
from ..x12.x222a1_837p.view import Address as X12Address
from ..x12.x222a1_837p.view import Claim, Person, ServiceLine
from .claim import DIAGNOSIS_LETTERS, Address, Cms1500Claim, Cms1500Error, Cms1500Line

__all__ = ["from_837p"]

#: SBR09 → item 1.
_INSURANCE = {
    "MB": "medicare",
    "MA": "medicare",
    "MC": "medicaid",
    "CH": "tricare",
    "VA": "champva",
}
_GROUP = {"12", "13", "14", "15", "16", "17", "BL", "CI", "DS", "FI", "HM", "LM", "PO", "PP"}
#: PAT01 / SBR02 individual relationship code → item 6.
_RELATIONSHIP = {"18": "self", "01": "spouse", "19": "child"}


def _date(text: str | None, box: str, problems: list[tuple[str, str]]) -> dt.date | None:
    if not text:
        return None
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        problems.append((box, f"{text!r} is not a date"))
        return None


def _name(p: Person) -> str:
    """``LAST, FIRST, M`` (the manual, items 2 and 4)."""
    parts = [p.last_name or p.name, p.first_name, p.middle_name[:1]]
    return ", ".join(x for x in parts if x)


def _address(a: X12Address | None) -> Address:
    if a is None:
        return Address()
    return Address(
        street=" ".join(x for x in (a.line1, a.line2) if x), city=a.city, state=a.state, zip=a.zip
    )


def _sex(s: str) -> str:
    return s if s in ("M", "F") else ""


def _line(line: ServiceLine, claim: Claim, problems: list[tuple[str, str]]) -> Cms1500Line | None:
    start = _date(line.service_date, "24A", problems)
    if start is None:
        problems.append(("24A", f"line {line.number} has no date of service"))
        return None
    if line.charge is None:
        problems.append(("24F", f"line {line.number} has no charge"))
        return None
    pointers = "".join(
        DIAGNOSIS_LETTERS[p - 1] if 1 <= p <= len(DIAGNOSIS_LETTERS) else "?"
        for p in line.dx_pointers
    )
    rendering = line.rendering_npi or (
        claim.rendering_provider.npi if claim.rendering_provider is not None else ""
    )
    return Cms1500Line(
        date_from=start,
        date_to=_date(line.service_date_end, "24A", problems),
        place_of_service=line.place_of_service or claim.place_of_service,
        procedure=line.procedure,
        modifiers=tuple(line.modifiers),
        pointers=pointers,
        charge=line.charge,
        units=line.units if line.units is not None else Decimal(1),
        rendering_npi=rendering,
        ndc=line.ndc,
        ndc_unit=line.ndc_unit if line.ndc else "",
        ndc_quantity=line.ndc_quantity if line.ndc else None,
    )


def _other_name(other: OtherPayer) -> str:
    """Item 9: ``LAST, FIRST, MIDDLE INITIAL`` of the 2330A other subscriber."""
    s = other.subscriber
    parts = [p for p in (s.last_name, s.first_name, s.middle_name[:1]) if p]
    return ", ".join(parts)


def from_837p(claim: Claim) -> Cms1500Claim:
    """The paper claim of one 837P view claim; :class:`Cms1500Error` (naming the box and
    the claim) when a value the form needs cannot be read."""
    problems: list[tuple[str, str]] = [
        ("", f"837P segment {at}: {note}") for at, note in claim.notes
    ]
    patient, subscriber = claim.patient, claim.subscriber
    filing = claim.filing_indicator
    insurance = _INSURANCE.get(filing, "group" if filing in _GROUP else "other")
    lines = [ln for ln in (_line(x, claim, problems) for x in claim.lines) if ln is not None]
    icd9 = any(q in ("BK", "BF") for q in claim.diagnosis_qualifiers)
    referring = claim.referring_provider
    billing = claim.billing_provider
    frequency = claim.frequency_code if claim.frequency_code in ("7", "8") else ""
    other = claim.other_payers[0] if claim.other_payers else None
    paid = [o.paid for o in claim.other_payers if o.paid is not None]
    result = Cms1500Claim(
        insurance_type=insurance,
        insured_id=subscriber.member_id,
        patient_name=_name(patient),
        patient_birth_date=_date(patient.dob, "3", problems),
        patient_sex=_sex(patient.sex),
        insured_name=_name(subscriber),
        patient_address=_address(patient.address),
        relationship=_RELATIONSHIP.get(patient.relationship, "other"),
        insured_address=_address(subscriber.address),
        insured_group=claim.group_number,
        insured_birth_date=_date(subscriber.dob, "11a", problems),
        insured_sex=_sex(subscriber.sex),
        insured_plan=claim.payer.name,
        other_insured_name=_other_name(other) if other is not None else "",
        other_insured_policy=(other.group_number or other.subscriber.member_id) if other else "",
        other_insured_plan=(other.group_name or other.payer_name) if other else "",
        another_plan=True if other is not None else None,
        amount_paid=sum(paid, Decimal(0)) if paid else None,
        referring_qualifier="DN" if referring is not None and referring.name else "",
        referring_name=referring.name if referring is not None else "",
        referring_npi=referring.npi if referring is not None else "",
        icd_indicator="9" if icd9 else "0",
        diagnoses=tuple(claim.diagnoses),
        resubmission_code=frequency,
        original_reference=claim.payer_claim_control_number if frequency else "",
        prior_authorization=claim.prior_authorization,
        lines=tuple(lines),
        tax_id=billing.tax_id.replace("-", ""),
        tax_id_is_ssn=billing.tax_id_type == "ssn",
        patient_account=claim.claim_id,
        accept_assignment={"A": True, "B": True, "C": False}.get(claim.assignment),
        billing_name=billing.name,
        billing_address=_address(billing.address),
        billing_npi=billing.npi,
        payer_name=claim.payer.name,
        total=claim.total_charge,
    )
    if problems:
        raise Cms1500Error(problems, claim.claim_id)
    return result
