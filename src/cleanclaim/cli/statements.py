"""``cleanclaim statements run [--practice NPI|NAME] [--date YYYY-MM-DD]``: make the
cycle's patient statements (the month of ``--date``, default today) for one practice or
all, with a progress bar on a terminal. Running a cycle again makes only the statements
still missing (:func:`cleanclaim.statements.actions.run_statements`)."""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from collections.abc import Callable
from typing import Any

from cleanclaim.cli import _django
from cleanclaim.cli.fees import _date, _practice


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = subparsers.add_parser("statements", help="run patient statements")
    sub = p.add_subparsers(dest="statements_command", metavar="ACTION", required=True)
    run = sub.add_parser(
        "run",
        help="make the month's statements (one per patient and month)",
        description="For each patient with a balance on visits every payer has answered: "
        "a statement, or a write-off when under the practice's small-balance limit; "
        "credits are left for the refund work list.",
    )
    run.add_argument("--practice", metavar="NPI|NAME", help="default: every practice")
    run.add_argument("--date", metavar="YYYY-MM-DD", type=_date, help="default: today")
    run.set_defaults(func=cmd_run)


def _progress(label: str) -> tuple[Callable[[int, int], None], Callable[[], None]]:
    """A rich progress bar on stderr when it is a terminal; quiet otherwise."""
    if not sys.stderr.isatty():
        return (lambda n, total: None), (lambda: None)
    from rich.console import Console
    from rich.progress import Progress

    bar = Progress(console=Console(stderr=True), transient=True)
    bar.start()
    task = bar.add_task(label, total=None)

    def step(n: int, total: int) -> None:
        bar.update(task, completed=n, total=total)

    return step, bar.stop


def cmd_run(ns: argparse.Namespace) -> int:
    _django.setup()
    from django.utils import timezone

    from cleanclaim.audit.actor import Actor
    from cleanclaim.practices.models import Practice
    from cleanclaim.statements import actions

    practices: list[Any] = (
        [_practice(ns.practice)] if ns.practice else list(Practice.objects.order_by("name"))
    )
    day: dt.date = ns.date or timezone.localdate()
    actor = Actor.process()
    for practice in practices:
        step, done = _progress(f"statements {practice.name}")
        try:
            result = actions.run_statements(actor, practice, day, progress=step)
        finally:
            done()
        print(
            f"{practice.name} {result.run.cycle}: {len(result.made)} statements made, "
            f"{len(result.written_off)} small balances written off, {len(result.credits)} "
            f"credits to refund, {result.held} visits still with a payer"
        )
    return 0
