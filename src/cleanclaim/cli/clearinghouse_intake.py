"""``cleanclaim clearinghouse alerts``: batches with no 999 an hour after upload and
claims with no 277CA a day after sending; ``cleanclaim clearinghouse status CLAIM``: ask
the payer for a claim's status (276/277) now.

Added to the ``clearinghouse`` command of :mod:`cleanclaim.cli.clearinghouse` when it is
there (made here otherwise): commands are discovered in name order, so it comes first.
"""

from __future__ import annotations

import argparse
import datetime as dt
from typing import Any

from cleanclaim.cli import CLIError, _django


def _actions_of(parser: argparse.ArgumentParser) -> argparse._SubParsersAction[Any]:
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            return action
    return parser.add_subparsers(dest="clearinghouse_command", metavar="ACTION", required=True)


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parent = subparsers.choices.get("clearinghouse")
    if parent is None:
        parent = subparsers.add_parser("clearinghouse", help="clearinghouse connections")
    sub = _actions_of(parent)
    al = sub.add_parser(
        "alerts",
        help="answers that should have come: no 999 after an hour, no 277CA after a day",
        description=(
            "Print each batch with no 999 (nor TA1) an hour after upload and each claim "
            "with no 277CA a day after its batch was sent. Exit status 1 when there is any."
        ),
    )
    al.add_argument("--organisation", type=int, help="only this organisation (id)")
    al.add_argument("--now", help="as of this moment (ISO 8601, default: now)")
    al.set_defaults(func=print_alerts)
    st = sub.add_parser(
        "status",
        help="ask the payer for a claim's status now (276/277)",
        description="Send a 276 for the claim (by number, CLM01) and print the answer.",
    )
    st.add_argument("number", metavar="NUMBER", help="the claim's number, e.g. CC00000012")
    st.set_defaults(func=ask_status)


def print_alerts(ns: argparse.Namespace) -> int:
    _django.setup()
    from django.utils import timezone

    from cleanclaim.clearinghouses.alerts import alerts_among
    from cleanclaim.clearinghouses.models import Batch, BatchClaim

    now = timezone.now()
    if ns.now:
        try:
            now = dt.datetime.fromisoformat(ns.now)
        except ValueError:
            raise CLIError(f"--now: expected an ISO 8601 moment, got {ns.now!r}") from None
        if now.tzinfo is None:
            now = now.replace(tzinfo=dt.UTC)
    batches = Batch.objects.all()
    held = BatchClaim.objects.all()
    if ns.organisation is not None:
        batches = batches.filter(practice__organisation_id=ns.organisation)
        held = held.filter(batch__practice__organisation_id=ns.organisation)
    found = alerts_among(batches, held, now)
    for alert in found.all():
        print(alert.text)
    print(
        f"{found.no_999_count} batch(es) without 999, {found.no_277ca_count} claim(s) without 277CA"
    )
    return 1 if found.count else 0


def ask_status(ns: argparse.Namespace) -> int:
    _django.setup()
    from cleanclaim.audit.actor import Actor
    from cleanclaim.claims import status_inquiry
    from cleanclaim.claims.models import Claim

    claims = list(Claim.objects.filter(number=ns.number)[:2])
    if len(claims) != 1:
        raise CLIError(f"no single claim numbered {ns.number!r}")
    answer = status_inquiry.ask(Actor.process(), claims[0])
    print(answer.text)
    return 0 if answer.ok else 1
