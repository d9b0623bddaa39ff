"""Domain actions for payer profiles: each owns its transaction and writes the
audit entry in it. Updates are optimistic-locked like patients'
(:mod:`cleanclaim.web.concurrency`)."""

from __future__ import annotations

from typing import Any

from django.db import transaction

from cleanclaim.audit.actor import Actor
from cleanclaim.audit.models import AuditEntry
from cleanclaim.audit.record import diff, record, snapshot
from cleanclaim.payers.models import Payer
from cleanclaim.practices.models import Organisation
from cleanclaim.web.concurrency import StaleEdit, check_version, save_versioned

__all__ = ["StaleEdit", "add_payer", "update_payer"]

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
