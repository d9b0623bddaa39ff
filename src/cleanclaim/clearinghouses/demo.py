"""Demo step: the demo organisation's connection to the sandbox clearinghouse.

* the connection ``sandbox`` (plug-in ``sandbox``, ISA15 ``T``, loopback ports from
  ``CLEANCLAIM_SANDBOX_SFTP_PORT`` / ``CLEANCLAIM_SANDBOX_CORE_PORT``) with a password
  generated once into ``var/sandbox/users`` (0600, ``name:password``, the file
  ``cleanclaim sandbox start`` hands to the sandbox); its SSH host key is pinned on
  first use, as for any connection;
* the demo payers still routed through the starter profiles' connection name are routed
  through it (once, when the connection is made: a person's later choice stays);
* the sandbox's world (``var/sandbox/world.json``) written from the organisation's
  payers, coverages, fees and payer rules (:mod:`.sandbox.world`) on every run, so the
  sandbox knows the patients a person added since. One patient's plan ended at the payer
  yesterday (:data:`INACTIVE_ACCOUNT`): the practice's record still says active, and
  the front desk's eligibility check is what finds out.
"""

from __future__ import annotations

import os
import secrets
from pathlib import Path
from typing import Any

from django.conf import settings
from django.utils import timezone

from cleanclaim.audit.actor import Actor
from cleanclaim.clearinghouses import actions
from cleanclaim.clearinghouses.models import Connection
from cleanclaim.clearinghouses.sandbox.world import CLEARINGHOUSE, world_for, write_world

NAME = "sandbox"
USER = "demo"
#: The starter payer profiles' connection name (:mod:`cleanclaim.payers.starter`).
STARTER_CONNECTION = "demo clearinghouse"
#: The demo patient whose plan the payer ended yesterday (booked today at 10:00, a
#: Medicaid member after a redetermination nobody at the practice heard about).
INACTIVE_ACCOUNT = "RF00007"


def sandbox_dir() -> Path:
    return Path(settings.VAR_DIR) / "sandbox"


def users_file() -> Path:
    return sandbox_dir() / "users"


def world_file() -> Path:
    return sandbox_dir() / "world.json"


def password() -> str:
    """The demo user's sandbox password: read from ``var/sandbox/users``, made once."""
    path = users_file()
    if path.exists():
        for item in path.read_text(encoding="utf-8").strip().split(","):
            name, _, word = item.partition(":")
            if name == USER and word:
                return word
    path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    word = secrets.token_urlsafe(18)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as out:
        out.write(f"{USER}:{word}\n")
    return word


def connection_fields() -> dict[str, Any]:
    return {
        "name": NAME,
        "plugin": "sandbox",
        "usage_indicator": "T",
        "settings": {
            "host": "127.0.0.1",
            "sftp_port": settings.CLEANCLAIM_SANDBOX_SFTP_PORT,
            "core_port": settings.CLEANCLAIM_SANDBOX_CORE_PORT,
            "username": USER,
            "timeout": 10,
        },
        "isa_sender_qualifier": "ZZ",
        "isa_sender_id": "DEMOBILLING",
        "isa_receiver_qualifier": "ZZ",
        "isa_receiver_id": CLEARINGHOUSE["id"],
        "gs_sender": "DEMOBILLING",
        "gs_receiver": CLEARINGHOUSE["id"],
        "submitter_name": "DEMO BILLING SERVICE",
        "submitter_id": "DEMOBILLING",
        "submitter_contact": "BILLING OFFICE",
        "submitter_phone": "5035550100",
        "receiver_name": CLEARINGHOUSE["name"],
        "receiver_id": CLEARINGHOUSE["id"],
    }


def build(ctx: Any) -> None:
    from cleanclaim.payers import actions as payer_actions

    organisation = ctx.organisation
    if organisation is None:
        return
    actor = Actor(user=None, via="demo", label="demo")
    word = password()
    connection, made = ctx.ensure(
        "clearinghouse connections",
        f"connection:{NAME}",
        Connection,
        find=lambda: Connection.objects.filter(organisation=organisation, name=NAME).first(),
        create=lambda: actions.save_connection(
            actor, organisation, secrets={"password": word}, **connection_fields()
        ),
    )
    if connection is None:
        return  # a person removed it: the demo does not bring it back
    if made:
        for payer in ctx.payers.values():
            if payer is not None and payer.clearinghouse_connection == STARTER_CONNECTION:
                payer_actions.update_payer(actor, payer, clearinghouse_connection=NAME)
    export(organisation, connection)


def inactive_members(organisation: Any) -> list[str]:
    from cleanclaim.patients.models import Coverage

    return list(
        Coverage.objects.filter(
            patient__practice__organisation=organisation,
            patient__account_number=INACTIVE_ACCOUNT,
            priority=1,
        ).values_list("member_id", flat=True)
    )


def export(organisation: Any, connection: Connection, path: Path | None = None) -> Path:
    """Write the sandbox world for ``connection`` (default ``var/sandbox/world.json``)."""
    world = world_for(
        organisation,
        connection,
        today=timezone.localdate(),
        inactive=inactive_members(organisation),
    )
    return write_world(path or world_file(), world)
