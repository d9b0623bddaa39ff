"""The 835 convenient JSON fields (docs/x12-json-guides.md, view version 1).

:func:`to_json` gives the fields the core's JSON view puts next to the lossless
``segments``; money is a string in decimal notation, dates ``YYYY-MM-DD``.
"""

from __future__ import annotations

from typing import Any

from .._segments import Delimiters
from ..guidekit.values import date_json, json_money
from .parsing import Transaction835
from .segments import CAS
from .validation import is_balanced
from .view import ClaimPayment, Party, ServicePayment


def _adjustments(items: list[CAS]) -> list[dict[str, Any]]:
    return [
        {
            "group": cas.claim_adjustment_group_code,
            "reason": adj.claim_adjustment_reason_code,
            "amount": json_money(adj.monetary_amount),
            "quantity": json_money(adj.quantity),
        }
        for cas in items
        for adj in cas.adjustments
    ]


def party_json(p: Party | None) -> dict[str, Any] | None:
    if p is None:
        return None
    out: dict[str, Any] = {"name": p.name}
    if p.first_name:
        out["first_name"] = p.first_name
    if p.middle_name:
        out["middle_name"] = p.middle_name
    out["id_qualifier"] = p.identification_code_qualifier or None
    out["id"] = p.identification_code or None
    if p.address_lines or p.city:
        out["address"] = {
            "lines": p.address_lines,
            "city": p.city,
            "state": p.state,
            "postal_code": p.postal_code,
        }
    if p.references:
        out["references"] = [{"qualifier": q, "value": v} for q, v in p.references]
    if p.contacts:
        out["contacts"] = [
            {"function": f, "name": n, "qualifier": q, "number": v} for f, n, q, v in p.contacts
        ]
    return out


def _service(line: ServicePayment) -> dict[str, Any]:
    svc = line.svc
    proc = svc.composite_medical_procedure_identifier
    orig = svc.original_procedure_identifier
    dates = dict(line.service_dates)
    allowed = next((amount for q, amount in line.amounts if q == "B6"), None)
    return {
        "qualifier": proc.product_or_service_id_qualifier if proc else None,
        "procedure": proc.procedure_code if proc else None,
        "modifiers": proc.procedure_modifiers if proc else [],
        "charge": json_money(svc.line_item_charge_amount),
        "paid": json_money(svc.line_item_provider_payment_amount),
        "revenue_code": svc.national_uniform_billing_committee_revenue_code or None,
        "units": json_money(svc.units_of_service_paid_count),
        "original_procedure": orig.procedure_code if orig else None,
        "service_date": date_json(dates.get("472", "")),
        "allowed": json_money(allowed),
        "adjustments": _adjustments(line.adjustments),
        "remarks": [{"qualifier": q, "code": c} for q, c in line.remark_codes],
    }


def _claim(claim: ClaimPayment) -> dict[str, Any]:
    clp = claim.clp
    patient = claim.patient
    return {
        "patient_control_number": clp.claim_submitters_identifier,
        "status_code": clp.claim_status_code,
        "charge": json_money(clp.total_claim_charge_amount),
        "paid": json_money(clp.claim_payment_amount),
        "patient_responsibility": json_money(clp.patient_responsibility_amount),
        "filing_indicator": clp.claim_filing_indicator_code or None,
        "payer_claim_control_number": clp.payer_claim_control_number or None,
        "facility_code": clp.facility_type_code or None,
        "frequency_code": clp.claim_frequency_type_code or None,
        "patient": None
        if patient is None
        else {
            "last_name": patient.name,
            "first_name": patient.first_name or None,
            "middle_name": patient.middle_name or None,
            "id_qualifier": patient.identification_code_qualifier or None,
            "member_id": patient.identification_code or None,
        },
        "dates": [{"qualifier": q, "date": date_json(v)} for q, v in claim.dates],
        "adjustments": _adjustments(claim.adjustments),
        "services": [_service(s) for s in claim.services],
    }


def to_json(tx: Transaction835, delimiters: Delimiters) -> dict[str, Any]:
    """The convenient fields of one 835 (the core adds envelope and ``segments``)."""
    r = tx.remittance
    bpr = r.bpr
    return {
        "total_payment": json_money(bpr.total_actual_provider_payment_amount),
        "handling_code": bpr.transaction_handling_code,
        "credit_debit": bpr.credit_debit_flag_code,
        "payment_method": bpr.payment_method_code,
        "payment_date": date_json(bpr.check_issue_or_eft_effective_date),
        "trace_number": r.trn.reference_identification if r.trn else None,
        "payer_identifier": r.trn.originating_company_identifier if r.trn else None,
        "production_date": date_json(r.production_date),
        "payer": party_json(r.payer),
        "payee": party_json(r.payee),
        "claims": [_claim(c) for c in r.claims],
        "provider_adjustments": [
            {
                "provider_id": plb.reference_identification,
                "fiscal_period_date": date_json(plb.fiscal_period_date),
                "reason": adj.adjustment_reason_code,
                "reference": adj.reference_identification or None,
                "amount": json_money(adj.provider_adjustment_amount),
            }
            for plb in r.provider_adjustments
            for adj in plb.adjustments
        ],
        "balanced": is_balanced(tx, delimiters),
    }
