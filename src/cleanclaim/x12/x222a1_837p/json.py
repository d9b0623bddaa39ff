"""The 837P part of the JSON view: ``claims`` with the convenient fields.

``to_json`` adds ``{"claims": [...]}`` next to the lossless ``segments`` the
shared view writes (:mod:`cleanclaim.x12._json_view`); ``from_json`` builds a
transaction from ``claims`` (and ``submitter``/``receiver``) when there are
no segments. Money is a string in decimal notation; dates ``YYYY-MM-DD``.
"""

from __future__ import annotations

from dataclasses import asdict
from decimal import Decimal
from typing import Any

from .._segments import Delimiters
from .building import build_837p
from .parsing import Transaction837P
from .view import Claim, Party, claims

__all__ = ["claim_json", "from_json", "to_json"]


def _money(value: Decimal | None) -> str | None:
    return None if value is None else format(value, "f")


def _party(p: Party | None) -> dict[str, Any] | None:
    if p is None:
        return None
    d = asdict(p)
    return {k: v for k, v in d.items() if v not in ("", None)} | {"npi": p.npi, "name": p.name}


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
        "payer_claim_control_number": c.payer_claim_control_number or None,
        "prior_authorization": c.prior_authorization or None,
        "lines": [
            {
                "procedure": line.procedure,
                "modifiers": line.modifiers,
                "charge": _money(line.charge),
                "units": _money(line.units),
                "dx_pointers": line.dx_pointers,
                "service_date": line.service_date,
                **({"service_date_end": line.service_date_end} if line.service_date_end else {}),
                **({"ndc": line.ndc} if line.ndc else {}),
            }
            for line in c.lines
        ],
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
    """Build a transaction from the convenient fields (see :mod:`.building`)."""
    return build_837p(obj)
