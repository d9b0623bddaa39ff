"""The 999 part of the JSON view: who was acknowledged and what was wrong.

``{"acknowledgment": {"group": {...}, "result": {...}, "transaction_sets": [...]}}``
(see docs/x12-json.md). ``from_json`` builds a 999 from the same shape.
"""

from __future__ import annotations

from typing import Any

from ..errors import X12Error
from ..segments import Delimiters
from .loops import Loop2000, Loop2100, Loop2110, Transaction999
from .segments import AK1, AK2, AK9, CTX, IK3, IK4, IK5, SE, ST

__all__ = ["from_json", "to_json"]


def _codes(*values: str) -> list[str]:
    return [v for v in values if v]


def to_json(tx: Transaction999, delimiters: Delimiters) -> dict[str, Any]:
    ak1, ak9 = tx.ak1, tx.ak9
    sets = []
    for r in tx.responses:
        errors = []
        for e in r.errors:
            ik3 = e.ik3
            errors.append(
                {
                    "segment_id": ik3.segment_id_code if ik3 else "",
                    "position": ik3.segment_position_in_transaction_set if ik3 else "",
                    "loop": ik3.loop_identifier_code if ik3 else "",
                    "code": ik3.implementation_segment_syntax_error_code if ik3 else "",
                    "context": [
                        delimiters.element.join(c.to_segment(delimiters).elements) for c in e.ctx
                    ],
                    "element_errors": [
                        {
                            "position": el.ik4.component(1, 1),
                            "component": el.ik4.component(1, 2),
                            "repetition": el.ik4.component(1, 3),
                            "reference": el.ik4.data_element_reference_number,
                            "code": el.ik4.implementation_data_element_syntax_error_code,
                            "value": el.ik4.copy_of_bad_data_element,
                        }
                        for el in e.elements
                        if el.ik4 is not None
                    ],
                }
            )
        ik5 = r.ik5
        sets.append(
            {
                "transaction_set": r.ak2.transaction_set_identifier_code if r.ak2 else "",
                "control_number": r.ak2.transaction_set_control_number if r.ak2 else "",
                "version": r.ak2.implementation_convention_reference if r.ak2 else "",
                "status": ik5.transaction_set_acknowledgment_code if ik5 else "",
                "error_codes": _codes(
                    *(getattr(ik5, f"syntax_error_code_{i}") for i in range(1, 6))
                )
                if ik5
                else [],
                "segment_errors": errors,
            }
        )
    return {
        "acknowledgment": {
            "group": {
                "functional_id": ak1.functional_identifier_code if ak1 else "",
                "control_number": ak1.group_control_number if ak1 else "",
                "version": ak1.version_release_industry_identifier_code if ak1 else "",
            },
            "result": {
                "code": ak9.functional_group_acknowledge_code if ak9 else "",
                "included": ak9.number_of_transaction_sets_included if ak9 else "",
                "received": ak9.number_of_received_transaction_sets if ak9 else "",
                "accepted": ak9.number_of_accepted_transaction_sets if ak9 else "",
                "error_codes": _codes(
                    *(getattr(ak9, f"functional_group_syntax_error_code_{i}") for i in range(1, 6))
                )
                if ak9
                else [],
            },
            "transaction_sets": sets,
        }
    }


def _s(obj: Any, key: str, where: str, required: bool = False) -> str:
    v = obj.get(key, "") if isinstance(obj, dict) else ""
    if v is None:
        v = ""
    if not isinstance(v, (str, int)) or isinstance(v, bool):
        raise X12Error(f"{where}.{key} must be a string")
    if required and v == "":
        raise X12Error(f"{where}.{key} is required")
    return str(v)


def from_json(obj: dict[str, Any]) -> Transaction999:
    ack = obj.get("acknowledgment")
    if not isinstance(ack, dict):
        raise X12Error('a 999 needs an "acknowledgment" object')
    group = ack.get("group") or {}
    result = ack.get("result") or {}
    ctl = _s(obj, "control_number", "transaction") or "0001"
    tx = Transaction999(
        st=ST("999", ctl.rjust(4, "0"), "005010X231A1"),
        ak1=AK1(
            _s(group, "functional_id", "group", True),
            _s(group, "control_number", "group", True),
            _s(group, "version", "group"),
        ),
    )
    accepted = 0
    sets = ack.get("transaction_sets") or []
    if not isinstance(sets, list):
        raise X12Error("acknowledgment.transaction_sets must be a list")
    for i, ts in enumerate(sets):
        w = f"transaction_sets[{i}]"
        loop = Loop2000(
            ak2=AK2(
                _s(ts, "transaction_set", w, True),
                _s(ts, "control_number", w, True),
                _s(ts, "version", w),
            )
        )
        for j, err in enumerate(ts.get("segment_errors") or []):
            ew = f"{w}.segment_errors[{j}]"
            e = Loop2100(
                ik3=IK3(
                    _s(err, "segment_id", ew, True),
                    _s(err, "position", ew, True),
                    _s(err, "loop", ew),
                    _s(err, "code", ew, True),
                )
            )
            for ctx in err.get("context") or []:
                e.ctx.append(CTX((str(ctx),)))
            for k, el in enumerate(err.get("element_errors") or []):
                lw = f"{ew}.element_errors[{k}]"
                pos = tuple(p for p in (_s(el, "position", lw, True), _s(el, "component", lw)) if p)
                e.elements.append(
                    Loop2110(
                        ik4=IK4(
                            pos,
                            _s(el, "reference", lw),
                            _s(el, "code", lw, True),
                            _s(el, "value", lw),
                        )
                    )
                )
            loop.errors.append(e)
        status = _s(ts, "status", w) or ("R" if loop.errors else "A")
        codes = [str(c) for c in ts.get("error_codes") or []][:5]
        loop.ik5 = IK5(status, *codes)
        accepted += status in ("A", "E")
        tx.responses.append(loop)
    received = len(tx.responses)
    code = _s(result, "code", "result") or (
        "A" if accepted == received else "R" if accepted == 0 else "P"
    )
    tx.ak9 = AK9(
        code,
        _s(result, "included", "result") or str(received),
        _s(result, "received", "result") or str(received),
        _s(result, "accepted", "result") or str(accepted),
        *[str(c) for c in result.get("error_codes") or []][:5],
    )
    tx.se = SE("0", tx.st.transaction_set_control_number if tx.st else "0001")
    return tx
