"""Test claims made from an 835's own data, and generated 835s of any size.

:func:`claims_for_835` creates, in a practice, the patient, coverage, visit and sent
claim each claim payment answers (CLP01 as the claim number, lines from SVC: the code
as submitted, SVC06, when the payer changed it), so posting the file matches every
payment; rows are inserted in bulk, as set-up. :func:`many_claims_835` builds a
balanced 835 of ``n`` claim payments with the engine's 835 builder.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from cleanclaim.audit.actor import Actor
from cleanclaim.claims.models import Claim, ClaimEvent, ClaimLine, Encounter
from cleanclaim.ledger import charges
from cleanclaim.patients.models import Coverage, Patient
from cleanclaim.payers.models import Payer
from cleanclaim.practices.models import Practice, RenderingProvider, ServiceLocation
from cleanclaim.x12 import write_json
from cleanclaim.x12.x221a1_835.view import ClaimPayment, Remittance

DEFAULT_DAY = dt.date(2026, 1, 15)


def _day(text: str) -> dt.date | None:
    try:
        return dt.datetime.strptime(text, "%Y%m%d").date()
    except ValueError:
        return None


def _lines(cp: ClaimPayment) -> list[tuple[str, list[str], Decimal, dt.date]]:
    claim_day = next((d for q, t in cp.dates if q == "232" and (d := _day(t))), DEFAULT_DAY)
    out = []
    for svc in cp.services:
        proc = (
            svc.svc.original_procedure_identifier or svc.svc.composite_medical_procedure_identifier
        )
        code = (proc.procedure_code if proc else "99213")[:5]
        mods = list(proc.procedure_modifiers) if proc else []
        day = next((d for q, t in svc.service_dates if (d := _day(t))), claim_day)
        out.append((code, mods, svc.svc.line_item_charge_amount, day))
    if not out:
        out.append(("99213", [], cp.clp.total_claim_charge_amount, claim_day))
    return out


def claims_for_835(
    remit: Remittance,
    practice: Practice,
    payer: Payer,
    provider: RenderingProvider,
    location: ServiceLocation,
) -> list[Claim]:
    """One sent claim per distinct CLP01 of ``remit`` (events created, scrubbed, queued,
    submitted; status ``submitted``), with its patient and coverage -- inserted in bulk,
    as test set-up (no audit entries)."""
    wanted: dict[str, ClaimPayment] = {}
    for cp in remit.claims:
        number = cp.clp.claim_submitters_identifier
        if cp.clp.claim_status_code != "22":
            wanted.setdefault(number, cp)
    start = Patient.objects.count()
    patients = Patient.objects.bulk_create(
        Patient(
            practice=practice,
            account_number=f"R{start + i:06d}",
            first_name=(cp.patient.first_name if cp.patient else "") or "Pat",
            last_name=(cp.patient.name if cp.patient else "") or "Remit",
            date_of_birth=dt.date(1950, 1, 1),
            sex="F",
            address_line1="1 Main Street",
            city="Portland",
            state="OR",
            zip_code="97201",
        )
        for i, cp in enumerate(wanted.values(), start=1)
    )
    coverages = Coverage.objects.bulk_create(
        Coverage(
            patient=patient,
            payer=payer,
            priority=1,
            member_id=(cp.patient.identification_code if cp.patient else "") or f"M{number}",
            effective_date=dt.date(2000, 1, 1),
        )
        for patient, (number, cp) in zip(patients, wanted.items(), strict=True)
    )
    lines = [_lines(cp) for cp in wanted.values()]
    spans = [(min(d for *_, d in ls), max(d for *_, d in ls)) for ls in lines]
    common = {
        "practice": practice,
        "rendering_provider": provider,
        "location": location,
        "place_of_service": "11",
        "diagnoses": ["I10"],
    }
    encounters = Encounter.objects.bulk_create(
        Encounter(patient=p, coverage=c, service_from=a, service_to=b, **common)
        for p, c, (a, b) in zip(patients, coverages, spans, strict=True)
    )
    claims = Claim.objects.bulk_create(
        Claim(
            encounter=e,
            patient=e.patient,
            coverage=e.coverage,
            payer=payer,
            service_from=e.service_from,
            service_to=e.service_to,
            total_charge=sum((c for _, _, c, _ in ls), Decimal(0)),
            number=number,
            status="submitted",
            **common,
        )
        for e, number, ls in zip(encounters, wanted, lines, strict=True)
    )
    ClaimLine.objects.bulk_create(
        ClaimLine(
            claim=claim,
            number=n,
            procedure=code,
            modifiers=mods,
            units=1,
            charge=charge,
            pointers=[1],
            service_date=day,
        )
        for claim, ls in zip(claims, lines, strict=True)
        for n, (code, mods, charge, day) in enumerate(ls, start=1)
    )
    ClaimEvent.objects.bulk_create(
        ClaimEvent(claim=claim, kind=kind, user_label="test set-up", data=data)
        for claim in claims
        for kind, data in (
            ("created", {}),
            ("scrubbed", {"errors": 0}),
            ("queued", {}),
            ("submitted", {"batch": 1}),
        )
    )
    # sent: the visits' charges on the ledger, as a batch's sending posts them
    sent = Claim.objects.filter(pk__in=[c.pk for c in claims]).select_related("practice")
    charges.on_sent(Actor.process(), sent.prefetch_related("lines"))
    return claims


def many_claims_835(n: int, *, trace: str = "TRACE1000", first: int = 1) -> bytes:
    """A balanced 835 of ``n`` claim payments ``RC{first:07d}`` …, two lines each: an
    office visit paid 80 of 125 (CO-45 25, PR-2 20) and a test paid 30 of 40 (CO-45 10)."""
    claims: list[dict[str, Any]] = []
    for i in range(first, first + n):
        claims.append(
            {
                "patient_control_number": f"RC{i:07d}",
                "status_code": "1",
                "charge": "165",
                "paid": "110",
                "patient_responsibility": "20",
                "filing_indicator": "12",
                "payer_claim_control_number": f"PCN{i:09d}",
                "patient": {"last_name": f"DOE{i}", "first_name": "JANE", "member_id": f"M{i}"},
                "services": [
                    {
                        "procedure": "99213",
                        "charge": "125",
                        "paid": "80",
                        "service_date": "2026-01-15",
                        "adjustments": [
                            {"group": "CO", "reason": "45", "amount": "25"},
                            {"group": "PR", "reason": "2", "amount": "20"},
                        ],
                    },
                    {
                        "procedure": "80053",
                        "charge": "40",
                        "paid": "30",
                        "service_date": "2026-01-15",
                        "adjustments": [{"group": "CO", "reason": "45", "amount": "10"}],
                    },
                ],
            }
        )
    return bench_835(claims, total=str(110 * n), trace=trace, day=dt.date(2026, 2, 2))


def bench_835(
    claims: list[dict[str, Any]], *, total: str, trace: str, day: dt.date, control: str = "0001"
) -> bytes:
    """An 835 from BENCH MUTUAL to the bench practice paying ``claims`` (835 JSON claim
    payments), ``total`` on ``day`` with trace number ``trace``."""
    body = {
        "transaction_set": "835",
        "control_number": control,
        "sender_id": "BENCHPAYER",
        "receiver_id": "CLEANCLAIM",
        "total_payment": total,
        "payment_method": "ACH",
        "payment_date": day.isoformat(),
        "trace_number": trace,
        "payer_identifier": "1999999999",
        "payer": {"name": "BENCH MUTUAL", "id_qualifier": "XV", "id": "BENCH01"},
        "payee": {"name": "BENCH PRACTICE", "id_qualifier": "XX", "id": "1234567893"},
        "claims": claims,
    }
    now = dt.datetime.combine(day, dt.time(9, 0), tzinfo=dt.UTC)
    return write_json(body, now=now).encode()
