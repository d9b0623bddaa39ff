"""A patient's account read from the ledger: rows with running balances, visits the
payers have all answered, aging, and the snapshot a statement prints.

The guarantor: one function, :func:`family`, says which patients a guarantor answers
for: a patient who is their own guarantor (relationship ``18``, self) stands alone;
patients of the practice naming another person as guarantor with the same name, address
and ZIP are grouped, and their statement is mailed to that person.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.db.models import Q

from cleanclaim.claims.models import Claim
from cleanclaim.ledger.models import Bucket, EntryKind, LedgerEntry
from cleanclaim.patients.models import Patient

__all__ = [
    "ANSWERED",
    "AgingBuckets",
    "Row",
    "VisitBalance",
    "aging",
    "answered_claim_ids",
    "due_visits",
    "family",
    "rows",
    "snapshot",
]

ZERO = Decimal("0.00")
#: Claim statuses in which the payer has answered (or the claim is out of the way):
#: any other status (built ... queued, submitted, accepted, rejected, on hold) means a
#: payer still has to answer the visit, so its patient share is not stated yet.
ANSWERED = frozenset({"paid", "denied", "written_off", "voided", "replaced"})
#: Aging columns: days since the date of service.
AGING = (("current", 0, 30), ("31_60", 31, 60), ("61_90", 61, 90), ("over_90", 91, None))
_GUARANTOR_FIELDS = (
    "guarantor_last_name",
    "guarantor_first_name",
    "guarantor_address_line1",
    "guarantor_zip_code",
)


def _guarantor_key(patient: Patient) -> tuple[str, ...] | None:
    if str(getattr(patient, "guarantor_relationship", "18") or "18") == "18":  # self
        return None
    values = tuple(str(getattr(patient, f, "") or "").strip().upper() for f in _GUARANTOR_FIELDS)
    return values if values[0] else None


def family(patient: Patient) -> list[Patient]:
    """The patients whose balances the patient's guarantor answers for (the patient first)."""
    key = _guarantor_key(patient)
    if key is None:
        return [patient]
    others = [
        p
        for p in Patient.objects.filter(practice_id=patient.practice_id).exclude(pk=patient.pk)
        if _guarantor_key(p) == key
    ]
    return [patient, *others]


def guarantor_address(patient: Patient) -> dict[str, str]:
    """Who the statement is mailed to: the guarantor when on file, else the patient."""
    if _guarantor_key(patient) is not None:
        g = lambda f: str(getattr(patient, f"guarantor_{f}", "") or "")  # noqa: E731
        return {
            "name": f"{g('first_name')} {g('last_name')}".strip(),
            "address_line1": g("address_line1"),
            "address_line2": g("address_line2"),
            "city": g("city"),
            "state": g("state"),
            "zip_code": g("zip_code"),
        }
    return {
        "name": f"{patient.first_name} {patient.last_name}",
        "address_line1": patient.address_line1,
        "address_line2": patient.address_line2,
        "city": patient.city,
        "state": patient.state,
        "zip_code": patient.zip_code,
    }


@dataclass(frozen=True)
class Row:
    """One ledger entry with the running balance of its bucket after it."""

    entry: LedgerEntry
    running: Decimal


def rows(patients: list[Patient]) -> dict[str, list[Row]]:
    """The entries of ``patients`` per bucket (oldest first) with running balances."""
    out: dict[str, list[Row]] = {Bucket.INSURANCE.value: [], Bucket.PATIENT.value: []}
    totals: dict[str, Decimal] = defaultdict(lambda: ZERO)
    entries = (
        LedgerEntry.objects.filter(patient__in=patients)
        .select_related("claim", "patient")
        .order_by("effective_date", "id")
    )
    for entry in entries:
        totals[entry.bucket] += entry.amount
        out.setdefault(entry.bucket, []).append(Row(entry, totals[entry.bucket]))
    return out


def answered_claim_ids(claim_ids: set[int]) -> set[int]:
    """Of ``claim_ids``, those whose visit every payer has answered: no claim of the visit
    in a status outside :data:`ANSWERED` (a secondary queued or sent waits too), and no
    claim the payer forwarded to the next payer (835 CLP02 19/20/21) that has not yet
    been paid by another remittance (the crossover payer's own 835)."""
    claims = list(Claim.objects.filter(pk__in=claim_ids).values_list("pk", "encounter_id"))
    encounters = {enc for _, enc in claims}
    waiting = set(
        Claim.objects.filter(encounter_id__in=encounters)
        .exclude(status__in=ANSWERED)
        .values_list("encounter_id", flat=True)
    )
    waiting |= _forwarded_unanswered(encounters)
    return {pk for pk, enc in claims if enc not in waiting}


