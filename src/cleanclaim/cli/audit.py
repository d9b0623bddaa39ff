"""``cleanclaim audit export --from --to [--out]``: the audit trail as CSV, for a
compliance review (every organisation; the export is itself recorded)."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from cleanclaim.cli import CLIError, _django


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = subparsers.add_parser("audit", help="export the audit trail for a compliance review")
    sub = p.add_subparsers(dest="audit_command", metavar="ACTION", required=True)
    ex = sub.add_parser(
        "export",
        help="write the entries of a date range as CSV (oldest first)",
        description="Write every audit entry dated --from to --to (UTC, inclusive) as CSV. "
        "The export is recorded in the audit trail.",
    )
    ex.add_argument("--from", dest="start", metavar="YYYY-MM-DD", help="first day (default: all)")
    ex.add_argument("--to", dest="end", metavar="YYYY-MM-DD", help="last day (default: today)")
    ex.add_argument(
        "--out", type=Path, help="write to this file (mode 0600) instead of standard output"
    )
    ex.set_defaults(func=cmd_export)


def cmd_export(ns: argparse.Namespace) -> int:
    _django.setup()
    from django.db.utils import OperationalError, ProgrammingError

    from cleanclaim.audit import export
    from cleanclaim.audit.actor import Actor
    from cleanclaim.audit.models import AuditEntry
    from cleanclaim.audit.record import record_event

    try:
        first, last = export.parse_range(ns.start, ns.end)
    except export.BadRange as exc:
        raise CLIError(str(exc)) from None
    try:
        qs = export.frozen(export.in_range(AuditEntry.objects.all(), first, last))
        rows = qs.count()
    except (OperationalError, ProgrammingError) as exc:
        first_line = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        raise CLIError(
            f"database not ready ({first_line}); run `cleanclaim manage migrate` first"
        ) from None
    out = None
    if ns.out is not None:
        try:
            fd = os.open(ns.out, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        except OSError as exc:
            raise CLIError(f"cannot write {ns.out}: {exc.strerror}") from None
        out = os.fdopen(fd, "w", encoding="utf-8", newline="")
    record_event(
        Actor(user=None, via="cli", label="system: cleanclaim audit export"),
        AuditEntry.Action.READ,
        model=export.EXPORT_MODEL,
        label="exported audit trail",
        context={
            "from": str(first or ""),
            "to": str(last or ""),
            "rows": rows,
            "out": str(ns.out or "stdout"),
        },
    )
    target = out or sys.stdout
    try:
        for line in export.lines(qs):
            target.write(line)
    finally:
        if out is not None:
            out.close()
    if out is not None:
        print(f"{rows} entries written to {ns.out}", file=sys.stderr)
    return 0
