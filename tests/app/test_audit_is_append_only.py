"""Audit entries cannot be changed or removed: not by the model, not in bulk,
and on PostgreSQL not even with raw SQL (trigger from migration audit 0002)."""

from __future__ import annotations

import pytest
from django.db import DatabaseError, connection, transaction

from cleanclaim.audit.actor import Actor
from cleanclaim.audit.models import AppendOnlyError, AuditEntry
from cleanclaim.audit.record import record
from cleanclaim.practices.permissions import Role
from cleanclaim.testing.personas import World


@pytest.fixture
def entry(world: World) -> AuditEntry:
    return record(Actor(world.home.users[Role.FRONT_DESK]), "read", world.home.patient)


def test_it_refuses_to_save_a_changed_entry(entry: AuditEntry) -> None:
    entry.action = "delete"
    with pytest.raises(AppendOnlyError):
        entry.save()


def test_it_refuses_to_delete_an_entry(entry: AuditEntry) -> None:
    with pytest.raises(AppendOnlyError):
        entry.delete()
    with pytest.raises(AppendOnlyError):
        AuditEntry.objects.filter(pk=entry.pk).delete()
    with pytest.raises(AppendOnlyError):
        AuditEntry.objects.filter(pk=entry.pk).update(action="create")
    assert AuditEntry.objects.filter(pk=entry.pk, action="read").exists()


@pytest.mark.skipif(
    connection.vendor != "postgresql", reason="the trigger exists on PostgreSQL only"
)
def test_it_rejects_raw_sql_changes_on_postgresql(entry: AuditEntry) -> None:
    for sql in (
        "UPDATE audit_auditentry SET action = 'create' WHERE id = %s",
        "DELETE FROM audit_auditentry WHERE id = %s",
    ):
        with (
            pytest.raises(DatabaseError, match="append-only"),
            transaction.atomic(),
            connection.cursor() as cursor,
        ):
            cursor.execute(sql, [entry.pk])
    assert AuditEntry.objects.get(pk=entry.pk).action == "read"
