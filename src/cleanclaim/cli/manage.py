"""``cleanclaim manage ARGS...``: Django's management commands with cleanclaim's settings
(e.g. ``cleanclaim manage migrate``, ``cleanclaim manage createsuperuser``)."""

from __future__ import annotations

import argparse

from cleanclaim.cli import _django


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = subparsers.add_parser(
        "manage",
        help="run a Django management command (migrate, createsuperuser, ...)",
        description="Run a Django management command against cleanclaim's settings.",
        add_help=False,
    )
    p.add_argument("args", nargs=argparse.REMAINDER, help="the command and its arguments")
    p.set_defaults(func=handle)


def handle(ns: argparse.Namespace) -> int:
    _django.setup()
    from django.core.management import execute_from_command_line

    try:
        execute_from_command_line(["cleanclaim manage", *ns.args])
    except SystemExit as exc:
        return int(exc.code or 0) if not isinstance(exc.code, str) else 1
    return 0
