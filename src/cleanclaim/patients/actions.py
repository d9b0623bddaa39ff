"""Domain actions for patients and coverage: each owns its transaction and
writes the audit entry in it, so a change and its record commit together."""

from __future__ import annotations

from typing import Any

from django.db import transaction

from cleanclaim.audit.actor import Actor
from cleanclaim.audit.models import AuditEntry
from cleanclaim.audit.record import diff, record, record_list, snapshot
from cleanclaim.patients.models import Coverage, Patient
from cleanclaim.practices.models import Practice

Action = AuditEntry.Action


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
def update_patient(actor: Actor, patient: Patient, **fields: Any) -> Patient:
    locked = Patient.objects.select_for_update().get(pk=patient.pk)
    before = snapshot(locked, Patient.audited_fields)
    for name, value in fields.items():
        if name not in Patient.audited_fields:
            raise ValueError(f"update_patient: {name!r} is not an editable patient field")
        setattr(locked, name, value)
    locked.save()
    changes = diff(before, snapshot(locked, Patient.audited_fields))
    if changes:
        record(actor, Action.UPDATE, locked, changes=changes)
    return locked


@transaction.atomic
def add_coverage(actor: Actor, patient: Patient, **fields: Any) -> Coverage:
    coverage = Coverage(patient=patient, **fields)
    coverage.save()
    record(actor, Action.CREATE, coverage, changes=snapshot(coverage, Coverage.audited_fields))
    return coverage


@transaction.atomic
def update_coverage(actor: Actor, coverage: Coverage, **fields: Any) -> Coverage:
    locked = Coverage.objects.select_for_update().select_related("patient").get(pk=coverage.pk)
    before = snapshot(locked, Coverage.audited_fields)
    for name, value in fields.items():
        attr = "payer" if name == "payer" else name
        if attr != "payer" and attr not in Coverage.audited_fields:
            raise ValueError(f"update_coverage: {name!r} is not an editable coverage field")
        setattr(locked, attr, value)
    locked.save()
    changes = diff(before, snapshot(locked, Coverage.audited_fields))
    if changes:
        record(actor, Action.UPDATE, locked, changes=changes)
    return locked
