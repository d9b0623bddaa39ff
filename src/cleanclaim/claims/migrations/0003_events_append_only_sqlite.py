"""On SQLite, reject UPDATE and DELETE on the claim events from any client, as 0002 does
on PostgreSQL (and ``audit.0003`` for the audit trail). A permitted ``manage flush``
lifts these triggers for its own transaction (``cleanclaim.audit.management.commands.flush``
lifts every trigger on the append-only tables)."""

from django.db import migrations

TRIGGERS = (
    """
CREATE TRIGGER claims_claimevent_no_update
BEFORE UPDATE ON claims_claimevent
BEGIN
    SELECT RAISE(ABORT, 'claim events are append-only: UPDATE on claims_claimevent is not allowed');
END;
""",
    """
CREATE TRIGGER claims_claimevent_no_delete
BEFORE DELETE ON claims_claimevent
BEGIN
    SELECT RAISE(ABORT, 'claim events are append-only: DELETE on claims_claimevent is not allowed');
END;
""",
)
DROP = (
    "DROP TRIGGER IF EXISTS claims_claimevent_no_update;",
    "DROP TRIGGER IF EXISTS claims_claimevent_no_delete;",
)


def forwards(apps, schema_editor):
    if schema_editor.connection.vendor == "sqlite":
        for sql in TRIGGERS:
            schema_editor.execute(sql, params=None)


def backwards(apps, schema_editor):
    if schema_editor.connection.vendor == "sqlite":
        for sql in DROP:
            schema_editor.execute(sql, params=None)


class Migration(migrations.Migration):
    dependencies = [("claims", "0002_events_append_only_postgresql")]
    operations = [migrations.RunPython(forwards, backwards, elidable=False)]