def _forwarded_unanswered(encounters: set[int]) -> set[int]:
    """Encounters with a claim whose last 835 answer forwarded it to the next payer and
    no other remittance has posted to it since."""
    from cleanclaim.claims.events import Kind
    from cleanclaim.claims.models import ClaimEvent

    last: dict[int, tuple[str, dict[str, Any], int]] = {}
    for claim_id, kind, data, enc in (
        ClaimEvent.objects.filter(
            claim__encounter_id__in=encounters,
            kind__in=[Kind.PAID, Kind.DENIED, Kind.FORWARDED, Kind.REVERSED],
        )
        .order_by("id")
        .values_list("claim_id", "kind", "data", "claim__encounter_id")
    ):
        last[claim_id] = (kind, data or {}, enc)
    out: set[int] = set()
    for claim_id, (kind, data, enc) in last.items():
        if kind != Kind.FORWARDED:
            continue
        later = (
            LedgerEntry.objects.filter(claim_id=claim_id, source__startswith="remit:")
            .exclude(source=f"remit:{data.get('remittance')}")
            .exists()
        )
        if not later:
            out.add(enc)
    return out


def desk_payments(entries: list[LedgerEntry]) -> dict[int, int]:
    """Entries on no claim that were taken at check-in (key ``checkin:<appointment>``,
    ``appointments.actions.checkin_key``) for a visit: entry id → the appointment's
    encounter, so the copay paid at the desk stands on its visit's row (and waits with
    it) once the visit is billed, rather than as a payment not applied to a visit."""
    from cleanclaim.appointments.models import Appointment

    by_appointment: dict[int, list[int]] = {}
    for e in entries:
        if e.claim_id is None and e.key.startswith("checkin:"):
            number = e.key.removeprefix("checkin:")
            if number.isdigit():
                by_appointment.setdefault(int(number), []).append(e.pk)
    if not by_appointment:
        return {}
    out: dict[int, int] = {}
    for appointment, encounter in Appointment.objects.filter(
        pk__in=by_appointment, encounter_id__isnull=False
    ).values_list("pk", "encounter_id"):
        for entry in by_appointment[appointment]:
            out[entry] = encounter
    return out


def visit_entries(claim_id: int) -> Q:
    """The ledger entries of the visit of ``claim_id``: every claim of its encounter, and
    what was paid at the desk when the patient checked in for it."""
    from cleanclaim.appointments.actions import checkin_key
    from cleanclaim.appointments.models import Appointment

    encounter = Claim.objects.filter(pk=claim_id).values("encounter_id")
    keys = [
        checkin_key(a) for a in Appointment.objects.filter(encounter_id__in=encounter).only("pk")
    ]
    return Q(claim__encounter_id__in=encounter) | Q(claim__isnull=True, key__in=keys)


@dataclass
class VisitBalance:
    """The patient's side of one visit or, with ``claim`` None, of the entries tied to
    no claim (a payment not applied to a visit, a refund). A visit is an encounter: the
    entries of all its claims (the primary, a replacement, the secondary) add up on one
    row; ``claim`` is the visit's first claim on the ledger."""

    claim: Claim | None
    day: dt.date
    charges: Decimal = ZERO
    insurance_paid: Decimal = ZERO
    adjustments: Decimal = ZERO
    patient_responsibility: Decimal = ZERO
    payments: Decimal = ZERO
    balance: Decimal = ZERO
    entries: list[LedgerEntry] = field(default_factory=list)


