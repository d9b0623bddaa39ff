"""On PostgreSQL, reject UPDATE and DELETE on the claim events from any client (the app,
a shell, psql), as ``audit.0002`` does for the audit trail. SQLite gets its triggers in
0003. TRUNCATE is left to privileges (docs/decisions/0104-audit-append-only.md)."""

from django.db import migrations

FUNCTION = """
CREATE OR REPLACE FUNCTION cleanclaim_claim_events_append_only() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'claim events are append-only: % on claims_claimevent is not allowed', TG_OP
        USING ERRCODE = 'insufficient_privilege';
END;
$$ LANGUAGE plpgsql;
"""
TRIGGERS = """
CREATE TRIGGER claims_claimevent_no_update_delete
    BEFORE UPDATE OR DELETE ON claims_claimevent
    FOR EACH ROW EXECUTE FUNCTION cleanclaim_claim_events_append_only();
"""
DROP = """
DROP TRIGGER IF EXISTS claims_claimevent_no_update_delete ON claims_claimevent;
DROP FUNCTION IF EXISTS cleanclaim_claim_events_append_only();
"""


def forwards(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(FUNCTION, params=None)
        schema_editor.execute(TRIGGERS, params=None)


def backwards(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(DROP, params=None)


class Migration(migrations.Migration):
    dependencies = [("claims", "0001_initial")]
    operations = [migrations.RunPython(forwards, backwards, elidable=False)]
