"""Typed 276/277 and 277CA segments, their fields named after the X12 elements.

HL, NM1, DMG, DTP, REF, TRN and AMT are the core's shared typed segments
(:mod:`cleanclaim.x12.common`), re-exported here; STC (status) and SVC
(service line) are typed here. Amounts are :class:`~decimal.Decimal`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from ...money import read_amount
from ..common import AMT, DMG, DTP, HL, NM1, REF, TRN
from ..segments import Delimiters, Segment

__all__ = ["AMT", "DMG", "DTP", "HL", "NM1", "REF", "STC", "SVC", "TRN", "StatusInformation"]


@dataclass(slots=True)
class StatusInformation:
    """C043 Health Care Claim Status (STC01, STC10, STC11)."""

    health_care_claim_status_category_code: str  # -01, code source 507
    health_care_claim_status_code: str = ""  # -02, code source 508
    entity_identifier_code: str = ""  # -03: whose information is meant (PR, 85, QC...)
    code_list_qualifier_code: str = ""  # -04 (NCPDP reject codes)

    @classmethod
    def parse(cls, text: str, d: Delimiters) -> StatusInformation | None:
        if not text:
            return None
        parts = [*text.split(d.component), "", "", ""]
        return cls(parts[0], parts[1], parts[2], parts[3])

    def text(self, d: Delimiters) -> str:
        parts = [
            self.health_care_claim_status_category_code,
            self.health_care_claim_status_code,
            self.entity_identifier_code,
            self.code_list_qualifier_code,
        ]
        while parts and not parts[-1]:
            parts.pop()
        return d.component.join(parts)


@dataclass(slots=True)
class STC:
    """STC Status Information."""

    health_care_claim_status: StatusInformation | None  # STC01
    date: str = ""  # STC02 status effective date CCYYMMDD
    action_code: str = ""  # STC03 (277CA: WQ accept, U reject)
    monetary_amount: Decimal | None = None  # STC04 total claim charge
    monetary_amount_2: Decimal | None = None  # STC05 claim payment amount
    date_2: str = ""  # STC06 adjudication date
    payment_method_code: str = ""  # STC07
    date_3: str = ""  # STC08 check issue or EFT date
    check_number: str = ""  # STC09
    health_care_claim_status_2: StatusInformation | None = None  # STC10
    health_care_claim_status_3: StatusInformation | None = None  # STC11
    free_form_message_text: str = ""  # STC12
    extra: list[str] = field(default_factory=list)

    @classmethod
    def from_segment(cls, seg: Segment, d: Delimiters) -> STC:
        g = seg.get
        return cls(
            StatusInformation.parse(g(1), d),
            g(2),
            g(3),
            read_amount(g(4)),
            read_amount(g(5)),
            g(6),
            g(7),
            g(8),
            g(9),
            StatusInformation.parse(g(10), d),
            StatusInformation.parse(g(11), d),
            g(12),
        )

    def statuses(self) -> list[StatusInformation]:
        """STC01, STC10 and STC11, those present."""
        return [
            s
            for s in (
                self.health_care_claim_status,
                self.health_care_claim_status_2,
                self.health_care_claim_status_3,
            )
            if s is not None
        ]


@dataclass(slots=True)
class SVC:
    """SVC Service Line Information (2210/2220)."""

    composite_medical_procedure_identifier: str  # SVC01 as text (qualifier:code:modifiers)
    line_item_charge_amount: Decimal | None  # SVC02
    line_item_provider_payment_amount: Decimal | None = None  # SVC03
    revenue_code: str = ""  # SVC04
    units_of_service_count: Decimal | None = None  # SVC07

    @classmethod
    def from_segment(cls, seg: Segment) -> SVC:
        g = seg.get
        return cls(g(1), read_amount(g(2)), read_amount(g(3)), g(4), read_amount(g(7)))

    def procedure(self, d: Delimiters) -> tuple[str, str, list[str]]:
        """(qualifier, code, modifiers) of SVC01."""
        parts = self.composite_medical_procedure_identifier.split(d.component)
        return (parts[0], parts[1] if len(parts) > 1 else "", [m for m in parts[2:6] if m])
