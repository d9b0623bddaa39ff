"""Typed 278 segments, their fields named after the X12 elements (005010X217).

HL, NM1, DMG, DTP, REF, TRN, N3, N4, PER and PRV are the core's shared typed
segments (:mod:`cleanclaim.x12.common`), AAA the 270/271 package's, all
re-exported here. Only the segments the review view interprets are typed;
every other segment stays a generic :class:`~cleanclaim.x12.segments.Segment`
in the loop tree. Amounts and quantities are :class:`~decimal.Decimal`;
composites are split on the interchange's component separator.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from ...money import read_amount
from ..common import DMG, DTP, HL, N3, N4, NM1, PER, PRV, REF, TRN
from ..segments import Delimiters, Segment
from ..x279a1_270_271.segments import AAA

__all__ = [
    "AAA",
    "DMG",
    "DTP",
    "HCR",
    "HI",
    "HL",
    "HSD",
    "N3",
    "N4",
    "NM1",
    "PER",
    "PRV",
    "REF",
    "SV1",
    "SV2",
    "SV3",
    "TRN",
    "UM",
    "Procedure",
]


def _parts(text: str, d: Delimiters) -> list[str]:
    return text.split(d.component) if text else []


@dataclass(slots=True)
class UM:
    """UM Health Care Services Review Information (2000E, 2000F)."""

    request_category_code: str  # UM01, see RequestCategoryCode
    certification_type_code: str = ""  # UM02, see CertificationTypeCode
    service_type_code: str = ""  # UM03, see ServiceTypeCode
    facility_code_value: str = ""  # UM04-01 (place of service or bill type)
    facility_code_qualifier: str = ""  # UM04-02: A bill type, B place of service
    related_causes_code: list[str] = field(default_factory=list)  # UM05-01..03
    level_of_service_code: str = ""  # UM06, see LevelOfServiceCode
    current_health_condition_code: str = ""  # UM07
    prognosis_code: str = ""  # UM08
    release_of_information_code: str = ""  # UM09
    delay_reason_code: str = ""  # UM10

    @classmethod
    def from_segment(cls, seg: Segment, d: Delimiters) -> UM:
        g = seg.get
        location = [*_parts(g(4), d), "", ""]
        return cls(
            g(1),
            g(2),
            g(3),
            location[0],
            location[1],
            [c for c in _parts(g(5), d) if c],
            g(6),
            g(7),
            g(8),
            g(9),
            g(10),
        )


@dataclass(slots=True)
class HCR:
    """HCR Health Care Services Review: the UMO's decision (response 2000E, 2000F)."""

    action_code: str  # HCR01, see ActionCode
    review_identification_number: str = ""  # HCR02: the certification (authorization) number
    decision_reason_code: str = ""  # HCR03 (code source 886, Review Decision Reason)
    second_surgical_opinion_indicator: str = ""  # HCR04: Y/N

    @classmethod
    def from_segment(cls, seg: Segment) -> HCR:
        return cls(seg.get(1), seg.get(2), seg.get(3), seg.get(4))


@dataclass(slots=True)
class HSD:
    """HSD Health Care Services Delivery: how many, how often."""

    quantity_qualifier: str = ""  # HSD01: DY days, FL units, HS hours, MN month, VS visits
    quantity: Decimal | None = None  # HSD02
    unit_or_basis_for_measurement_code: str = ""  # HSD03
    sample_selection_modulus: Decimal | None = None  # HSD04
    time_period_qualifier: str = ""  # HSD05
    number_of_periods: Decimal | None = None  # HSD06
    ship_delivery_or_calendar_pattern_code: str = ""  # HSD07
    ship_delivery_time_code: str = ""  # HSD08

    @classmethod
    def from_segment(cls, seg: Segment) -> HSD:
        g = seg.get
        return cls(
            g(1), read_amount(g(2)), g(3), read_amount(g(4)), g(5), read_amount(g(6)), g(7), g(8)
        )


@dataclass(slots=True)
class HI:
    """HI Health Care Information Codes: the patient diagnoses (2000E), in order."""

    codes: list[tuple[str, str]]  # (HInn-01 qualifier, HInn-02 code)

    @classmethod
    def from_segment(cls, seg: Segment, d: Delimiters) -> HI:
        out = []
        for text in seg.elements:
            parts = [*_parts(text, d), ""]
            if parts[0]:
                out.append((parts[0], parts[1]))
        return cls(out)


@dataclass(slots=True)
class Procedure:
    """A composite medical procedure identifier (SV101, SV202, SV301)."""

    qualifier: str  # -01: HC (HCPCS/CPT), IV, N4, ...
    code: str  # -02
    modifiers: list[str] = field(default_factory=list)  # -03..-06
    description: str = ""  # -07

    @classmethod
    def from_text(cls, text: str, d: Delimiters) -> Procedure | None:
        parts = _parts(text, d)
        if not parts:
            return None
        parts += [""] * (7 - len(parts))
        return cls(parts[0], parts[1], [m for m in parts[2:6] if m], parts[6])


@dataclass(slots=True)
class SV1:
    """SV1 Professional Service (2000F)."""

    procedure: Procedure | None  # SV101
    monetary_amount: Decimal | None = None  # SV102
    unit_or_basis_for_measurement_code: str = ""  # SV103: UN units, MJ minutes
    quantity: Decimal | None = None  # SV104

    @classmethod
    def from_segment(cls, seg: Segment, d: Delimiters) -> SV1:
        g = seg.get
        return cls(Procedure.from_text(g(1), d), read_amount(g(2)), g(3), read_amount(g(4)))


@dataclass(slots=True)
class SV2:
    """SV2 Institutional Service Line (2000F)."""

    revenue_code: str  # SV201 (NUBC revenue code)
    procedure: Procedure | None = None  # SV202
    monetary_amount: Decimal | None = None  # SV203
    unit_or_basis_for_measurement_code: str = ""  # SV204: DA days, UN units
    quantity: Decimal | None = None  # SV205

    @classmethod
    def from_segment(cls, seg: Segment, d: Delimiters) -> SV2:
        g = seg.get
        return cls(g(1), Procedure.from_text(g(2), d), read_amount(g(3)), g(4), read_amount(g(5)))


@dataclass(slots=True)
class SV3:
    """SV3 Dental Service (2000F)."""

    procedure: Procedure | None  # SV301 (ADA code)
    monetary_amount: Decimal | None = None  # SV302

    @classmethod
    def from_segment(cls, seg: Segment, d: Delimiters) -> SV3:
        return cls(Procedure.from_text(seg.get(1), d), read_amount(seg.get(2)))
