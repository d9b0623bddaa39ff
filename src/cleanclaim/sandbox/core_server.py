"""The sandbox's CAQH CORE real-time endpoint: a real HTTP server on the loopback.

One path, ``/core``, takes both forms of CAQH CORE Connectivity Rule vC2.2.0 — HTTP
MIME multipart (§4.1) and SOAP 1.2 with a WS-Security UsernameToken (§4.2) — and
answers in the form it was asked. The user name and password come from the form's
``UserName``/``Password`` fields, the UsernameToken, or HTTP Basic; a wrong one is
HTTP 401 with an ``UnAuthorized`` envelope. The envelope is checked
(:func:`~cleanclaim.caqhcore.envelope.check_request`) before the handler sees it.

``handler(envelope) -> (response payload type, payload)`` answers; it may raise
:class:`~cleanclaim.caqhcore.errors.CoreFault` (answered as a CORE error envelope,
HTTP 200). ``delay(envelope) -> seconds`` waits before answering (a payer that times
out); :meth:`CoreServer.stop` cuts every wait short. A body past ``max_body`` is
HTTP 413, a malformed one a CORE error envelope, an unexpected handler error HTTP
500 with a CORE ``ServerError`` envelope — never a traceback. Nothing is logged:
the requests carry passwords and patient data.

With ``tls`` (a server :class:`ssl.SSLContext`) it speaks HTTPS, as a clearinghouse
must; the handshake runs in the request's own thread, so a client that never
completes it holds up nobody else.
"""

from __future__ import annotations

import base64
import binascii
import hmac
import ssl
import threading
from collections.abc import Callable
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

from cleanclaim.caqhcore import mime, soap
from cleanclaim.caqhcore.envelope import (
    CORE_RULE_VERSION,
    REAL_TIME,
    CoreEnvelope,
    check_request,
    new_payload_id,
    timestamp_now,
)
from cleanclaim.caqhcore.errors import SUCCESS, UNAUTHORIZED, CoreFault, MalformedMessage

__all__ = ["MAX_BODY", "PATH", "CoreServer", "Handler"]

PATH = "/core"
MAX_BODY = 1024 * 1024
Handler = Callable[[CoreEnvelope], tuple[str, bytes]]
Delay = Callable[[CoreEnvelope], float]


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    block_on_close = False
    core: CoreServer

    def handle_error(self, request: object, client_address: object) -> None:
        """Silent: a dropped connection or a failed TLS handshake is the client's affair."""


class CoreServer:
    """A CORE real-time endpoint: ``.start()`` in a background thread, ``.url``, ``.stop()``."""

    def __init__(
        self,
        handler: Handler,
        *,
        host: str = "127.0.0.1",
        port: int = 0,
        users: dict[str, str],
        delay: Delay | None = None,
        max_body: int = MAX_BODY,
        receiver_id: str = "SANDBOX",
        tls: ssl.SSLContext | None = None,
    ) -> None:
        self.handler = handler
        self.users = dict(users)
        self.delay = delay
        self.max_body = max_body
        self.receiver_id = receiver_id
        self.requests = 0
        self._lock = threading.Lock()
        self._stopping = threading.Event()
        self._server = _Server((host, port), _RequestHandler)
        self._server.core = self
        self._tls = tls
        if tls is not None:  # the handshake runs in the request's thread, not accept()
            self._server.socket = tls.wrap_socket(
                self._server.socket, server_side=True, do_handshake_on_connect=False
            )
        self._thread: threading.Thread | None = None

    @property
    def port(self) -> int:
        return int(self._server.server_address[1])

    @property
    def url(self) -> str:
        host = str(self._server.server_address[0])
        scheme = "https" if self._tls is not None else "http"
        return f"{scheme}://{host}:{self.port}{PATH}"

    def start(self) -> CoreServer:
        self._thread = threading.Thread(
            target=self._server.serve_forever, name="core-server", daemon=True
        )
        self._thread.start()
        return self

    def stop(self) -> None:
        self._stopping.set()
        if self._thread is not None:
            self._server.shutdown()
            self._thread.join(timeout=5)
        self._server.server_close()

    def __enter__(self) -> CoreServer:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    # -- used by the request handler ----------------------------------------------

    def _count(self) -> None:
        with self._lock:
            self.requests += 1

    def _authorised(self, username: str, password: str) -> bool:
        expected = self.users.get(username)
        if expected is None:
            hmac.compare_digest(password.encode(), b"-")  # same work either way
            return False
        return hmac.compare_digest(password.encode(), expected.encode())

    def _wait(self, envelope: CoreEnvelope) -> bool:
        """Wait the hook's delay; False when the server is stopping."""
        seconds = self.delay(envelope) if self.delay is not None else 0.0
        if seconds > 0:
            self._stopping.wait(seconds)
        return not self._stopping.is_set()


