"""``cleanclaim remit post FILE... [--dry-run] [--practice ID]``: take 835 files in and
post them (or show what would post), with a progress bar on a terminal."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from pathlib import Path

from cleanclaim.cli import CLIError, _django


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = subparsers.add_parser("remit", help="835 remittances: post payments")
    sub = p.add_subparsers(dest="remit_command", metavar="ACTION", required=True)
    post = sub.add_parser(
        "post",
        help="post 835 files (each claim payment once)",
        description=(
            "Take each 835 in (kept once per checksum), refuse it whole if it does not "
            "balance (exit 1, the differences printed), else post claim payment by claim "
            "payment; a second run, or a run after an interruption, posts nothing twice. "
            "--dry-run prints what would post as JSON and posts nothing."
        ),
    )
    post.add_argument("files", nargs="+", type=Path, metavar="FILE")
    post.add_argument("--dry-run", action="store_true", help="show what would post")
    post.add_argument(
        "--practice", type=int, help="the practice (id); default: the only one there is"
    )
    post.set_defaults(func=post_files)


def _progress(name: str) -> tuple[Callable[[int, int], None] | None, Callable[[], None]]:
    if not sys.stderr.isatty():
        return None, lambda: None
    from rich.console import Console
    from rich.progress import Progress

    bar = Progress(console=Console(stderr=True), transient=True)
    bar.start()
    task = bar.add_task(f"posting {name}", total=None)

    def tick(done: int, total: int) -> None:
        bar.update(task, completed=done, total=total)

    return tick, bar.stop


def post_files(ns: argparse.Namespace) -> int:
    _django.setup()
    from cleanclaim.audit.actor import Actor
    from cleanclaim.practices.models import Practice
    from cleanclaim.remits import actions
    from cleanclaim.remits.models import RemittanceFile

    if ns.practice:
        practice = Practice.objects.filter(pk=ns.practice).first()
        if practice is None:
            raise CLIError(f"no practice {ns.practice}")
    else:
        practices = list(Practice.objects.all()[:2])
        if len(practices) != 1:
            raise CLIError("several practices (or none): give --practice ID")
        practice = practices[0]
    actor = Actor.process()
    status = 0
    for path in ns.files:
        try:
            data = path.read_bytes()
        except OSError as exc:
            raise CLIError(f"cannot read {path}: {exc.strerror}") from None
        try:
            rf = actions.take_in_835(actor, practice, path.name, data)
        except actions.Unreadable as exc:
            raise CLIError(f"{path}: {exc}") from None
        if rf.status == RemittanceFile.Status.REFUSED:
            print(f"{path}: refused, it does not balance; nothing posted:", file=sys.stderr)
            for d in rf.differences:
                print(f"  {d['message']}", file=sys.stderr)
            status = 1
            continue
        if ns.dry_run:
            print(
                json.dumps({"file": path.name, "would_post": actions.dry_run(actor, rf)}, indent=1)
            )
            continue
        tick, stop = _progress(path.name)
        try:
            s = actions.post_file(actor, rf, progress=tick)
        finally:
            stop()
        print(
            f"{path}: {s.posted} claim payments posted, {s.skipped} already posted, "
            f"{s.unmatched} unmatched, {s.provider_adjustments} provider adjustments"
        )
    return status
