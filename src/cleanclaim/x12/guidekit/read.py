"""Reading placed segments into plain typed values, for the guides' views.

The segments several guides' views read (HL, NM1, N3, N4, REF, DTP, PER, DMG,
PRV, TRN, AMT, AAA), as plain dataclasses whose fields are named after the X12
elements (5010 data element dictionary), each read from a placed
:class:`~.tree.SegNode` by ``of(seg)`` with ``seg.get(n)``: text as in the file
(``""`` when absent), amounts as :class:`~decimal.Decimal` through
:func:`cleanclaim.money.read_amount`. They are views, never written back (the
placed tree is what is written), so each keeps only the simple elements the 5010
health care guides use; a guide's own segments (EB, STC, UM...) are read in its
``view.py`` with the same helpers. Composites and repeats are split with
:func:`components` and :func:`repeats`.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from ...money import read_amount
from .._segments import Delimiters
from .tree import SegNode
from .values import date_json

__all__ = [
    "AAA",
    "AMT",
    "DMG",
    "DTP",
    "HL",
    "N3",
    "N4",
    "NM1",
    "PER",
    "PRV",
    "REF",
    "TRN",
    "Rejection",
    "components",
    "reference",
    "repeats",
]


def components(text: str, d: Delimiters) -> list[str]:
    """A composite element's components (``[]`` when the element is empty)."""
    return text.split(d.component) if text else []


def repeats(text: str, d: Delimiters) -> list[str]:
    """A repeating element's repetitions, split on ISA11 (``[]`` when empty)."""
    if not text:
        return []
    return text.split(d.repetition) if d.repetition else [text]


@dataclass(slots=True)
class HL:
    """HL Hierarchical Level."""

    hierarchical_id_number: str  # HL01
    hierarchical_parent_id_number: str = ""  # HL02
    hierarchical_level_code: str = ""  # HL03
    hierarchical_child_code: str = ""  # HL04

    @classmethod
    def of(cls, seg: SegNode) -> HL:
        g = seg.get
        return cls(g(1), g(2), g(3), g(4))


@dataclass(slots=True)
class NM1:
    """NM1 Individual or Organizational Name."""

    entity_identifier_code: str  # NM101
    entity_type_qualifier: str = ""  # NM102: 1 person, 2 non-person entity
    name_last_or_organization_name: str = ""  # NM103
    name_first: str = ""  # NM104
    name_middle: str = ""  # NM105
    name_prefix: str = ""  # NM106
    name_suffix: str = ""  # NM107
    identification_code_qualifier: str = ""  # NM108
    identification_code: str = ""  # NM109

    @classmethod
    def of(cls, seg: SegNode) -> NM1:
        g = seg.get
        return cls(g(1), g(2), g(3), g(4), g(5), g(6), g(7), g(8), g(9))


@dataclass(slots=True)
class N3:
    """N3 Party Location (street address)."""

    address_information: str  # N301
    address_information_2: str = ""  # N302

    @classmethod
    def of(cls, seg: SegNode) -> N3:
        return cls(seg.get(1), seg.get(2))


@dataclass(slots=True)
class N4:
    """N4 Geographic Location (city, state, ZIP)."""

    city_name: str  # N401
    state_or_province_code: str = ""  # N402
    postal_code: str = ""  # N403
    country_code: str = ""  # N404
    location_qualifier: str = ""  # N405
    location_identifier: str = ""  # N406
    country_subdivision_code: str = ""  # N407

    @classmethod
    def of(cls, seg: SegNode) -> N4:
        g = seg.get
        return cls(g(1), g(2), g(3), g(4), g(5), g(6), g(7))


@dataclass(slots=True)
class REF:
    """REF Reference Information (REF04, a composite, is not read)."""

    reference_identification_qualifier: str  # REF01
    reference_identification: str = ""  # REF02
    description: str = ""  # REF03

    @classmethod
    def of(cls, seg: SegNode) -> REF:
        return cls(seg.get(1), seg.get(2), seg.get(3))


def reference(refs: list[REF], qualifier: str) -> str | None:
    """REF02 of the first REF with REF01 = ``qualifier``, or ``None``."""
    return next(
        (
            r.reference_identification
            for r in refs
            if r.reference_identification_qualifier == qualifier
        ),
        None,
    )


