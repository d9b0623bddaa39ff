"""SOAP 1.2 forbids a DTD: a message with one is refused before any entity is expanded."""

from __future__ import annotations

import http.client

import pytest

from cleanclaim.caqhcore import X12_270_REQUEST, CoreEnvelope, MalformedMessage, soap

LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>
<soapenv:Envelope xmlns:soapenv="http://www.w3.org/2003/05/soap-envelope"><soapenv:Body>
<cor:COREEnvelopeRealTimeRequest xmlns:cor="http://www.caqh.org/SOAP/WSDL/CORERule2.2.0.xsd">
<cor:Payload>&lol2;</cor:Payload></cor:COREEnvelopeRealTimeRequest></soapenv:Body></soapenv:Envelope>"""


def test_it_refuses_a_dtd_when_decoding():
    with pytest.raises(MalformedMessage, match="DTD"):
        soap.decode_request(LAUGHS)


def test_the_endpoint_answers_a_dtd_with_a_core_error(core_server, answer_271):
    server = core_server(answer_271)
    conn = http.client.HTTPConnection("127.0.0.1", server.port, timeout=5)
    try:
        conn.request("POST", "/core", body=LAUGHS, headers={"Content-Type": "application/soap+xml"})
        response = conn.getresponse()
        body = response.read()
    finally:
        conn.close()
    assert response.status == 400
    answer = soap.decode_response(body)
    assert answer.error_code == "MalformedRequest"
    assert "DTD" in answer.error_message
    assert b"Traceback" not in body


def test_it_refuses_a_dtd_in_a_response_too():
    envelope = CoreEnvelope(X12_270_REQUEST, "RealTime", "id", "2026-12-05T09:00:00Z", "A", "B")
    body, _ = soap.encode_response(envelope)
    with pytest.raises(MalformedMessage):
        soap.decode_response(
            body.replace(b"?>", b'?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>', 1)
        )
