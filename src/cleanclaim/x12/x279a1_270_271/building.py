"""Build a 270 inquiry or a 271 response from the convenient JSON fields.

The fields are those the JSON view shows (docs/x12-json-guides.md), so a view
read from a file can be written back as a new transaction:

* ``information_source`` {name, id} (NM1*PR, NM108 ``PI``);
* ``information_receiver`` {name, id or npi} (NM1*1P, NM108 ``XX``);
* ``members``: the subscriber first, then an optional dependent, each
  {last_name, first_name, member_id, dob, sex, plan_dates, and for a 270
  ``service_types`` (EQ01, default ``["30"]``), for a 271 ``benefits`` and
  ``rejections``}; the shorthand ``subscriber``/``dependent`` objects with a
  top-level ``service_types`` and ``date`` (DTP*291) are accepted too;
* ``reference`` (BHT03, TRN02), ``created`` (BHT04).

HL numbers, parent pointers and child codes are computed (HL 20 → 21 → 22 →
23, 005010X279A1); every missing required field is an
:class:`~cleanclaim.x12._errors.X12Error` naming it.
"""

from __future__ import annotations

from typing import Any

from .._errors import X12Error
from .._segments import DEFAULT_DELIMITERS, Segment
from ..guidekit.values import date_x12, decimal_in, text_in, x12_number
from ..guidekit.values import list_in as _list
from ..guidekit.values import object_in as _obj
from ..guidekit.values import segment as _seg
from .parsing import VERSION


def _strings(value: Any, where: str) -> list[str]:
    items = _list(value, where)
    if not all(isinstance(x, str) for x in items):
        raise X12Error(f"{where} must be a list of strings")
    return items


def _members(obj: dict[str, Any], set_id: str) -> list[dict[str, Any]]:
    """The members list, from ``members`` or the ``subscriber``/``dependent`` shorthand."""
    if obj.get("members") is not None:
        members = [
            _obj(m, f"{set_id}.members[{i}]")
            for i, m in enumerate(_list(obj["members"], f"{set_id}.members"))
        ]
    else:
        if obj.get("subscriber") is None:
            if set_id == "271":
                return []
            raise X12Error(f"{set_id}.subscriber (or members) is required")
        members = [dict(_obj(obj.get("subscriber"), f"{set_id}.subscriber"), level="subscriber")]
        if obj.get("dependent") is not None:
            members.append(dict(_obj(obj["dependent"], f"{set_id}.dependent"), level="dependent"))
        for m in members:
            if obj.get("service_types") is not None:
                m.setdefault("service_types", obj["service_types"])
            if obj.get("date"):
                m.setdefault("plan_dates", [{"qualifier": "291", "date": obj["date"]}])
    if not members and set_id == "270":
        raise X12Error(f"{set_id}.members must name the subscriber")
    if len(members) > 2:
        raise X12Error(f"{set_id}.members: one subscriber and at most one dependent")
    return members


def _dates(items: Any, where: str) -> list[Segment]:
    out = []
    for i, raw in enumerate(_list(items, where)):
        d = _obj(raw, f"{where}[{i}]")
        qual = text_in(d, "qualifier", f"{where}[{i}]", required=True)
        if d.get("start") or d.get("end"):
            period = f"{date_x12(d.get('start'))}-{date_x12(d.get('end'))}"
            out.append(_seg("DTP", qual, "RD8", period))
        else:
            out.append(_seg("DTP", qual, "D8", date_x12(d.get("date"))))
    return out


def _rejections(items: Any, where: str) -> list[Segment]:
    out = []
    for i, raw in enumerate(_list(items, where)):
        r = _obj(raw, f"{where}[{i}]")
        valid = "Y" if r.get("valid_request") else "N"
        out.append(
            _seg(
                "AAA",
                valid,
                "",
                text_in(r, "reason", where, required=True),
                text_in(r, "follow_up_action", where, required=True),
            )
        )
    return out


def _benefits(items: Any, where: str, rep: str) -> list[Segment]:
    out = []
    for i, raw in enumerate(_list(items, where)):
        w = f"{where}[{i}]"
        b = _obj(raw, w)
        in_network = b.get("in_network")
        flag = {True: "Y", False: "N", None: ""}.get(in_network, str(in_network))
        out.append(
            _seg(
                "EB",
                text_in(b, "eligibility_code", w, required=True),
                text_in(b, "coverage_level", w),
                rep.join(_strings(b.get("service_types"), f"{w}.service_types")),
                text_in(b, "insurance_type", w),
                text_in(b, "plan_description", w),
                text_in(b, "time_period", w),
                x12_number(decimal_in(b.get("amount"), f"{w}.amount")),
                x12_number(decimal_in(b.get("percent"), f"{w}.percent")),
                text_in(b, "quantity_qualifier", w),
                x12_number(decimal_in(b.get("quantity"), f"{w}.quantity")),
                text_in(b, "authorization_required", w),
                flag,
            )
        )
        out += _dates(b.get("dates"), f"{w}.dates")
        out += _rejections(b.get("rejections"), f"{w}.rejections")
        out += [_seg("MSG", m) for m in _strings(b.get("messages"), f"{w}.messages")]
    return out


