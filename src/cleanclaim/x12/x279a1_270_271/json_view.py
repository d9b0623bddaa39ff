"""270/271 convenient JSON fields (docs/x12-json-guides.md, view version 1).

271: ``members`` (subscriber, dependents) with their plan dates, ``benefits``
from EB (eligibility code EB01, coverage level EB02, service types EB03,
insurance type EB04, plan description EB05, time period EB06, amount EB07,
percent EB08, quantity EB09/EB10, authorization EB11, in-network EB12, MSG
messages) and ``rejections`` from AAA (valid request AAA01, reason AAA03,
follow-up action AAA04) at every level. 270: the same ``members`` with the
service types asked (EQ01).
"""

from __future__ import annotations

from typing import Any

from ..guidekit.reading import Placed
from ..guidekit.tree import LoopNode, SegNode
from ..guidekit.values import date_json, json_money, money
from ..segments import Delimiters

_LEVEL = {"2000C": "subscriber", "2000D": "dependent"}


def _aaa(seg: SegNode, loop: str) -> dict[str, Any]:
    return {
        "loop": loop,
        "valid_request": seg.get(1) == "Y",
        "reason": seg.get(3),
        "follow_up_action": seg.get(4),
    }


def _date(seg: SegNode) -> dict[str, Any]:
    value = seg.get(3)
    if seg.get(2) == "RD8" and "-" in value:
        start, end = value.split("-", 1)
        return {"qualifier": seg.get(1), "start": date_json(start), "end": date_json(end)}
    return {"qualifier": seg.get(1), "date": date_json(value)}


def _benefit(loop: LoopNode, d: Delimiters) -> dict[str, Any]:
    eb = loop.first("EB")
    assert eb is not None
    rep = d.repetition or "^"
    percent = money(eb.get(8))
    return {
        "eligibility_code": eb.get(1),
        "coverage_level": eb.get(2) or None,
        "service_types": [s for s in eb.get(3).split(rep) if s],
        "insurance_type": eb.get(4) or None,
        "plan_description": eb.get(5) or None,
        "time_period": eb.get(6) or None,
        "amount": json_money(money(eb.get(7))),
        "percent": json_money(percent),
        "quantity_qualifier": eb.get(9) or None,
        "quantity": eb.get(10) or None,
        "authorization_required": eb.get(11) or None,
        "in_network": {"Y": True, "N": False}.get(eb.get(12)),
        "dates": [_date(s) for s in loop.segments("DTP")],
        "messages": [s.get(1) for s in loop.walk() if s.id == "MSG"],
        "rejections": [_aaa(s, loop.id) for s in loop.walk() if s.id == "AAA"],
    }


def _member(loop: LoopNode, d: Delimiters) -> dict[str, Any]:
    out: dict[str, Any] = {"level": _LEVEL.get(loop.id, loop.id)}
    rejections: list[dict[str, Any]] = []
    for name_loop in loop.loops():
        if not name_loop.id.startswith("2100"):
            continue
        nm1 = name_loop.first("NM1")
        if nm1 is not None:
            out.update(
                last_name=nm1.get(3), first_name=nm1.get(4) or None, member_id=nm1.get(9) or None
            )
        dmg = name_loop.first("DMG")
        if dmg is not None:
            out.update(dob=date_json(dmg.get(2)), sex=dmg.get(3) or None)
        out["plan_dates"] = [_date(s) for s in name_loop.segments("DTP")]
        out["service_types"] = [
            t
            for s in name_loop.walk()
            if s.id == "EQ"
            for t in s.get(1).split(d.repetition or "^")
            if t
        ]
        out["benefits"] = [_benefit(b, d) for b in name_loop.loops() if b.first("EB")]
        rejections += [_aaa(s, name_loop.id) for s in name_loop.segments("AAA")]
    out["rejections"] = rejections + [_aaa(s, loop.id) for s in loop.segments("AAA")]
    return out


def fields(placed: Placed, d: Delimiters) -> dict[str, Any]:
    """The convenient fields of a 270 or 271."""
    members: list[dict[str, Any]] = []
    rejections: list[dict[str, Any]] = []
    parties: dict[str, Any] = {}

    def walk(node: LoopNode) -> None:
        for child in node.loops():
            if child.id in _LEVEL:
                members.append(_member(child, d))
            elif child.id.startswith("2100") and child.id[-1] in "AB":
                nm1 = child.first("NM1")
                key = "information_source" if child.id == "2100A" else "information_receiver"
                if nm1 is not None:
                    parties[key] = {
                        "name": nm1.get(3),
                        "id_qualifier": nm1.get(8) or None,
                        "id": nm1.get(9) or None,
                    }
                rejections.extend(_aaa(s, child.id) for s in child.segments("AAA"))
            if child.id not in _LEVEL:
                walk(child)

    walk(placed.tree)
    bht = placed.tree.first("BHT")
    return {
        "purpose_code": bht.get(2) if bht else None,
        "reference": bht.get(3) if bht else None,
        "created": date_json(bht.get(4)) if bht else None,
        **parties,
        "members": members,
        "rejections": rejections,
    }