def due_visits(patients: list[Patient]) -> tuple[list[VisitBalance], list[int]]:
    """The visits with a patient share the payers have all answered (oldest first),
    plus the entries on no claim; and the ids of claims held back (a payer to answer)."""
    entries = list(
        LedgerEntry.objects.filter(patient__in=patients)
        .exclude(bucket=Bucket.PRACTICE)
        .select_related("claim", "patient")
        .order_by("effective_date", "id")
    )
    desk = desk_payments(entries)
    billed = dict(
        Claim.objects.filter(encounter_id__in=set(desk.values()))
        .order_by("pk")
        .values_list("encounter_id", "pk")
    )  # a visit's first claim (later ones are answered or waiting with it)
    desk = {entry: enc for entry, enc in desk.items() if enc in billed}
    claim_ids = {e.claim_id for e in entries if e.claim_id is not None} | set(billed.values())
    ready = answered_claim_ids(claim_ids)
    visits: dict[int | None, VisitBalance] = {}
    for e in entries:
        visit = e.claim.encounter_id if e.claim is not None else desk.get(e.pk)
        if e.claim_id is not None and e.claim_id not in ready:
            continue
        if e.claim is None and visit is not None and billed[visit] not in ready:
            continue  # paid at the desk for a visit a payer has still to answer
        day = e.claim.service_from if e.claim is not None else e.effective_date
        v = visits.setdefault(visit, VisitBalance(claim=e.claim, day=day))
        if v.claim is None and e.claim is not None:  # the desk's payment came first
            v.claim, v.day = e.claim, e.claim.service_from
        v.entries.append(e)
        if e.claim_id is None:
            v.day = min(v.day, e.effective_date)
        if e.bucket == Bucket.INSURANCE:
            if e.kind == EntryKind.CHARGE:
                v.charges += e.amount
            elif e.kind in (EntryKind.INSURANCE_PAYMENT, EntryKind.REVERSAL):
                v.insurance_paid -= e.amount
            elif e.kind in (
                EntryKind.CONTRACTUAL_ADJUSTMENT,
                EntryKind.OTHER_ADJUSTMENT,
                EntryKind.WRITE_OFF,
            ):
                v.adjustments -= e.amount
            continue
        if e.kind in (EntryKind.TRANSFER_TO_PATIENT, EntryKind.TRANSFER_TO_INSURANCE):
            # moved to the patient by a payer's PR, or back to the next payer (COB)
            v.patient_responsibility += e.amount
        elif e.kind == EntryKind.PATIENT_PAYMENT:
            v.payments -= e.amount
        elif e.kind == EntryKind.CHARGE:
            v.charges += e.amount
            v.patient_responsibility += e.amount
        else:
            v.adjustments -= e.amount
        v.balance += e.amount
    held = sorted(claim_ids - ready)
    out = sorted(visits.values(), key=lambda v: (v.claim is None, v.day))
    return [v for v in out if v.entries], held


@dataclass(frozen=True)
class AgingBuckets:
    current: Decimal = ZERO
    d31_60: Decimal = ZERO
    d61_90: Decimal = ZERO
    over_90: Decimal = ZERO

    def as_dict(self) -> dict[str, Decimal]:
        return {
            "current": self.current,
            "31_60": self.d31_60,
            "61_90": self.d61_90,
            "over_90": self.over_90,
        }


def aging(visits: list[VisitBalance], on: dt.date) -> AgingBuckets:
    """Each visit's patient balance by days since its date of service (as of ``on``);
    entries on no claim count as current (a credit lowers what is current)."""
    sums = {name: ZERO for name, _, _ in AGING}
    for v in visits:
        days = 0 if v.claim is None else (on - v.day).days
        for name, low, high in AGING:
            if days >= low and (high is None or days <= high):
                sums[name] += v.balance
                break
    return AgingBuckets(sums["current"], sums["31_60"], sums["61_90"], sums["over_90"])


def _money(value: Decimal) -> str:
    return str(value.quantize(Decimal("0.01")))


def snapshot(patient: Patient, visits: list[VisitBalance], on: dt.date) -> dict[str, Any]:
    """What a statement prints (JSON: money as strings), taken when the run makes it."""
    buckets = aging(visits, on)
    return {
        "account": patient.account_number,
        "to": guarantor_address(patient),
        "visits": [
            {
                "claim": v.claim.pk if v.claim is not None else None,
                "date": v.day.isoformat(),
                "patient": (
                    f"{v.entries[0].patient.first_name} {v.entries[0].patient.last_name}"
                    if v.entries and v.entries[0].patient is not None
                    else ""
                ),
                "description": _description(v),
                "charges": _money(v.charges),
                "insurance_paid": _money(v.insurance_paid),
                "adjustments": _money(v.adjustments),
                "patient_responsibility": _money(v.patient_responsibility),
                "payments": _money(v.payments),
                "balance": _money(v.balance),
            }
            for v in visits
        ],
        "aging": {k: _money(a) for k, a in buckets.as_dict().items()},
    }


def _description(v: VisitBalance) -> str:
    if v.claim is None:
        return "Payments and credits not applied to a visit"
    codes = ", ".join(line.procedure for line in v.claim.lines.all())
    return f"Visit {v.claim.number or v.claim.pk}" + (f" ({codes})" if codes else "")
