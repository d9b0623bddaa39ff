"""``cleanclaim fees import FILE --practice NPI|NAME [--schedule NAME] [--effective
YYYY-MM-DD] [--dry-run]`` and ``cleanclaim fees export --practice NPI|NAME [--schedule
NAME]``: a practice's fee schedule as CSV (:mod:`cleanclaim.fees.transfer`). A bad file
is refused whole (exit 2), every problem as ``file:line: column: why``."""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path
from typing import Any

from cleanclaim.cli import CLIError, _django


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date like 2027-01-01") from None


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = subparsers.add_parser("fees", help="import or export a practice's fee schedule (CSV)")
    sub = p.add_subparsers(dest="fees_command", metavar="ACTION", required=True)
    im = sub.add_parser(
        "import",
        help="replace a fee schedule's rows with a CSV file",
        description="Check the whole file (columns code, modifier, charge and any "
        "allowed:<payer id>), then replace the rows of the schedule named --schedule (a new "
        "one from --effective when the name is new), or of the schedule in force on "
        "--effective (default today), in one transaction. A file with problems is refused "
        "whole and nothing is written (exit 2).",
    )
    im.add_argument("file", type=Path)
    im.add_argument("--practice", required=True, metavar="NPI|NAME")
    im.add_argument("--schedule", metavar="NAME", default="")
    im.add_argument("--effective", metavar="YYYY-MM-DD", type=_date)
    im.add_argument("--dry-run", action="store_true", help="say what would change; write nothing")
    im.set_defaults(func=cmd_import)
    ex = sub.add_parser("export", help="write a fee schedule as CSV on standard output")
    ex.add_argument("--practice", required=True, metavar="NPI|NAME")
    ex.add_argument(
        "--schedule", metavar="NAME", default="", help="default: the one in force today"
    )
    ex.set_defaults(func=cmd_export)


def _practice(which: str) -> Any:
    from django.db.models import Q
    from django.db.utils import OperationalError, ProgrammingError

    from cleanclaim.practices.models import Practice

    try:
        found = list(
            Practice.objects.filter(Q(npi=which) | Q(name=which)).select_related("organisation")[:2]
        )
    except (OperationalError, ProgrammingError) as exc:
        line = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        raise CLIError(
            f"database not ready ({line}); run `cleanclaim manage migrate` first"
        ) from None
    if not found:
        raise CLIError(f"no practice with NPI or name {which!r}")
    if len(found) > 1:
        raise CLIError(f"several practices match {which!r}: give the practice's NPI")
    return found[0]


def cmd_import(ns: argparse.Namespace) -> int:
    _django.setup()
    from cleanclaim.audit.actor import Actor
    from cleanclaim.fees import actions
    from cleanclaim.fees.transfer import FeeFileError, decode, read_fees

    practice = _practice(ns.practice)
    try:
        raw = ns.file.read_bytes()
    except OSError as exc:
        raise CLIError(f"{ns.file}: {exc.strerror or exc}") from None
    source = str(ns.file)
    try:
        payers = practice.organisation.payers.values_list("payer_id", flat=True)
        table = read_fees(decode(raw, source), source, known_payers=list(payers))
        plan = actions.plan_import(practice, table, name=ns.schedule, effective=ns.effective)
    except FeeFileError as exc:
        print(f"cleanclaim fees import: {exc.summary()}:", file=sys.stderr)
        for line in exc.lines():
            print(f"  {line}", file=sys.stderr)
        return 2
    except actions.ImportRefused as exc:
        raise CLIError(str(exc)) from None
    for line in plan.warning_lines():
        print(f"warning: {line}", file=sys.stderr)
    for line in plan.describe():
        print(line)
    if ns.dry_run:
        print("dry run: nothing written", file=sys.stderr)
        return 0
    actor = Actor(user=None, via="cli", label="system: cleanclaim fees import")
    try:
        schedule = actions.apply_import(actor, plan)
    except (actions.StaleEdit, actions.ImportRefused) as exc:
        raise CLIError(str(exc)) from None
    print(f"imported {len(table.rows)} row(s) into {schedule.name}", file=sys.stderr)
    return 0


def cmd_export(ns: argparse.Namespace) -> int:
    _django.setup()
    from cleanclaim.fees.models import FeeSchedule
    from cleanclaim.fees.service import schedule_on
    from cleanclaim.fees.transfer import export_csv

    practice = _practice(ns.practice)
    if ns.schedule:
        schedule = FeeSchedule.objects.filter(practice=practice, name=ns.schedule).first()
        if schedule is None:
            raise CLIError(f"{practice.name} has no fee schedule named {ns.schedule!r}")
    else:
        schedule = schedule_on(practice, dt.date.today())
        if schedule is None:
            raise CLIError(f"{practice.name} has no fee schedule in force today: name one")
    sys.stdout.write(export_csv(schedule))
    return 0
