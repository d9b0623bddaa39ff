"""The 837P part of the JSON view: ``claims`` with the convenient fields.

``to_json`` adds ``{"claims": [...]}`` next to the lossless ``segments`` the
shared view writes (:mod:`cleanclaim.x12._json_view`); ``from_json`` builds a
transaction from ``claims`` (and ``submitter``/``receiver``) when there are
no segments. Money is a string in decimal notation; dates ``YYYY-MM-DD``.

One claim shape: :func:`claim_json` writes a view :class:`~.view.Claim` as its JSON
claim form and :func:`claim_from_json` reads that form back into the same
:class:`~.view.Claim` (what the scrubber does with a JSON document, and what
``from_json`` does before :func:`~.building.build_837p` writes the claims).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import asdict
from datetime import datetime
from decimal import Decimal
from functools import lru_cache, partial
from typing import Any

from ...jsonin import type_name
from ...money import parse_optional_money
from .._errors import X12Error
from .._segments import Delimiters
from .building import Receiver, Submitter, build_837p
from .other_payers import Adjustment, LineAdjudication, OtherPayer, OtherSubscriber
from .parsing import Transaction837P
from .view import Address, Claim, Party, Payer, Person, ServiceLine, claims

__all__ = [
    "adjudication_from_json",
    "adjudication_json",
    "claim_from_json",
    "claim_json",
    "from_json",
    "other_payer_from_json",
    "other_payer_json",
    "to_json",
]


def _money(value: Decimal | None) -> str | None:
    return None if value is None else format(value, "f")


def _party(p: Party | None) -> dict[str, Any] | None:
    if p is None:
        return None
    d = asdict(p)
    return {k: v for k, v in d.items() if v not in ("", None)} | {"npi": p.npi, "name": p.name}


def _adjustments_json(items: list[Adjustment]) -> list[dict[str, Any]]:
    return [
        {"group": a.group, "reason": a.reason, "amount": _money(a.amount)}
        | ({"quantity": _money(a.quantity)} if a.quantity is not None else {})
        for a in items
    ]


def other_payer_json(o: OtherPayer) -> dict[str, Any]:
    """A 2320/2330A/2330B loop as its JSON form (empty fields left out)."""
    d = {
        "responsibility": o.responsibility,
        "relationship": o.relationship,
        "filing_indicator": o.filing_indicator,
        "payer_name": o.payer_name,
        "payer_id": o.payer_id,
        "subscriber": {k: v for k, v in asdict(o.subscriber).items() if v},
        "group_number": o.group_number,
        "group_name": o.group_name,
        "adjustments": _adjustments_json(o.adjustments),
        "paid": _money(o.paid),
        "non_covered": _money(o.non_covered),
        "remaining_patient_liability": _money(o.remaining_patient_liability),
        "benefits_assigned": o.benefits_assigned,
        "release_of_information": o.release_of_information,
        "remark_codes": o.remark_codes,
        "adjudicated_on": o.adjudicated_on,
        "payer_claim_control_number": o.payer_claim_control_number,
    }
    return {k: v for k, v in d.items() if v not in ("", None, [])}


def adjudication_json(a: LineAdjudication) -> dict[str, Any]:
    """A 2430 loop as its JSON form."""
    d = {
        "payer_id": a.payer_id,
        "paid": _money(a.paid),
        "qualifier": a.qualifier,
        "procedure": a.procedure,
        "modifiers": a.modifiers,
        "units": _money(a.units),
        "adjustments": _adjustments_json(a.adjustments),
        "adjudicated_on": a.adjudicated_on,
        "remaining_patient_liability": _money(a.remaining_patient_liability),
    }
    return {k: v for k, v in d.items() if v not in ("", None, [])}


def claim_json(c: Claim) -> dict[str, Any]:
    """One claim's convenient JSON."""
    patient = asdict(c.patient)
    subscriber = asdict(c.subscriber)
    return {
        "claim_id": c.claim_id,
        "total_charge": _money(c.total_charge),
        "frequency_code": c.frequency_code,
        "place_of_service": c.place_of_service,
        "diagnoses": c.diagnoses,
        "billing_provider": _party(c.billing_provider),
        "rendering_provider": _party(c.rendering_provider),
        "subscriber": {k: v for k, v in subscriber.items() if v not in ("", None)},
        "patient": {k: v for k, v in patient.items() if v not in ("", None)}
        | {
            "name": c.patient.name,
            "dob": c.patient.dob,
            "sex": c.patient.sex,
            "member_id": c.patient.member_id,
        },
        "payer": {"name": c.payer.name, "id": c.payer.id},
        "payer_responsibility": c.payer_responsibility,
        "filing_indicator": c.filing_indicator,
        **({"group_number": c.group_number} if c.group_number else {}),
        "payer_claim_control_number": c.payer_claim_control_number or None,
        "prior_authorization": c.prior_authorization or None,
        **({"assignment": c.assignment} if c.assignment != "A" else {}),
        **(
            {"referring_provider": _party(c.referring_provider)}
            if c.referring_provider is not None
            else {}
        ),
        "lines": [
            {
                "procedure": line.procedure,
                "modifiers": line.modifiers,
                "charge": _money(line.charge),
                "units": _money(line.units),
                "dx_pointers": line.dx_pointers,
                "service_date": line.service_date,
                **({"service_date_end": line.service_date_end} if line.service_date_end else {}),
                **(
                    {
                        "ndc": line.ndc,
                        "ndc_quantity": _money(line.ndc_quantity),
                        "ndc_unit": line.ndc_unit,
                    }
                    if line.ndc
                    else {}
                ),
                **(
                    {"adjudications": [adjudication_json(a) for a in line.adjudications]}
                    if line.adjudications
                    else {}
                ),
            }
            for line in c.lines
        ],
        **(
            {"other_payers": [other_payer_json(o) for o in c.other_payers]}
            if c.other_payers
            else {}
        ),
        "position": c.position,
    }


