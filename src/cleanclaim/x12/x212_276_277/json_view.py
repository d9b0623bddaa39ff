"""276/277 and 277CA convenient JSON fields (docs/x12-json-guides.md, version 1).

``claims``: one entry per claim status tracking loop (2200D/2200E; 276 the
inquiry, 277/277CA the answer): ``patient_control_number`` (TRN02),
``payer_claim_control_number`` (REF*1K), ``clearinghouse_trace`` (REF*D9),
``service_dates`` (DTP*472), ``charge`` (276 AMT*T3), and ``statuses`` from
each STC: ``category`` (STC01-1, e.g. A2 accepted, A7 rejected),
``status_code`` (STC01-2, code list 508), ``entity`` (STC01-3), ``date``
(STC02), ``action`` (STC03), ``charge`` (STC04), ``paid`` (STC05), more
category/status pairs (STC10, STC11) and ``message`` (STC12).
``parties``: the source, receiver, provider (names and ids) with any
status they carry (277CA 2200B/2200C acknowledgments).
"""

from __future__ import annotations

from typing import Any

from ..guidekit.reading import Placed
from ..guidekit.tree import LoopNode, SegNode
from ..guidekit.values import date_json, json_money, money
from ..segments import Delimiters

_CLAIM_LOOPS = ("2200D", "2200E")
_PARTIES = {
    "2000A": "information_source",
    "2000B": "information_receiver",
    "2000C": "provider",
    "2000D": "subscriber",
    "2000E": "dependent",
}


def _stc(seg: SegNode, d: Delimiters) -> dict[str, Any]:
    parts = seg.get(1).split(d.component)
    extra = []
    for n in (10, 11):
        if seg.get(n):
            p = seg.get(n).split(d.component)
            extra.append(
                {
                    "category": p[0],
                    "status_code": p[1] if len(p) > 1 else None,
                    "entity": p[2] if len(p) > 2 else None,
                }
            )
    return {
        "category": parts[0],
        "status_code": parts[1] if len(parts) > 1 else None,
        "entity": parts[2] if len(parts) > 2 else None,
        "date": date_json(seg.get(2)),
        "action": seg.get(3) or None,
        "charge": json_money(money(seg.get(4))),
        "paid": json_money(money(seg.get(5))),
        "more": extra,
        "message": seg.get(12) or None,
    }


def _claim(loop: LoopNode, d: Delimiters, patient: dict[str, Any] | None) -> dict[str, Any]:
    trn = loop.first("TRN")
    refs = {s.get(1): s.get(2) for s in loop.segments("REF")}
    amt = loop.first("AMT", "T3")
    return {
        "patient_control_number": trn.get(2) if trn else None,
        "payer_claim_control_number": refs.get("1K"),
        "clearinghouse_trace": refs.get("D9"),
        "bill_type": refs.get("BLT"),
        "patient": patient,
        "charge": json_money(money(amt.get(2))) if amt else None,
        "service_dates": [date_json(s.get(3)) for s in loop.segments("DTP")],
        "statuses": [_stc(s, d) for s in loop.segments("STC")],
        "lines": [
            {
                "procedure": [*svc.get(1).split(d.component), ""][1] if svc else None,
                "charge": json_money(money(svc.get(2))) if svc else None,
                "statuses": [_stc(s, d) for s in line.segments("STC")],
            }
            for line in loop.loops()
            for svc in [line.first("SVC")]
        ],
    }


def fields(placed: Placed, d: Delimiters) -> dict[str, Any]:
    """The convenient fields of a 276, 277 or 277CA."""
    claims: list[dict[str, Any]] = []
    parties: list[dict[str, Any]] = []

    def walk(node: LoopNode, patient: dict[str, Any] | None) -> None:
        for child in node.loops():
            if child.id in _CLAIM_LOOPS:
                claims.append(_claim(child, d, patient))
                continue
            if child.id in _PARTIES:
                name_loop = next((n for n in child.loops() if n.id.startswith("2100")), None)
                nm1 = name_loop.first("NM1") if name_loop else None
                who = None
                if nm1 is not None:
                    who = {
                        "name": nm1.get(3),
                        "first_name": nm1.get(4) or None,
                        "id_qualifier": nm1.get(8) or None,
                        "id": nm1.get(9) or None,
                    }
                statuses = [
                    _stc(s, d)
                    for n in child.loops()
                    if n.id.startswith("2200") and n.id not in _CLAIM_LOOPS
                    for s in n.segments("STC")
                ]
                parties.append({"role": _PARTIES[child.id], **(who or {}), "statuses": statuses})
                walk(child, who if child.id in ("2000D", "2000E") else patient)
            else:
                walk(child, patient)

    walk(placed.tree, None)
    bht = placed.tree.first("BHT")
    return {
        "purpose_code": bht.get(2) if bht else None,
        "reference": bht.get(3) if bht else None,
        "created": date_json(bht.get(4)) if bht else None,
        "parties": parties,
        "claims": claims,
    }
