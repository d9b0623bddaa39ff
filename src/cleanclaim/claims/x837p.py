"""A claim as the X12 engine's 837P claim, and a selection of claims as one 837P file.

The claim has one shape: :func:`to_837p` maps a :class:`~cleanclaim.claims.models.Claim`
onto the engine's view :class:`cleanclaim.x12.x222a1_837p.view.Claim`. The scrubber reads
that same object (through :func:`cleanclaim.edits.x12_adapter.from_x12_claim`), and
:func:`write_837p` hands it to the engine's builder, so what is scrubbed is what is sent.

Submitter and receiver (1000A/1000B): the submitter is the practice of the first claim
(its legal name, its NPI as the submitter id unless ``CLEANCLAIM_837_SUBMITTER_ID`` is set,
its phone or else ``DEFAULT_FROM_EMAIL`` as the contact); the receiver is the clearinghouse
named by ``CLEANCLAIM_837_RECEIVER_NAME`` / ``CLEANCLAIM_837_RECEIVER_ID`` (default
``CLEARINGHOUSE``) — the same for every file, as a clearinghouse assigns them.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from decimal import Decimal
from typing import Any

from django.conf import settings

from cleanclaim.claims.models import Claim, ClaimLine
from cleanclaim.x12 import write_json
from cleanclaim.x12.x222a1_837p.json import (
    adjudication_from_json,
    claim_json,
    other_payer_from_json,
)
from cleanclaim.x12.x222a1_837p.view import Address, Party, Payer, Person, ServiceLine
from cleanclaim.x12.x222a1_837p.view import Claim as X12Claim

__all__ = ["submitter_receiver", "to_837p", "write_837p", "write_views"]


def _iso(day: dt.date | None) -> str | None:
    return day.isoformat() if day else None


def _address(obj: Any) -> Address:
    return Address(
        line1=obj.address_line1,
        line2=obj.address_line2,
        city=obj.city,
        state=obj.state,
        zip=obj.zip_code,
    )


def _subscriber_address(coverage: Any) -> Address | None:
    """Loop 2010BA N3/N4: the subscriber's own address when the policy has one."""
    if not coverage.subscriber_address_line1:
        return None
    return Address(
        line1=coverage.subscriber_address_line1,
        city=coverage.subscriber_city,
        state=coverage.subscriber_state,
        zip=coverage.subscriber_zip_code,
    )


def _units(units: Decimal) -> Decimal:
    """SV104 without trailing zeros: 1.000 → 1, 1.500 → 1.5 (never an exponent)."""
    return units.quantize(Decimal(1)) if units == units.to_integral() else units.normalize()


def to_837p(claim: Claim, lines: Sequence[ClaimLine] | None = None) -> X12Claim:
    """The engine's view of ``claim`` (lines, parties and coverage read from the rows;
    prefetch ``lines`` and select the related rows when mapping many). ``lines``: the
    claim's lines when it is not saved (a dry build: :func:`cleanclaim.claims.building.dry_run`)."""
    practice = claim.practice
    patient = claim.patient
    coverage = claim.coverage
    provider = claim.rendering_provider
    billing = Party(
        npi=practice.npi,
        name=practice.legal_name,
        entity_type="organization",
        address=_address(practice),
        tax_id=practice.tin,
        taxonomy=practice.taxonomy,
    )
    rendering = Party(
        npi=provider.npi,
        name=f"{provider.last_name}, {provider.first_name}",
        last_name=provider.last_name,
        first_name=provider.first_name,
        entity_type="person",
        taxonomy=provider.taxonomy,
    )
    referring = None
    if claim.referring_npi:
        referring = Party(
            npi=claim.referring_npi,
            name=f"{claim.referring_last_name}, {claim.referring_first_name}".strip(", "),
            last_name=claim.referring_last_name,
            first_name=claim.referring_first_name,
            entity_type="person",
        )
    me = Person(
        name=f"{patient.last_name}, {patient.first_name}",
        last_name=patient.last_name,
        first_name=patient.first_name,
        middle_name=patient.middle_name,
        dob=_iso(patient.date_of_birth),
        sex=patient.sex,
        member_id=coverage.member_id,
        address=_address(patient),
        relationship=coverage.relationship,
    )
    if coverage.is_self:
        subscriber = me
    else:
        subscriber = Person(
            name=f"{coverage.subscriber_last_name}, {coverage.subscriber_first_name}",
            last_name=coverage.subscriber_last_name,
            first_name=coverage.subscriber_first_name,
            dob=_iso(coverage.subscriber_date_of_birth),
            sex=coverage.subscriber_sex,
            member_id=coverage.member_id,
            address=_subscriber_address(coverage) or _address(patient),
            relationship="18",
        )
    lines = [
        ServiceLine(
            procedure=line.procedure,
            modifiers=list(line.modifiers),
            charge=line.charge,
            units=_units(line.units),
            dx_pointers=list(line.pointers),
            service_date=_iso(line.service_date),
            unit_code="UN",
            ndc=line.ndc,
            ndc_quantity=line.ndc_quantity,
            ndc_unit=line.ndc_unit,
            number=line.number,
            qualifier="HC",
            adjudications=[
                adjudication_from_json(a, f"line {line.number} adjudications[{i}]")
                for i, a in enumerate(line.adjudications or [])
            ],
        )
        for line in (claim.lines.all() if lines is None else lines)
    ]
    return X12Claim(
        claim_id=claim.number,
        total_charge=claim.total_charge,
        frequency_code=claim.frequency,
        place_of_service=claim.place_of_service,
        diagnoses=list(claim.diagnoses),
        billing_provider=billing,
        rendering_provider=rendering,
        subscriber=subscriber,
        patient=me,
        payer=Payer(name=claim.payer.name, id=claim.payer.payer_id),
        lines=lines,
        payer_responsibility=claim.responsibility,
        filing_indicator=claim.payer.filing_indicator,
        group_number=coverage.group_number,
        payer_claim_control_number=claim.payer_claim_control_number,
        prior_authorization=claim.prior_authorization,
        referring_provider=referring,
        diagnosis_qualifiers=["ABK", *(["ABF"] * (len(claim.diagnoses) - 1))][
            : len(claim.diagnoses)
        ],
        assignment="A",
        other_payers=[
            other_payer_from_json(o, f"other_payers[{i}]")
            for i, o in enumerate(claim.other_payers or [])
        ],
    )