def to_json(tx: Transaction837P, delimiters: Delimiters) -> dict[str, Any]:
    """``{"claims": [...]}`` for one transaction."""
    out: dict[str, Any] = {}
    for loop_id, key in (("1000A", "submitter"), ("1000B", "receiver")):
        loop = next(tx.tree.loops(loop_id), None)
        nm1 = loop.first("NM1") if loop is not None else None
        if nm1 is not None:
            out[key] = {"name": nm1.get(3), "id": nm1.get(9)}
    out["claims"] = [claim_json(c) for c in claims(tx)]
    return out


def from_json(obj: dict[str, Any]) -> Transaction837P:
    """Build a transaction from the convenient fields: each of ``claims`` read by
    :func:`claim_from_json` (``claims[0]`` ... naming where), ``submitter`` and
    ``receiver`` (1000A/1000B), ``control_number`` (ST02), ``reference`` (BHT03),
    ``created`` (BHT04/05, ISO date-time) and ``envelope.delimiters.component``,
    then :func:`~.building.build_837p`. A field that is not what it should be is an
    ``X12Error`` naming it."""
    raw = obj.get("claims")
    if not isinstance(raw, list) or not raw:
        raise X12Error("claims must be a non-empty list")
    try:
        read = [claim_from_json(c, where=f"claims[{i}]") for i, c in enumerate(raw)]
        sub = _obj(obj.get("submitter"), "submitter")
        rec = _obj(obj.get("receiver"), "receiver")
        submitter = Submitter(
            name=_text(sub.get("name"), "submitter.name"),
            id=_text(sub.get("id"), "submitter.id"),
            contact_name=_text(sub.get("contact_name"), "submitter.contact_name"),
            phone=_text(sub.get("phone"), "submitter.phone"),
            email=_text(sub.get("email"), "submitter.email"),
        )
        receiver = Receiver(*(_text(rec.get(k), f"receiver.{k}") for k in ("name", "id")))
        control = _text(obj.get("control_number"), "control_number")
        reference = _text(obj.get("reference"), "reference")
        created = _created(obj.get("created"))
    except ValueError as exc:
        raise X12Error(str(exc)) from exc
    return build_837p(
        read,
        submitter=submitter,
        receiver=receiver,
        control_number=control,
        reference=reference,
        created=created,
        component=_component(obj),
    )


def _created(value: Any) -> datetime | None:
    """``created``: the ISO date-time of BHT04/BHT05 (absent: now)."""
    if value in (None, ""):
        return None
    try:
        return datetime.fromisoformat(str(value))
    except ValueError:
        raise ValueError(f"created {value!r} is not an ISO date-time") from None


def _component(obj: Mapping[str, Any]) -> str:
    """``envelope.delimiters.component``, the ISA16 component separator (``""``: default)."""
    env = obj.get("envelope")
    delims = env.get("delimiters") if isinstance(env, Mapping) else None
    comp = delims.get("component") if isinstance(delims, Mapping) else None
    return comp if isinstance(comp, str) else ""


