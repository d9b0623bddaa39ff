"""``cleanclaim appointments import FILE --practice ID [--dry-run]``: a practice's
appointments from a CSV file (:mod:`cleanclaim.appointments.importing`). Every row is
checked first; a file with a problem writes nothing (exit 1), each problem printed as
``FILE: line N: column: why``."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from cleanclaim.cli import CLIError, _django


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = subparsers.add_parser("appointments", help="import a practice's appointments (CSV)")
    sub = p.add_subparsers(dest="appointments_command", metavar="ACTION", required=True)
    im = sub.add_parser(
        "import",
        help="add appointments from a CSV file (all rows or none)",
        description="Columns date, time, account_number, provider_npi and optionally "
        "location, duration, reason, external_id. Every row is checked against the "
        "practice's patients, providers and locations; with any problem nothing is written.",
    )
    im.add_argument("file", type=Path)
    im.add_argument("--practice", required=True, metavar="ID", help="the practice's id or NPI")
    im.add_argument("--dry-run", action="store_true", help="check every row; write nothing")
    im.set_defaults(func=cmd_import)


def cmd_import(ns: argparse.Namespace) -> int:
    _django.setup()
    from django.db.models import Q

    from cleanclaim.appointments import importing
    from cleanclaim.audit.actor import Actor
    from cleanclaim.practices.models import Practice

    which = str(ns.practice)
    cond = Q(npi=which) | (Q(pk=int(which)) if which.isdigit() and len(which) < 10 else Q())
    found = list(Practice.objects.filter(cond)[:2])
    if len(found) != 1:
        raise CLIError(f"no single practice with id or NPI {which!r}")
    try:
        text = importing.decode(ns.file.read_bytes())
    except OSError as exc:
        raise CLIError(f"{ns.file}: {exc.strerror or exc}") from None
    actor = Actor(user=None, via="cli", label="system: cleanclaim appointments import")
    result = importing.import_text(actor, found[0], text, dry_run=ns.dry_run)
    for problem in result.problems:
        print(f"{ns.file}: {problem}", file=sys.stderr)
    if not result.ok:
        print(f"{len(result.problems)} problem(s): nothing imported", file=sys.stderr)
        return 1
    if ns.dry_run:
        print(f"dry run: {len(result.rows)} appointment(s) would be imported; nothing written")
    else:
        print(f"imported {len(result.rows)} appointment(s) into {found[0].name}")
    return 0
