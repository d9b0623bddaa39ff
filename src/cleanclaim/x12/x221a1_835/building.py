"""Build an 835 from the convenient JSON fields, for programs that do not know X12.

:func:`build_segments` makes ST..SE of a complete 835 from the fields the JSON
view shows (``total_payment``, ``payer``, ``payee``, ``claims`` with their
``services`` and ``adjustments``, ``provider_adjustments``); every missing
required field is an :class:`~cleanclaim.x12._errors.X12Error` naming it
(``835.claims[0].charge is required``). Amounts are strings in decimal
notation (or integers); floats are refused.
"""

from __future__ import annotations

from typing import Any

from .._errors import X12Error
from .._segments import DEFAULT_DELIMITERS, Delimiters, Segment
from ..guidekit.values import amount_in, date_x12, decimal_in, text_in, x12_number
from ..guidekit.values import list_in as _list
from ..guidekit.values import object_in as _obj
from ..guidekit.values import segment as _seg
from .segments import (
    BPR,
    CAS,
    CLP,
    PLB,
    SVC,
    TRN,
    Adjustment,
    ProcedureIdentifier,
    ProviderAdjustment,
)


def _party(obj: dict[str, Any], code: str, where: str) -> list[Segment]:
    out = [
        _seg(
            "N1",
            code,
            text_in(obj, "name", where, required=True),
            text_in(obj, "id_qualifier", where),
            text_in(obj, "id", where),
        )
    ]
    address = obj.get("address")
    if address is not None:
        addr = _obj(address, f"{where}.address")
        lines = [str(x) for x in _list(addr.get("lines"), f"{where}.address.lines")][:2]
        if lines:
            out.append(_seg("N3", *lines))
        out.append(
            _seg(
                "N4",
                text_in(addr, "city", f"{where}.address"),
                text_in(addr, "state", f"{where}.address"),
                text_in(addr, "postal_code", f"{where}.address"),
            )
        )
    for i, ref in enumerate(_list(obj.get("references"), f"{where}.references")):
        r = _obj(ref, f"{where}.references[{i}]")
        out.append(_seg("REF", text_in(r, "qualifier", where), text_in(r, "value", where)))
    for i, per in enumerate(_list(obj.get("contacts"), f"{where}.contacts")):
        p = _obj(per, f"{where}.contacts[{i}]")
        out.append(
            _seg(
                "PER",
                text_in(p, "function", where) or "BL",
                text_in(p, "name", where),
                text_in(p, "qualifier", where),
                text_in(p, "number", where),
            )
        )
    return out


def _cas(items: list[Any], where: str) -> list[CAS]:
    groups: dict[str, list[Adjustment]] = {}
    for i, raw in enumerate(items):
        w = f"{where}[{i}]"
        a = _obj(raw, w)
        group = text_in(a, "group", w, required=True)
        groups.setdefault(group, []).append(
            Adjustment(
                text_in(a, "reason", w, required=True),
                amount_in(a.get("amount"), f"{w}.amount"),
                decimal_in(a.get("quantity"), f"{w}.quantity"),
            )
        )
    out: list[CAS] = []
    for group, adjs in groups.items():
        for start in range(0, len(adjs), 6):
            out.append(CAS(group, adjs[start : start + 6]))
    return out


def _service(obj: dict[str, Any], where: str, d: Delimiters) -> list[Segment]:
    proc = ProcedureIdentifier(
        text_in(obj, "qualifier", where) or "HC",
        text_in(obj, "procedure", where, required=True),
        [str(m) for m in _list(obj.get("modifiers"), f"{where}.modifiers")],
    )
    orig_code = text_in(obj, "original_procedure", where)
    svc = SVC(
        proc,
        amount_in(obj.get("charge"), f"{where}.charge"),
        amount_in(obj.get("paid"), f"{where}.paid"),
        text_in(obj, "revenue_code", where),
        decimal_in(obj.get("units"), f"{where}.units"),
        ProcedureIdentifier(proc.product_or_service_id_qualifier, orig_code) if orig_code else None,
    )
    out = [svc.to_segment(d)]
    if obj.get("service_date"):
        out.append(_seg("DTM", "472", date_x12(obj["service_date"])))
    out += [
        c.to_segment()
        for c in _cas(_list(obj.get("adjustments"), f"{where}.adjustments"), f"{where}.adjustments")
    ]
    allowed = decimal_in(obj.get("allowed"), f"{where}.allowed")
    if allowed is not None:
        out.append(_seg("AMT", "B6", x12_number(allowed)))
    for i, rem in enumerate(_list(obj.get("remarks"), f"{where}.remarks")):
        r = _obj(rem, f"{where}.remarks[{i}]")
        out.append(
            _seg(
                "LQ",
                text_in(r, "qualifier", where) or "HE",
                text_in(r, "code", where, required=True),
            )
        )
    return out


