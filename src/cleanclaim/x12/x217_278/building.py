"""Build a 278 request (or response) from the convenient JSON fields.

The fields are those the JSON view shows (:mod:`.json`,
docs/x12-json-guides.md), so a view read from a file builds a new transaction:

* ``umo`` {name, id, phone} (2010A NM1*X3, NM108 ``PI`` unless ``id_qualifier``;
  the PER contact in a response only);
* ``requester`` {name or last_name/first_name, npi or id, taxonomy} (2010B
  NM1*1P, NM108 ``XX``; PRV*PE*PXC when a taxonomy is given);
* ``subscriber`` {last_name, first_name, member_id or id, dob, sex} (2010C
  NM1*IL, NM108 ``MI``) and an optional ``dependent`` (2010D NM1*QC);
* ``event`` (2000E): ``request_category`` (UM01, required),
  ``certification_type`` (UM02, default ``I`` initial), ``service_type``,
  ``facility_code`` (UM04, qualifier ``B`` place of service unless
  ``facility_code_qualifier``), ``level_of_service``, ``decision`` (HCR, for
  a response), ``previous_authorization`` (REF*BB),
  ``administrative_reference`` (REF*NT), ``dates`` ({qualifier, date} or
  {qualifier, start, end}), ``diagnoses`` ({qualifier, code}, default
  qualifier ``ABF``, the first ``ABK``), ``delivery`` (HSD), ``providers``
  (2010EA, ``entity`` default ``SJ``), ``transport`` (2010EB, ``entity``
  default ``PW``), ``traces`` (TRN; default one with BHT03's reference) and
  ``services`` (2000F, each with
  ``procedure`` {qualifier (default ``HC``), code, modifiers}, ``line``
  professional/institutional (SV1/SV2), ``revenue_code``, ``charge``,
  ``unit``, ``quantity``, ``dates`` (DTP*472), ``decision``, ``delivery``,
  ``providers`` (2010F));
* ``reference`` (BHT03, TRN02), ``created`` (BHT04, required), ``kind``
  (``request`` by default, BHT02 13; ``response``, BHT02 11).

HL numbers, parent pointers and child codes are computed (HL 20 → 21 → 22 →
(23) → EV → SS, 005010X217); every missing required field is an
:class:`~cleanclaim.x12._errors.X12Error` naming it. Not built: AAA request
validations, CRC/CR1-CR6/CL1/PWK/MSG (the JSON view does not show them either).
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

#: DTP01 in the order the guide lists the dates (2000E, then 2000F).
EVENT_DATES = ("439", "484", "ABC", "431", "AAH", "435", "096", "102", "036", "007")
SERVICE_DATES = ("472", "102", "036", "007")


def _comp(*parts: str) -> str:
    out = list(parts)
    while out and out[-1] == "":
        out.pop()
    return DEFAULT_DELIMITERS.component.join(out)


def _name(p: dict[str, Any], where: str, entity: str, qualifier: str, ident: str) -> Segment:
    org = text_in(p, "name", where)
    last = "" if org else text_in(p, "last_name", where, required=True)
    return _seg(
        "NM1",
        text_in(p, "entity", where) or entity,
        "2" if org else "1",
        org or last,
        "" if org else text_in(p, "first_name", where),
        "",
        "",
        "",
        (text_in(p, "id_qualifier", where) or qualifier) if ident else "",
        ident,
    )


def _party(
    p: dict[str, Any], where: str, entity: str, qualifier: str, id_keys: tuple[str, ...]
) -> list[Segment]:
    ident = next((text_in(p, k, where) for k in id_keys if text_in(p, k, where)), "")
    out = [_name(p, where, entity, qualifier, ident)]
    for i, raw in enumerate(_list(p.get("references"), f"{where}.references")):
        r = _obj(raw, f"{where}.references[{i}]")
        w = f"{where}.references[{i}]"
        out.append(
            _seg(
                "REF", text_in(r, "qualifier", w, required=True), text_in(r, "id", w, required=True)
            )
        )
    address = p.get("address")
    if address is not None:
        a = _obj(address, f"{where}.address")
        lines = [str(x) for x in _list(a.get("lines"), f"{where}.address.lines")]
        if lines:
            out.append(_seg("N3", *lines[:2]))
        out.append(
            _seg(
                "N4",
                text_in(a, "city", f"{where}.address", required=True),
                text_in(a, "state", f"{where}.address"),
                text_in(a, "postal_code", f"{where}.address"),
            )
        )
    return out


def _member(p: dict[str, Any], where: str, entity: str) -> list[Segment]:
    out = _party(p, where, entity, "MI", ("member_id", "id"))
    if entity == "IL" and out[0].get(9) == "":
        raise X12Error(f"{where}.member_id is required")
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


def _provider(p: dict[str, Any], where: str, entity: str) -> list[Segment]:
    out = _party(p, where, entity, "XX", ("npi", "id"))
    if p.get("phone"):
        out.append(_seg("PER", "IC", "", "TE", text_in(p, "phone", where)))
    if p.get("taxonomy"):
        out.append(
            _seg(
                "PRV",
                text_in(p, "provider_code", where) or "PE",
                "PXC",
                text_in(p, "taxonomy", where),
            )
        )
    return out


def _dates(items: Any, where: str, order: tuple[str, ...], default: str = "") -> list[Segment]:
    out = []
    for i, raw in enumerate(_list(items, where)):
        w = f"{where}[{i}]"
        d = _obj(raw, w)
        qual = text_in(d, "qualifier", w) or default
        if qual not in order:
            raise X12Error(
                f"{w}.qualifier {qual!r} is not a date of this level ({', '.join(order)})"
            )
        if d.get("start") or d.get("end"):
            out.append(
                _seg("DTP", qual, "RD8", f"{date_x12(d.get('start'))}-{date_x12(d.get('end'))}")
            )
        else:
            out.append(_seg("DTP", qual, "D8", date_x12(text_in(d, "date", w, required=True))))
    return sorted(out, key=lambda s: order.index(s.get(1)))


def _level(x: dict[str, Any], where: str, required: bool) -> list[Segment]:
    """UM, HCR and REF*BB/NT of an event or a service, in the guide's order."""
    out = []
    category = text_in(x, "request_category", where, required=required)
    if category:
        facility = text_in(x, "facility_code", where)
        out.append(
            _seg(
                "UM",
                category,
                text_in(x, "certification_type", where) or "I",
                text_in(x, "service_type", where),
                _comp(facility, text_in(x, "facility_code_qualifier", where) or "B")
                if facility
                else "",
                "",
                text_in(x, "level_of_service", where),
            )
        )
    if x.get("decision") is not None:
        h = _obj(x["decision"], f"{where}.decision")
        w = f"{where}.decision"
        out.append(
            _seg(
                "HCR",
                text_in(h, "action", w, required=True),
                text_in(h, "certification_number", w),
                text_in(h, "reason", w),
                text_in(h, "second_opinion", w),
            )
        )
    for key, qual in (("previous_authorization", "BB"), ("administrative_reference", "NT")):
        if x.get(key):
            out.append(_seg("REF", qual, text_in(x, key, where)))
    return out


