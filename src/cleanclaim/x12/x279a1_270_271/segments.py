"""Typed 270/271 segments, their fields named after the X12 elements.

HL, NM1, DMG and DTP are the core's shared typed segments
(:mod:`cleanclaim.x12.common`), re-exported here. Only the segments the
eligibility view interprets are typed; every other
segment stays a generic :class:`~cleanclaim.x12.segments.Segment` in the loop
tree. Amounts are :class:`~decimal.Decimal`; repeated elements (EB03, EQ01)
are lists, split on the interchange's repetition separator.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from ...money import read_amount
from ..common import DMG, DTP, HL, NM1
from ..segments import Delimiters, Segment

__all__ = ["AAA", "DMG", "DTP", "EB", "EQ", "HL", "MSG", "NM1"]


def _reps(text: str, d: Delimiters) -> list[str]:
    if not text:
        return []
    return text.split(d.repetition) if d.repetition else [text]


@dataclass(slots=True)
class EQ:
    """EQ Eligibility or Benefit Inquiry (270)."""

    service_type_codes: list[str]  # EQ01 (repeats)
    composite_medical_procedure_identifier: str = ""  # EQ02
    coverage_level_code: str = ""  # EQ03

    @classmethod
    def from_segment(cls, seg: Segment, d: Delimiters) -> EQ:
        return cls(_reps(seg.get(1), d), seg.get(2), seg.get(3))


@dataclass(slots=True)
class EB:
    """EB Eligibility or Benefit Information (271)."""

    eligibility_or_benefit_information_code: str  # EB01, see EligibilityOrBenefitInformationCode
    coverage_level_code: str = ""  # EB02, see CoverageLevelCode
    service_type_codes: list[str] = field(default_factory=list)  # EB03 (repeats)
    insurance_type_code: str = ""  # EB04
    plan_coverage_description: str = ""  # EB05
    time_period_qualifier: str = ""  # EB06, see TimePeriodQualifier
    monetary_amount: Decimal | None = None  # EB07
    percentage_as_decimal: Decimal | None = None  # EB08 (0.2 = 20 %)
    quantity_qualifier: str = ""  # EB09
    quantity: Decimal | None = None  # EB10
    authorization_or_certification_indicator: str = ""  # EB11: Y/N/U
    in_plan_network_indicator: str = ""  # EB12: Y/N/U/W
    composite_medical_procedure_identifier: str = ""  # EB13

    @classmethod
    def from_segment(cls, seg: Segment, d: Delimiters) -> EB:
        g = seg.get
        return cls(
            g(1),
            g(2),
            _reps(g(3), d),
            g(4),
            g(5),
            g(6),
            read_amount(g(7)),
            read_amount(g(8)),
            g(9),
            read_amount(g(10)),
            g(11),
            g(12),
            g(13),
        )


@dataclass(slots=True)
class AAA:
    """AAA Request Validation: why a request (or part of it) was rejected."""

    yes_no_condition_or_response_code: str  # AAA01: N = request not valid
    agency_qualifier_code: str  # AAA02 (not used)
    reject_reason_code: str  # AAA03, see RejectReasonCode
    follow_up_action_code: str  # AAA04, see FollowUpActionCode

    @classmethod
    def from_segment(cls, seg: Segment) -> AAA:
        return cls(seg.get(1), seg.get(2), seg.get(3), seg.get(4))


@dataclass(slots=True)
class MSG:
    """MSG Message Text (271 2110C/D)."""

    free_form_message_text: str  # MSG01

    @classmethod
    def from_segment(cls, seg: Segment) -> MSG:
        return cls(seg.get(1))
