"""278 convenient JSON fields (docs/x12-json-guides.md, view version 1).

``kind`` (request or response, from BHT02), ``purpose_code``, ``reference``,
``created``, ``transaction_type`` (BHT06); the parties ``umo``, ``requester``,
``subscriber``, ``dependent`` (entity NM101, ``name`` or ``last_name``/
``first_name``, ``id_qualifier``/``id`` NM108/NM109, ``dob``/``sex`` DMG,
``taxonomy`` PRV03, ``references`` REF); the ``event`` (UM: ``request_category``
UM01, ``certification_type`` UM02, ``service_type`` UM03,
``facility_code``/``facility_code_qualifier`` UM04, ``level_of_service`` UM06;
``decision`` HCR: ``action`` HCR01, ``certification_number`` HCR02, ``reason``
HCR03, ``second_opinion`` HCR04; ``previous_authorization`` REF*BB,
``administrative_reference`` REF*NT, ``traces`` TRN, ``dates`` DTP,
``diagnoses`` HI, ``delivery`` HSD, ``providers`` 2010EA, ``transport``
2010EB, ``services`` 2000F with the same UM/HCR/REF fields plus
``procedure`` {qualifier, code, modifiers} SV101/SV202/SV301,
``revenue_code`` SV201, ``charge``, ``unit``, ``quantity`` and
``providers`` 2010F); ``authorization_number`` (the HCR02 the UMO gave) and
``rejections`` (AAA). The same fields build a 278 (:mod:`.building`).
"""

from __future__ import annotations

from typing import Any

from .._segments import Delimiters
from ..guidekit.read import reference
from ..guidekit.values import date_json, json_money
from .parsing import TransactionReview
from .view import HCR, HSD, UM, Party, PatientEvent, Service


def _party(p: Party | None) -> dict[str, Any] | None:
    if p is None:
        return None
    n = p.name
    person = n.entity_type_qualifier == "1"
    out: dict[str, Any] = {"entity": n.entity_identifier_code}
    if person:
        out["last_name"] = n.name_last_or_organization_name
        out["first_name"] = n.name_first or None
    else:
        out["name"] = n.name_last_or_organization_name
    out["id_qualifier"] = n.identification_code_qualifier or None
    out["id"] = n.identification_code or None
    if p.references:
        out["references"] = [
            {"qualifier": r.reference_identification_qualifier, "id": r.reference_identification}
            for r in p.references
        ]
    if p.street is not None or p.city is not None:
        out["address"] = {
            "lines": [
                x for x in (p.street.address_information, p.street.address_information_2) if x
            ]
            if p.street
            else [],
            "city": p.city.city_name if p.city else None,
            "state": (p.city.state_or_province_code or None) if p.city else None,
            "postal_code": (p.city.postal_code or None) if p.city else None,
        }
    if p.contact is not None:
        out["phone"] = p.contact.communication_number or None
    if p.provider is not None:
        out["provider_code"] = p.provider.provider_code
        out["taxonomy"] = p.provider.reference_identification
    if p.demographics is not None:
        out["dob"] = date_json(p.demographics.date_time_period)
        out["sex"] = p.demographics.gender_code or None
    return out


def _decision(h: HCR | None) -> dict[str, Any] | None:
    if h is None:
        return None
    return {
        "action": h.action_code,
        "certification_number": h.review_identification_number or None,
        "reason": h.decision_reason_code or None,
        "second_opinion": h.second_surgical_opinion_indicator or None,
    }


def _um(um: UM | None) -> dict[str, Any]:
    if um is None:
        return {"request_category": None}
    return {
        "request_category": um.request_category_code,
        "certification_type": um.certification_type_code or None,
        "service_type": um.service_type_code or None,
        "facility_code": um.facility_code_value or None,
        "facility_code_qualifier": um.facility_code_qualifier or None,
        "level_of_service": um.level_of_service_code or None,
    }


def _delivery(h: HSD | None) -> dict[str, Any] | None:
    if h is None:
        return None
    return {
        "quantity_qualifier": h.quantity_qualifier or None,
        "quantity": json_money(h.quantity),
        "unit": h.unit_or_basis_for_measurement_code or None,
        "time_period": h.time_period_qualifier or None,
        "periods": json_money(h.number_of_periods),
    }


def _level(x: PatientEvent | Service) -> dict[str, Any]:
    return {
        **_um(x.um),
        "decision": _decision(x.decision),
        "traces": [
            {
                "type": t.trace_type_code,
                "reference": t.reference_identification,
                "originator": t.originating_company_identifier or None,
            }
            for t in x.traces
        ],
        "previous_authorization": reference(x.references, "BB"),
        "administrative_reference": reference(x.references, "NT"),
        "dates": [d.as_json() for d in x.dates],
        "delivery": _delivery(x.delivery),
        "rejections": [r.as_json() for r in x.rejections],
    }


def _service(s: Service) -> dict[str, Any]:
    out = _level(s)
    proc = s.procedure
    out["procedure"] = (
        {"qualifier": proc.qualifier, "code": proc.code, "modifiers": proc.modifiers}
        if proc
        else None
    )
    line = s.professional or s.institutional or s.dental
    out["line"] = (
        ("professional" if s.professional else "institutional" if s.institutional else "dental")
        if line
        else None
    )
    out["revenue_code"] = (s.institutional.revenue_code or None) if s.institutional else None
    out["charge"] = json_money(line.monetary_amount) if line else None
    quantity = s.quantity
    out["unit"] = quantity[0] or None if quantity else None
    out["quantity"] = json_money(quantity[1]) if quantity else None
    out["providers"] = [_party(p) for p in s.providers]
    return out


def _event(e: PatientEvent | None) -> dict[str, Any] | None:
    if e is None:
        return None
    out = _level(e)
    out["diagnoses"] = [{"qualifier": q, "code": c} for q, c in e.diagnoses]
    out["providers"] = [_party(p) for p in e.providers]
    out["transport"] = [_party(p) for p in e.transport]
    out["services"] = [_service(s) for s in e.services]
    return out


def to_json(tx: TransactionReview, delimiters: Delimiters) -> dict[str, Any]:
    """The convenient fields of one 278 request or response."""
    r = tx.review
    bht = tx.placed.tree.first("BHT")
    return {
        "kind": tx.kind,
        "purpose_code": bht.get(2) if bht else None,
        "reference": bht.get(3) if bht else None,
        "created": date_json(bht.get(4)) if bht else None,
        "transaction_type": (bht.get(6) or None) if bht else None,
        "umo": _party(r.umo),
        "requester": _party(r.requester),
        "subscriber": _party(r.subscriber),
        "dependent": _party(r.dependent),
        "event": _event(r.event),
        "authorization_number": r.authorization_number or None,
        "rejections": [x.as_json() for x in r.rejections],
    }
