"""The X12 engine's 837P JSON claim form (docs/x12-json.md) → :class:`ScrubClaim`.

The same claim shape as an 837P file: the engine reads the JSON claim form into its
837P view claim (:func:`cleanclaim.x12.x222a1_837p.json.claim_from_json`, the inverse
of what ``x12 parse --json`` writes) and :func:`~cleanclaim.edits.x12_adapter.from_x12_claim`
gives the scrubber's claim, exactly as for a claim read from an 837P.

Fields read from each claim object: ``claim_id``, ``total_charge``,
``frequency_code``, ``place_of_service``, ``diagnoses`` (dot form),
``billing_provider`` {npi, name, address{line1, line2, city, state, zip}},
``rendering_provider`` (an NPI string or {npi}), ``subscriber`` ({member_id} or
a string), ``patient`` {name, dob, sex, member_id}, ``payer`` {name, id};
``lines`` [{procedure, modifiers, charge, units, dx_pointers, service_date}];
optional ``payer_claim_control_number`` (or ``original_claim_ref``),
``prior_authorization`` (or ``prior_auth``), ``filing_indicator`` (also in
``payer``), ``payer.profile`` (else from the filing indicator),
``payer_responsibility`` (SBR01), ``other_payer_paid`` (a prior payer's payment date,
YYYY-MM-DD: what 2330B DTP*573 carries in an 837P) and per line
``number``, ``service_date_end``, ``rendering_provider``, ``ndc`` and
``description``. Money is a string in decimal notation (never a float). Bad input
raises ``ValueError`` naming the field.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import replace
from typing import Any

from cleanclaim.edits.claim import ScrubClaim
from cleanclaim.edits.x12_adapter import from_x12_claim
from cleanclaim.jsonin import type_name
from cleanclaim.x12.x222a1_837p.json import claim_from_json

__all__ = ["from_json_view"]

#: The scrubber's older names for fields of the claim form.
_ALIASES = {
    "original_claim_ref": "payer_claim_control_number",
    "prior_auth": "prior_authorization",
}


def from_json_view(obj: Mapping[str, Any], *, where: str = "claim") -> ScrubClaim:
    if not isinstance(obj, Mapping):
        raise ValueError(f"{where}: expected a JSON object (a claim), got {type_name(obj)}")
    form = dict(obj)
    for old, new in _ALIASES.items():
        if not form.get(new) and form.get(old):
            form[new] = form[old]
    claim = from_x12_claim(claim_from_json(form, where=where))
    payer = obj.get("payer")
    profile = payer.get("profile") if isinstance(payer, Mapping) else None
    if profile:
        if not isinstance(profile, str):
            raise ValueError(f"{where} payer.profile: expected text, got {type_name(profile)}")
        claim = replace(claim, payer=replace(claim.payer, profile=profile))
    paid = obj.get("other_payer_paid")
    if paid not in (None, ""):
        claim = replace(
            claim, other_payer_paid=_date(paid, f"{where} {claim.claim_id} other_payer_paid")
        )
    return claim


def _date(value: Any, where: str) -> dt.date:
    if isinstance(value, str) and len(value) == 10:
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            pass
    raise ValueError(f"{where}: {str(value)[:40]!r} is not a date (YYYY-MM-DD)")