def submitter_receiver(claim: Claim) -> tuple[dict[str, str], dict[str, str]]:
    """1000A and 1000B for a file whose first claim is ``claim`` (see the module)."""
    practice = claim.practice
    phone = "".join(ch for ch in practice.phone if ch.isdigit())
    submitter = {
        "name": practice.legal_name,
        "id": getattr(settings, "CLEANCLAIM_837_SUBMITTER_ID", "") or practice.npi,
        "contact_name": practice.name.upper()[:60],
        "phone": phone,
        "email": "" if phone else getattr(settings, "DEFAULT_FROM_EMAIL", "billing@localhost"),
    }
    receiver = {
        "name": getattr(settings, "CLEANCLAIM_837_RECEIVER_NAME", "CLEARINGHOUSE"),
        "id": getattr(settings, "CLEANCLAIM_837_RECEIVER_ID", "CLEARINGHOUSE"),
    }
    return submitter, receiver


def write_837p(
    claims: Sequence[Claim],
    *,
    control_number: int = 1,
    now: dt.datetime | None = None,
    views: Sequence[X12Claim] | None = None,
) -> str:
    """``claims`` as one 837P interchange (one ISA/GS/ST), X12 text.

    ``views``: the claims already mapped by :func:`to_837p` (else they are mapped here).
    Raises :class:`cleanclaim.x12.X12Error` naming the field when a claim lacks what
    the guide requires."""
    if not claims:
        raise ValueError("no claims to write")
    mapped = list(views) if views is not None else [to_837p(c) for c in claims]
    submitter, receiver = submitter_receiver(claims[0])
    return write_views(mapped, submitter, receiver, control_number=control_number, now=now)


def write_views(
    claims: Sequence[X12Claim],
    submitter: dict[str, str],
    receiver: dict[str, str],
    *,
    control_number: int = 1,
    now: dt.datetime | None = None,
) -> str:
    """Engine claims as one 837P interchange through the engine's builder and writer
    (``submitter``/``receiver`` as :func:`submitter_receiver` makes them)."""
    when = now or dt.datetime.now(dt.UTC)
    ctl = str(control_number)
    doc = {
        "x12_json_version": "1",
        "transactions": [
            {
                "transaction_set": "837",
                "interchange_control_number": ctl,
                "group_control_number": ctl,
                "control_number": ctl.rjust(4, "0")[-9:],
                "test": getattr(settings, "CLEANCLAIM_837_TEST", True),
                "reference": f"CC{ctl}",
                "created": when.strftime("%Y-%m-%dT%H:%M"),
                "submitter": submitter,
                "receiver": receiver,
                "claims": [claim_json(c) for c in claims],
            }
        ],
    }
    return write_json(doc, now=when)
