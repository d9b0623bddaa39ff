"""Fixtures for the CORE engine's tests: a canned 270/271 pair and a running endpoint.

Every server here is a real :class:`CoreServer` on the loopback, started and stopped
around the test.
"""

from __future__ import annotations

import socket
from collections.abc import Callable, Iterator
from datetime import UTC, datetime

import pytest

from cleanclaim.caqhcore import X12_271_RESPONSE, CoreClient, CoreEnvelope
from cleanclaim.sandbox.core_server import CoreServer
from cleanclaim.x12 import write_json

NOW = datetime(2026, 12, 5, 9, 0, tzinfo=UTC)
USERS = {"riverside": "s3cret pass"}
PARTIES = {"sender_id": "CLEANCLAIM", "receiver_id": "SANDBOX01"}

_SOURCE = {"name": "SANDBOX HEALTH PLAN", "id": "SANDBOX01"}
_RECEIVER = {"name": "RIVERSIDE FAMILY CLINIC", "npi": "1234567893"}
_MEMBER = {"last_name": "DOE", "first_name": "JANE", "member_id": "MEM123", "dob": "1980-04-01"}


@pytest.fixture
def x12_270() -> bytes:
    obj = {
        "transaction_set": "270",
        "control_number": "0001",
        "reference": "ELIG0001",
        "created": "2026-12-05",
        "information_source": _SOURCE,
        "information_receiver": _RECEIVER,
        "subscriber": dict(_MEMBER, sex="F"),
        "service_types": ["30"],
    }
    return write_json(obj, now=NOW).encode()


@pytest.fixture
def x12_271() -> bytes:
    """A 271 from ``build_271`` (through the JSON view): Jane Doe, active coverage."""
    benefit = {"eligibility_code": "1", "coverage_level": "IND", "service_types": ["30"]}
    obj = {
        "transaction_set": "271",
        "control_number": "0001",
        "reference": "ELIG0001",
        "created": "2026-12-05",
        "information_source": _SOURCE,
        "information_receiver": _RECEIVER,
        "subscriber": dict(_MEMBER, sex="F", benefits=[benefit]),
    }
    return write_json(obj, now=NOW).encode()


ServerFactory = Callable[..., CoreServer]


@pytest.fixture
def core_server() -> Iterator[ServerFactory]:
    """``core_server(handler, delay=...)``: a started endpoint, stopped after the test."""
    started: list[CoreServer] = []

    def make(handler: Callable[[CoreEnvelope], tuple[str, bytes]], **kwargs: object) -> CoreServer:
        server = CoreServer(handler, users=USERS, **kwargs)  # type: ignore[arg-type]
        started.append(server.start())
        return server

    yield make
    for server in started:
        server.stop()


@pytest.fixture
def answer_271(x12_271: bytes) -> Callable[[CoreEnvelope], tuple[str, bytes]]:
    return lambda envelope: (X12_271_RESPONSE, x12_271)


def client_for(url: str, **kwargs: object) -> CoreClient:
    options: dict[str, object] = {"name": "Sandbox", **PARTIES}
    options.update(kwargs)
    password = str(options.pop("password", USERS["riverside"]))
    return CoreClient(url, "riverside", password, **options)  # type: ignore[arg-type]


def free_port() -> int:
    """A loopback port nobody listens on (bound, then released)."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])
