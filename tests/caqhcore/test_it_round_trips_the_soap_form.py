"""The SOAP 1.2 form gives back the envelope, the payload's exact text and the UsernameToken."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cleanclaim.caqhcore import (
    X12_276_REQUEST,
    X12_277_RESPONSE,
    CoreEnvelope,
    MalformedMessage,
    soap,
)

# X12 text: printable ASCII, the usual delimiters, CR and LF between segments.
x12_text = st.text(
    alphabet=st.sampled_from([chr(c) for c in range(32, 127)] + ["\r", "\n", "\t"]), max_size=3000
)


@settings(max_examples=150, deadline=None)
@given(
    payload=x12_text,
    password=st.text(alphabet=st.characters(min_codepoint=32, max_codepoint=0xD7FF), max_size=30),
)
def test_it_round_trips_a_request(payload, password):
    envelope = CoreEnvelope(
        X12_276_REQUEST,
        "RealTime",
        "f81d4fae-7dec-11d0-a765-00a0c91e6bf6",
        "2026-12-05T09:00:00Z",
        "CLEANCLAIM",
        "SANDBOX01",
        payload=payload.encode(),
    ).with_checksum()
    body, content_type = soap.encode_request(envelope, "riverside", password)
    assert content_type.startswith("application/soap+xml")
    decoded = soap.decode_request(body)
    assert decoded.envelope == envelope
    assert decoded.password == password


@settings(max_examples=100, deadline=None)
@given(payload=x12_text)
def test_it_round_trips_a_response(payload):
    envelope = CoreEnvelope(
        X12_277_RESPONSE,
        "RealTime",
        "f81d4fae-7dec-11d0-a765-00a0c91e6bf6",
        "2026-12-05T09:00:01Z",
        "SANDBOX01",
        "CLEANCLAIM",
        payload=payload.encode(),
        error_code="Success",
        error_message="",
    )
    body, _ = soap.encode_response(envelope)
    assert soap.decode_response(body) == envelope


def test_it_writes_the_core_and_ws_security_namespaces():
    envelope = CoreEnvelope(
        X12_276_REQUEST, "RealTime", "id-1", "2026-12-05T09:00:00Z", "A", "B", payload=b"ST~"
    )
    body, _ = soap.encode_request(envelope, "u", "p")
    assert b"http://www.caqh.org/SOAP/WSDL/CORERule2.2.0.xsd" in body
    assert b"http://www.w3.org/2003/05/soap-envelope" in body
    assert b"UsernameToken" in body and b"#PasswordText" in body


def test_it_refuses_a_payload_xml_cannot_carry():
    envelope = CoreEnvelope(
        X12_276_REQUEST, "RealTime", "id-1", "2026-12-05T09:00:00Z", "A", "B", payload=b"ST\x00~"
    )
    with pytest.raises(MalformedMessage, match="MIME"):
        soap.encode_request(envelope, "u", "p")
