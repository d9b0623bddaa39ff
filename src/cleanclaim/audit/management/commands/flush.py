"""``manage flush``, refused while the audit trail holds entries.

Django's ``flush`` empties every table, the audit trail included. A person running
it gets a refusal naming the count, unless they pass
``--i-understand-this-destroys-the-audit-trail``; then who and when is appended to
the log outside the app (:mod:`cleanclaim.audit.outside`) before the flush. The test
runner empties tables between transactional tests through this command too; the
test settings allow that (``AUDIT_FLUSH_ALLOWED``).

On SQLite the append-only triggers (migration ``audit.0003``) would stop the DELETEs
of a permitted flush: they are lifted inside the flush's own transaction and put
back before it commits. PostgreSQL's row trigger does not fire on TRUNCATE.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.management.base import CommandError
from django.core.management.commands import flush
from django.db import DatabaseError, connections, transaction

from cleanclaim.audit import outside
from cleanclaim.audit.models import AuditEntry

CONSENT = "--i-understand-this-destroys-the-audit-trail"


def entry_count(alias: str) -> int:
    try:
        return AuditEntry.objects.using(alias).count()
    except DatabaseError:  # not migrated yet: nothing to protect
        return 0


#: Append-only tables whose SQLite triggers a permitted flush lifts (the audit trail,
#: the claim events of ``claims.0003``).
APPEND_ONLY_TABLES = (AuditEntry._meta.db_table, "claims_claimevent")


def sqlite_triggers(alias: str) -> list[tuple[str, str]]:
    """(name, CREATE statement) of the triggers on the append-only tables (SQLite)."""
    with connections[alias].cursor() as cursor:
        cursor.execute(
            "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' "
            "AND tbl_name IN (%s, %s) ORDER BY name",
            list(APPEND_ONLY_TABLES),
        )
        return [(name, sql) for name, sql in cursor.fetchall()]


class Command(flush.Command):
    help = (
        flush.Command.help + " Refused while the audit trail holds entries, unless "
        f"{CONSENT} is given (then recorded in var/{outside.FILENAME})."
    )

    def add_arguments(self, parser: Any) -> None:
        super().add_arguments(parser)
        parser.add_argument(
            CONSENT,
            action="store_true",
            dest="destroy_audit_trail",
            help="flush even though this destroys the audit trail (recorded outside the app)",
        )

    def handle(self, **options: Any) -> None:
        alias = options["database"]
        entries = entry_count(alias)
        if entries and not getattr(settings, "AUDIT_FLUSH_ALLOWED", False):
            if not options.get("destroy_audit_trail"):
                raise CommandError(
                    f"refusing to flush: the audit trail holds {entries} entries and flush "
                    f"would destroy them (45 CFR 164.312(b)); pass {CONSENT} to do it anyway, "
                    f"which is recorded in {outside.log_path()}"
                )
            path = outside.append("flush", database=alias, audit_entries=entries, consent=CONSENT)
            self.stderr.write(f"flush of {entries} audit entries recorded in {path}")
        connection = connections[alias]
        if connection.vendor != "sqlite":
            super().handle(**options)
            return
        with transaction.atomic(using=alias):
            triggers = sqlite_triggers(alias)
            with connection.cursor() as cursor:
                for name, _sql in triggers:
                    cursor.execute(f'DROP TRIGGER "{name}"')
            try:
                super().handle(**options)
            finally:
                with connection.cursor() as cursor:
                    for _name, sql in triggers:
                        cursor.execute(sql)