def _answer(request: CoreEnvelope | None, receiver_id: str, **fields: Any) -> CoreEnvelope:
    base = CoreEnvelope(
        payload_type=fields.pop("payload_type", request.payload_type if request else ""),
        processing_mode=REAL_TIME,
        payload_id=request.payload_id if request and request.payload_id else new_payload_id(),
        timestamp=timestamp_now(),
        sender_id=request.receiver_id if request and request.receiver_id else receiver_id,
        receiver_id=request.sender_id if request else "",
        core_rule_version=CORE_RULE_VERSION,
        **fields,
    )
    return base.with_checksum() if base.payload else base


class _RequestHandler(BaseHTTPRequestHandler):
    server: _Server
    protocol_version = "HTTP/1.1"
    server_version = "cleanclaim-sandbox-core"
    sys_version = ""
    timeout = 60.0  # seconds a connection may sit idle (or mid-handshake)

    def log_message(self, format: str, *args: Any) -> None:
        """Silent: requests carry passwords and patient data."""

    def do_GET(self) -> None:
        self._plain(405, b"POST a CORE envelope to /core")

    def do_POST(self) -> None:
        core = self.server.core
        core._count()
        if self.path.split("?")[0] != PATH:
            self._plain(404, b"not found")
            return
        try:
            length = int(self.headers.get("Content-Length", ""))
        except ValueError:
            self._plain(411, b"Content-Length is required")
            return
        if length < 0 or length > core.max_body:
            self._plain(413, b"the request is larger than this endpoint takes")
            self.close_connection = True
            return
        body = self.rfile.read(length)
        content_type = self.headers.get("Content-Type", "")
        as_soap = content_type.lower().startswith((soap.CONTENT_TYPE, "text/xml"))
        request: CoreEnvelope | None = None
        try:
            if as_soap:
                sreq = soap.decode_request(body)
                request, username, password = sreq.envelope, sreq.username, sreq.password
            else:
                mreq = mime.decode_request(body, content_type)
                request, username, password = mreq.envelope, mreq.username, mreq.password
        except MalformedMessage as exc:
            self._envelope(
                400,
                as_soap,
                _answer(
                    None, core.receiver_id, error_code="MalformedRequest", error_message=exc.message
                ),
            )
            return
        if not username:
            username, password = self._basic()
        if not core._authorised(username, password):
            self._envelope(
                401,
                as_soap,
                _answer(
                    request,
                    core.receiver_id,
                    error_code=UNAUTHORIZED,
                    error_message="user name or password not accepted",
                ),
                {"WWW-Authenticate": 'Basic realm="CORE"'},
            )
            return
        try:
            check_request(request)
            if not core._wait(request):
                self.close_connection = True
                return  # stopping: no answer, as a payer that never answers
            payload_type, payload = core.handler(request)
            answer = _answer(
                request,
                core.receiver_id,
                payload_type=payload_type,
                payload=payload,
                error_code=SUCCESS,
            )
            status = 200
        except CoreFault as fault:
            answer = _answer(
                request, core.receiver_id, error_code=fault.code, error_message=fault.message
            )
            status = 200
        except Exception:  # a handler bug is a CORE error, not a traceback
            answer = _answer(
                request,
                core.receiver_id,
                error_code="ServerError",
                error_message="the clearinghouse failed to answer",
            )
            status = 500
        self._envelope(status, as_soap, answer)

    # -- writing ------------------------------------------------------------------

    def _basic(self) -> tuple[str, str]:
        value = self.headers.get("Authorization", "")
        if not value.lower().startswith("basic "):
            return "", ""
        try:
            user, _, password = base64.b64decode(value[6:], validate=True).decode().partition(":")
        except (binascii.Error, UnicodeDecodeError):
            return "", ""
        return user, password

    def _envelope(
        self,
        status: int,
        as_soap: bool,
        answer: CoreEnvelope,
        headers: dict[str, str] | None = None,
    ) -> None:
        try:
            body, content_type = (soap if as_soap else mime).encode_response(answer)
        except MalformedMessage:  # a payload SOAP cannot carry
            answer = _answer(
                None,
                self.server.core.receiver_id,
                error_code="ServerError",
                error_message="the answer cannot travel as SOAP; ask in the MIME form",
            )
            body, content_type = soap.encode_response(answer)
            status = 500
        self._send(status, body, content_type, headers or {})

    def _plain(self, status: int, text: bytes) -> None:
        self._send(status, text, "text/plain; charset=utf-8", {})

    def _send(self, status: int, body: bytes, content_type: str, headers: dict[str, str]) -> None:
        try:
            self.send_response(status)
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(body)))
            for key, value in headers.items():
                self.send_header(key, value)
            self.end_headers()
            self.wfile.write(body)
        except (BrokenPipeError, ConnectionResetError):
            self.close_connection = True
