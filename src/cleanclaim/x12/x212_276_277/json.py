"""276/277 and 277CA convenient JSON fields (docs/x12-json-guides.md, version 1).

``claims``: one entry per claim status tracking loop (2200D/2200E):
``patient_control_number`` (TRN02), ``payer_claim_control_number`` (REF*1K),
``clearinghouse_trace`` (REF*D9), ``bill_type`` (REF*BLT),
``patient_account_number`` (REF*EJ), ``charge`` (276 AMT*T3), ``service_dates``
(DTP*472, ``start``/``end``), ``patient`` and ``provider`` (names and ids) and
``statuses`` from each STC: ``category`` (STC01-1, e.g. A2 accepted into
adjudication, A7 rejected for invalid information), ``status_code`` (STC01-2,
code list 508), ``entity`` (STC01-3), ``date`` (STC02), ``action`` (STC03,
277CA: WQ accepted, U rejected), ``charge`` (STC04), ``paid`` (STC05), more
category/status pairs (``more``: STC10, STC11) and ``message`` (STC12); the
service ``lines`` with their own statuses. ``parties``: the HL levels with
names, ids and the statuses reported for them (277CA 2200B/2200C).
"""

from __future__ import annotations

from typing import Any

from .._segments import Delimiters
from ..guidekit.read import NM1
from ..guidekit.values import date_json, json_money
from .view import STC, ClaimStatus, Party, StatusInformation, StatusReport


def _info(s: StatusInformation | None) -> dict[str, Any]:
    if s is None:
        return {"category": None, "status_code": None, "entity": None}
    return {
        "category": s.health_care_claim_status_category_code,
        "status_code": s.health_care_claim_status_code or None,
        "entity": s.entity_identifier_code or None,
    }


def stc_json(stc: STC) -> dict[str, Any]:
    more = [
        _info(s)
        for s in (stc.health_care_claim_status_2, stc.health_care_claim_status_3)
        if s is not None
    ]
    return {
        **_info(stc.health_care_claim_status),
        "date": date_json(stc.date),
        "action": stc.action_code or None,
        "charge": json_money(stc.monetary_amount),
        "paid": json_money(stc.monetary_amount_2),
        "more": more,
        "message": stc.free_form_message_text or None,
    }


def _name(n: NM1 | None) -> dict[str, Any] | None:
    if n is None:
        return None
    return {
        "entity": n.entity_identifier_code,
        "name": n.name_last_or_organization_name,
        "first_name": n.name_first or None,
        "id_qualifier": n.identification_code_qualifier or None,
        "id": n.identification_code or None,
    }


def _person(p: Party | None) -> dict[str, Any] | None:
    if p is None:
        return None
    dmg = p.demographics
    return {
        **(_name(p.name) or {}),
        "dob": date_json(dmg.date_time_period) if dmg else None,
        "sex": (dmg.gender_code or None) if dmg else None,
    }


def _party(p: Party) -> dict[str, Any]:
    dmg = p.demographics
    return {
        "role": p.role,
        "level_code": p.hl.hierarchical_level_code if p.hl else None,
        **(_name(p.name) or {}),
        "dob": date_json(dmg.date_time_period) if dmg else None,
        "sex": (dmg.gender_code or None) if dmg else None,
        "trace": p.trace.reference_identification if p.trace else None,
        "statuses": [stc_json(s) for s in p.statuses],
        "quantities": [{"qualifier": q, "quantity": json_money(v)} for q, v in p.quantities],
        "amounts": [{"qualifier": q, "amount": json_money(v)} for q, v in p.amounts],
    }


def _claim(c: ClaimStatus, d: Delimiters) -> dict[str, Any]:
    charge = next((a.monetary_amount for a in c.amounts if a.amount_qualifier_code == "T3"), None)
    return {
        "patient_control_number": c.trace.reference_identification if c.trace else None,
        "payer_claim_control_number": c.reference("1K"),
        "clearinghouse_trace": c.reference("D9"),
        "bill_type": c.reference("BLT"),
        "patient_account_number": c.reference("EJ"),
        "charge": json_money(charge),
        "service_dates": [t.as_json() for t in c.dates],
        "patient": _person(c.patient),
        "subscriber": _person(c.subscriber),
        "provider": _name(c.provider.name) if c.provider else None,
        "statuses": [stc_json(s) for s in c.statuses],
        "lines": [
            {
                "qualifier": line.svc.procedure(d)[0] or None,
                "procedure": line.svc.procedure(d)[1] or None,
                "modifiers": line.svc.procedure(d)[2],
                "charge": json_money(line.svc.line_item_charge_amount),
                "paid": json_money(line.svc.line_item_provider_payment_amount),
                "units": json_money(line.svc.units_of_service_count),
                "references": [
                    {
                        "qualifier": r.reference_identification_qualifier,
                        "value": r.reference_identification,
                    }
                    for r in line.references
                ],
                "service_dates": [t.as_json() for t in line.dates],
                "statuses": [stc_json(s) for s in line.statuses],
            }
            for line in c.lines
        ],
    }


def report_json(report: StatusReport, bht: list[str], d: Delimiters) -> dict[str, Any]:
    """The convenient fields of a status report (``bht``: BHT02, BHT03, BHT04)."""
    return {
        "purpose_code": bht[0] or None,
        "reference": bht[1] or None,
        "created": date_json(bht[2]),
        "parties": [_party(p) for p in report.parties],
        "claims": [_claim(c, d) for c in report.claims],
    }
