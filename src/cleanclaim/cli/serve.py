"""``cleanclaim serve [--addr HOST:PORT] [--workers N] [--threads N] [--dev]``.

Serves the app with gunicorn (a production WSGI server) on
``cleanclaim.web.wsgi:application``: ``--workers`` processes of ``--threads``
threads each (``CLEANCLAIM_WEB_WORKERS`` / ``CLEANCLAIM_WEB_THREADS``), static
files through WhiteNoise after ``collectstatic`` into ``var/static``. Ctrl-C
(SIGINT) or SIGTERM stops it.

The access log (stdout, or ``--access-log FILE``) has one line per request with
its id (``X-Request-ID``) and the path without the query string: query strings
can carry patient data and are never logged.

``--dev`` runs Django's development server instead (one process, for a laptop).
Outside production the demo logins are printed first; never in production.
TLS belongs to the proxy in front (docs/configuration.md).
"""

from __future__ import annotations

import argparse
import logging
import re
from typing import Any

from cleanclaim.cli import CLIError, _django

_ADDR = re.compile(r"^(?:(?P<host>[\w.\-]+|\[[0-9a-fA-F:]+\]):)?(?P<port>\d{1,5})$")

#: Remote address, time, method, path (never the query string), protocol, status,
#: bytes, milliseconds and the request id the app sent back.
ACCESS_LOG_FORMAT = '%(h)s %(t)s "%(m)s %(U)s %(H)s" %(s)s %(B)s %(M)sms rid=%({x-request-id}o)s'


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = subparsers.add_parser(
        "serve",
        help="serve the web app with gunicorn (--dev: Django's development server)",
        description="Serve cleanclaim on HOST:PORT (default 127.0.0.1:8000).",
    )
    p.add_argument("--addr", default="127.0.0.1:8000", help="HOST:PORT to listen on")
    p.add_argument(
        "--workers",
        type=_count("--workers"),
        help="worker processes (default CLEANCLAIM_WEB_WORKERS, else 2 x cores + 1, at most 9)",
    )
    p.add_argument(
        "--threads",
        type=_count("--threads"),
        help="threads per worker (default CLEANCLAIM_WEB_THREADS, else 4)",
    )
    p.add_argument(
        "--access-log",
        default="-",
        metavar="FILE",
        help="where the access log goes (default -, standard output)",
    )
    p.add_argument("--dev", action="store_true", help="Django's development server instead")
    p.set_defaults(func=handle)


def _count(flag: str) -> Any:
    def parse(text: str) -> int:
        if not text.isdigit() or not 1 <= int(text) <= 64:
            raise argparse.ArgumentTypeError(f"{flag}: expected a number from 1 to 64")
        return int(text)

    return parse


def handle(ns: argparse.Namespace) -> int:
    match = _ADDR.match(ns.addr)
    if not match or not 0 < int(match["port"]) < 65536:
        raise CLIError(f"--addr: expected HOST:PORT like 127.0.0.1:8000, got {ns.addr!r}")
    host = match["host"] or "127.0.0.1"
    port = int(match["port"])
    _django.setup()
    from django.conf import settings
    from django.core.management import call_command
    from django.db import connections

    from cleanclaim.web import demo, request_id

    config = settings.CONFIG
    if not config.production and demo.exists():
        print(demo.logins_text())
        print()
    if ns.dev:
        logging.getLogger("django.server").addFilter(request_id.NoQueryString())
        print(f"cleanclaim: development server on http://{host}:{port}/  (Ctrl-C stops)")
        call_command("runserver", f"{host}:{port}", use_reloader=False, use_threading=True)
        return 0
    # Cheap when nothing changed: unchanged files are skipped.
    call_command("collectstatic", interactive=False, verbosity=0)
    connections.close_all()  # the workers are forked: none may inherit a connection
    workers = ns.workers or config.web_workers
    threads = ns.threads or config.web_threads
    print(
        f"cleanclaim: serving on http://{host}:{port}/ with gunicorn, "
        f"{workers} workers x {threads} threads  (Ctrl-C stops)",
        flush=True,
    )
    options = {
        "bind": f"{host}:{port}",
        "workers": workers,
        "threads": threads,
        "worker_class": "gthread",
        "accesslog": ns.access_log,
        "access_log_format": ACCESS_LOG_FORMAT,
        "errorlog": "-",
        "loglevel": config.log_level.lower(),
        "control_socket_disable": True,  # no runtime control socket in $HOME
        "proc_name": "cleanclaim",
    }
    _Gunicorn(options).run()
    return 0


def _application() -> Any:
    from cleanclaim.web.wsgi import application

    return application


class _Gunicorn:
    """gunicorn's arbiter on our WSGI application, configured from ``options``."""

    def __init__(self, options: dict[str, Any]) -> None:
        from gunicorn.app.base import BaseApplication

        class App(BaseApplication):  # type: ignore[misc]
            def load_config(self) -> None:
                for key, value in options.items():
                    self.cfg.set(key, value)

            def load(self) -> Any:
                return _application()

        self.app = App(prog="cleanclaim serve")

    def run(self) -> None:
        try:
            self.app.run()
        except SystemExit as exc:  # the arbiter exits when stopped
            if exc.code not in (0, None):
                raise CLIError(f"gunicorn stopped with status {exc.code}") from None
