"""The neutral claim the scrubber reads: the X12 engine's 837P claim, in rule types.

The claim has one shape, the engine's 837P view claim
(:class:`cleanclaim.x12.x222a1_837p.view.Claim`); these frozen dataclasses are an
explicit view of it, made by one adapter,
:func:`cleanclaim.edits.x12_adapter.from_x12_claim`, whether the claim came in an
837P (:func:`~cleanclaim.edits.x12_adapter.read_837p`) or as the JSON claim form
(:mod:`cleanclaim.edits.json_adapter`). Rules never see X12 segments or Django
models. Money is ``Decimal``; dates are ``datetime.date``; ICD-10-CM codes are in dot
form and in HI order (the order dx pointers count in).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal
from functools import lru_cache

from cleanclaim.codes.model import normalize_icd10cm

__all__ = [
    "PROFILE_BY_FILING_INDICATOR",
    "Address",
    "Patient",
    "Payer",
    "Provider",
    "ScrubClaim",
    "ServiceLine",
    "normalize_dx",
]


# SBR09 claim filing indicator code -> timely-filing / payer-rule profile key (Payer.profile).
PROFILE_BY_FILING_INDICATOR = {
    "MB": "medicare-part-b",
    "MC": "medicaid",
    "CI": "commercial",
    "BL": "commercial",
    "HM": "commercial",
    "12": "commercial",
    "13": "commercial",
    "14": "commercial",
    "15": "commercial",
    "16": "commercial",
    "17": "commercial",
    "DS": "commercial",
    "LM": "commercial",
}


@lru_cache(maxsize=65536)
def normalize_dx(code: str) -> str:
    """:func:`cleanclaim.codes.model.normalize_icd10cm`, memoised (claims repeat codes)."""
    return normalize_icd10cm(code)


@dataclass(frozen=True, slots=True)
class Address:
    line1: str = ""
    line2: str = ""
    city: str = ""
    state: str = ""
    zip: str = ""


@dataclass(frozen=True, slots=True)
class Provider:
    npi: str = ""
    name: str = ""
    address: Address = field(default_factory=Address)
    tax_id: str = ""


@dataclass(frozen=True, slots=True)
class Patient:
    name: str = ""
    dob: dt.date | None = None
    sex: str = ""  # "F", "M", "U" (DMG03)
    member_id: str = ""


@dataclass(frozen=True, slots=True)
class Payer:
    name: str = ""
    id: str = ""
    # Key into the timely-filing and payer-rule tables, e.g. "medicare-part-b".
    # Adapters derive it from SBR09 (claim filing indicator) until payer profiles exist.
    profile: str = ""


@dataclass(frozen=True, slots=True)
class ServiceLine:
    number: int  # 1-based, LX01
    procedure: str
    modifiers: tuple[str, ...] = ()
    charge: Decimal = Decimal(0)
    units: Decimal = Decimal(1)
    dx_pointers: tuple[int, ...] = ()  # 1-based into ScrubClaim.diagnoses
    service_date: dt.date | None = None
    service_date_end: dt.date | None = None
    rendering_npi: str = ""
    qualifier: str = "HC"  # SV101-1 product/service id qualifier
    raw_pointers: tuple[str, ...] = ()  # SV107 as written, when not all numeric
    ndc: str = ""  # 2410 LIN03 national drug code, when the line is a drug
    description: str = ""  # SV101-7, for unlisted/not otherwise classified codes


@dataclass(frozen=True, slots=True)
class ScrubClaim:
    claim_id: str
    total_charge: Decimal
    lines: tuple[ServiceLine, ...]
    diagnoses: tuple[str, ...] = ()  # dot form, HI order
    # HI qualifier per diagnosis: ABK/ABF ICD-10-CM (default), BK/BF ICD-9-CM
    diagnosis_qualifiers: tuple[str, ...] = ()
    frequency_code: str = "1"  # CLM05-3
    original_claim_ref: str = ""  # REF*F8
    place_of_service: str = ""  # CLM05-1
    billing_provider: Provider = field(default_factory=Provider)
    rendering_npi: str = ""  # 2310B
    referring_npi: str = ""  # 2310A (NM1*DN NM109)
    subscriber_id: str = ""
    patient: Patient = field(default_factory=Patient)
    payer: Payer = field(default_factory=Payer)
    filing_indicator: str = ""  # SBR09
    payer_responsibility: str = ""  # SBR01: P primary, S secondary, T tertiary, ...
    # a prior payer's adjudication (payment) date: 2330B DTP*573, else 2430 DTP*573
    other_payer_paid: dt.date | None = None
    prior_auth: str = ""  # REF*G1
    received: dt.date | None = None  # when the claim was built / file date (informational)
    source: str = ""  # where it came from, e.g. "file.837 ST 0001"
    file: str = ""  # the file (or upload) it was read from
    group: str = ""  # GS06 of its functional group (an 837P only)
    set_control: str = ""  # ST02 of its transaction set (an 837P only)

    def icd9(self, index: int) -> bool:
        """True when diagnosis ``index`` (0-based) was sent as ICD-9-CM (HI qualifier BK/BF)."""
        q = self.diagnosis_qualifiers
        return index < len(q) and q[index] in ("BK", "BF")

    def service_span(self) -> tuple[dt.date | None, dt.date | None]:
        """(first, last) date of service over the lines (a line's end date counts)."""
        starts = [ln.service_date for ln in self.lines if ln.service_date is not None]
        ends = [ln.service_date_end or ln.service_date for ln in self.lines]
        last = [d for d in ends if d is not None]
        return (min(starts) if starts else None, max(last) if last else None)

    @property
    def secondary(self) -> bool:
        """Sent to a payer after another: SBR01 other than ``P`` (primary) or ``U``
        (unknown), or a prior payer's payment date on the claim."""
        return self.payer_responsibility not in ("", "P", "U") or self.other_payer_paid is not None

    def first_service_date(self) -> dt.date | None:
        dates = [ln.service_date for ln in self.lines if ln.service_date is not None]
        return min(dates) if dates else None
