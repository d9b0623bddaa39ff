"""Domain actions for patients and coverage: each owns its transaction and
writes the audit entry in it, so a change and its record commit together.

Updates are optimistic-locked (:mod:`cleanclaim.tenancy.concurrency`): pass the
version the editor started from and a save over someone else's change raises
:class:`StaleEdit` with what changed; nothing is written then."""

from __future__ import annotations

from typing import Any

from django.db import transaction

from cleanclaim.audit.actor import Actor
from cleanclaim.audit.models import AuditEntry
from cleanclaim.audit.record import diff, record, record_list, snapshot
from cleanclaim.patients.models import Coverage, Patient
from cleanclaim.practices.models import Practice
from cleanclaim.tenancy.concurrency import StaleEdit, check_version, save_versioned

Action = AuditEntry.Action

__all__ = [
    "StaleEdit",
    "add_coverage",
    "attach_card",
    "read_card",
    "register_patient",
    "update_coverage",
    "update_patient",
    "view_patient",
    "view_patients",
]


def view_patient(actor: Actor, patient: Patient) -> Patient:
    """Record that ``actor`` read the patient and their coverage."""
    record(actor, Action.READ, patient, context={"with": "coverage"})
    return patient


def view_patients(actor: Actor, patients: list[Patient], *, query: str = "") -> list[Patient]:
    """Record a list/search page: the query and which patients were shown."""
    record_list(actor, Patient, patients, query=query)
    return patients


@transaction.atomic
def register_patient(actor: Actor, practice: Practice, **fields: Any) -> Patient:
    patient = Patient(practice=practice, **fields)
    patient.save()
    record(actor, Action.CREATE, patient, changes=snapshot(patient, Patient.audited_fields))
    return patient


@transaction.atomic
def update_patient(
    actor: Actor, patient: Patient, *, expected_version: int | None = None, **fields: Any
) -> Patient:
    """Change the patient's fields, refusing with :class:`StaleEdit` when the row
    is no longer at ``expected_version`` (the version the editor started from)."""
    for name in fields:
        if name not in Patient.audited_fields:
            raise ValueError(f"update_patient: {name!r} is not an editable patient field")
    locked = Patient.objects.select_for_update().get(pk=patient.pk)
    expected = check_version(locked, expected_version, fields, noun="patient")
    before = snapshot(locked, Patient.audited_fields)
    for name, value in fields.items():
        setattr(locked, name, value)
    locked.full_clean()
    changes = diff(before, snapshot(locked, Patient.audited_fields))
    if changes:
        save_versioned(locked, expected, changes, noun="patient")
        record(actor, Action.UPDATE, locked, changes=changes, context={"version": locked.version})
    return locked


@transaction.atomic
def add_coverage(actor: Actor, patient: Patient, **fields: Any) -> Coverage:
    coverage = Coverage(patient=patient, **fields)
    coverage.save()
    record(actor, Action.CREATE, coverage, changes=snapshot(coverage, Coverage.audited_fields))
    return coverage


@transaction.atomic
def update_coverage(
    actor: Actor, coverage: Coverage, *, expected_version: int | None = None, **fields: Any
) -> Coverage:
    """Change a coverage; refused with :class:`StaleEdit` like :func:`update_patient`."""
    for name in fields:
        if name != "payer" and name not in Coverage.audited_fields:
            raise ValueError(f"update_coverage: {name!r} is not an editable coverage field")
    locked = Coverage.objects.select_for_update().select_related("patient").get(pk=coverage.pk)
    expected = check_version(locked, expected_version, fields, noun="coverage")
    before = snapshot(locked, Coverage.audited_fields)
    for name, value in fields.items():
        setattr(locked, name, value)
    locked.full_clean()
    changes = diff(before, snapshot(locked, Coverage.audited_fields))
    if changes:
        save_versioned(locked, expected, changes, noun="coverage")
        record(actor, Action.UPDATE, locked, changes=changes, context={"version": locked.version})
    return locked


@transaction.atomic
def attach_card(actor: Actor, coverage: Coverage, side: str, upload: Any) -> Coverage:
    """Store the card image of ``side`` (front/back) for the coverage, replacing any
    earlier one; checked by :func:`cleanclaim.patients.cards.check_card` (type and size)."""
    import secrets

    from cleanclaim.patients.cards import SIDES, check_card

    if side not in SIDES:
        raise ValueError(f"attach_card: side is front or back, not {side!r}")
    name = f"card_{side}"
    _content_type, ext = check_card(upload, field=name)
    locked = Coverage.objects.select_for_update().get(pk=coverage.pk)
    field = getattr(locked, name)
    old = field.name
    field.save(f"{locked.pk}-{side}-{secrets.token_hex(8)}.{ext}", upload, save=False)
    Coverage.objects.filter(pk=locked.pk).update(**{name: field.name})
    if old:
        field.storage.delete(old)
    record(actor, Action.UPDATE, locked, changes={name: ["" if not old else "replaced", "stored"]})
    return locked


def read_card(actor: Actor, coverage: Coverage, side: str) -> Any:
    """The stored card image of ``side``, opened for reading, its read recorded."""
    field = getattr(coverage, f"card_{side}")
    record(actor, Action.READ, coverage, context={"card": side})
    return field.open("rb")
