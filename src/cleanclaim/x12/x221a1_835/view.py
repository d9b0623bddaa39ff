"""The 835 as a program reads it: a remittance, its claim payments and service lines.

Built from the placed loop tree (:mod:`cleanclaim.x12.guidekit.tree`); each
typed object keeps its :class:`~cleanclaim.x12.guidekit.tree.LoopNode`, so the
original segments stay available for a lossless write.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from ...money import read_amount_or_zero
from .._segments import Delimiters
from ..guidekit.tree import LoopNode, SegNode
from .segments import BPR, CAS, CLP, PLB, SVC, TRN, Adjustment


@dataclass(slots=True)
class Party:
    """A named party: N1 (1000A payer, 1000B payee) or NM1 (2100 patient) and address."""

    entity_identifier_code: str  # N101 / NM101
    name: str  # N102 / NM103
    identification_code_qualifier: str = ""  # N103 / NM108
    identification_code: str = ""  # N104 / NM109
    first_name: str = ""  # NM104
    middle_name: str = ""  # NM105
    address_lines: list[str] = field(default_factory=list)  # N301, N302
    city: str = ""  # N401
    state: str = ""  # N402
    postal_code: str = ""  # N403
    references: list[tuple[str, str]] = field(default_factory=list)  # REF01, REF02
    contacts: list[tuple[str, str, str, str]] = field(default_factory=list)  # PER01..04


@dataclass(slots=True)
class ServicePayment:
    """Loop 2110 Service Payment Information."""

    svc: SVC
    adjustments: list[CAS] = field(default_factory=list)
    service_dates: list[tuple[str, str]] = field(default_factory=list)  # DTM01, DTM02
    amounts: list[tuple[str, Decimal]] = field(default_factory=list)  # AMT01, AMT02
    remark_codes: list[tuple[str, str]] = field(default_factory=list)  # LQ01, LQ02
    loop: LoopNode | None = None


@dataclass(slots=True)
class ClaimPayment:
    """Loop 2100 Claim Payment Information."""

    clp: CLP
    adjustments: list[CAS] = field(default_factory=list)
    patient: Party | None = None
    dates: list[tuple[str, str]] = field(default_factory=list)  # DTM01, DTM02
    services: list[ServicePayment] = field(default_factory=list)
    header_number: str = ""  # LX01 of the enclosing 2000 loop
    loop: LoopNode | None = None

    def cas_total(self) -> Decimal:
        """Σ claim-level CAS amounts."""
        return sum((a.monetary_amount for c in self.adjustments for a in c.adjustments), Decimal(0))


@dataclass(slots=True)
class Remittance:
    """One 835 transaction set (ST..SE)."""

    control_number: str  # ST02
    bpr: BPR
    trn: TRN | None
    payer: Party | None
    payee: Party | None
    claims: list[ClaimPayment] = field(default_factory=list)
    provider_adjustments: list[PLB] = field(default_factory=list)
    production_date: str = ""  # DTM*405
    tree: LoopNode | None = None

    def adjustment_items(self) -> list[Adjustment]:
        return [a for c in self.claims for cas in c.adjustments for a in cas.adjustments]


def party(loop: LoopNode) -> Party:
    """A 1000A/1000B party from its loop."""
    result = Party("", "")
    for seg in loop.segments():
        g = seg.get
        if seg.id in ("N1", "NM1") and not result.entity_identifier_code:
            result = _named(seg)
        elif seg.id == "N3":
            result.address_lines = [x for x in (g(1), g(2)) if x]
        elif seg.id == "N4":
            result.city, result.state, result.postal_code = g(1), g(2), g(3)
        elif seg.id == "REF":
            result.references.append((g(1), g(2)))
        elif seg.id == "PER":
            result.contacts.append((g(1), g(2), g(3), g(4)))
    return result


def _named(seg: SegNode) -> Party:
    g = seg.get
    if seg.id == "N1":
        return Party(g(1), g(2), g(3), g(4))
    return Party(g(1), g(3), g(8), g(9), first_name=g(4), middle_name=g(5))


def _service(loop: LoopNode, d: Delimiters) -> ServicePayment:
    svc_node = loop.first("SVC")
    assert svc_node is not None
    out = ServicePayment(SVC.from_segment(svc_node.segment, d), loop=loop)
    for seg in loop.segments():
        sid = seg.id
        if sid == "CAS":
            out.adjustments.append(CAS.from_segment(seg.segment))
        elif sid == "DTM":
            out.service_dates.append((seg.get(1), seg.get(2)))
        elif sid == "AMT":
            out.amounts.append((seg.get(1), read_amount_or_zero(seg.get(2))))
        elif sid == "LQ":
            out.remark_codes.append((seg.get(1), seg.get(2)))
    return out


def _claim(loop: LoopNode, d: Delimiters, header_number: str) -> ClaimPayment:
    clp_node = loop.first("CLP")
    assert clp_node is not None
    out = ClaimPayment(CLP.from_segment(clp_node.segment), header_number=header_number, loop=loop)
    for child in loop.children:
        if isinstance(child, LoopNode):
            out.services.append(_service(child, d))
            continue
        sid = child.id
        if sid == "CAS":
            out.adjustments.append(CAS.from_segment(child.segment))
        elif sid == "NM1" and child.get(1) == "QC":
            out.patient = _named(child)
        elif sid == "DTM":
            out.dates.append((child.get(1), child.get(2)))
    return out


def remittance(tree: LoopNode, control_number: str, d: Delimiters) -> Remittance:
    """The typed remittance of a placed 835 tree."""
    bpr_node = tree.first("BPR")
    bpr = BPR.from_segment(bpr_node.segment) if bpr_node else BPR("", Decimal(0), "", "")
    trn_node = tree.first("TRN")
    dtm = tree.first("DTM", "405")
    out = Remittance(
        control_number=control_number,
        bpr=bpr,
        trn=TRN.from_segment(trn_node.segment) if trn_node else None,
        payer=None,
        payee=None,
        production_date=dtm.get(2) if dtm else "",
        tree=tree,
    )
    for child in tree.children:
        if isinstance(child, SegNode):
            if child.id == "PLB":
                out.provider_adjustments.append(PLB.from_segment(child.segment, d))
            continue
        if child.id == "1000A":
            out.payer = party(child)
        elif child.id == "1000B":
            out.payee = party(child)
        elif child.id == "2000":
            lx = child.first("LX")
            number = lx.get(1) if lx else ""
            for claim_loop in child.loops("2100"):
                out.claims.append(_claim(claim_loop, d, number))
    return out