def _obj(value: Any, where: str) -> Mapping[str, Any]:
    """A JSON object of the claim form (absent: empty); ValueError naming ``where``."""
    if value is None or value == "":
        return {}
    if not isinstance(value, Mapping):
        raise ValueError(f"{where}: expected a JSON object, got {type_name(value)}")
    return value


def _text(value: Any, where: str) -> str:
    """A text field of the claim form (a number is its text); ValueError naming ``where``
    for an object, a list, a boolean or a float."""
    if value.__class__ is str:  # the usual case, first: the claim form is mostly text
        return value
    if value is None:
        return ""
    if isinstance(value, (Mapping, list, tuple, bool, float)):
        raise ValueError(f"{where}: expected text, got {type_name(value)}")
    return str(value)


def _field(obj: Mapping[str, Any], where: str, key: str) -> str:
    """``obj[key]`` as text (:func:`_text`); ``where`` names ``obj`` with the separator
    that comes before a field's name in an error (``claims[0].billing_provider.``)."""
    value = obj.get(key)
    return value if value.__class__ is str else _text(value, where + key)


def _list(value: Any, where: str) -> list[Any]:
    """A list field of the claim form (absent: empty); ValueError naming ``where``."""
    if value is None or value == "":
        return []
    if not isinstance(value, (list, tuple)):
        raise ValueError(f"{where}: expected a list, got {type_name(value)}")
    return list(value)


def _count(text: str, default: int) -> int:
    """A line number or position written as text (``"3"``); ``default`` when it is not a
    whole number of at most nine digits."""
    return int(text) if text.isdecimal() and len(text) <= 9 else default


def _iso_date(value: Any, where: str) -> str | None:
    """A date of the claim form, ``YYYY-MM-DD`` (or ``YYYYMMDD``), as ``YYYY-MM-DD``."""
    if value in (None, ""):
        return None
    text = str(value)
    iso = _iso(text)
    if iso is None:
        raise ValueError(f"{where}: {text[:40]!r} is not a date (YYYY-MM-DD)")
    return iso


@lru_cache(maxsize=4096)
def _iso(text: str) -> str | None:
    """``text`` as a ``YYYY-MM-DD`` date, ``None`` when it is not one (dates repeat:
    cached, bounded)."""
    try:
        if len(text) == 8 and text.isdigit():
            return dt.date(int(text[:4]), int(text[4:6]), int(text[6:])).isoformat()
        if len(text) == 10:
            return dt.date.fromisoformat(text).isoformat()
    except ValueError:
        pass
    return None


def _address_from(value: Any, where: str) -> Address | None:
    if value in (None, ""):
        return None
    if isinstance(value, str):
        return Address(line1=value)
    a = _obj(value, where)

    text = partial(_field, a, f"{where}.")

    return Address(
        text("line1"), text("line2"), text("city"), text("state"), text("zip"), text("country")
    )


def _party_from(value: Any, where: str) -> Party:
    """A provider object (or its NPI alone, as a string)."""
    if isinstance(value, str):
        return Party(npi=value)
    p = _obj(value, where)

    text = partial(_field, p, f"{where}.")

    return Party(
        npi=text("npi"),
        name=text("name"),
        last_name=text("last_name"),
        first_name=text("first_name"),
        entity_type=text("entity_type"),
        address=_address_from(p.get("address"), f"{where}.address"),
        tax_id=text("tax_id"),
        taxonomy=text("taxonomy"),
        tax_id_type=text("tax_id_type"),
    )


def _person_from(value: Any, where: str) -> Person:
    """A subscriber or patient object (or a member ID alone, as a string)."""
    if isinstance(value, str):
        return Person(member_id=value)
    p = _obj(value, where)

    text = partial(_field, p, f"{where}.")

    return Person(
        name=text("name"),
        last_name=text("last_name"),
        first_name=text("first_name"),
        middle_name=text("middle_name"),
        dob=_iso_date(p.get("dob"), f"{where}.dob"),
        sex=text("sex"),
        member_id=text("member_id"),
        address=_address_from(p.get("address"), f"{where}.address"),
        relationship=text("relationship"),
    )


