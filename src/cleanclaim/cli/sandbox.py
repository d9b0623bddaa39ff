"""``cleanclaim sandbox serve [--root var/sandbox] [--world FILE] [--sftp-port 2222]
[--core-port 8022] [--host 127.0.0.1] [--user NAME:PASSWORD ...] [--today YYYY-MM-DD]``.

Runs the sandbox clearinghouse (docs/sandbox.md) until interrupted: a real SFTP server
(each user's ``inbound`` answered in ``outbound``) and a CAQH CORE endpoint (``/core``),
both on loopback by default. The world is ``--world``, else ``ROOT/world.json`` (the
demo writes it), else the example world shipped with cleanclaim. Users default to
``CLEANCLAIM_SANDBOX_USERS`` (``name:password,...``; or ``CLEANCLAIM_SANDBOX_USERS_FILE``),
else ``demo:sandbox`` (loopback only: the sandbox holds made-up data).

Exit statuses: 0 stopped, 2 unusable arguments (a bad world file, a port in use).
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import threading
from pathlib import Path
from typing import Any

from cleanclaim.cli import CLIError

EXAMPLE_WORLD = Path(__file__).resolve().parents[1] / "sandbox" / "example_world.json"


def register(sub: Any) -> None:
    p = sub.add_parser(
        "sandbox",
        help="the sandbox clearinghouse (SFTP and CAQH CORE on loopback)",
        description="The sandbox clearinghouse: a real SFTP server and CORE endpoint.",
    )
    actions = p.add_subparsers(dest="action", metavar="ACTION", required=True)
    serve = actions.add_parser("serve", help="serve until interrupted")
    serve.add_argument("--root", type=Path, default=Path("var/sandbox"))
    serve.add_argument("--world", type=Path, help="the world JSON (docs/sandbox.md)")
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--sftp-port", type=int, default=2222)
    serve.add_argument("--core-port", type=int, default=8022)
    serve.add_argument("--user", action="append", metavar="NAME:PASSWORD", default=[])
    serve.add_argument("--today", help="the day the sandbox plays (default: today)")
    serve.set_defaults(func=run)
    start = actions.add_parser(
        "start",
        help="(re)start the demo's sandbox in the background (make run)",
        description="Stop the sandbox an earlier start left running, then serve the "
        "demo's world on CLEANCLAIM_SANDBOX_SFTP_PORT / CLEANCLAIM_SANDBOX_CORE_PORT in "
        "the background (log in ROOT/sandbox.log).",
    )
    start.add_argument("--root", type=Path, help="default var/sandbox")
    start.set_defaults(func=run_start)
    stop = actions.add_parser("stop", help="stop the sandbox started by 'sandbox start'")
    stop.add_argument("--root", type=Path, help="default var/sandbox")
    stop.set_defaults(func=run_stop)
    world = actions.add_parser(
        "world", help="write the sandbox's world from the demo organisation's records"
    )
    world.add_argument("--out", type=Path, help="default var/sandbox/world.json")
    world.add_argument("--connection", default="sandbox", help="the connection's name")
    world.set_defaults(func=run_world)


def _users(given: list[str]) -> dict[str, str]:
    """``--user`` items, else ``CLEANCLAIM_SANDBOX_USERS`` (or the file named by
    ``CLEANCLAIM_SANDBOX_USERS_FILE``), else ``demo:sandbox``."""
    text = os.environ.get("CLEANCLAIM_SANDBOX_USERS", "")
    path = os.environ.get("CLEANCLAIM_SANDBOX_USERS_FILE", "")
    if path and not text:
        try:
            text = Path(path).read_text(encoding="utf-8").strip()
        except OSError as exc:
            raise CLIError(f"CLEANCLAIM_SANDBOX_USERS_FILE: {exc.strerror or exc}") from None
    items = given or [u.strip() for u in (text or "demo:sandbox").split(",") if u.strip()]
    users = {}
    for item in items:
        name, sep, password = item.partition(":")
        if not sep or not name or not password:
            raise CLIError(f"a user is NAME:PASSWORD, not {item!r}")
        users[name] = password
    return users


def run(args: argparse.Namespace, *, stop: threading.Event | None = None) -> int:
    from cleanclaim.sandbox.service import SandboxService
    from cleanclaim.sandbox.world import WorldError

    root: Path = args.root
    world = args.world or (root / "world.json" if (root / "world.json").exists() else EXAMPLE_WORLD)
    try:
        today = dt.date.fromisoformat(args.today) if args.today else None
    except ValueError:
        raise CLIError(f"--today must be a date YYYY-MM-DD, not {args.today!r}") from None
    root.mkdir(parents=True, exist_ok=True)
    try:
        service = SandboxService(
            root,
            world,
            host=args.host,
            sftp_port=args.sftp_port,
            core_port=args.core_port,
            users=_users(args.user),
            today=today,
        ).start()
    except WorldError as exc:
        raise CLIError(str(exc)) from None
    except OSError as exc:
        raise CLIError(f"cannot listen on {args.host}: {exc.strerror or exc}") from None
    print(f"sandbox SFTP  sftp://{args.host}:{service.sftp.port} host key {service.sftp.host_key}")
    print(f"sandbox CORE  {service.core.url}")
    print(f"world {world}; files under {root}", flush=True)
    try:
        (stop or threading.Event()).wait()
    finally:
        service.stop()
    return 0


def _root(given: Path | None) -> Path:
    from cleanclaim.cli import _django

    _django.setup()
    from cleanclaim.clearinghouses.demo import sandbox_dir

    return given or sandbox_dir()


def run_start(args: argparse.Namespace) -> int:
    """``sandbox start``: the demo's sandbox in the background (cli/_sandbox_run.py)."""
    from cleanclaim.cli import _sandbox_run

    root = _root(args.root)
    from django.conf import settings

    from cleanclaim.clearinghouses.demo import users_file

    users = users_file()
    pid = _sandbox_run.start(
        root,
        host="127.0.0.1",
        sftp_port=settings.CLEANCLAIM_SANDBOX_SFTP_PORT,
        core_port=settings.CLEANCLAIM_SANDBOX_CORE_PORT,
        users_file=users if users.exists() else None,
    )
    print(
        f"sandbox started (pid {pid}): SFTP 127.0.0.1:{settings.CLEANCLAIM_SANDBOX_SFTP_PORT}, "
        f"CORE http://127.0.0.1:{settings.CLEANCLAIM_SANDBOX_CORE_PORT}/core; "
        f"log {root / _sandbox_run.LOG_FILE}"
    )
    return 0


def run_stop(args: argparse.Namespace) -> int:
    from cleanclaim.cli import _sandbox_run

    root = _root(args.root)
    print("sandbox stopped" if _sandbox_run.stop(root) else "no sandbox was running")
    return 0


def run_world(args: argparse.Namespace) -> int:
    """``sandbox world``: the world JSON from the demo organisation (the demo does this)."""
    _root(None)
    from cleanclaim.clearinghouses import demo
    from cleanclaim.clearinghouses.models import Connection
    from cleanclaim.practices.demo import ORGANISATION

    connection = (
        Connection.objects.filter(organisation__name=ORGANISATION, name=args.connection)
        .select_related("organisation")
        .first()
    )
    if connection is None:
        raise CLIError(f"no connection {args.connection!r} in the demo: run cleanclaim demo first")
    path = demo.export(connection.organisation, connection, args.out)
    print(f"world written to {path}")
    return 0
