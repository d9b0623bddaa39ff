"""Audit entries cannot be changed or removed: not by the model, not in bulk, not by a
new object given an existing entry's id, and not with raw SQL (triggers: PostgreSQL
migration audit 0002, SQLite audit 0003), on either database."""

from __future__ import annotations

import pytest
from django.db import DatabaseError, IntegrityError, connection, transaction

from cleanclaim.audit.actor import Actor
from cleanclaim.audit.models import AppendOnlyError, AuditEntry
from cleanclaim.audit.record import record
from cleanclaim.tenancy.permissions import Role
from cleanclaim.testing.personas import World


@pytest.fixture
def entry(world: World) -> AuditEntry:
    return record(Actor(world.home.users[Role.FRONT_DESK]), "read", world.home.patient)


def _unchanged(entry: AuditEntry) -> None:
    assert AuditEntry.objects.get(pk=entry.pk).action == "read"


def test_it_refuses_to_save_a_changed_entry(entry: AuditEntry) -> None:
    entry.action = "delete"
    with pytest.raises(AppendOnlyError):
        entry.save()
    _unchanged(entry)


def test_it_refuses_to_save_a_new_object_over_an_existing_entry(entry: AuditEntry) -> None:
    copy = AuditEntry(pk=entry.pk, action="create", model="x.Y", user_label="someone")
    with pytest.raises(IntegrityError), transaction.atomic():
        copy.save()
    _unchanged(entry)


def test_it_refuses_to_delete_an_entry(entry: AuditEntry) -> None:
    with pytest.raises(AppendOnlyError):
        entry.delete()
    with pytest.raises(AppendOnlyError):
        AuditEntry.objects.filter(pk=entry.pk).delete()
    with pytest.raises(AppendOnlyError):
        AuditEntry.objects.filter(pk=entry.pk).update(action="create")
    with pytest.raises(AppendOnlyError):
        AuditEntry.objects.bulk_update([entry], ["action"])
    _unchanged(entry)


@pytest.mark.parametrize(
    "sql",
    [
        "UPDATE audit_auditentry SET action = 'create' WHERE id = %s",
        "DELETE FROM audit_auditentry WHERE id = %s",
    ],
    ids=["update", "delete"],
)
def test_it_rejects_raw_sql_changes_in_the_database(entry: AuditEntry, sql: str) -> None:
    with (
        pytest.raises(DatabaseError, match="append-only"),
        transaction.atomic(),
        connection.cursor() as cursor,
    ):
        cursor.execute(sql, [entry.pk])
    _unchanged(entry)


def test_it_keeps_its_triggers_after_every_migration(db: None) -> None:
    """A later migration that rebuilds the table on SQLite would drop its triggers."""
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute(
                "SELECT name FROM sqlite_master WHERE type = 'trigger' "
                "AND tbl_name = 'audit_auditentry' ORDER BY name"
            )
            expected = [("audit_auditentry_no_delete",), ("audit_auditentry_no_update",)]
        else:
            cursor.execute(
                "SELECT tgname FROM pg_trigger WHERE tgrelid = 'audit_auditentry'::regclass "
                "AND NOT tgisinternal"
            )
            expected = [("audit_auditentry_no_update_delete",)]
        assert cursor.fetchall() == expected
