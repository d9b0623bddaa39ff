"""``cleanclaim demo``: create (or confirm) the demo organisation. Idempotent."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from cleanclaim.cli import CLIError, _django


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = subparsers.add_parser(
        "demo",
        help="create the demo organisation, practices, payers, patients and logins",
        description=(
            "Create the demo organisation 'Demo Billing Service' with two practices, payers, "
            "fifty synthetic patients and one login per role. Running it again changes nothing."
        ),
    )
    p.set_defaults(func=handle)


def handle(ns: argparse.Namespace) -> int:
    _django.setup()
    from django.conf import settings
    from django.db.utils import OperationalError, ProgrammingError

    from cleanclaim.web import demo

    if settings.CONFIG.production:
        raise CLIError("refusing to create demo logins with CLEANCLAIM_PRODUCTION on")
    try:
        report = _build_with_progress(demo)
    except (OperationalError, ProgrammingError) as exc:
        first = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        raise CLIError(
            f"database not ready ({first}); check DATABASE_URL and run "
            "`cleanclaim manage migrate` first"
        ) from None
    for line in report.lines():
        print(line)
    print()
    print(demo.logins_text())
    return 0


def _build_with_progress(demo: Any) -> Any:
    """A rich progress bar over the demo's steps on a terminal; quiet otherwise."""
    if not sys.stdout.isatty():
        return demo.build()
    from rich.progress import Progress

    with Progress(transient=True) as progress:
        task = progress.add_task("building the demo", total=len(demo.STEPS))
        return demo.build(on_step=lambda step: progress.advance(task))
