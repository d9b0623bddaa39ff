"""The X12 engine's 837P JSON view (docs/x12-json.md, issue 4) → :class:`ScrubClaim`.

Fields read from each claim object: ``claim_id``, ``total_charge``,
``frequency_code``, ``place_of_service``, ``diagnoses`` (dot form),
``billing_provider`` {npi, name, address{line1, line2, city, state, zip}},
``rendering_provider`` (an NPI string or {npi}), ``subscriber`` ({member_id} or
a string), ``patient`` {name, dob, sex, member_id}, ``payer`` {name, id},
``lines`` [{procedure, modifiers, charge, units, dx_pointers, service_date}];
optional ``original_claim_ref`` (or ``payer_claim_control_number``), ``prior_auth``
(or ``prior_authorization``), ``filing_indicator`` and per
line ``service_date_end`` and ``rendering_provider``. Money is a string in
decimal notation (never a float). Bad input raises ``ValueError`` naming the
field.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from decimal import Decimal
from typing import Any

from cleanclaim.edits.claim import (
    PROFILE_BY_FILING_INDICATOR,
    Address,
    Patient,
    Payer,
    Provider,
    ScrubClaim,
    ServiceLine,
)
from cleanclaim.money import parse_money

__all__ = ["from_json_view"]


def _str(v: Any) -> str:
    return "" if v is None else str(v)


def _date(v: Any, where: str) -> dt.date | None:
    if v in (None, ""):
        return None
    s = str(v)
    try:
        if len(s) == 8 and s.isdigit():
            return dt.date(int(s[:4]), int(s[4:6]), int(s[6:]))
        return dt.date.fromisoformat(s)
    except ValueError:
        raise ValueError(f"{where}: {s!r} is not a date (YYYY-MM-DD)") from None


def _money(v: Any, where: str) -> Decimal:
    """An amount of the JSON form (absent: 0); a MoneyError (a ValueError) names ``where``."""
    return parse_money(v if v is not None else "0", what=where)


def _npi(v: Any) -> str:
    if isinstance(v, Mapping):
        return _str(v.get("npi"))
    return _str(v)


def from_json_view(obj: Mapping[str, Any], *, where: str = "claim") -> ScrubClaim:
    if not isinstance(obj, Mapping):
        raise ValueError(f"{where}: expected a JSON object")
    cid = _str(obj.get("claim_id"))
    where = f"{where} {cid}".strip()
    bp = obj.get("billing_provider") or {}
    addr = bp.get("address") or {}
    if isinstance(addr, str):
        addr = {"line1": addr}
    pat = obj.get("patient") or {}
    sub = obj.get("subscriber") or {}
    sub_id = _str(sub.get("member_id") if isinstance(sub, Mapping) else sub) or _str(
        pat.get("member_id")
    )
    payer = obj.get("payer") or {}
    filing = _str(obj.get("filing_indicator") or payer.get("filing_indicator"))
    lines = []
    for i, ln in enumerate(obj.get("lines") or [], start=1):
        lw = f"{where} line {i}"
        pointers = ln.get("dx_pointers") or []
        try:
            ptrs = tuple(int(p) for p in pointers)
            raw: tuple[str, ...] = ()
        except (TypeError, ValueError):
            ptrs, raw = (), tuple(_str(p) for p in pointers)
        lines.append(
            ServiceLine(
                number=int(ln.get("number") or i),
                procedure=_str(ln.get("procedure")).upper(),
                modifiers=tuple(_str(m).upper() for m in ln.get("modifiers") or ()),
                charge=_money(ln.get("charge"), f"{lw} charge"),
                units=_money(ln.get("units", "1"), f"{lw} units"),
                dx_pointers=ptrs,
                raw_pointers=raw,
                service_date=_date(ln.get("service_date"), f"{lw} service_date"),
                service_date_end=_date(ln.get("service_date_end"), f"{lw} service_date_end"),
                rendering_npi=_npi(ln.get("rendering_provider")),
                ndc=_str(ln.get("ndc")),
                description=_str(ln.get("description")),
            )
        )
    return ScrubClaim(
        claim_id=cid,
        total_charge=_money(obj.get("total_charge"), f"{where} total_charge"),
        lines=tuple(lines),
        diagnoses=tuple(_str(d) for d in obj.get("diagnoses") or ()),
        frequency_code=_str(obj.get("frequency_code") or "1"),
        original_claim_ref=_str(
            obj.get("original_claim_ref") or obj.get("payer_claim_control_number")
        ),
        place_of_service=_str(obj.get("place_of_service")),
        billing_provider=Provider(
            npi=_str(bp.get("npi")),
            name=_str(bp.get("name")),
            address=Address(
                _str(addr.get("line1")),
                _str(addr.get("line2")),
                _str(addr.get("city")),
                _str(addr.get("state")),
                _str(addr.get("zip")),
            ),
        ),
        rendering_npi=_npi(obj.get("rendering_provider")),
        subscriber_id=sub_id,
        patient=Patient(
            name=_str(pat.get("name")),
            dob=_date(pat.get("dob"), f"{where} patient.dob"),
            sex=_str(pat.get("sex")),
            member_id=_str(pat.get("member_id")),
        ),
        payer=Payer(
            _str(payer.get("name")),
            _str(payer.get("id")),
            _str(payer.get("profile")) or PROFILE_BY_FILING_INDICATOR.get(filing, ""),
        ),
        filing_indicator=filing,
        prior_auth=_str(obj.get("prior_auth") or obj.get("prior_authorization")),
    )
