"""On SQLite, reject UPDATE and DELETE on the audit table from any client (the app,
``manage shell``, the ``sqlite3`` shell), as 0002 does on PostgreSQL.

``manage flush`` (which empties tables with DELETE on SQLite) is refused while the
trail holds entries; when it is allowed (the test runner, or the explicit flag) the
command lifts these triggers for its own transaction and puts them back
(``cleanclaim.audit.management.commands.flush``).
"""

from django.db import migrations

TRIGGERS = (
    """
CREATE TRIGGER audit_auditentry_no_update
BEFORE UPDATE ON audit_auditentry
BEGIN
    SELECT RAISE(ABORT, 'audit entries are append-only: UPDATE on audit_auditentry is not allowed');
END;
""",
    """
CREATE TRIGGER audit_auditentry_no_delete
BEFORE DELETE ON audit_auditentry
BEGIN
    SELECT RAISE(ABORT, 'audit entries are append-only: DELETE on audit_auditentry is not allowed');
END;
""",
)
DROP = (
    "DROP TRIGGER IF EXISTS audit_auditentry_no_update;",
    "DROP TRIGGER IF EXISTS audit_auditentry_no_delete;",
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
    dependencies = [("audit", "0002_append_only_trigger")]
    operations = [migrations.RunPython(forwards, backwards, elidable=False)]
