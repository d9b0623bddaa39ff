"""276/277 and 277CA as plain typed data: parties and per-claim status.

Walks the placed loop tree: every HL loop is a :class:`Party` (information
source, receiver, provider, subscriber/patient, dependent) with its name and
the statuses of its own 2200 loop (277CA reports per receiver and per billing
provider there); every claim status tracking loop (2200D/2200E) is a
:class:`ClaimStatus` with its trace (TRN02 = our patient control number),
references (REF*1K payer claim control number, REF*D9 clearinghouse trace),
amounts, dates, statuses (STC) and service lines, and the provider and patient
of the HL loops it sits in.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from ...money import read_amount
from ..guidekit.tree import LoopNode, SegNode
from ..segments import Delimiters
from .loops import CLAIM_LOOPS, LINE_LOOPS, PARTY_LOOPS
from .segments import AMT, DMG, DTP, HL, NM1, REF, STC, SVC, TRN


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
        return next(
            (
                r.reference_identification
                for r in self.references
                if r.reference_identification_qualifier == qualifier
            ),
            None,
        )


@dataclass(slots=True)
class StatusReport:
    """One 276, 277 or 277CA transaction set."""

    parties: list[Party] = field(default_factory=list)
    claims: list[ClaimStatus] = field(default_factory=list)


def _qty(seg: SegNode) -> tuple[str, Decimal | None]:
    return seg.get(1), read_amount(seg.get(2))


def _party(loop: LoopNode, role: str, d: Delimiters) -> Party:
    hl = loop.first("HL")
    out = Party(role, HL.from_segment(hl.segment, d) if hl else None)
    dmg = loop.first("DMG")  # 276 2000D/E carry DMG at the HL level
    if dmg is not None:
        out.demographics = DMG.from_segment(dmg.segment, d)
    for child in loop.loops():
        if child.id.startswith("2100"):
            nm1 = child.first("NM1")
            if nm1 is not None and out.name is None:
                out.name = NM1.from_segment(nm1.segment, d)
        elif child.id.startswith("2200") and child.id not in CLAIM_LOOPS:
            for seg in child.segments():
                if seg.id == "STC":
                    out.statuses.append(STC.from_segment(seg.segment, d))
                elif seg.id == "TRN" and out.trace is None:
                    out.trace = TRN.from_segment(seg.segment, d)
                elif seg.id == "QTY":
                    out.quantities.append(_qty(seg))
                elif seg.id == "AMT":
                    out.amounts.append(_qty(seg))
    return out


def _line(loop: LoopNode, d: Delimiters) -> LineStatus:
    svc = loop.first("SVC")
    assert svc is not None
    out = LineStatus(SVC.from_segment(svc.segment))
    for seg in loop.segments():
        if seg.id == "STC":
            out.statuses.append(STC.from_segment(seg.segment, d))
        elif seg.id == "REF":
            out.references.append(REF.from_segment(seg.segment, d))
        elif seg.id == "DTP":
            out.dates.append(DTP.from_segment(seg.segment, d))
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
            out.trace = TRN.from_segment(child.segment, d)
        elif sid == "STC":
            out.statuses.append(STC.from_segment(child.segment, d))
        elif sid == "REF":
            out.references.append(REF.from_segment(child.segment, d))
        elif sid == "AMT":
            out.amounts.append(AMT.from_segment(child.segment, d))
        elif sid == "DTP":
            out.dates.append(DTP.from_segment(child.segment, d))
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
