"""The sandbox clearinghouse on loopback beside the demo, for tests and benches.

:func:`demo_sandbox` writes the world from the demo organisation's records (the
exporter the demo uses), starts :class:`cleanclaim.sandbox.service.SandboxService` on
ephemeral loopback ports with the demo connection's user and password, points the
demo's ``sandbox`` connection at those ports, and stops the sandbox on exit.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

__all__ = ["demo_sandbox", "point_at"]


def point_at(connection: Any, service: Any) -> None:
    """Point ``connection`` at ``service``'s ports (a test's set-up, not audited)."""
    from cleanclaim.clearinghouses.models import Connection

    settings = {
        **connection.settings,
        "host": "127.0.0.1",
        "sftp_port": service.sftp.port,
        "core_port": service.core.port,
    }
    Connection.objects.filter(pk=connection.pk).update(settings=settings, pinned_host_key="")
    connection.settings, connection.pinned_host_key = settings, ""


@contextmanager
def demo_sandbox(
    root: Path,
    organisation: Any,
    *,
    today: dt.date | None = None,
    hold: float = 25.0,
    world: dict[str, Any] | None = None,
) -> Iterator[Any]:
    """The demo's sandbox connection served by a sandbox under ``root``; yields the
    running :class:`~cleanclaim.sandbox.service.SandboxService`."""
    from cleanclaim.clearinghouses import demo
    from cleanclaim.clearinghouses.models import Connection
    from cleanclaim.clearinghouses.sandbox.world import write_world
    from cleanclaim.clearinghouses.secrets import read_secrets
    from cleanclaim.sandbox.service import SandboxService

    connection = Connection.objects.get(organisation=organisation, name=demo.NAME)
    path = root / "world.json"
    if world is None:
        demo.export(organisation, connection, path)
    else:
        write_world(path, world)
    users = {str(connection.settings["username"]): read_secrets(connection)["password"]}
    service = SandboxService(root, path, users=users, today=today, hold=hold).start()
    try:
        point_at(connection, service)
        yield service
    finally:
        service.stop()
