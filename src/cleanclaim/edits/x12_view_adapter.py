"""The X12 engine's typed 837P claims (``cleanclaim.x12.x222a1_837p.view.Claim``)
→ :class:`ScrubClaim`.

Nothing in the product calls it yet: the CLI, the app's upload page and the API
hand over bytes, which :mod:`.x12_adapter` reads by walking the same engine's
segments directly (faster). A test checks both give the same claims on every
5010 sample.

The view keeps diagnoses without their HI qualifiers, so ICD-9-CM codes (BK/BF)
cannot be told apart here; they are treated as ICD-10-CM.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from cleanclaim.edits.claim import Address, Patient, Payer, Provider, ScrubClaim, ServiceLine
from cleanclaim.edits.x12_adapter import PROFILE_BY_FILING_INDICATOR
from cleanclaim.x12.x222a1_837p.view import Address as X12Address
from cleanclaim.x12.x222a1_837p.view import Claim as X12Claim

__all__ = ["from_x12_claim"]


def _date(iso: str | None) -> dt.date | None:
    if not iso:
        return None
    try:
        return dt.date.fromisoformat(iso)
    except ValueError:
        return None


def _addr(a: X12Address | None) -> Address:
    if a is None:
        return Address()
    return Address(a.line1, a.line2, a.city, a.state, a.zip)


def from_x12_claim(c: X12Claim, *, source: str = "") -> ScrubClaim:
    bp = c.billing_provider
    pat = c.patient
    lines = tuple(
        ServiceLine(
            number=i,
            procedure=ln.procedure,
            modifiers=tuple(ln.modifiers),
            charge=ln.charge if ln.charge is not None else Decimal(0),
            units=ln.units if ln.units is not None else Decimal(1),
            dx_pointers=tuple(ln.dx_pointers),
            service_date=_date(ln.service_date),
            service_date_end=_date(ln.service_date_end),
            ndc=ln.ndc,
        )
        for i, ln in enumerate(c.lines, start=1)
    )
    return ScrubClaim(
        claim_id=c.claim_id,
        total_charge=c.total_charge if c.total_charge is not None else Decimal(0),
        lines=lines,
        diagnoses=tuple(c.diagnoses),
        frequency_code=c.frequency_code,
        original_claim_ref=c.payer_claim_control_number,
        place_of_service=c.place_of_service,
        billing_provider=Provider(bp.npi, bp.name, _addr(bp.address), bp.tax_id),
        rendering_npi=c.rendering_provider.npi if c.rendering_provider else "",
        subscriber_id=c.subscriber.member_id,
        patient=Patient(pat.name, _date(pat.dob), pat.sex, c.subscriber.member_id),
        payer=Payer(
            c.payer.name, c.payer.id, PROFILE_BY_FILING_INDICATOR.get(c.filing_indicator, "")
        ),
        filing_indicator=c.filing_indicator,
        prior_auth=c.prior_authorization,
        source=source,
    )
