"""``cleanclaim eligibility run --date YYYY-MM-DD [--practice ID]``: check every patient
seen on that day (the night-before batch, :mod:`cleanclaim.eligibility.batch`), with a
rich progress bar on a terminal, then print the problems to fix before the visits.
Exit 1 when there are problems, 0 when every coverage is active."""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from typing import Any

from cleanclaim.cli import CLIError, _django


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date like 2027-01-01") from None


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = subparsers.add_parser("eligibility", help="check eligibility for a day's visits (270/271)")
    sub = p.add_subparsers(dest="eligibility_command", metavar="ACTION", required=True)
    run = sub.add_parser(
        "run",
        help="check every patient seen on a day",
        description="Send a 270 for the primary coverage of every patient with a visit on "
        "--date (default tomorrow) at every practice, or at --practice (its id), and list "
        "the problems: inactive, not found, name mismatch, benefit exhausted.",
    )
    run.add_argument("--date", type=_date, metavar="YYYY-MM-DD")
    run.add_argument("--practice", type=int, metavar="ID")
    run.set_defaults(func=cmd_run)


def _run(actor: Any, batch: Any) -> Any:
    from cleanclaim.eligibility import batch as batches

    if not sys.stdout.isatty() or not batch.total:
        return batches.run_batch(actor, batch)
    from rich.progress import Progress

    with Progress(transient=True) as progress:
        task = progress.add_task(f"{batch.practice.name} {batch.day}", total=batch.total)
        return batches.run_batch(
            actor, batch, on_progress=lambda n, total: progress.update(task, completed=n)
        )


def cmd_run(ns: argparse.Namespace) -> int:
    _django.setup()
    from django.utils import timezone

    from cleanclaim.audit.actor import Actor
    from cleanclaim.eligibility import batch as batches
    from cleanclaim.practices.models import Practice

    day = ns.date or timezone.localdate() + dt.timedelta(days=1)
    practices = Practice.objects.order_by("pk")
    if ns.practice is not None:
        practices = practices.filter(pk=ns.practice)
        if not practices.exists():
            raise CLIError(f"no practice with id {ns.practice}")
    actor = Actor.process()
    found = 0
    for practice in practices:
        batch = batches.start_batch(actor, practice, day)
        p = _run(actor, batch)
        print(f"{practice.name} {day}: {p.done} of {p.total} checked, {p.failed} without an answer")
        for problem in batches.problems(batch):
            found += 1
            row = problem.check
            print(f"  {row.patient.account_number} {row.patient}: {problem.kind}: {problem.detail}")
    return 1 if found else 0
