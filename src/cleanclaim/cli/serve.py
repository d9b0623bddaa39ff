"""``cleanclaim serve [--addr HOST:PORT]``: print the demo logins, then serve the app.

Uses Django's built-in server with whitenoise for static files: right for a
laptop and a demo. In production run a WSGI server on
``cleanclaim.web.wsgi:application`` behind TLS (docs/configuration.md).
"""

from __future__ import annotations

import argparse
import re

from cleanclaim.cli import CLIError, _django

_ADDR = re.compile(r"^(?:(?P<host>[\w.\-]+|\[[0-9a-fA-F:]+\]):)?(?P<port>\d{1,5})$")


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = subparsers.add_parser(
        "serve",
        help="serve the web app (prints the demo logins first)",
        description="Serve cleanclaim on HOST:PORT (default 127.0.0.1:8000).",
    )
    p.add_argument("--addr", default="127.0.0.1:8000", help="HOST:PORT to listen on")
    p.set_defaults(func=handle)


def handle(ns: argparse.Namespace) -> int:
    match = _ADDR.match(ns.addr)
    if not match or not 0 < int(match["port"]) < 65536:
        raise CLIError(f"--addr: expected HOST:PORT like 127.0.0.1:8000, got {ns.addr!r}")
    _django.setup()
    from django.core.management import call_command

    from cleanclaim.web import demo

    if demo.exists():
        print(demo.logins_text())
        print()
    host = match["host"] or "127.0.0.1"
    print(f"cleanclaim: serving on http://{host}:{match['port']}/  (Ctrl-C stops)", flush=True)
    call_command("runserver", f"{host}:{match['port']}", use_reloader=False, use_threading=True)
    return 0