def _member(m: dict[str, Any], where: str, set_id: str, code: str, patient: bool) -> list[Segment]:
    with_id = code == "IL"
    member_id = text_in(m, "member_id", where, required=with_id)
    out = [
        _seg(
            "NM1",
            code,
            "1",
            # a subscriber may be named by member id alone when a dependent is asked about
            text_in(m, "last_name", where, required=not member_id),
            text_in(m, "first_name", where),
            "",
            "",
            "",
            "MI" if member_id else "",
            member_id,
        )
    ]
    out += _rejections(m.get("rejections"), f"{where}.rejections")
    if m.get("dob") or m.get("sex"):
        out.append(
            _seg(
                "DMG",
                "D8" if m.get("dob") else "",
                date_x12(m.get("dob")),
                text_in(m, "sex", where),
            )
        )
    out += _dates(m.get("plan_dates"), f"{where}.plan_dates")
    rep = DEFAULT_DELIMITERS.repetition
    if set_id == "270":
        # The inquiry (EQ) goes with the patient; "30" (health benefit plan coverage)
        # when no service type is named. A subscriber asked about with a dependent
        # carries an EQ only when one is given.
        types = _strings(m.get("service_types"), f"{where}.service_types")
        if patient and not types:
            types = ["30"]
        if types:
            out.append(_seg("EQ", rep.join(types)))
    else:
        out += _benefits(m.get("benefits"), f"{where}.benefits", rep)
    return out


def _party(obj: dict[str, Any], key: str, code: str, qualifier: str, set_id: str) -> Segment:
    where = f"{set_id}.{key}"
    p = _obj(obj.get(key), where)
    ident = text_in(p, "id", where) or text_in(p, "npi", where)
    if not ident:
        raise X12Error(f"{where}.id is required")
    return _seg(
        "NM1",
        code,
        "2",
        text_in(p, "name", where, required=True),
        "",
        "",
        "",
        "",
        text_in(p, "id_qualifier", where) or qualifier,
        ident,
    )


def _build(obj: dict[str, Any], set_id: str) -> list[Segment]:
    members = _members(obj, set_id)
    ref = text_in(obj, "reference", set_id) or "1"
    created = date_x12(obj.get("created"))
    if not created:
        raise X12Error(f"{set_id}.created (the date the {set_id} is made) is required")
    control = text_in(obj, "control_number", set_id) or "0001"
    purpose = "11" if set_id == "271" else "13"
    out = [
        Segment("ST", [set_id, control, VERSION]),
        _seg("BHT", "0022", purpose, ref, created, "1200"),
        _seg("HL", "1", "", "20", "1"),
        _party(obj, "information_source", "PR", "PI", set_id),
    ]
    # AAA rejections of the source (2100A) or of the receiver (2100B, "loop": "2100B")
    top = _list(obj.get("rejections"), f"{set_id}.rejections")
    at_receiver = [r for r in top if isinstance(r, dict) and r.get("loop") == "2100B"]
    at_source = [r for r in top if not (isinstance(r, dict) and r.get("loop") == "2100B")]
    out += _rejections(at_source, f"{set_id}.rejections")
    receiver = _party(obj, "information_receiver", "1P", "XX", set_id)
    out += [_seg("HL", "2", "1", "21", "1" if members else "0"), receiver]
    out += _rejections(at_receiver, f"{set_id}.rejections")
    trn_type = "1" if set_id == "270" else "2"
    originator = "9" + (receiver.get(9).rjust(9, "0")[-9:])
    for n, member in enumerate(members):
        where = f"{set_id}.members[{n}]"
        dependent = n == 1
        hl = (
            _seg("HL", "4", "3", "23", "0")
            if dependent
            else _seg("HL", "3", "2", "22", "1" if len(members) > 1 else "0")
        )
        out += [hl, _seg("TRN", trn_type, f"{ref}-{n + 1}", originator)]
        patient = n == len(members) - 1
        out += _member(member, where, set_id, "03" if dependent else "IL", patient)
    out.append(Segment("SE", [str(len(out) + 1), control]))
    return out


def build_270(obj: dict[str, Any]) -> list[Segment]:
    """ST..SE of a 270 eligibility inquiry from the convenient fields."""
    return _build(obj, "270")


def build_271(obj: dict[str, Any]) -> list[Segment]:
    """ST..SE of a 271 eligibility response from the convenient fields."""
    return _build(obj, "271")
