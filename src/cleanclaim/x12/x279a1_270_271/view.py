"""The 270/271 as plain typed data: parties, members, benefits, rejections.

Read from the placed loop tree (005010X279A1): each member (2000C subscriber,
2000D dependent) with its name, id, birth date, plan dates, the benefits of its
2110 loops (one :class:`Benefit` per EB with its dates and MSG messages) and
the AAA rejections found at its level; the information source and receiver
with their own AAA rejections. HL, NM1, DMG, DTP and AAA are the guide kit's
plain readers (:mod:`cleanclaim.x12.guidekit.read`); EQ and EB are read here.
Amounts are :class:`~decimal.Decimal`; repeated elements (EB03, EQ01) are lists,
split on the interchange's repetition separator.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from ...money import read_amount
from .._segments import Delimiters
from ..guidekit.read import AAA, DMG, DTP, HL, NM1, REF, Rejection, repeats
from ..guidekit.tree import LoopNode, SegNode

__all__ = [
    "EB",
    "EQ",
    "INS",
    "MSG",
    "Benefit",
    "Eligibility",
    "Member",
    "Rejection",
    "eligibility",
]


@dataclass(slots=True)
class EQ:
    """EQ Eligibility or Benefit Inquiry (270 2110C/D)."""

    service_type_codes: list[str]  # EQ01 (repeats)
    composite_medical_procedure_identifier: str = ""  # EQ02
    coverage_level_code: str = ""  # EQ03

    @classmethod
    def of(cls, seg: SegNode, d: Delimiters) -> EQ:
        return cls(repeats(seg.get(1), d), seg.get(2), seg.get(3))


@dataclass(slots=True)
class EB:
    """EB Eligibility or Benefit Information (271 2110C/D)."""

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
    def of(cls, seg: SegNode, d: Delimiters) -> EB:
        g = seg.get
        return cls(
            g(1),
            g(2),
            repeats(g(3), d),
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
class MSG:
    """MSG Message Text (271 2110C/D)."""

    free_form_message_text: str  # MSG01

    @classmethod
    def of(cls, seg: SegNode) -> MSG:
        return cls(seg.get(1))


@dataclass(slots=True)
class INS:
    """INS Subscriber/Dependent Relationship (271 2100C/D): INS03 ``001`` with INS04
    ``25`` says the payer changed the member's identifying data from the request."""

    yes_no_condition_or_response_code: str  # INS01: Y subscriber, N dependent
    individual_relationship_code: str = ""  # INS02
    maintenance_type_code: str = ""  # INS03: 001 change
    maintenance_reason_code: str = ""  # INS04: 25 change in identifying data elements

    @classmethod
    def of(cls, seg: SegNode) -> INS:
        return cls(seg.get(1), seg.get(2), seg.get(3), seg.get(4))


MEMBER_LOOPS = {"2000C": "subscriber", "2000D": "dependent"}


@dataclass(slots=True)
class Benefit:
    """One 2110C/D loop of a 271: an EB with its dates and messages."""

    eb: EB
    dates: list[DTP] = field(default_factory=list)
    messages: list[MSG] = field(default_factory=list)
    rejections: list[Rejection] = field(default_factory=list)
    # 2120C/D Subscriber/Dependent Benefit Related Entity (NM1): another payer
    # (EB01 R, coordination of benefits), a primary care provider (EB01 L), ...
    related_entities: list[NM1] = field(default_factory=list)


@dataclass(slots=True)
class Member:
    """A subscriber (2000C) or dependent (2000D)."""

    level: str  # "subscriber" or "dependent"
    hl: HL | None
    name: NM1 | None
    demographics: DMG | None = None
    plan_dates: list[DTP] = field(default_factory=list)
    inquiries: list[EQ] = field(default_factory=list)  # 270
    benefits: list[Benefit] = field(default_factory=list)  # 271
    rejections: list[Rejection] = field(default_factory=list)
    references: list[REF] = field(default_factory=list)  # 2100C/D REF (other ids)
    relationship: INS | None = None  # 2100C/D INS


@dataclass(slots=True)
class Eligibility:
    """One 270 or 271 transaction set."""

    information_source: NM1 | None = None
    information_receiver: NM1 | None = None
    members: list[Member] = field(default_factory=list)
    rejections: list[Rejection] = field(default_factory=list)  # source/receiver level


def _benefit(loop: LoopNode, d: Delimiters) -> Benefit:
    eb = loop.first("EB")
    assert eb is not None
    out = Benefit(EB.of(eb, d))
    for seg in loop.walk():
        if seg.id == "DTP":
            out.dates.append(DTP.of(seg))
        elif seg.id == "MSG":
            out.messages.append(MSG.of(seg))
        elif seg.id == "AAA":
            out.rejections.append(Rejection(loop.id, AAA.of(seg)))
        elif seg.id == "NM1":
            out.related_entities.append(NM1.of(seg))
    return out


def _member(loop: LoopNode, d: Delimiters) -> Member:
    hl = loop.first("HL")
    out = Member(MEMBER_LOOPS[loop.id], HL.of(hl) if hl else None, None)
    for seg in loop.segments("AAA"):
        out.rejections.append(Rejection(loop.id, AAA.of(seg)))
    for name_loop in loop.loops():
        if not name_loop.id.startswith("2100"):
            continue
        for seg in name_loop.segments():
            sid = seg.id
            if sid == "NM1" and out.name is None:
                out.name = NM1.of(seg)
            elif sid == "DMG":
                out.demographics = DMG.of(seg)
            elif sid == "DTP":
                out.plan_dates.append(DTP.of(seg))
            elif sid == "AAA":
                out.rejections.append(Rejection(name_loop.id, AAA.of(seg)))
            elif sid == "REF":
                out.references.append(REF.of(seg))
            elif sid == "INS":
                out.relationship = INS.of(seg)
        for info in name_loop.loops():
            if info.first("EB") is not None:
                out.benefits.append(_benefit(info, d))
            for seg in info.segments("EQ"):
                out.inquiries.append(EQ.of(seg, d))
    return out


def eligibility(tree: LoopNode, d: Delimiters) -> Eligibility:
    """The typed 270/271 of a placed tree."""
    out = Eligibility()

    def walk(node: LoopNode) -> None:
        for child in node.loops():
            if child.id in MEMBER_LOOPS:
                out.members.append(_member(child, d))
            elif child.id in ("2100A", "2100B"):
                nm1 = child.first("NM1")
                name = NM1.of(nm1) if nm1 else None
                if child.id == "2100A":
                    out.information_source = name
                else:
                    out.information_receiver = name
                out.rejections += [Rejection(child.id, AAA.of(s)) for s in child.segments("AAA")]
            walk(child)  # dependents (2000D) nest under their subscriber (2000C)

    walk(tree)
    return out