def _traces(x: dict[str, Any], where: str, kind: str, ref: str, requester_id: str) -> list[Segment]:
    """TRN of the event: those given, else one with BHT03's reference (TRN01 1 in a
    request, 2 in a response) and TRN03 "9" + the requester's 9-digit identifier."""
    given = _list(x.get("traces"), f"{where}.traces")
    if x.get("traces") is not None and not given:
        return []
    if not given:
        return [_seg("TRN", kind, ref, "9" + requester_id.rjust(9, "0")[-9:])]
    out = []
    for i, raw in enumerate(given):
        w = f"{where}.traces[{i}]"
        t = _obj(raw, w)
        out.append(
            _seg(
                "TRN",
                text_in(t, "type", w) or kind,
                text_in(t, "reference", w, required=True),
                text_in(t, "originator", w),
            )
        )
    return out


def _delivery(value: Any, where: str) -> list[Segment]:
    if value is None:
        return []
    h = _obj(value, where)
    return [
        _seg(
            "HSD",
            text_in(h, "quantity_qualifier", where),
            x12_number(decimal_in(h.get("quantity"), f"{where}.quantity")),
            text_in(h, "unit", where),
            "",
            text_in(h, "time_period", where),
            x12_number(decimal_in(h.get("periods"), f"{where}.periods")),
        )
    ]


def _service(s: dict[str, Any], where: str) -> list[Segment]:
    out = _level(s, where, required=False)
    out += _dates(s.get("dates"), f"{where}.dates", SERVICE_DATES, "472")
    proc = _obj(s.get("procedure"), f"{where}.procedure")
    pw = f"{where}.procedure"
    modifiers = [str(m) for m in _list(proc.get("modifiers"), f"{pw}.modifiers")][:4]
    composite = _comp(
        text_in(proc, "qualifier", pw) or "HC", text_in(proc, "code", pw, required=True), *modifiers
    )
    charge = x12_number(decimal_in(s.get("charge"), f"{where}.charge"))
    quantity = x12_number(decimal_in(s.get("quantity"), f"{where}.quantity"))
    unit = text_in(s, "unit", where) or ("UN" if quantity else "")
    line = text_in(s, "line", where) or "professional"
    if line == "institutional":
        out.append(
            _seg("SV2", text_in(s, "revenue_code", where), composite, charge, unit, quantity)
        )
    elif line == "professional":
        out.append(_seg("SV1", composite, charge, unit, quantity))
    else:
        raise X12Error(f"{where}.line must be 'professional' or 'institutional', not {line!r}")
    out += _delivery(s.get("delivery"), f"{where}.delivery")
    for i, p in enumerate(_list(s.get("providers"), f"{where}.providers")):
        out += _provider(_obj(p, f"{where}.providers[{i}]"), f"{where}.providers[{i}]", "SJ")
    return out


