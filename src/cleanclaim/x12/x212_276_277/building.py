"""Build a 276 claim status request from the convenient JSON fields.

The fields are those the JSON view shows (docs/x12-json-guides.md), so a
request read from a file can be sent again as a new transaction:

* ``information_source`` {name, id} -- the payer (NM1*PR, NM108 ``PI``);
* ``information_receiver`` {name, id} -- who asks (NM1*41, NM108 ``46``);
* ``claims``: each {``provider`` {name, id = NPI}, ``subscriber`` {name or
  last_name, first_name, id or member_id, dob, sex}, optional ``patient`` when
  the patient is a dependent, ``patient_control_number`` (TRN02, required),
  ``payer_claim_control_number`` (REF*1K), ``bill_type`` (REF*BLT),
  ``patient_account_number`` (REF*EJ), ``charge`` (AMT*T3),
  ``service_dates`` [{start, end} or {date}] (DTP*472), ``lines``
  [{procedure, modifiers, charge, units, service_dates}]};
* ``reference`` (BHT03), ``created`` (BHT04).

Claims are grouped into the guide's hierarchy (HL 20 → 21 → 19 per provider →
22 per subscriber → 23 per dependent, 005010X212); every missing required
field is an :class:`~cleanclaim.x12._errors.X12Error` naming it.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from .._errors import X12Error
from .._segments import DEFAULT_DELIMITERS, Segment
from ..guidekit.values import date_x12, decimal_in, list_in, text_in, x12_number
from ..guidekit.values import object_in as obj_in
from ..guidekit.values import segment as seg
from .parsing import VERSION


def name_of(p: dict[str, Any], where: str) -> tuple[str, str, str]:
    """(last or organization name, first name, id) accepting view or short keys."""
    last = text_in(p, "last_name", where) or text_in(p, "name", where)
    if not last:
        raise X12Error(f"{where}.name is required")
    ident = text_in(p, "member_id", where) or text_in(p, "id", where)
    return last, text_in(p, "first_name", where), ident


def dates_in(items: Any, qualifier: str, where: str) -> list[Segment]:
    """DTP segments from [{start, end}] or [{date}] items."""
    out = []
    for i, raw in enumerate(list_in(items, where)):
        d = obj_in(raw, f"{where}[{i}]")
        qual = text_in(d, "qualifier", where) or qualifier
        if d.get("start") or d.get("end"):
            out.append(
                seg("DTP", qual, "RD8", f"{date_x12(d.get('start'))}-{date_x12(d.get('end'))}")
            )
        else:
            out.append(seg("DTP", qual, "D8", date_x12(d.get("date"))))
    return out


def _dmg(p: dict[str, Any], where: str) -> list[Segment]:
    if not p.get("dob"):
        return []
    return [seg("DMG", "D8", date_x12(p["dob"]), text_in(p, "sex", where) or "U")]


def _claim(c: dict[str, Any], where: str, level: str) -> list[Segment]:
    out = [seg("TRN", "1", text_in(c, "patient_control_number", where, required=True))]
    for key, qual in (
        ("payer_claim_control_number", "1K"),
        ("bill_type", "BLT"),
        ("patient_account_number", "EJ"),
    ):
        if c.get(key):
            out.append(seg("REF", qual, text_in(c, key, where)))
    charge = decimal_in(c.get("charge"), f"{where}.charge")
    if charge is not None:
        out.append(seg("AMT", "T3", x12_number(charge)))
    out += dates_in(c.get("service_dates"), "472", f"{where}.service_dates")
    rep = DEFAULT_DELIMITERS.component
    for i, raw in enumerate(list_in(c.get("lines"), f"{where}.lines")):
        w = f"{where}.lines[{i}]"
        line = obj_in(raw, w)
        mods = [str(m) for m in list_in(line.get("modifiers"), f"{w}.modifiers")]
        proc = rep.join(
            [
                text_in(line, "qualifier", w) or "HC",
                text_in(line, "procedure", w, required=True),
                *mods,
            ]
        )
        charge = decimal_in(line.get("charge"), f"{w}.charge")
        if charge is None:
            raise X12Error(f"{w}.charge is required")
        units = decimal_in(line.get("units"), f"{w}.units")
        out.append(seg("SVC", proc, x12_number(charge), "", "", "", "", x12_number(units)))
        out += dates_in(line.get("service_dates"), "472", f"{w}.service_dates")
    return out


def _by_provider_and_subscriber(
    claims: list[Any], where: str
) -> dict[str, tuple[dict[str, Any], dict[str, Any]]]:
    """The claims in the guide's hierarchy: provider id → (provider, subscriber id →
    {"subscriber", "claims": [(dependent or None, claim, where)]}), in first-seen order."""
    tree: dict[str, tuple[dict[str, Any], dict[str, Any]]] = {}
    for i, raw in enumerate(claims):
        w = f"{where}.claims[{i}]"
        c = obj_in(raw, w)
        provider = obj_in(c.get("provider"), f"{w}.provider")
        subscriber = obj_in(c.get("subscriber") or c.get("patient"), f"{w}.subscriber")
        dependent = c.get("patient") if c.get("subscriber") else None
        pid = name_of(provider, f"{w}.provider")[2]
        sid = name_of(subscriber, f"{w}.subscriber")[2]
        entry = tree.setdefault(pid, (provider, {}))
        entry[1].setdefault(sid, {"subscriber": subscriber, "claims": []})["claims"].append(
            (obj_in(dependent, f"{w}.patient") if dependent else None, c, w)
        )
    return tree


def build_276(obj: dict[str, Any]) -> list[Segment]:
    """ST..SE of a 276 from the convenient fields."""
    return _hierarchy(obj, "276", ("13",), lambda c, w, level, _created: _claim(c, w, level))


ClaimLoop = Callable[[dict[str, Any], str, str, str], list[Segment]]


def _hierarchy(
    obj: dict[str, Any], where: str, bht: tuple[str, ...], claim_loop: ClaimLoop
) -> list[Segment]:
    """ST..SE of a 276 or 277: the source, receiver, provider, subscriber and dependent
    levels (HL 20/21/19/22/23) walked once, each claim's segments by ``claim_loop(claim,
    where, level, created)``. The 276 alone carries DMG and needs a dependent's birth
    date; ``bht``: BHT02 and what follows BHT06 (the 277's BHT07 ``DG``)."""
    inquiry = where == "276"
    source = obj_in(obj.get("information_source"), f"{where}.information_source")
    receiver = obj_in(obj.get("information_receiver"), f"{where}.information_receiver")
    claims = list_in(obj.get("claims"), f"{where}.claims")
    if not claims:
        raise X12Error(f"{where}.claims must list at least one claim")
    created = date_x12(obj.get("created"))
    if not created:
        raise X12Error(f"{where}.created is required")
    control = text_in(obj, "control_number", where) or "0001"
    src_name, _, src_id = name_of(source, f"{where}.information_source")
    rcv_name, _, rcv_id = name_of(receiver, f"{where}.information_receiver")
    reference = text_in(obj, "reference", where) or "1"
    out = [
        Segment("ST", [where, control, VERSION]),
        seg("BHT", "0010", bht[0], reference, created, "1200", *bht[1:]),
        seg("HL", "1", "", "20", "1"),
        seg("NM1", "PR", "2", src_name, "", "", "", "", "PI", src_id),
        seg("HL", "2", "1", "21", "1"),
        seg("NM1", "41", "2", rcv_name, "", "", "", "", "46", rcv_id),
    ]
    tree = _by_provider_and_subscriber(claims, where)
    hl = 2
    for provider, subscribers in tree.values():
        hl += 1
        provider_hl = hl
        p_name, p_first, p_id = name_of(provider, f"{where}.provider")
        out += [
            seg("HL", str(hl), "2", "19", "1"),
            seg("NM1", "1P", "1" if p_first else "2", p_name, p_first, "", "", "", "XX", p_id),
        ]
        for group in subscribers.values():
            hl += 1
            sub_hl = hl
            s = group["subscriber"]
            has_dependents = any(dep is not None for dep, _, _ in group["claims"])
            s_name, s_first, s_id = name_of(s, f"{where}.subscriber")
            out.append(seg("HL", str(hl), str(provider_hl), "22", "1" if has_dependents else "0"))
            if inquiry:
                out += _dmg(s, f"{where}.subscriber")
            out.append(seg("NM1", "IL", "1", s_name, s_first, "", "", "", "MI", s_id))
            for dep, c, w in group["claims"]:
                if dep is None:
                    out += claim_loop(c, w, "22", created)
            for dep, c, w in group["claims"]:
                if dep is not None:
                    hl += 1
                    d_name, d_first, _ = name_of(dep, f"{w}.patient")
                    if inquiry and not dep.get("dob"):
                        raise X12Error(f"{w}.patient.dob is required for a dependent")
                    out.append(seg("HL", str(hl), str(sub_hl), "23"))
                    if inquiry:
                        out += _dmg(dep, f"{w}.patient")
                    out.append(seg("NM1", "QC", "1", d_name, d_first))
                    out += claim_loop(c, w, "23", created)
    out.append(Segment("SE", [str(len(out) + 1), control]))
    return out


def _status(s: dict[str, Any], where: str, default_date: str) -> Segment:
    """STC: C043 (category : status : entity), STC02 date, STC04 charge, STC05 paid."""
    comp = DEFAULT_DELIMITERS.component
    info = [
        text_in(s, "category", where, required=True),
        text_in(s, "status_code", where, required=True),
        text_in(s, "entity", where),
    ]
    while info and not info[-1]:
        info.pop()
    return seg(
        "STC",
        comp.join(info),
        date_x12(s.get("date")) or default_date,
        "",
        x12_number(decimal_in(s.get("charge"), f"{where}.charge")),
        x12_number(decimal_in(s.get("paid"), f"{where}.paid")),
    )


def _answered_claim(c: dict[str, Any], where: str, date: str) -> list[Segment]:
    """2200D/2200E of a 277: TRN*2, the STCs, REF*1K/BLT/EJ, DTP*472."""
    statuses = list_in(c.get("statuses"), f"{where}.statuses")
    if not statuses:
        raise X12Error(f"{where}.statuses must give at least one status (STC)")
    out = [seg("TRN", "2", text_in(c, "patient_control_number", where, required=True))]
    out += [
        _status(obj_in(s, f"{where}.statuses[{n}]"), f"{where}.statuses[{n}]", date)
        for n, s in enumerate(statuses)
    ]
    for key, qual in (
        ("payer_claim_control_number", "1K"),
        ("bill_type", "BLT"),
        ("patient_account_number", "EJ"),
    ):
        if c.get(key):
            out.append(seg("REF", qual, text_in(c, key, where)))
    out += dates_in(c.get("service_dates"), "472", f"{where}.service_dates")[:1]
    return out


def build_277(obj: dict[str, Any]) -> list[Segment]:
    """ST..SE of a 277 claim status response from the convenient fields.

    The fields are a 276's (above) with, per claim, ``statuses`` [{category, status_code,
    entity, date, charge, paid}] (STC01-1/-2/-3, STC02, STC04, STC05); ``created`` is
    BHT04 and the default status date. The hierarchy is the 276's (HL 20 → 21 → 19 →
    22 → 23, 005010X212); the subscriber carries no DMG in a 277.
    """
    return _hierarchy(
        obj, "277", ("08", "DG"), lambda c, w, _level, created: _answered_claim(c, w, created)
    )
