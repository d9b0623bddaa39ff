"""``cleanclaim clearinghouse poll [CONNECTION] [--org NAME]``: collect the answers
(999, TA1, 277CA, 835) waiting in each connection's outbound folder, keep each file
once and take it in (docs/clearinghouses.md). One line per file; a connection that
cannot be reached is said plainly and the others are still collected (exit 1)."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from cleanclaim.cli import CLIError, _django


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = subparsers.add_parser("clearinghouse", help="collect clearinghouse answers (poll)")
    sub = p.add_subparsers(dest="clearinghouse_command", metavar="ACTION", required=True)
    poll = sub.add_parser(
        "poll",
        help="collect the files waiting in the clearinghouses' outbound folders",
        description="Fetch each file matching the connection's patterns, keep it once "
        "(by checksum), take it in, then archive, delete or leave it as the connection's "
        "settings say. Without CONNECTION: every active connection that takes batches.",
    )
    poll.add_argument("connection", nargs="?", help="the connection's name")
    poll.add_argument("--org", metavar="NAME", help="the organisation (when names repeat)")
    poll.set_defaults(func=cmd_poll)


def _connections(name: str | None, org: str | None) -> list[Any]:
    from django.db.utils import OperationalError, ProgrammingError

    from cleanclaim.clearinghouses import actions
    from cleanclaim.clearinghouses.models import Connection

    try:
        if not name:
            found = list(actions.connections_to_poll())
            if org:
                found = [c for c in found if c.organisation.name == org]
            return found
        rows = Connection.objects.filter(name=name)
        if org:
            rows = rows.filter(organisation__name=org)
        found = list(rows[:2])
    except (OperationalError, ProgrammingError) as exc:
        line = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        raise CLIError(
            f"database not ready ({line}); run `cleanclaim manage migrate` first"
        ) from None
    if not found:
        raise CLIError(f"no connection named {name!r}")
    if len(found) > 1:
        raise CLIError(f"several organisations have a connection named {name!r}: add --org")
    return found


def cmd_poll(ns: argparse.Namespace) -> int:
    _django.setup()
    from cleanclaim.audit.actor import Actor

    connections = _connections(ns.connection, ns.org)
    actor = Actor.process()
    status = 0
    for connection in connections:
        try:
            result = _poll(actor, connection)
        except Exception as exc:
            message = getattr(exc, "message", "") or str(exc) or type(exc).__name__
            print(f"{connection.name}: {message}", file=sys.stderr)
            status = 1
            continue
        for name, kind, outcome in result.taken:
            print(f"{connection.name}: {name} ({kind}): {outcome}")
        for name in result.skipped:
            print(f"{connection.name}: {name}: already taken in")
        if not result.taken and not result.skipped:
            print(f"{connection.name}: nothing waiting")
    if not connections:
        print("no connection to poll")
    return status


def _poll(actor: Any, connection: Any) -> Any:
    from cleanclaim.clearinghouses import actions

    if not sys.stdout.isatty():
        return actions.poll(actor, connection)
    from rich.progress import Progress

    with Progress(transient=True) as progress:
        task = progress.add_task(f"polling {connection.name}", total=None)

        def step(done: int, total: int, name: str) -> None:
            progress.update(task, completed=done, total=total, description=name)

        return actions.poll(actor, connection, progress=step)