def _adjustments_from(value: Any, where: str) -> list[Adjustment]:
    out: list[Adjustment] = []
    for i, item in enumerate(_list(value, where)):
        a = _obj(item, f"{where}[{i}]")
        w = f"{where}[{i}]"
        out.append(
            Adjustment(
                group=_field(a, f"{w}.", "group"),
                reason=_field(a, f"{w}.", "reason"),
                amount=parse_optional_money(a.get("amount"), what=f"{w}.amount") or Decimal(0),
                quantity=parse_optional_money(a.get("quantity"), what=f"{w}.quantity"),
            )
        )
    return out


def other_payer_from_json(value: Any, where: str = "other_payer") -> OtherPayer:
    """One of a claim's ``other_payers`` (2320/2330A/2330B)."""
    o = _obj(value, where)

    text = partial(_field, o, f"{where}.")

    sub = _obj(o.get("subscriber"), f"{where}.subscriber")
    sub_text = partial(_field, sub, f"{where}.subscriber.")
    return OtherPayer(
        responsibility=text("responsibility"),
        relationship=text("relationship"),
        filing_indicator=text("filing_indicator"),
        payer_name=text("payer_name"),
        payer_id=text("payer_id"),
        subscriber=OtherSubscriber(
            *(
                sub_text(k)
                for k in (
                    "last_name",
                    "first_name",
                    "middle_name",
                    "member_id",
                    "address_line1",
                    "address_line2",
                    "city",
                    "state",
                    "zip",
                )
            )
        ),
        group_number=text("group_number"),
        group_name=text("group_name"),
        adjustments=_adjustments_from(o.get("adjustments"), f"{where}.adjustments"),
        paid=parse_optional_money(o.get("paid"), what=f"{where}.paid"),
        non_covered=parse_optional_money(o.get("non_covered"), what=f"{where}.non_covered"),
        remaining_patient_liability=parse_optional_money(
            o.get("remaining_patient_liability"), what=f"{where}.remaining_patient_liability"
        ),
        benefits_assigned=text("benefits_assigned") or "Y",
        release_of_information=text("release_of_information") or "Y",
        remark_codes=[
            _text(r, f"{where}.remark_codes")
            for r in _list(o.get("remark_codes"), f"{where}.remark_codes")
        ],
        adjudicated_on=_iso_date(o.get("adjudicated_on"), f"{where}.adjudicated_on"),
        payer_claim_control_number=text("payer_claim_control_number"),
    )


def adjudication_from_json(value: Any, where: str = "adjudication") -> LineAdjudication:
    """One of a line's ``adjudications`` (2430)."""
    a = _obj(value, where)

    text = partial(_field, a, f"{where}.")

    return LineAdjudication(
        payer_id=text("payer_id"),
        paid=parse_optional_money(a.get("paid"), what=f"{where}.paid") or Decimal(0),
        procedure=text("procedure"),
        adjudicated_on=_iso_date(a.get("adjudicated_on"), f"{where}.adjudicated_on") or "",
        modifiers=[
            _text(m, f"{where}.modifiers") for m in _list(a.get("modifiers"), f"{where}.modifiers")
        ],
        qualifier=text("qualifier") or "HC",
        units=parse_optional_money(a.get("units"), what=f"{where}.units"),
        adjustments=_adjustments_from(a.get("adjustments"), f"{where}.adjustments"),
        remaining_patient_liability=parse_optional_money(
            a.get("remaining_patient_liability"), what=f"{where}.remaining_patient_liability"
        ),
    )


def _line_from(value: Any, index: int, pos: str, where: str) -> ServiceLine:
    ln = _obj(value, where)

    text = partial(_field, ln, f"{where} ")

    pointers: list[int] = []
    raw: list[str] = []
    for ptr in _list(ln.get("dx_pointers"), f"{where} dx_pointers"):
        text_ = _text(ptr, f"{where} dx_pointers")
        raw.append(text_)
        if isinstance(ptr, int):
            pointers.append(ptr)
        elif text_.isdecimal():
            pointers.append(int(text_))
    number = text("number")
    rendering = ln.get("rendering_provider")
    return ServiceLine(
        procedure=text("procedure"),
        modifiers=[
            _text(m, f"{where} modifiers") for m in _list(ln.get("modifiers"), f"{where} modifiers")
        ],
        charge=parse_optional_money(ln.get("charge"), what=f"{where} charge"),
        units=parse_optional_money(ln.get("units"), what=f"{where} units"),
        dx_pointers=pointers,
        service_date=_iso_date(ln.get("service_date"), f"{where} service_date"),
        service_date_end=_iso_date(ln.get("service_date_end"), f"{where} service_date_end"),
        unit_code=text("unit_code") or "UN",
        place_of_service=text("place_of_service") or pos,
        ndc=text("ndc"),
        ndc_quantity=parse_optional_money(ln.get("ndc_quantity"), what=f"{where} ndc_quantity"),
        ndc_unit=text("ndc_unit"),
        number=_count(number, index),
        qualifier=text("qualifier") or "HC",
        description=text("description"),
        raw_pointers=raw if len(raw) != len(pointers) else [],
        rendering_npi=(
            _party_from(rendering, f"{where} rendering_provider").npi if rendering else ""
        ),
        adjudications=[
            adjudication_from_json(a, f"{where} adjudications[{i}]")
            for i, a in enumerate(_list(ln.get("adjudications"), f"{where} adjudications"))
        ],
    )


