"""The SOAP form of the CORE envelope: SOAP 1.2 with a WS-Security UsernameToken.

CAQH CORE Connectivity Rule vC2.2.0 §4.2 (SOAP + WSDL): the body holds a
``COREEnvelopeRealTimeRequest`` (response: ``COREEnvelopeRealTimeResponse``) in the
namespace :data:`CORE_NS` whose child elements are the envelope metadata and the
``Payload``; the sender authenticates with a WS-Security 1.1 ``UsernameToken``
(``Username`` and a ``PasswordText`` ``Password``) in the SOAP header.

The real-time payload travels as element text (X12 is text): ``&``, ``<``, ``>`` and
carriage returns are written as character references so an XML parser gives back the
exact bytes (line-end normalisation would otherwise turn ``\\r\\n`` into ``\\n``). A
payload that is not XML-legal UTF-8 text cannot travel in this form and is refused.

Reading is careful: SOAP 1.2 forbids a document type declaration (SOAP 1.2 Part 1
§5), so any ``<!DOCTYPE`` or ``<!ENTITY`` is refused before parsing — no entity
expansion, no external fetch.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass

from .envelope import FIELDS, CoreEnvelope
from .errors import MalformedMessage

__all__ = [
    "CONTENT_TYPE",
    "CORE_NS",
    "SOAP_NS",
    "WSSE_NS",
    "SoapRequest",
    "decode_request",
    "decode_response",
    "encode_request",
    "encode_response",
]

CONTENT_TYPE = "application/soap+xml"
SOAP_NS = "http://www.w3.org/2003/05/soap-envelope"
CORE_NS = "http://www.caqh.org/SOAP/WSDL/CORERule2.2.0.xsd"
WSSE_NS = "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd"
PASSWORD_TEXT = (
    "http://docs.oasis-open.org/wss/2004/01/"
    "oasis-200401-wss-username-token-profile-1.0#PasswordText"
)
REQUEST = "COREEnvelopeRealTimeRequest"
RESPONSE = "COREEnvelopeRealTimeResponse"
MAX_DEPTH = 16
# Characters XML 1.0 allows (§2.2 Char), less the surrogates.
_ILLEGAL = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
_DTD = re.compile(rb"<!(?:DOCTYPE|ENTITY)", re.IGNORECASE)


@dataclass(frozen=True)
class SoapRequest:
    """A decoded request: the envelope and the UsernameToken's credentials."""

    envelope: CoreEnvelope
    username: str
    password: str


def _escape(text: str) -> str:
    return (
        text.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\r", "&#13;")
        .replace('"', "&quot;")
    )


def _payload_text(payload: bytes) -> str:
    try:
        text = payload.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise MalformedMessage("the payload is not UTF-8 text; use the MIME form") from exc
    if _ILLEGAL.search(text):
        raise MalformedMessage("the payload holds characters XML cannot carry; use MIME")
    return text


def _body(envelope: CoreEnvelope, element: str, *, response: bool) -> str:
    parts = [f"<cor:{core}>{_escape(str(getattr(envelope, a)))}</cor:{core}>" for core, a in FIELDS]
    if envelope.checksum:
        parts.append(f"<cor:Checksum>{_escape(envelope.checksum)}</cor:Checksum>")
    parts.append(f"<cor:Payload>{_escape(_payload_text(envelope.payload))}</cor:Payload>")
    if response:
        parts.append(f"<cor:ErrorCode>{_escape(envelope.error_code)}</cor:ErrorCode>")
        parts.append(f"<cor:ErrorMessage>{_escape(envelope.error_message)}</cor:ErrorMessage>")
    return f'<cor:{element} xmlns:cor="{CORE_NS}">' + "".join(parts) + f"</cor:{element}>"


def _document(header: str, body: str) -> bytes:
    return (
        '<?xml version="1.0" encoding="UTF-8"?>'
        f'<soapenv:Envelope xmlns:soapenv="{SOAP_NS}">'
        f"<soapenv:Header>{header}</soapenv:Header>"
        f"<soapenv:Body>{body}</soapenv:Body>"
        "</soapenv:Envelope>"
    ).encode()


def encode_request(envelope: CoreEnvelope, username: str, password: str) -> tuple[bytes, str]:
    """The SOAP request document and its ``Content-Type`` header."""
    token = (
        f'<wsse:Security xmlns:wsse="{WSSE_NS}" soapenv:mustUnderstand="true">'
        "<wsse:UsernameToken>"
        f"<wsse:Username>{_escape(username)}</wsse:Username>"
        f'<wsse:Password Type="{PASSWORD_TEXT}">{_escape(password)}</wsse:Password>'
        "</wsse:UsernameToken></wsse:Security>"
    )
    return _document(token, _body(envelope, REQUEST, response=False)), _content_type()


def encode_response(envelope: CoreEnvelope) -> tuple[bytes, str]:
    """The SOAP response document and its ``Content-Type`` header."""
    return _document("", _body(envelope, RESPONSE, response=True)), _content_type()


def _content_type() -> str:
    return f'{CONTENT_TYPE}; charset=UTF-8; action="RealTimeTransaction"'


def _parse(data: bytes) -> ET.Element:
    if _DTD.search(data):
        raise MalformedMessage("SOAP messages may not carry a DTD or entity declarations")
    try:
        root = ET.fromstring(data)
    except ET.ParseError as exc:
        raise MalformedMessage(f"not well-formed XML ({exc})") from exc
    if root.tag != f"{{{SOAP_NS}}}Envelope":
        raise MalformedMessage("not a SOAP 1.2 Envelope")

    def depth(el: ET.Element, n: int) -> int:
        if n > MAX_DEPTH:
            raise MalformedMessage("the XML is nested too deeply")
        return max([n, *(depth(c, n + 1) for c in el)])

    depth(root, 0)
    return root


def _core_element(root: ET.Element, element: str) -> ET.Element:
    found = root.find(f"{{{SOAP_NS}}}Body/{{{CORE_NS}}}{element}")
    if found is None:
        raise MalformedMessage(f"the SOAP Body holds no {element}")
    return found


def _child(el: ET.Element, name: str, ns: str = CORE_NS) -> str:
    child = el.find(f"{{{ns}}}{name}")
    return "" if child is None or child.text is None else child.text


def _envelope(el: ET.Element) -> CoreEnvelope:
    def text(name: str) -> str:
        return _child(el, name).strip()

    return CoreEnvelope(
        payload_type=text("PayloadType"),
        processing_mode=text("ProcessingMode"),
        payload_id=text("PayloadID"),
        timestamp=text("TimeStamp"),
        sender_id=text("SenderID"),
        receiver_id=text("ReceiverID"),
        core_rule_version=text("CORERuleVersion"),
        payload=_child(el, "Payload").encode("utf-8"),
        checksum=text("Checksum"),
        error_code=text("ErrorCode"),
        error_message=text("ErrorMessage"),
    )


def decode_request(data: bytes) -> SoapRequest:
    """A SOAP request back to its envelope and UsernameToken credentials."""
    root = _parse(data)
    token = root.find(f"{{{SOAP_NS}}}Header/{{{WSSE_NS}}}Security/{{{WSSE_NS}}}UsernameToken")
    username = password = ""
    if token is not None:
        username = _child(token, "Username", WSSE_NS)
        password = _child(token, "Password", WSSE_NS)
    return SoapRequest(_envelope(_core_element(root, REQUEST)), username, password)


def decode_response(data: bytes) -> CoreEnvelope:
    """A SOAP response back to its envelope."""
    return _envelope(_core_element(_parse(data), RESPONSE))
