"""276/277 and 277CA as plain typed data: parties and per-claim status.

Walks the placed loop tree: every HL loop is a :class:`Party` (information
source, receiver, provider, subscriber/patient, dependent) with its name and
the statuses of its own 2200 loop (277CA reports per receiver and per billing
provider there); every claim status tracking loop (2200D/2200E) is a
:class:`ClaimStatus` with its trace (TRN02 = our patient control number),
references (REF*1K payer claim control number, REF*D9 clearinghouse trace),
amounts, dates, statuses (STC) and service lines, and the provider and patient
of the HL loops it sits in. HL, NM1, DMG, DTP, REF, TRN and AMT are the guide
kit's plain readers (:mod:`cleanclaim.x12.guidekit.read`); STC (status) and SVC
(service line) are read here. Amounts are :class:`~decimal.Decimal`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from ...money import read_amount
from .._segments import Delimiters
from ..guidekit.read import AMT, DMG, DTP, HL, NM1, REF, TRN, components, reference
from ..guidekit.tree import LoopNode, SegNode
from .loops import CLAIM_LOOPS, LINE_LOOPS, PARTY_LOOPS

__all__ = [
    "STC",
    "SVC",
    "ClaimStatus",
    "LineStatus",
    "Party",
    "StatusInformation",
    "StatusReport",
    "status_report",
]


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
        parts = [*components(text, d), "", "", ""]
        return cls(parts[0], parts[1], parts[2], parts[3])


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

    @classmethod
    def of(cls, seg: SegNode, d: Delimiters) -> STC:
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


@dataclass(slots=True)
class SVC:
    """SVC Service Line Information (2210/2220)."""

    composite_medical_procedure_identifier: str  # SVC01 as text (qualifier:code:modifiers)
    line_item_charge_amount: Decimal | None  # SVC02
    line_item_provider_payment_amount: Decimal | None = None  # SVC03
    revenue_code: str = ""  # SVC04
    units_of_service_count: Decimal | None = None  # SVC07

    @classmethod
    def of(cls, seg: SegNode) -> SVC:
        g = seg.get
        return cls(g(1), read_amount(g(2)), read_amount(g(3)), g(4), read_amount(g(7)))

    def procedure(self, d: Delimiters) -> tuple[str, str, list[str]]:
        """(qualifier, code, modifiers) of SVC01."""
        parts = self.composite_medical_procedure_identifier.split(d.component)
        return (parts[0], parts[1] if len(parts) > 1 else "", [m for m in parts[2:6] if m])


@dataclass(slots=True)
class Party:
    """One HL level: who it is and (277/277CA) the statuses reported for it."""

    role: str
    hl: HL | None
    name: NM1 | None = None
    demographics: DMG | None = None
    trace: TRN | None = None
    statuses: list[STC] = field(default_factory=list)
    quantities: list[tuple[str, Decimal | None]] = field(default_factory=list)  # QTY01, QTY02
    amounts: list[tuple[str, Decimal | None]] = field(default_factory=list)  # AMT01, AMT02


@dataclass(slots=True)
class LineStatus:
    """A service line (2210 in a 276, 2220 in a 277) and its statuses."""

    svc: SVC
    statuses: list[STC] = field(default_factory=list)
    references: list[REF] = field(default_factory=list)
    dates: list[DTP] = field(default_factory=list)


@dataclass(slots=True)
class ClaimStatus:
    """One claim status tracking loop (2200D or 2200E)."""

    loop: str
    trace: TRN | None
    provider: Party | None
    patient: Party | None
    subscriber: Party | None = None  # when the patient is a dependent (2000E)
    statuses: list[STC] = field(default_factory=list)
    references: list[REF] = field(default_factory=list)
    amounts: list[AMT] = field(default_factory=list)
    dates: list[DTP] = field(default_factory=list)
    lines: list[LineStatus] = field(default_factory=list)

    def reference(self, qualifier: str) -> str | None:
        """REF02 of the first REF with REF01 = ``qualifier``."""
        return reference(self.references, qualifier)


@dataclass(slots=True)
class StatusReport:
    """One 276, 277 or 277CA transaction set."""

    parties: list[Party] = field(default_factory=list)
    claims: list[ClaimStatus] = field(default_factory=list)


def _qty(seg: SegNode) -> tuple[str, Decimal | None]:
    return seg.get(1), read_amount(seg.get(2))


def _party(loop: LoopNode, role: str, d: Delimiters) -> Party:
    hl = loop.first("HL")
    out = Party(role, HL.of(hl) if hl else None)
    dmg = loop.first("DMG")  # 276 2000D/E carry DMG at the HL level
    if dmg is not None:
        out.demographics = DMG.of(dmg)
    for child in loop.loops():
        if child.id.startswith("2100"):
            nm1 = child.first("NM1")
            if nm1 is not None and out.name is None:
                out.name = NM1.of(nm1)
        elif child.id.startswith("2200") and child.id not in CLAIM_LOOPS:
            for seg in child.segments():
                if seg.id == "STC":
                    out.statuses.append(STC.of(seg, d))
                elif seg.id == "TRN" and out.trace is None:
                    out.trace = TRN.of(seg)
                elif seg.id == "QTY":
                    out.quantities.append(_qty(seg))
                elif seg.id == "AMT":
                    out.amounts.append(_qty(seg))
    return out


def _line(loop: LoopNode, d: Delimiters) -> LineStatus:
    svc = loop.first("SVC")
    assert svc is not None
    out = LineStatus(SVC.of(svc))
    for seg in loop.segments():
        if seg.id == "STC":
            out.statuses.append(STC.of(seg, d))
        elif seg.id == "REF":
            out.references.append(REF.of(seg))
        elif seg.id == "DTP":
            out.dates.append(DTP.of(seg))
    return out


def _claim(
    loop: LoopNode, d: Delimiters, provider: Party | None, patient: Party | None
) -> ClaimStatus:
    out = ClaimStatus(loop.id, None, provider, patient)
    for child in loop.children:
        if isinstance(child, LoopNode):
            if child.id in LINE_LOOPS and child.first("SVC") is not None:
                out.lines.append(_line(child, d))
            continue
        sid = child.id
        if sid == "TRN" and out.trace is None:
            out.trace = TRN.of(child)
        elif sid == "STC":
            out.statuses.append(STC.of(child, d))
        elif sid == "REF":
            out.references.append(REF.of(child))
        elif sid == "AMT":
            out.amounts.append(AMT.of(child))
        elif sid == "DTP":
            out.dates.append(DTP.of(child))
    return out


def status_report(
    tree: LoopNode, d: Delimiters, party_loops: dict[str, str] = PARTY_LOOPS
) -> StatusReport:
    """The typed status report of a placed tree (HL loops named by ``party_loops``)."""
    out = StatusReport()

    def walk(node: LoopNode, provider: Party | None, patient: Party | None) -> None:
        for child in node.loops():
            if child.id in CLAIM_LOOPS:
                out.claims.append(_claim(child, d, provider, patient))
            elif child.id in party_loops:
                party = _party(child, party_loops[child.id], d)
                out.parties.append(party)
                if party.role == "provider":
                    walk(child, party, None)
                elif party.role in ("subscriber", "dependent", "patient"):
                    walk(child, provider, party)
                else:
                    walk(child, provider, patient)
            else:
                walk(child, provider, patient)

    walk(tree, None, None)
    # The parents come from HL02 (in the 277 map the HL loops are siblings).
    by_id = {p.hl.hierarchical_id_number: p for p in out.parties if p.hl is not None}

    def parent(p: Party | None) -> Party | None:
        return by_id.get(p.hl.hierarchical_parent_id_number) if p and p.hl else None

    for claim in out.claims:
        up = parent(claim.patient)
        if claim.patient is not None and claim.patient.role == "dependent":
            claim.subscriber = up if up is not None and up.role == "subscriber" else None
            up = parent(up)
        claim.provider = up if up is not None and up.role == "provider" else claim.provider
    return out