def claim_from_json(obj: Any, *, where: str = "claim") -> Claim:
    """One claim of the JSON claim form (what :func:`claim_json` writes; money a string
    in decimal notation, dates ``YYYY-MM-DD``) as a view :class:`Claim`. Read leniently
    where the form is: a missing field is empty, a provider may be its NPI alone, a
    subscriber its member ID alone (the patient's when absent), ``frequency_code``
    defaults to ``1`` (CLM05-3 original), diagnoses are ICD-10-CM (HI qualifiers
    ABK, ABF) unless ``diagnosis_qualifiers`` says otherwise; ``filing_indicator``
    may sit in ``payer``.
    ``assignment`` (CLM07) defaults to ``A``; ``tax_id_type: "ssn"`` marks a billing
    provider's SSN (REF*SY).
    Anything that is not what it should be raises ``ValueError`` naming the field."""
    c = _obj(obj, where)
    cid = _text(c.get("claim_id"), f"{where} claim_id")
    where = f"{where} {cid}".strip()

    text = partial(_field, c, f"{where} ")

    pos = text("place_of_service")
    payer = _obj(c.get("payer"), f"{where} payer")
    patient = _person_from(c.get("patient"), f"{where} patient")
    subscriber = _person_from(c.get("subscriber"), f"{where} subscriber")
    subscriber.member_id = subscriber.member_id or patient.member_id
    rendering = c.get("rendering_provider")
    referring = c.get("referring_provider")
    diagnoses = [
        _text(d, f"{where} diagnoses") for d in _list(c.get("diagnoses"), f"{where} diagnoses")
    ]
    # the form's diagnoses are ICD-10-CM (HI ABK principal, then ABF) unless it says
    quals = _list(c.get("diagnosis_qualifiers"), f"{where} diagnosis_qualifiers") or [
        "ABK",
        *["ABF"] * (len(diagnoses) - 1),
    ]
    return Claim(
        claim_id=cid,
        total_charge=parse_optional_money(c.get("total_charge"), what=f"{where} total_charge"),
        frequency_code=text("frequency_code") or "1",
        place_of_service=pos,
        diagnoses=diagnoses,
        billing_provider=_party_from(c.get("billing_provider"), f"{where} billing_provider"),
        rendering_provider=(
            _party_from(rendering, f"{where} rendering_provider") if rendering else None
        ),
        subscriber=subscriber,
        patient=patient,
        payer=Payer(
            _text(payer.get("name"), f"{where} payer.name"),
            _text(payer.get("id"), f"{where} payer.id"),
        ),
        lines=[
            _line_from(ln, i, pos, f"{where} line {i}")
            for i, ln in enumerate(_list(c.get("lines"), f"{where} lines"), start=1)
        ],
        payer_responsibility=text("payer_responsibility"),
        filing_indicator=text("filing_indicator")
        or _text(payer.get("filing_indicator"), f"{where} payer.filing_indicator"),
        group_number=text("group_number"),
        payer_claim_control_number=text("payer_claim_control_number"),
        prior_authorization=text("prior_authorization"),
        position=_count(text("position"), 0),
        referring_provider=(
            _party_from(referring, f"{where} referring_provider") if referring else None
        ),
        diagnosis_qualifiers=[_text(q, f"{where} diagnosis_qualifiers") for q in quals][
            : len(diagnoses)
        ],
        assignment=text("assignment") if "assignment" in c else "A",
        other_payers=[
            other_payer_from_json(o, f"{where} other_payers[{i}]")
            for i, o in enumerate(_list(c.get("other_payers"), f"{where} other_payers"))
        ],
    )
