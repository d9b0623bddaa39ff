"""On PostgreSQL, reject UPDATE and DELETE on the audit table from any client
(the app, a shell, psql). SQLite gets its triggers in 0003.

Row-level triggers do not fire on TRUNCATE (PostgreSQL docs, CREATE TRIGGER).
TRUNCATE is left to privileges: the production database role should not own
the table nor hold TRUNCATE on it (docs/configuration.md). Django's test
runner flushes tables with TRUNCATE, which is why no statement-level trigger
is added here (docs/decisions/0104-audit-append-only.md).
"""

from django.db import migrations

FUNCTION = """
CREATE OR REPLACE FUNCTION cleanclaim_audit_append_only() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'the audit trail is append-only: % on audit_auditentry is not allowed', TG_OP
        USING ERRCODE = 'insufficient_privilege';
END;
$$ LANGUAGE plpgsql;
"""
TRIGGERS = """
CREATE TRIGGER audit_auditentry_no_update_delete
    BEFORE UPDATE OR DELETE ON audit_auditentry
    FOR EACH ROW EXECUTE FUNCTION cleanclaim_audit_append_only();
"""
DROP = """
DROP TRIGGER IF EXISTS audit_auditentry_no_update_delete ON audit_auditentry;
DROP FUNCTION IF EXISTS cleanclaim_audit_append_only();
"""


def forwards(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(FUNCTION, params=None)
        schema_editor.execute(TRIGGERS, params=None)


def backwards(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(DROP, params=None)


class Migration(migrations.Migration):
    dependencies = [("audit", "0001_initial")]
    operations = [migrations.RunPython(forwards, backwards, elidable=False)]
