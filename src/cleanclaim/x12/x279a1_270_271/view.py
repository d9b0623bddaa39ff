"""The 270/271 as plain typed data: parties, members, benefits, rejections.

Built from the placed loop tree: each member (2000C subscriber, 2000D
dependent) with its name, id, birth date, plan dates, the benefits of its
2110 loops (one :class:`Benefit` per EB with its dates and MSG messages) and
the AAA rejections found at its level; the information source and receiver
with their own AAA rejections.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..guidekit.tree import LoopNode
from ..segments import Delimiters
from .segments import AAA, DMG, DTP, EB, EQ, HL, MSG, NM1

MEMBER_LOOPS = {"2000C": "subscriber", "2000D": "dependent"}


@dataclass(slots=True)
class Rejection:
    """One AAA: where it was, why, and what to do next."""

    loop: str
    aaa: AAA


@dataclass(slots=True)
class Benefit:
    """One 2110C/D loop of a 271: an EB with its dates and messages."""

    eb: EB
    dates: list[DTP] = field(default_factory=list)
    messages: list[MSG] = field(default_factory=list)
    rejections: list[Rejection] = field(default_factory=list)


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
    out = Benefit(EB.from_segment(eb.segment, d))
    for seg in loop.walk():
        if seg.id == "DTP":
            out.dates.append(DTP.from_segment(seg.segment, d))
        elif seg.id == "MSG":
            out.messages.append(MSG.from_segment(seg.segment))
        elif seg.id == "AAA":
            out.rejections.append(Rejection(loop.id, AAA.from_segment(seg.segment)))
    return out


def _member(loop: LoopNode, d: Delimiters) -> Member:
    hl = loop.first("HL")
    out = Member(MEMBER_LOOPS[loop.id], HL.from_segment(hl.segment, d) if hl else None, None)
    for seg in loop.segments("AAA"):
        out.rejections.append(Rejection(loop.id, AAA.from_segment(seg.segment)))
    for name_loop in loop.loops():
        if not name_loop.id.startswith("2100"):
            continue
        for seg in name_loop.segments():
            sid = seg.id
            if sid == "NM1" and out.name is None:
                out.name = NM1.from_segment(seg.segment, d)
            elif sid == "DMG":
                out.demographics = DMG.from_segment(seg.segment, d)
            elif sid == "DTP":
                out.plan_dates.append(DTP.from_segment(seg.segment, d))
            elif sid == "AAA":
                out.rejections.append(Rejection(name_loop.id, AAA.from_segment(seg.segment)))
        for info in name_loop.loops():
            if info.first("EB") is not None:
                out.benefits.append(_benefit(info, d))
            for seg in info.segments("EQ"):
                out.inquiries.append(EQ.from_segment(seg.segment, d))
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
                name = NM1.from_segment(nm1.segment, d) if nm1 else None
                if child.id == "2100A":
                    out.information_source = name
                else:
                    out.information_receiver = name
                out.rejections += [
                    Rejection(child.id, AAA.from_segment(s.segment)) for s in child.segments("AAA")
                ]
            walk(child)  # dependents (2000D) nest under their subscriber (2000C)

    walk(tree)
    return out
