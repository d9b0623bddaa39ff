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
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from ..guidekit.tree import LoopNode
from ..segments import Delimiters
from .loops import DEPENDENT, EVENT, REQUESTER, SERVICE, SUBSCRIBER, UMO, Kind
from .segments import (
    AAA,
    DMG,
    DTP,
    HCR,
    HI,
    HL,
    HSD,
    N3,
    N4,
    NM1,
    PER,
    PRV,
    REF,
    SV1,
    SV2,
    SV3,
    TRN,
    UM,
    Procedure,
)

#: HL loops naming a party, and their name loops.
PARTY_LOOPS = {UMO: "umo", REQUESTER: "requester", SUBSCRIBER: "subscriber", DEPENDENT: "dependent"}
#: DTP01 of the certification dates in a response (issue, effective, expiration).
CERTIFICATION_DATES = ("102", "007", "036")


@dataclass(slots=True)
class Rejection:
    """One AAA: where it was, why, and what to do next."""

    loop: str
    aaa: AAA


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
        return next(
            (
                r.reference_identification
                for r in self.references
                if r.reference_identification_qualifier == qualifier
            ),
            "",
        )


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
    out = Party(loop.id, NM1.from_segment(nm1.segment, d))
    for seg in loop.segments():
        sid, s = seg.id, seg.segment
        if sid == "REF":
            out.references.append(REF.from_segment(s, d))
        elif sid == "N3":
            out.street = N3.from_segment(s, d)
        elif sid == "N4":
            out.city = N4.from_segment(s, d)
        elif sid == "PER":
            out.contact = PER.from_segment(s, d)
        elif sid == "PRV":
            out.provider = PRV.from_segment(s, d)
        elif sid == "DMG":
            out.demographics = DMG.from_segment(s, d)
        elif sid == "AAA":
            rejections.append(Rejection(loop.id, AAA.from_segment(s)))
    return out


def _level(loop: LoopNode, target: PatientEvent | Service, d: Delimiters) -> None:
    """The segments an event and a service share."""
    for seg in loop.segments():
        sid, s = seg.id, seg.segment
        if sid == "UM":
            target.um = UM.from_segment(s, d)
        elif sid == "HCR":
            target.decision = HCR.from_segment(s)
        elif sid == "TRN":
            target.traces.append(TRN.from_segment(s, d))
        elif sid == "REF":
            target.references.append(REF.from_segment(s, d))
        elif sid == "DTP":
            target.dates.append(DTP.from_segment(s, d))
        elif sid == "HSD":
            target.delivery = HSD.from_segment(s)
        elif sid == "AAA":
            target.rejections.append(Rejection(loop.id, AAA.from_segment(s)))


def _service(loop: LoopNode, d: Delimiters) -> Service:
    hl = loop.first("HL")
    out = Service(HL.from_segment(hl.segment, d) if hl else None)
    _level(loop, out, d)
    for seg in loop.segments():
        if seg.id == "SV1":
            out.professional = SV1.from_segment(seg.segment, d)
        elif seg.id == "SV2":
            out.institutional = SV2.from_segment(seg.segment, d)
        elif seg.id == "SV3":
            out.dental = SV3.from_segment(seg.segment, d)
    for child in loop.loops():
        party = _party(child, d, out.rejections)
        if party is not None:
            out.providers.append(party)
    return out


def _event(loop: LoopNode, d: Delimiters) -> PatientEvent:
    hl = loop.first("HL")
    out = PatientEvent(HL.from_segment(hl.segment, d) if hl else None)
    _level(loop, out, d)
    for seg in loop.segments("HI"):
        out.diagnoses += HI.from_segment(seg.segment, d).codes
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
                out.rejections += [
                    Rejection(child.id, AAA.from_segment(s.segment)) for s in child.segments("AAA")
                ]
                name_loop = next((n for n in child.loops() if n.id.startswith("2010")), None)
                if name_loop is not None:
                    setattr(out, role, _party(name_loop, d, out.rejections))
            walk(child)

    walk(tree)
    return out
