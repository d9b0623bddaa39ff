"""``cleanclaim payers export [--payer ID] [--org NAME]`` and ``cleanclaim payers import
FILE [--dry-run] [--org NAME] [--why TEXT]``: payer profiles and their rules as one YAML
document (:mod:`cleanclaim.payerrules.transfer`), to move them between organisations and
keep them in git. A bad file is refused whole (exit 2), every problem with its line."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from cleanclaim.cli import CLIError, _django


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = subparsers.add_parser("payers", help="export or import payer profiles and rules (YAML)")
    sub = p.add_subparsers(dest="payers_command", metavar="ACTION", required=True)
    ex = sub.add_parser(
        "export",
        help="write the payers' profiles and current rules as YAML",
        description="Write every payer of the organisation (or one) with its profile and "
        "its current rule set as YAML on standard output.",
    )
    ex.add_argument("--payer", metavar="ID", help="only this payer id")
    ex.add_argument(
        "--org", metavar="NAME", help="the organisation (needed when there are several)"
    )
    ex.set_defaults(func=cmd_export)
    im = sub.add_parser(
        "import",
        help="create or update payers and their rules from YAML",
        description="Check the whole file, then create or update each payer's profile and "
        "save its rules as a new version (all in one transaction). A file with problems is "
        "refused whole and nothing is written (exit 2).",
    )
    im.add_argument("file", type=Path)
    im.add_argument("--dry-run", action="store_true", help="say what would change; write nothing")
    im.add_argument(
        "--org", metavar="NAME", help="the organisation (needed when there are several)"
    )
    im.add_argument("--why", help="the reason kept with each new rules version")
    im.set_defaults(func=cmd_import)


def _organisation(name: str | None) -> Any:
    from django.db.utils import OperationalError, ProgrammingError

    from cleanclaim.practices.models import Organisation

    try:
        if name:
            org = Organisation.objects.filter(name=name).first()
            if org is None:
                raise CLIError(f"no organisation named {name!r}")
            return org
        orgs = list(Organisation.objects.all()[:2])
    except (OperationalError, ProgrammingError) as exc:
        line = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        raise CLIError(
            f"database not ready ({line}); run `cleanclaim manage migrate` first"
        ) from None
    if len(orgs) != 1:
        raise CLIError(
            "no organisation yet" if not orgs else "several organisations: name one with --org"
        )
    return orgs[0]


def cmd_export(ns: argparse.Namespace) -> int:
    _django.setup()
    from cleanclaim.payerrules.transfer import export

    org = _organisation(ns.org)
    if ns.payer and not org.payers.filter(payer_id=ns.payer).exists():
        raise CLIError(f"no payer {ns.payer} in {org.name}")
    sys.stdout.write(export(org, ns.payer))
    return 0


def cmd_import(ns: argparse.Namespace) -> int:
    _django.setup()
    from cleanclaim.audit.actor import Actor
    from cleanclaim.payerrules.transfer import TransferError, apply, plan_import

    try:
        raw = ns.file.read_bytes()
    except OSError as exc:
        raise CLIError(f"{ns.file}: {exc.strerror or exc}") from None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise CLIError(f"{ns.file}: not UTF-8 text (byte {exc.start})") from None
    org = _organisation(ns.org)
    try:
        plan = plan_import(org, text)
    except TransferError as exc:
        print(
            f"cleanclaim payers import: {ns.file} refused, nothing written "
            f"({len(exc.problems)} problem(s)):",
            file=sys.stderr,
        )
        for p in exc.problems:
            print(
                f"  {ns.file}:{p.line}: {p.reason}" if p.line else f"  {ns.file}: {p.reason}",
                file=sys.stderr,
            )
        return 2
    changes = plan.describe()
    verb = "would change" if ns.dry_run else "changed"
    for line in changes:
        print(line)
    if not ns.dry_run and plan.changes:
        actor = Actor(user=None, via="cli", label="system: cleanclaim payers import")
        apply(actor, org, plan, ns.why or f"imported from {ns.file.name}")
    print(f"{len(changes)} change(s) {verb} in {org.name}", file=sys.stderr)
    return 0