@dataclass(slots=True)
class DTP:
    """DTP Date or Time or Period."""

    date_time_qualifier: str  # DTP01
    date_time_period_format_qualifier: str = ""  # DTP02: D8 a date, RD8 a range
    date_time_period: str = ""  # DTP03: CCYYMMDD or CCYYMMDD-CCYYMMDD

    @classmethod
    def of(cls, seg: SegNode) -> DTP:
        return cls(seg.get(1), seg.get(2), seg.get(3))

    def as_json(self) -> dict[str, Any]:
        """``{qualifier, date}``, or ``{qualifier, start, end}`` for an RD8 range."""
        period = self.date_time_period
        if self.date_time_period_format_qualifier == "RD8" and "-" in period:
            start, end = period.split("-", 1)
            return {
                "qualifier": self.date_time_qualifier,
                "start": date_json(start),
                "end": date_json(end),
            }
        return {"qualifier": self.date_time_qualifier, "date": date_json(period)}


@dataclass(slots=True)
class PER:
    """PER Administrative Communications Contact."""

    contact_function_code: str  # PER01
    name: str = ""  # PER02
    communication_number_qualifier: str = ""  # PER03
    communication_number: str = ""  # PER04
    communication_number_qualifier_2: str = ""  # PER05
    communication_number_2: str = ""  # PER06
    communication_number_qualifier_3: str = ""  # PER07
    communication_number_3: str = ""  # PER08
    contact_inquiry_reference: str = ""  # PER09

    @classmethod
    def of(cls, seg: SegNode) -> PER:
        g = seg.get
        return cls(g(1), g(2), g(3), g(4), g(5), g(6), g(7), g(8), g(9))


@dataclass(slots=True)
class DMG:
    """DMG Demographic Information (birth date and gender; DMG05 on is not read)."""

    date_time_period_format_qualifier: str  # DMG01: D8
    date_time_period: str = ""  # DMG02: the birth date, CCYYMMDD
    gender_code: str = ""  # DMG03: F, M, U
    marital_status_code: str = ""  # DMG04

    @classmethod
    def of(cls, seg: SegNode) -> DMG:
        return cls(seg.get(1), seg.get(2), seg.get(3), seg.get(4))


@dataclass(slots=True)
class PRV:
    """PRV Provider Information (PRV03: the taxonomy code when PRV02 is PXC)."""

    provider_code: str  # PRV01
    reference_identification_qualifier: str = ""  # PRV02
    reference_identification: str = ""  # PRV03

    @classmethod
    def of(cls, seg: SegNode) -> PRV:
        return cls(seg.get(1), seg.get(2), seg.get(3))


@dataclass(slots=True)
class TRN:
    """TRN Trace."""

    trace_type_code: str  # TRN01
    reference_identification: str = ""  # TRN02
    originating_company_identifier: str = ""  # TRN03
    reference_identification_2: str = ""  # TRN04

    @classmethod
    def of(cls, seg: SegNode) -> TRN:
        g = seg.get
        return cls(g(1), g(2), g(3), g(4))


@dataclass(slots=True)
class AMT:
    """AMT Monetary Amount Information."""

    amount_qualifier_code: str  # AMT01
    monetary_amount: Decimal | None = None  # AMT02
    credit_debit_flag_code: str = ""  # AMT03

    @classmethod
    def of(cls, seg: SegNode) -> AMT:
        return cls(seg.get(1), read_amount(seg.get(2)), seg.get(3))


@dataclass(slots=True)
class AAA:
    """AAA Request Validation: why a request (or part of it) was rejected (270/271, 278)."""

    yes_no_condition_or_response_code: str  # AAA01: N = request not valid
    agency_qualifier_code: str = ""  # AAA02 (not used)
    reject_reason_code: str = ""  # AAA03
    follow_up_action_code: str = ""  # AAA04

    @classmethod
    def of(cls, seg: SegNode) -> AAA:
        return cls(seg.get(1), seg.get(2), seg.get(3), seg.get(4))


@dataclass(slots=True)
class Rejection:
    """One AAA: the loop it was in, why, and what to do next."""

    loop: str
    aaa: AAA

    def as_json(self) -> dict[str, Any]:
        """``loop``, ``valid_request`` (AAA01 Y), ``reason`` AAA03, ``follow_up_action`` AAA04."""
        a = self.aaa
        return {
            "loop": self.loop,
            "valid_request": a.yes_no_condition_or_response_code == "Y",
            "reason": a.reject_reason_code,
            "follow_up_action": a.follow_up_action_code,
        }
