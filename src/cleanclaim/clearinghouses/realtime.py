"""Real-time requests through a connection: the one call eligibility (270/271), claim
status (276/277) and authorizations (278) use.

:func:`exchange` sends an X12 request in the CAQH CORE envelope through the
connection's plug-in (:func:`~cleanclaim.clearinghouses.registry` ``realtime``), keeps
the request and the answer as :class:`~cleanclaim.clearinghouses.models.
TransmissionFile`\\ s, and turns the CORE client's errors into one
:class:`RealtimeError` whose ``message`` a biller can act on ("the clearinghouse did
not answer within 20 seconds", "the payer's system is down", "the clearinghouse
refused the user name or password"). The whole call stays within the CORE 20-second
budget: the client never waits longer, retries included.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db.models import F, Q
from django.utils import timezone

from cleanclaim.caqhcore.errors import CoreError
from cleanclaim.clearinghouses import registry
from cleanclaim.clearinghouses.actions import keep_file
from cleanclaim.clearinghouses.models import Connection, TransmissionFile
from cleanclaim.practices.models import Practice

__all__ = ["RealtimeError", "connection_for", "exchange"]

#: CORE payload type → the kind of file it carries.
_KIND_BY_TYPE: dict[str, str] = {
    "X12_270_Request_005010X279A1": "270",
    "X12_271_Response_005010X279A1": "271",
    "X12_276_Request_005010X212": "276",
    "X12_277_Response_005010X212": "277",
    "X12_278_Request_005010X217": "278",
    "X12_278_Response_005010X217": "278",
    "X12_999_Response_005010X231A1": "999",
}


class RealtimeError(CoreError):
    """A real-time request that got no usable answer; ``message`` says why in plain
    words and names the connection; ``retryable`` whether asking later may help. A
    :class:`~cleanclaim.caqhcore.errors.CoreError`, so callers catching that catch it."""

    def __init__(
        self, message: str, *, retryable: bool = False, kind: str = "", connection: str = ""
    ) -> None:
        super().__init__(message, connection=connection, retryable=retryable)
        #: The CORE error's class name (``ClearinghouseDidNotAnswer``, ``PayerDown`` ...).
        self.kind = kind


def _kind(payload_type: str) -> str:
    return _KIND_BY_TYPE.get(payload_type, TransmissionFile.Kind.OTHER)


def _name(payload_type: str, suffix: str, now: dt.datetime) -> str:
    return f"{_kind(payload_type)}_{now:%Y%m%d%H%M%S%f}{suffix}.x12"


def connection_for(practice: Practice) -> Connection | None:
    """The connection real-time requests of ``practice`` go through: its own active
    connection that answers real time, else its organisation's (by name)."""
    rows = (
        Connection.objects.filter(organisation_id=practice.organisation_id, active=True)
        .filter(Q(practice=practice) | Q(practice__isnull=True))
        .order_by(F("practice").desc(nulls_last=True), "name")
    )
    for connection in rows:
        if connection.plugin not in registry.PLUGINS:
            continue
        try:
            client = registry.plugin(connection.plugin).realtime(connection)
        except (KeyError, ValueError, CoreError):
            continue  # settings incomplete: not usable for real time
        if client is not None:
            return connection
    return None


def exchange(
    connection: Connection,
    payload_type: str,
    x12: bytes | str,
    *,
    practice: Practice | None = None,
) -> bytes:
    """Send ``x12`` (a request of CORE ``payload_type``) and answer the response's
    payload, both kept as files of ``connection``; :class:`RealtimeError` otherwise."""
    if isinstance(x12, str):
        x12 = x12.encode("ascii", "replace")
    if not isinstance(connection, Connection):
        # a CORE client handed over directly (a caller's own set-up, tests): no
        # connection to keep the files under
        return _direct(connection, payload_type, x12)
    client: Any = registry.plugin(connection.plugin).realtime(connection)
    if client is None:
        raise RealtimeError(
            f"connection {connection.name} does not answer real-time requests",
            connection=connection.name,
        )
    now = timezone.now()
    keep_file(
        connection,
        direction="out",
        kind=_kind(payload_type),
        name=_name(payload_type, "", now),
        data=x12,
        practice=practice,
    )
    try:
        result = client.exchange(payload_type, x12)
    except CoreError as exc:
        raise RealtimeError(
            exc.message,
            retryable=exc.retryable,
            kind=exc.__class__.__name__,
            connection=connection.name,
        ) from exc
    answer = bytes(result.envelope.payload)
    keep_file(
        connection,
        direction="in",
        kind=_kind(result.envelope.payload_type),
        name=_name(result.envelope.payload_type, "_answer", now),
        data=answer,
        practice=practice,
    )
    return answer


def _direct(client: Any, payload_type: str, x12: bytes) -> bytes:
    try:
        result = client.exchange(payload_type, x12)
    except CoreError as exc:
        raise RealtimeError(
            exc.message,
            retryable=exc.retryable,
            kind=exc.__class__.__name__,
            connection=getattr(exc, "connection", ""),
        ) from exc
    return bytes(result.envelope.payload)