def _claim(obj: dict[str, Any], where: str, d: Delimiters) -> list[Segment]:
    clp = CLP(
        text_in(obj, "patient_control_number", where, required=True),
        text_in(obj, "status_code", where, required=True),
        amount_in(obj.get("charge"), f"{where}.charge"),
        amount_in(obj.get("paid"), f"{where}.paid"),
        decimal_in(obj.get("patient_responsibility"), f"{where}.patient_responsibility"),
        text_in(obj, "filing_indicator", where),
        text_in(obj, "payer_claim_control_number", where),
        text_in(obj, "facility_code", where),
        text_in(obj, "frequency_code", where),
    )
    out = [clp.to_segment()]
    out += [
        c.to_segment()
        for c in _cas(_list(obj.get("adjustments"), f"{where}.adjustments"), f"{where}.adjustments")
    ]
    if obj.get("patient") is not None:
        p = _obj(obj["patient"], f"{where}.patient")
        member = text_in(p, "member_id", f"{where}.patient")
        out.append(
            _seg(
                "NM1",
                "QC",
                "1",
                text_in(p, "last_name", f"{where}.patient", required=True),
                text_in(p, "first_name", where),
                text_in(p, "middle_name", where),
                "",
                "",
                (text_in(p, "id_qualifier", where) or "MI") if member else "",
                member,
            )
        )
    for i, dt in enumerate(_list(obj.get("dates"), f"{where}.dates")):
        x = _obj(dt, f"{where}.dates[{i}]")
        out.append(
            _seg("DTM", text_in(x, "qualifier", where, required=True), date_x12(x.get("date")))
        )
    for i, line in enumerate(_list(obj.get("services"), f"{where}.services")):
        out += _service(_obj(line, f"{where}.services[{i}]"), f"{where}.services[{i}]", d)
    return out


def build_segments(obj: dict[str, Any], d: Delimiters = DEFAULT_DELIMITERS) -> list[Segment]:
    """ST..SE of an 835 built from the convenient JSON fields."""
    where = "835"
    method = text_in(obj, "payment_method", where) or "CHK"
    bpr = BPR(
        text_in(obj, "handling_code", where) or "I",
        amount_in(obj.get("total_payment"), f"{where}.total_payment"),
        text_in(obj, "credit_debit", where) or "C",
        method,
        check_issue_or_eft_effective_date=date_x12(obj.get("payment_date")),
    )
    if not bpr.check_issue_or_eft_effective_date:
        raise X12Error(f"{where}.payment_date is required")
    trn = TRN(
        "1",
        text_in(obj, "trace_number", where, required=True),
        text_in(obj, "payer_identifier", where, required=True),
    )
    control = text_in(obj, "control_number", where) or "0001"
    # ST03 is "not used" in 005010X221A1 (the 835 names its guide in GS08 only).
    out = [Segment("ST", ["835", control]), bpr.to_segment(), trn.to_segment()]
    if obj.get("production_date"):
        out.append(_seg("DTM", "405", date_x12(obj["production_date"])))
    out += _party(_obj(obj.get("payer"), f"{where}.payer"), "PR", f"{where}.payer")
    out += _party(_obj(obj.get("payee"), f"{where}.payee"), "PE", f"{where}.payee")
    claims = _list(obj.get("claims"), f"{where}.claims")
    if claims:
        out.append(Segment("LX", ["1"]))
        for i, claim in enumerate(claims):
            out += _claim(_obj(claim, f"{where}.claims[{i}]"), f"{where}.claims[{i}]", d)
    plbs: dict[tuple[str, str], list[ProviderAdjustment]] = {}
    for i, raw in enumerate(
        _list(obj.get("provider_adjustments"), f"{where}.provider_adjustments")
    ):
        w = f"{where}.provider_adjustments[{i}]"
        a = _obj(raw, w)
        key = (text_in(a, "provider_id", w, required=True), date_x12(a.get("fiscal_period_date")))
        plbs.setdefault(key, []).append(
            ProviderAdjustment(
                text_in(a, "reason", w, required=True),
                text_in(a, "reference", w),
                amount_in(a.get("amount"), f"{w}.amount"),
            )
        )
    for (provider, fiscal), adjs in plbs.items():
        for start in range(0, len(adjs), 6):
            out.append(PLB(provider, fiscal, adjs[start : start + 6]).to_segment(d))
    out.append(Segment("SE", [str(len(out) + 1), control]))
    return out
