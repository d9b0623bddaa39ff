"""The CORE envelope: the metadata around one real-time X12 payload.

CAQH CORE Connectivity Rule vC2.2.0 (the Phase II CORE 270 Connectivity Rule, as
updated for 5010), §4.4 "CORE envelope metadata". A real-time request carries
``PayloadType``, ``ProcessingMode`` (``RealTime``), ``PayloadID`` (an ISO UUID),
``TimeStamp`` (XML dateTime), ``SenderID``, ``ReceiverID``, ``CORERuleVersion``
(``2.2.0``) and the ``Payload``; the response carries the same fields plus
``ErrorCode`` (``Success`` when all is well) and ``ErrorMessage``. ``Checksum`` (the
SHA-1 of the payload, hex) and ``PayloadLength`` are required for batch and optional
in real time; we send the checksum and check it when present.

Payload types for real time (the rule's payload type table, 5010 guides):
``X12_270_Request_005010X279A1`` → ``X12_271_Response_005010X279A1``,
``X12_276_Request_005010X212`` → ``X12_277_Response_005010X212``,
``X12_278_Request_005010X217`` → ``X12_278_Response_005010X217``, and
``X12_999_Response_005010X231A1`` when the payload is refused whole.
"""

from __future__ import annotations

import hashlib
import uuid
from dataclasses import dataclass, replace
from datetime import UTC, datetime

from .errors import VERSION_MISMATCH, CoreFault

__all__ = [
    "CORE_RULE_VERSION",
    "REAL_TIME",
    "REQUEST_TYPES",
    "RESPONSE_FOR",
    "X12_270_REQUEST",
    "X12_271_RESPONSE",
    "X12_276_REQUEST",
    "X12_277_RESPONSE",
    "X12_278_REQUEST",
    "X12_278_RESPONSE",
    "X12_999_RESPONSE",
    "CoreEnvelope",
    "check_request",
    "checksum_of",
    "new_payload_id",
    "timestamp_now",
]

CORE_RULE_VERSION = "2.2.0"
REAL_TIME = "RealTime"

X12_270_REQUEST = "X12_270_Request_005010X279A1"
X12_271_RESPONSE = "X12_271_Response_005010X279A1"
X12_276_REQUEST = "X12_276_Request_005010X212"
X12_277_RESPONSE = "X12_277_Response_005010X212"
X12_278_REQUEST = "X12_278_Request_005010X217"
X12_278_RESPONSE = "X12_278_Response_005010X217"
X12_999_RESPONSE = "X12_999_Response_005010X231A1"

#: The response payload type that answers each real-time request type.
RESPONSE_FOR = {
    X12_270_REQUEST: X12_271_RESPONSE,
    X12_276_REQUEST: X12_277_RESPONSE,
    X12_278_REQUEST: X12_278_RESPONSE,
}
REQUEST_TYPES = frozenset(RESPONSE_FOR)

#: Envelope fields by their CORE names, in the order the rule lists them.
FIELDS = (
    ("PayloadType", "payload_type"),
    ("ProcessingMode", "processing_mode"),
    ("PayloadID", "payload_id"),
    ("TimeStamp", "timestamp"),
    ("SenderID", "sender_id"),
    ("ReceiverID", "receiver_id"),
    ("CORERuleVersion", "core_rule_version"),
)


@dataclass(frozen=True)
class CoreEnvelope:
    """One CORE message: the metadata fields (rule vC2.2.0 §4.4) and the payload bytes."""

    payload_type: str
    processing_mode: str
    payload_id: str
    timestamp: str
    sender_id: str
    receiver_id: str
    core_rule_version: str = CORE_RULE_VERSION
    payload: bytes = b""
    checksum: str = ""
    error_code: str = ""
    error_message: str = ""

    def with_checksum(self) -> CoreEnvelope:
        """The same envelope with ``Checksum`` set to the payload's SHA-1 (hex)."""
        return replace(self, checksum=checksum_of(self.payload))

    @property
    def ok(self) -> bool:
        """True unless the envelope carries an error code other than ``Success``."""
        return self.error_code in ("", "Success")


def checksum_of(payload: bytes) -> str:
    """``Checksum``: SHA-1 of the payload, lower-case hex (rule vC2.2.0 §4.4)."""
    return hashlib.sha1(payload, usedforsecurity=False).hexdigest()


def new_payload_id() -> str:
    """``PayloadID``: an ISO (RFC 4122) UUID in hexadecimal notation.

    The rule suggests a time-and-MAC UUID; a random one (version 4) is as unique and
    does not publish the sender's hardware address.
    """
    return str(uuid.uuid4())


def timestamp_now(now: datetime | None = None) -> str:
    """``TimeStamp``: XML dateTime in UTC, e.g. ``2026-12-05T16:20:00Z``."""
    when = (now or datetime.now(UTC)).astimezone(UTC)
    return when.strftime("%Y-%m-%dT%H:%M:%SZ")


def check_request(envelope: CoreEnvelope) -> None:
    """Refuse a real-time request whose metadata the rule would refuse.

    Raises :class:`~cleanclaim.caqhcore.errors.CoreFault` with the rule's code:
    ``<Field>Required`` for an empty field, ``ProcessingModeIllegal`` for anything but
    ``RealTime``, ``PayloadTypeIllegal`` for a type that is not a real-time request,
    ``VersionMismatch`` for a rule version other than 2.2.0, ``ChecksumIllegal`` when a
    checksum is sent and does not match the payload, ``PayloadRequired`` when empty.
    """
    for core_name, attr in FIELDS:
        if not getattr(envelope, attr):
            raise CoreFault(f"{core_name}Required", f"{core_name} is required")
    if envelope.processing_mode != REAL_TIME:
        raise CoreFault("ProcessingModeIllegal", f"ProcessingMode must be {REAL_TIME}")
    if envelope.core_rule_version != CORE_RULE_VERSION:
        raise CoreFault(
            VERSION_MISMATCH,
            f"CORERuleVersion {envelope.core_rule_version} is not {CORE_RULE_VERSION}",
        )
    if envelope.payload_type not in REQUEST_TYPES:
        raise CoreFault(
            "PayloadTypeIllegal",
            f"PayloadType {envelope.payload_type} is not a real-time request type",
        )
    if not envelope.payload:
        raise CoreFault("PayloadRequired", "Payload is required")
    if envelope.checksum and envelope.checksum.lower() != checksum_of(envelope.payload):
        raise CoreFault("ChecksumIllegal", "Checksum does not match the payload (SHA-1)")
