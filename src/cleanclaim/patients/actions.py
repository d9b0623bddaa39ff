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
