"""The endpoint also takes the user name and password from HTTP Basic when the form has none."""

from __future__ import annotations

import base64
import http.client

from cleanclaim.caqhcore import X12_270_REQUEST, CoreEnvelope, mime

from .conftest import USERS


def _ask(port: int, user: str, password: str, x12: bytes) -> tuple[int, CoreEnvelope]:
    envelope = CoreEnvelope(
        X12_270_REQUEST,
        "RealTime",
        "id-1",
        "2026-12-05T09:00:00Z",
        "CLEANCLAIM",
        "SANDBOX01",
        payload=x12,
    )
    body, content_type = mime.encode_request(envelope, "", "")
    token = base64.b64encode(f"{user}:{password}".encode()).decode()
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
    try:
        conn.request(
            "POST",
            "/core",
            body=body,
            headers={"Content-Type": content_type, "Authorization": f"Basic {token}"},
        )
        response = conn.getresponse()
        data = response.read()
        return response.status, mime.decode_response(data, response.getheader("Content-Type", ""))
    finally:
        conn.close()


def test_it_answers_with_basic_credentials(core_server, answer_271, x12_270, x12_271):
    server = core_server(answer_271)
    status, answer = _ask(server.port, "riverside", USERS["riverside"], x12_270)
    assert status == 200
    assert answer.payload == x12_271


def test_it_refuses_wrong_basic_credentials(core_server, answer_271, x12_270):
    server = core_server(answer_271)
    status, answer = _ask(server.port, "riverside", "nope", x12_270)
    assert status == 401
    assert answer.error_code == "UnAuthorized"
