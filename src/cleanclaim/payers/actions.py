"""Domain actions for payer profiles: each owns its transaction and writes the
audit entry in it. Updates are optimistic-locked like patients'
(:mod:`cleanclaim.tenancy.concurrency`)."""

from __future__ import annotations

import copy
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction

from cleanclaim.audit.actor import Actor
from cleanclaim.audit.models import AuditEntry
from cleanclaim.audit.record import diff, record, snapshot
from cleanclaim.payers.models import (
    OVERRIDABLE_FIELDS,
    Payer,
    PayerConnectionId,
    PracticePayerOverride,
)
from cleanclaim.practices.models import Organisation, Practice
from cleanclaim.tenancy.concurrency import StaleEdit, check_version, save_versioned

__all__ = ["StaleEdit", "add_payer", "set_connection_ids", "set_override", "update_payer"]

Action = AuditEntry.Action


def _check_names(func: str, fields: dict[str, Any]) -> None:
    for name in fields:
        if name not in Payer.audited_fields:
            raise ValueError(f"{func}: {name!r} is not an editable payer field")


@transaction.atomic
def add_payer(actor: Actor, organisation: Organisation, **fields: Any) -> Payer:
    _check_names("add_payer", fields)
    payer = Payer(organisation=organisation, **fields)
    payer.save()
    record(actor, Action.CREATE, payer, changes=snapshot(payer, Payer.audited_fields))
    return payer


@transaction.atomic
def update_payer(
    actor: Actor, payer: Payer, *, expected_version: int | None = None, **fields: Any
) -> Payer:
    """Change the payer's fields; :class:`StaleEdit` when the row moved past
    ``expected_version`` since the editor opened it."""
    _check_names("update_payer", fields)
    locked = Payer.objects.select_for_update().get(pk=payer.pk)
    expected = check_version(locked, expected_version, fields, noun="payer")
    before = snapshot(locked, Payer.audited_fields)
    for name, value in fields.items():
        setattr(locked, name, value)
    locked.full_clean()
    changes = diff(before, snapshot(locked, Payer.audited_fields))
    if changes:
        save_versioned(locked, expected, changes, noun="payer")
        record(actor, Action.UPDATE, locked, changes=changes, context={"version": locked.version})
    return locked


@transaction.atomic
def set_connection_ids(actor: Actor, payer: Payer, ids: dict[str, str]) -> dict[str, str]:
    """Replace the payer's ids per clearinghouse connection with ``ids``
    (``{connection: payer id}``); audited as one update of the payer."""
    locked = Payer.objects.select_for_update().get(pk=payer.pk)
    before = dict(locked.connection_ids.values_list("connection", "connection_payer_id"))
    if before == ids:
        return before
    locked.connection_ids.exclude(connection__in=ids).delete()
    for connection, payer_id in ids.items():
        row = PayerConnectionId(payer=locked, connection=connection, connection_payer_id=payer_id)
        row.full_clean(exclude=["payer"], validate_unique=False)
        PayerConnectionId.objects.update_or_create(
            payer=locked, connection=connection, defaults={"connection_payer_id": payer_id}
        )
    record(actor, Action.UPDATE, locked, changes={"connection_ids": [before, ids]})
    return ids


@transaction.atomic
def set_override(
    actor: Actor, payer: Payer, practice: Practice, values: dict[str, Any]
) -> PracticePayerOverride | None:
    """Make ``values`` (``{field: Python value}``) the practice's overrides of the
    payer profile; {} removes them. The profile with the overrides applied must be
    valid (``ValidationError`` naming the field otherwise). Audited with a diff."""
    unknown = sorted(set(values) - set(OVERRIDABLE_FIELDS))
    if unknown:
        raise ValidationError(f"not overridable per practice: {', '.join(unknown)}")
    if practice.organisation_id != payer.organisation_id:
        raise ValidationError(f"{practice} is not in the organisation of payer {payer.payer_id}")
    trial = copy.copy(payer)
    for name, value in values.items():
        setattr(trial, name, value)
    trial.full_clean(validate_unique=False, validate_constraints=False)
    stored = snapshot(trial, values)  # JSON-ready, as the audit trail keeps them
    row = (
        PracticePayerOverride.objects.select_for_update()
        .filter(payer=payer, practice=practice)
        .first()
    )
    before = dict(row.values) if row is not None else {}
    changes = {
        name: [before.get(name), stored.get(name)]
        for name in sorted(set(before) | set(stored))
        if before.get(name) != stored.get(name)
    }
    if row is None and not stored:
        return None
    if row is None:
        row = PracticePayerOverride(payer=payer, practice=practice)
    if not changes:
        return row
    row.values = stored
    row.full_clean()
    if stored:
        row.save()
        record(actor, Action.UPDATE if before else Action.CREATE, row, changes=changes)
        return row
    record(actor, Action.DELETE, row, changes=changes)
    row.delete()
    return None
