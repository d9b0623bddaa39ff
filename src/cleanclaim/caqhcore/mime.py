"""The HTTP MIME form of the CORE envelope: ``multipart/form-data`` over HTTP POST.

CAQH CORE Connectivity Rule vC2.2.0 §4.1 (HTTP MIME multipart): the request is one
POST whose form fields are the envelope metadata (``PayloadType``,
``ProcessingMode``, ``PayloadID``, ``TimeStamp``, ``UserName``, ``Password``,
``SenderID``, ``ReceiverID``, ``CORERuleVersion``, optional ``Checksum`` and
``PayloadLength``) and the ``Payload``; the response is a ``multipart/form-data``
body with the same metadata plus ``ErrorCode`` and ``ErrorMessage``.

The multipart body (RFC 7578) is written and read here by hand so the payload's bytes
come back exactly as sent (no line-ending rewriting); a field named twice, a part
without a name or a body past :data:`MAX_PARTS` is refused as
:class:`~cleanclaim.caqhcore.errors.MalformedMessage`.
"""

from __future__ import annotations

import re
import uuid
from dataclasses import dataclass

from .envelope import FIELDS, CoreEnvelope
from .errors import MalformedMessage

__all__ = [
    "CONTENT_TYPE",
    "MimeRequest",
    "decode_request",
    "decode_response",
    "encode_request",
    "encode_response",
]

CONTENT_TYPE = "multipart/form-data"
MAX_PARTS = 32
_NAME = re.compile(rb'(?:^|;)\s*name="([^"]*)"', re.IGNORECASE)
_BOUNDARY = re.compile(r'boundary=(?:"([^"]+)"|([^;\s]+))', re.IGNORECASE)


@dataclass(frozen=True)
class MimeRequest:
    """A decoded request: the envelope and the credentials sent with it."""

    envelope: CoreEnvelope
    username: str
    password: str


def _fields(envelope: CoreEnvelope, *, response: bool) -> list[tuple[str, bytes]]:
    out = [(core, str(getattr(envelope, attr)).encode()) for core, attr in FIELDS]
    if envelope.checksum:
        out.append(("Checksum", envelope.checksum.encode()))
    if response:
        out.append(("ErrorCode", envelope.error_code.encode()))
        out.append(("ErrorMessage", envelope.error_message.encode()))
    return out


def _encode(fields: list[tuple[str, bytes]]) -> tuple[bytes, str]:
    blob = b"".join(value for _, value in fields)
    boundary = f"----CORE{uuid.uuid4().hex}"
    while boundary.encode() in blob:  # pragma: no cover - 128 random bits
        boundary = f"----CORE{uuid.uuid4().hex}"
    b = boundary.encode()
    parts = []
    for name, value in fields:
        parts.append(
            b"--" + b + b"\r\n"
            b'Content-Disposition: form-data; name="'
            + name.encode()
            + b'"\r\n'
            + (b"Content-Type: application/octet-stream\r\n" if name == "Payload" else b"")
            + b"\r\n"
            + value
            + b"\r\n"
        )
    body = b"".join(parts) + b"--" + b + b"--\r\n"
    return body, f'{CONTENT_TYPE}; boundary="{boundary}"'


def encode_request(envelope: CoreEnvelope, username: str, password: str) -> tuple[bytes, str]:
    """The request body and its ``Content-Type`` header (with the boundary)."""
    fields = _fields(envelope, response=False)
    fields[4:4] = [("UserName", username.encode()), ("Password", password.encode())]
    fields.append(("PayloadLength", str(len(envelope.payload)).encode()))
    fields.append(("Payload", envelope.payload))
    return _encode(fields)


def encode_response(envelope: CoreEnvelope) -> tuple[bytes, str]:
    """The response body and its ``Content-Type`` header."""
    fields = _fields(envelope, response=True)
    fields.append(("Payload", envelope.payload))
    return _encode(fields)


def parse_form(body: bytes, content_type: str) -> dict[str, bytes]:
    """The fields of a ``multipart/form-data`` body, by name, values as bytes."""
    if not content_type.lower().startswith(CONTENT_TYPE):
        raise MalformedMessage(f"expected {CONTENT_TYPE}, got {content_type or 'nothing'}")
    m = _BOUNDARY.search(content_type)
    if not m:
        raise MalformedMessage("the multipart Content-Type names no boundary")
    delim = b"--" + (m.group(1) or m.group(2)).encode()
    if not body.startswith(delim):
        raise MalformedMessage("the multipart body does not start with its boundary")
    chunks = (b"\r\n" + body).split(b"\r\n" + delim)
    if len(chunks) > MAX_PARTS + 2:
        raise MalformedMessage(f"more than {MAX_PARTS} form fields")
    fields: dict[str, bytes] = {}
    closed = False
    for chunk in chunks[1:]:
        if chunk.startswith(b"--"):
            closed = True
            break
        if not chunk.startswith(b"\r\n"):
            raise MalformedMessage("a multipart boundary is not followed by a line break")
        head, sep, value = chunk[2:].partition(b"\r\n\r\n")
        if not sep:
            raise MalformedMessage("a form field has no blank line after its headers")
        disposition = b""
        for line in head.split(b"\r\n"):
            key, _, rest = line.partition(b":")
            if key.strip().lower() == b"content-disposition":
                disposition = rest
        nm = _NAME.search(disposition)
        if not nm:
            raise MalformedMessage("a form field has no name")
        name = nm.group(1).decode("ascii", "replace")
        if name in fields:
            raise MalformedMessage(f"the form field {name} is sent twice")
        fields[name] = value
    if not closed:
        raise MalformedMessage("the multipart body has no closing boundary")
    return fields


def _text(fields: dict[str, bytes], name: str, *, strip: bool = True) -> str:
    try:
        text = fields.get(name, b"").decode("utf-8")
        return text.strip() if strip else text
    except UnicodeDecodeError as exc:
        raise MalformedMessage(f"the form field {name} is not UTF-8 text") from exc


def _envelope(fields: dict[str, bytes]) -> CoreEnvelope:
    return CoreEnvelope(
        payload_type=_text(fields, "PayloadType"),
        processing_mode=_text(fields, "ProcessingMode"),
        payload_id=_text(fields, "PayloadID"),
        timestamp=_text(fields, "TimeStamp"),
        sender_id=_text(fields, "SenderID"),
        receiver_id=_text(fields, "ReceiverID"),
        core_rule_version=_text(fields, "CORERuleVersion"),
        payload=fields.get("Payload", b""),
        checksum=_text(fields, "Checksum"),
        error_code=_text(fields, "ErrorCode"),
        error_message=_text(fields, "ErrorMessage"),
    )


def decode_request(body: bytes, content_type: str) -> MimeRequest:
    """A request body back to its envelope and credentials."""
    fields = parse_form(body, content_type)
    return MimeRequest(
        _envelope(fields), _text(fields, "UserName"), _text(fields, "Password", strip=False)
    )


def decode_response(body: bytes, content_type: str) -> CoreEnvelope:
    """A response body back to its envelope (``ErrorCode`` and ``ErrorMessage`` too)."""
    return _envelope(parse_form(body, content_type))
