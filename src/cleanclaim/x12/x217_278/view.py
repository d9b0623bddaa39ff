"""The 278 as plain typed data: parties, the patient event, its services, decisions.

Built from the placed loop tree (005010X217):

* the UMO (2000A/2010A), the requester (2000B/2010B), the subscriber
  (2000C/2010C) and the dependent (2000D/2010D) as :class:`Party`;
* the patient event (2000E): UM (request category, certification type,
  service type, place of service), in a response the HCR decision (HCR01
  action, HCR02 certification number, HCR03 decision reason), the previous
  authorization (REF*BB) and administrative reference (REF*NT), the event dates
  (DTP: AAH event, 435 admission, 096 discharge; in a response 102 issue,
  007 effective, 036 expiration of the certification), the diagnoses (HI),
  HSD delivery, its providers (2010EA) and transport locations (2010EB);
* each service (2000F): UM, HCR, REF, the service date (DTP*472), the
  procedure from SV1 (professional), SV2 (institutional) or SV3 (dental) with
  its quantity, HSD and its providers (2010F);
* AAA request validations wherever they were, with their loop.

HL, NM1, DMG, DTP, REF, TRN, N3, N4, PER, PRV and AAA are the guide kit's plain
readers (:mod:`cleanclaim.x12.guidekit.read`); UM, HCR, HSD, HI and SV1/SV2/SV3
are read here. Amounts and quantities are :class:`~decimal.Decimal`; composites
are split on the interchange's component separator.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from ...money import read_amount
from .._segments import Delimiters
from ..guidekit.read import (
    AAA,
    DMG,
    DTP,
    HL,
    N3,
    N4,
    NM1,
    PER,
    PRV,
    REF,
    TRN,
    Rejection,
    components,
    reference,
)
from ..guidekit.tree import LoopNode, SegNode
from .loops import DEPENDENT, EVENT, REQUESTER, SERVICE, SUBSCRIBER, UMO, Kind

__all__ = [
    "HCR",
    "HI",
    "HSD",
    "SV1",
    "SV2",
    "SV3",
    "UM",
    "Party",
    "PatientEvent",
    "Procedure",
    "Rejection",
    "Review",
    "Service",
    "review",
]


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
    def of(cls, seg: SegNode, d: Delimiters) -> UM:
        g = seg.get
        location = [*components(g(4), d), "", ""]
        return cls(
            g(1),
            g(2),
            g(3),
            location[0],
            location[1],
            [c for c in components(g(5), d) if c],
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
    def of(cls, seg: SegNode) -> HCR:
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
    def of(cls, seg: SegNode) -> HSD:
        g = seg.get
        return cls(
            g(1), read_amount(g(2)), g(3), read_amount(g(4)), g(5), read_amount(g(6)), g(7), g(8)
        )


@dataclass(slots=True)
class HI:
    """HI Health Care Information Codes: the patient diagnoses (2000E), in order."""

    codes: list[tuple[str, str]]  # (HInn-01 qualifier, HInn-02 code)

    @classmethod
    def of(cls, seg: SegNode, d: Delimiters) -> HI:
        out = []
        for text in seg.segment.elements:
            parts = [*components(text, d), ""]
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
        parts = components(text, d)
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
    def of(cls, seg: SegNode, d: Delimiters) -> SV1:
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
    def of(cls, seg: SegNode, d: Delimiters) -> SV2:
        g = seg.get
        return cls(g(1), Procedure.from_text(g(2), d), read_amount(g(3)), g(4), read_amount(g(5)))


@dataclass(slots=True)
class SV3:
    """SV3 Dental Service (2000F)."""

    procedure: Procedure | None  # SV301 (ADA code)
    monetary_amount: Decimal | None = None  # SV302

    @classmethod
    def of(cls, seg: SegNode, d: Delimiters) -> SV3:
        return cls(Procedure.from_text(seg.get(1), d), read_amount(seg.get(2)))


#: HL loops naming a party, and their name loops.
PARTY_LOOPS = {UMO: "umo", REQUESTER: "requester", SUBSCRIBER: "subscriber", DEPENDENT: "dependent"}
#: DTP01 of the certification dates in a response (issue, effective, expiration).
CERTIFICATION_DATES = ("102", "007", "036")


@dataclass(slots=True)
class Party:
    """A named party: UMO, requester, subscriber, dependent, provider, location."""

    loop: str
    name: NM1
    references: list[REF] = field(default_factory=list)
    street: N3 | None = None
    city: N4 | None = None
    contact: PER | None = None
    provider: PRV | None = None
    demographics: DMG | None = None


@dataclass(slots=True)
class Service:
    """One 2000F service level."""

    hl: HL | None
    um: UM | None = None
    decision: HCR | None = None
    traces: list[TRN] = field(default_factory=list)
    references: list[REF] = field(default_factory=list)
    dates: list[DTP] = field(default_factory=list)
    professional: SV1 | None = None
    institutional: SV2 | None = None
    dental: SV3 | None = None
    delivery: HSD | None = None
    providers: list[Party] = field(default_factory=list)
    rejections: list[Rejection] = field(default_factory=list)

    @property
    def procedure(self) -> Procedure | None:
        """The procedure of SV101, SV202 or SV301, whichever is present."""
        for line in (self.professional, self.institutional, self.dental):
            if line is not None and line.procedure is not None:
                return line.procedure
        return None

    @property
    def quantity(self) -> tuple[str, Decimal] | None:
        """(unit, quantity) of SV103/SV104 or SV204/SV205."""
        line = self.professional or self.institutional
        if line is None or line.quantity is None:
            return None
        return line.unit_or_basis_for_measurement_code, line.quantity


@dataclass(slots=True)
class PatientEvent:
    """The 2000E patient event: what is asked for (UM) and, in a response, the decision."""

    hl: HL | None
    um: UM | None = None
    decision: HCR | None = None
    traces: list[TRN] = field(default_factory=list)
    references: list[REF] = field(default_factory=list)
    dates: list[DTP] = field(default_factory=list)
    diagnoses: list[tuple[str, str]] = field(default_factory=list)
    delivery: HSD | None = None
    providers: list[Party] = field(default_factory=list)
    transport: list[Party] = field(default_factory=list)
    services: list[Service] = field(default_factory=list)
    rejections: list[Rejection] = field(default_factory=list)

    def reference(self, qualifier: str) -> str:
        """REF02 of the REF with REF01 ``qualifier`` (``BB``, ``NT``), or ``""``."""
        return reference(self.references, qualifier) or ""


@dataclass(slots=True)
class Review:
    """One 278 request or response."""

    kind: Kind
    umo: Party | None = None
    requester: Party | None = None
    subscriber: Party | None = None
    dependent: Party | None = None
    event: PatientEvent | None = None
    rejections: list[Rejection] = field(default_factory=list)  # 2000A-2010D

    @property
    def patient(self) -> Party | None:
        """The dependent when there is one, else the subscriber."""
        return self.dependent or self.subscriber

    @property
    def authorization_number(self) -> str:
        """The certification number the UMO gave (HCR02 of the event, else of a service)."""
        decisions = [self.event.decision] if self.event else []
        decisions += [s.decision for s in self.event.services] if self.event else []
        return next(
            (
                d.review_identification_number
                for d in decisions
                if d and d.review_identification_number
            ),
            "",
        )


def _party(loop: LoopNode, d: Delimiters, rejections: list[Rejection]) -> Party | None:
    nm1 = loop.first("NM1")
    if nm1 is None:
        return None
    out = Party(loop.id, NM1.of(nm1))
    for seg in loop.segments():
        sid = seg.id
        if sid == "REF":
            out.references.append(REF.of(seg))
        elif sid == "N3":
            out.street = N3.of(seg)
        elif sid == "N4":
            out.city = N4.of(seg)
        elif sid == "PER":
            out.contact = PER.of(seg)
        elif sid == "PRV":
            out.provider = PRV.of(seg)
        elif sid == "DMG":
            out.demographics = DMG.of(seg)
        elif sid == "AAA":
            rejections.append(Rejection(loop.id, AAA.of(seg)))
    return out


def _level(loop: LoopNode, target: PatientEvent | Service, d: Delimiters) -> None:
    """The segments an event and a service share."""
    for seg in loop.segments():
        sid = seg.id
        if sid == "UM":
            target.um = UM.of(seg, d)
        elif sid == "HCR":
            target.decision = HCR.of(seg)
        elif sid == "TRN":
            target.traces.append(TRN.of(seg))
        elif sid == "REF":
            target.references.append(REF.of(seg))
        elif sid == "DTP":
            target.dates.append(DTP.of(seg))
        elif sid == "HSD":
            target.delivery = HSD.of(seg)
        elif sid == "AAA":
            target.rejections.append(Rejection(loop.id, AAA.of(seg)))


def _service(loop: LoopNode, d: Delimiters) -> Service:
    hl = loop.first("HL")
    out = Service(HL.of(hl) if hl else None)
    _level(loop, out, d)
    for seg in loop.segments():
        if seg.id == "SV1":
            out.professional = SV1.of(seg, d)
        elif seg.id == "SV2":
            out.institutional = SV2.of(seg, d)
        elif seg.id == "SV3":
            out.dental = SV3.of(seg, d)
    for child in loop.loops():
        party = _party(child, d, out.rejections)
        if party is not None:
            out.providers.append(party)
    return out


def _event(loop: LoopNode, d: Delimiters) -> PatientEvent:
    hl = loop.first("HL")
    out = PatientEvent(HL.of(hl) if hl else None)
    _level(loop, out, d)
    for seg in loop.segments("HI"):
        out.diagnoses += HI.of(seg, d).codes
    for child in loop.loops():
        if child.id == SERVICE:
            out.services.append(_service(child, d))
            continue
        party = _party(child, d, out.rejections)
        if party is None:
            continue
        (out.transport if child.id == "2010EB" else out.providers).append(party)
    return out


def review(tree: LoopNode, d: Delimiters, kind: Kind) -> Review:
    """The typed 278 of a placed tree."""
    out = Review(kind)

    def walk(node: LoopNode) -> None:
        for child in node.loops():
            if child.id == EVENT:
                if out.event is None:
                    out.event = _event(child, d)
                continue
            role = PARTY_LOOPS.get(child.id)
            if role is not None:
                out.rejections += [Rejection(child.id, AAA.of(s)) for s in child.segments("AAA")]
                name_loop = next((n for n in child.loops() if n.id.startswith("2010")), None)
                if name_loop is not None:
                    setattr(out, role, _party(name_loop, d, out.rejections))
            walk(child)

    walk(tree)
    return out
