"""The MIME multipart form gives back exactly the envelope and payload bytes it was given."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from cleanclaim.caqhcore import X12_270_REQUEST, X12_271_RESPONSE, CoreEnvelope, mime

ids = st.text(alphabet=st.characters(min_codepoint=33, max_codepoint=126), min_size=1, max_size=30)


@settings(max_examples=150, deadline=None)
@given(payload=st.binary(max_size=4000), sender=ids, password=st.text(max_size=40))
def test_it_round_trips_a_request_with_any_payload_bytes(payload, sender, password):
    envelope = CoreEnvelope(
        X12_270_REQUEST,
        "RealTime",
        "f81d4fae-7dec-11d0-a765-00a0c91e6bf6",
        "2026-12-05T09:00:00Z",
        sender,
        "SANDBOX01",
        payload=payload,
    ).with_checksum()
    body, content_type = mime.encode_request(envelope, "riverside", password)
    decoded = mime.decode_request(body, content_type)
    assert decoded.envelope == envelope
    assert decoded.username == "riverside"
    assert decoded.password == password


@settings(max_examples=100, deadline=None)
@given(payload=st.binary(max_size=4000), message=st.text(max_size=80).map(str.strip))
def test_it_round_trips_a_response_with_its_error_fields(payload, message):
    envelope = CoreEnvelope(
        X12_271_RESPONSE,
        "RealTime",
        "f81d4fae-7dec-11d0-a765-00a0c91e6bf6",
        "2026-12-05T09:00:01Z",
        "SANDBOX01",
        "CLEANCLAIM",
        payload=payload,
        error_code="Success",
        error_message=message,
    )
    body, content_type = mime.encode_response(envelope)
    assert mime.decode_response(body, content_type) == envelope


def test_it_sends_the_rules_field_names():
    envelope = CoreEnvelope(
        X12_270_REQUEST, "RealTime", "id-1", "2026-12-05T09:00:00Z", "A", "B", payload=b"ISA~"
    )
    body, content_type = mime.encode_request(envelope.with_checksum(), "u", "p")
    assert content_type.startswith("multipart/form-data; boundary=")
    for name in (
        "PayloadType",
        "ProcessingMode",
        "PayloadID",
        "TimeStamp",
        "UserName",
        "Password",
        "SenderID",
        "ReceiverID",
        "CORERuleVersion",
        "Checksum",
        "PayloadLength",
        "Payload",
    ):
        assert f'name="{name}"'.encode() in body