def build_278(obj: dict[str, Any]) -> list[Segment]:
    """ST..SE of a 278 request (or, with ``kind`` ``response``, a response)."""
    kind = text_in(obj, "kind", "278") or "request"
    if kind not in ("request", "response"):
        raise X12Error(f"278.kind must be 'request' or 'response', not {kind!r}")
    response = kind == "response"
    created = date_x12(obj.get("created"))
    if not created:
        raise X12Error("278.created (the date the 278 is made) is required")
    ref = text_in(obj, "reference", "278") or "1"
    control = text_in(obj, "control_number", "278") or "0001"
    event = _obj(obj.get("event"), "278.event")
    services = [
        _obj(s, f"278.event.services[{i}]")
        for i, s in enumerate(_list(event.get("services"), "278.event.services"))
    ]
    dependent = obj.get("dependent")
    umo = _obj(obj.get("umo"), "278.umo")
    if not (text_in(umo, "id", "278.umo")):
        raise X12Error("278.umo.id is required")
    requester = _obj(obj.get("requester"), "278.requester")
    if not (
        text_in(requester, "npi", "278.requester") or text_in(requester, "id", "278.requester")
    ):
        raise X12Error("278.requester.npi (or id) is required")
    requester_segments = _provider(requester, "278.requester", "1P")
    out = [
        Segment("ST", ["278", control, VERSION]),
        _seg(
            "BHT",
            "0007",
            "11" if response else "13",
            ref,
            created,
            "1200",
            text_in(obj, "transaction_type", "278"),
        ),
        _seg("HL", "1", "", "20", "1"),
        *_party(umo, "278.umo", "X3", "PI", ("id",)),
        # 2010A PER (UMO contact) is in the response only
        *(
            [_seg("PER", "IC", "", "TE", text_in(umo, "phone", "278.umo"))]
            if response and umo.get("phone")
            else []
        ),
        _seg("HL", "2", "1", "21", "1"),
        *requester_segments,
        _seg("HL", "3", "2", "22", "1"),
        *_member(_obj(obj.get("subscriber"), "278.subscriber"), "278.subscriber", "IL"),
    ]
    parent = "3"
    if dependent is not None:
        out += [
            _seg("HL", "4", "3", "23", "1"),
            *_member(_obj(dependent, "278.dependent"), "278.dependent", "QC"),
        ]
        parent = "4"
    event_hl = str(int(parent) + 1)
    requester_id = requester_segments[0].get(9)  # the requester's NM109
    out.append(_seg("HL", event_hl, parent, "EV", "1" if services else "0"))
    out += _traces(event, "278.event", "2" if response else "1", ref, requester_id)
    out += _level(event, "278.event", required=True)
    out += _dates(event.get("dates"), "278.event.dates", EVENT_DATES)
    diagnoses = [
        _obj(d, f"278.event.diagnoses[{i}]")
        for i, d in enumerate(_list(event.get("diagnoses"), "278.event.diagnoses"))
    ]
    if len(diagnoses) > 12:
        raise X12Error("278.event.diagnoses: at most 12 (one HI segment)")
    if diagnoses:
        out.append(
            _seg(
                "HI",
                *(
                    _comp(
                        text_in(d, "qualifier", f"278.event.diagnoses[{i}]")
                        or ("ABK" if i == 0 else "ABF"),
                        text_in(d, "code", f"278.event.diagnoses[{i}]", required=True).replace(
                            ".", ""
                        ),
                    )
                    for i, d in enumerate(diagnoses)
                ),
            )
        )
    out += _delivery(event.get("delivery"), "278.event.delivery")
    for i, p in enumerate(_list(event.get("providers"), "278.event.providers")):
        out += _provider(_obj(p, f"278.event.providers[{i}]"), f"278.event.providers[{i}]", "SJ")
    for i, p in enumerate(_list(event.get("transport"), "278.event.transport")):
        w = f"278.event.transport[{i}]"
        out += _party(_obj(p, w), w, "PW", "", ())
    for n, s in enumerate(services):
        out.append(_seg("HL", str(int(event_hl) + n + 1), event_hl, "SS", "0"))
        out += _service(s, f"278.event.services[{n}]")
    out.append(Segment("SE", [str(len(out) + 1), control]))
    return out
