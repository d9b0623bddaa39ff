"""The endpoint answers bad requests with a CORE error or a plain status, never a traceback."""

from __future__ import annotations

import http.client

import pytest

from cleanclaim.caqhcore import (
    X12_270_REQUEST,
    ClearinghouseDown,
    EnvelopeRejected,
    mime,
)

from .conftest import client_for


def _post(port: int, body: bytes, content_type: str) -> tuple[int, str, bytes]:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
    try:
        conn.request("POST", "/core", body=body, headers={"Content-Type": content_type})
        response = conn.getresponse()
        return response.status, response.getheader("Content-Type", ""), response.read()
    finally:
        conn.close()


def test_it_answers_garbage_with_a_malformed_request_envelope(core_server, answer_271):
    server = core_server(answer_271)
    status, content_type, body = _post(
        server.port, b"not a form", "multipart/form-data; boundary=x"
    )
    assert status == 400
    answer = mime.decode_response(body, content_type)
    assert answer.error_code == "MalformedRequest"
    assert b"Traceback" not in body


def test_it_refuses_a_body_past_the_limit(core_server, answer_271):
    server = core_server(answer_271, max_body=1000)
    status, _, _ = _post(server.port, b"x" * 1001, "multipart/form-data; boundary=x")
    assert status == 413


def test_it_refuses_a_payload_type_that_is_not_a_request(core_server, answer_271, x12_270):
    server = core_server(answer_271)
    with pytest.raises(EnvelopeRejected) as caught:
        client_for(server.url).exchange("X12_835_Request_005010X221A1", x12_270)
    assert caught.value.code == "PayloadTypeIllegal"
    assert server.requests == 1


def test_a_failing_handler_is_a_server_error_not_a_traceback(core_server, x12_270):
    def broken(envelope):
        raise RuntimeError("bug in the adjudicator")

    server = core_server(broken)
    with pytest.raises(ClearinghouseDown) as caught:
        client_for(server.url, attempts=2, backoff=0.01).exchange(X12_270_REQUEST, x12_270)
    assert caught.value.code == "ServerError"
    assert "bug in the adjudicator" not in caught.value.message
    assert server.requests == 2
