"""Build a 270 eligibility inquiry from convenient JSON fields.

Fields: ``information_source`` {name, id (payer id, NM108 PI)},
``information_receiver`` {name, npi (NM108 XX)}, ``subscriber`` {last_name,
first_name, member_id, dob, sex}, optional ``dependent`` {last_name,
first_name, dob, sex}, ``service_types`` (EQ01, default ``["30"]`` health
benefit plan coverage), ``date`` (DTP*291 plan date), ``reference`` (BHT03,
TRN02), ``created`` (BHT04). Structure per 005010X279A1: HL 20 → 21 → 22 (→ 23).
"""

from __future__ import annotations

from typing import Any

from ..errors import X12Error
from ..guidekit.values import date_x12, text_in
from ..segments import DEFAULT_DELIMITERS, Segment

GUIDE = "005010X279A1"


def _seg(seg_id: str, *elements: str) -> Segment:
    els = list(elements)
    while els and els[-1] == "":
        els.pop()
    return Segment(seg_id, els)


def _obj(obj: dict[str, Any], key: str, *, required: bool = True) -> dict[str, Any]:
    value = obj.get(key)
    if value is None and not required:
        return {}
    if not isinstance(value, dict):
        raise X12Error(f"270.{key} must be an object")
    return value


def _person(p: dict[str, Any], code: str, where: str, with_id: bool) -> list[Segment]:
    out = [
        _seg(
            "NM1",
            code,
            "1",
            text_in(p, "last_name", where, required=True),
            text_in(p, "first_name", where),
            "",
            "",
            "",
            "MI" if with_id else "",
            text_in(p, "member_id", where, required=with_id),
        )
    ]
    if p.get("dob") or p.get("sex"):
        out.append(
            _seg(
                "DMG",
                "D8" if p.get("dob") else "",
                date_x12(p.get("dob")),
                text_in(p, "sex", where),
            )
        )
    return out


def build_270(obj: dict[str, Any]) -> list[Segment]:
    """ST..SE of a 270 from the convenient fields."""
    source = _obj(obj, "information_source")
    receiver = _obj(obj, "information_receiver")
    subscriber = _obj(obj, "subscriber")
    dependent = _obj(obj, "dependent", required=False)
    ref = text_in(obj, "reference", "270") or "1"
    created = date_x12(obj.get("created")) or "20260101"
    types = obj.get("service_types") or ["30"]
    if not isinstance(types, list) or not all(isinstance(t, str) for t in types):
        raise X12Error("270.service_types must be a list of strings")
    control = text_in(obj, "control_number", "270") or "0001"
    rep = DEFAULT_DELIMITERS.repetition
    out = [
        Segment("ST", ["270", control, GUIDE]),
        _seg("BHT", "0022", "13", ref, created, "1200"),
        _seg("HL", "1", "", "20", "1"),
        _seg(
            "NM1",
            "PR",
            "2",
            text_in(source, "name", "270.information_source", required=True),
            "",
            "",
            "",
            "",
            "PI",
            text_in(source, "id", "270.information_source", required=True),
        ),
        _seg("HL", "2", "1", "21", "1"),
        _seg(
            "NM1",
            "1P",
            "2",
            text_in(receiver, "name", "270.information_receiver", required=True),
            "",
            "",
            "",
            "",
            "XX",
            text_in(receiver, "npi", "270.information_receiver", required=True),
        ),
        _seg("HL", "3", "2", "22", "1" if dependent else "0"),
        _seg("TRN", "1", ref, "9" + (text_in(receiver, "npi", "270")[:9] or "000000000")),
    ]
    out += _person(subscriber, "IL", "270.subscriber", True)
    eq_and_date = []
    if obj.get("date"):
        eq_and_date.append(_seg("DTP", "291", "D8", date_x12(obj["date"])))
    eq_and_date.append(_seg("EQ", rep.join(types)))
    if dependent:
        out += eq_and_date[:-1]
        out.append(_seg("HL", "4", "3", "23", "0"))
        out += _person(dependent, "03", "270.dependent", False)
        out += eq_and_date
    else:
        out += eq_and_date
    out.append(Segment("SE", [str(len(out) + 1), control]))
    return out
