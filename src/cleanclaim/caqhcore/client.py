"""``CoreClient``: one real-time X12 question to a clearinghouse, within a time budget.

CAQH CORE Connectivity Rule vC2.2.0 asks real-time responses within 20 seconds
(with the Eligibility and Claim Status infrastructure rules' response-time
expectation); :data:`DEFAULT_BUDGET` is that. The *whole* call — every attempt, the
waits between them and reading the answer — ends within ``budget`` seconds:

* each attempt's socket timeout is what remains of the budget, and the answer is
  read in chunks with the timeout shrunk to what remains before each read;
* only what may succeed on a second try is retried (no answer, connection refused
  or reset, HTTP 5xx, a busy clearinghouse, a payer that is down), with exponential
  backoff and jitter, never longer than what remains; a refused password (HTTP 401
  or ``UnAuthorized``) and other CORE error codes are never retried;
* a retry resends the same envelope (same ``PayloadID``), so a clearinghouse that
  did get the first one can tell the second is a repeat.

TLS: ``https`` URLs are verified against the system's trust store (hostname too);
plain ``http`` is allowed only to the loopback (the sandbox), since the envelope
carries the password.
"""

from __future__ import annotations

import http.client
import random
import socket
import ssl
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal
from urllib.parse import urlsplit

from . import mime, soap
from .envelope import REAL_TIME, CoreEnvelope, new_payload_id, timestamp_now
from .errors import (
    BAD_CREDENTIALS_CODES,
    CLEARINGHOUSE_BUSY_CODES,
    RECEIVER_UNAVAILABLE_CODES,
    BadCredentials,
    ClearinghouseDidNotAnswer,
    ClearinghouseDown,
    CoreError,
    EnvelopeRejected,
    MalformedMessage,
    PayerDown,
)

__all__ = ["DEFAULT_BUDGET", "MAX_RESPONSE", "CoreClient", "CoreResult"]

DEFAULT_BUDGET = 20.0
#: The largest answer read (a 271 with many benefits is far below this).
MAX_RESPONSE = 8 * 1024 * 1024
_MIN_ATTEMPT = 0.05  # seconds: below this, another attempt cannot be answered in time
_LOOPBACK = ("localhost", "127.0.0.1", "::1")


@dataclass(frozen=True)
class CoreResult:
    """A successful exchange: the response envelope, seconds taken, attempts made."""

    envelope: CoreEnvelope
    elapsed: float
    attempts: int


class _Timeout(Exception):
    pass


class CoreClient:
    """A clearinghouse's CORE real-time endpoint, asked in the MIME or the SOAP form."""

    def __init__(
        self,
        url: str,
        username: str,
        password: str,
        sender_id: str,
        receiver_id: str,
        *,
        form: Literal["mime", "soap"] = "mime",
        budget: float = DEFAULT_BUDGET,
        attempts: int = 3,
        backoff: float = 0.5,
        name: str = "",
        ssl_context: ssl.SSLContext | None = None,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise ValueError(f"a CORE endpoint URL is http(s)://host/path, not {url!r}")
        if parts.scheme == "http" and parts.hostname not in _LOOPBACK:
            raise ValueError("plain http is allowed only to the loopback; use https")
        if form not in ("mime", "soap"):
            raise ValueError(f"form is 'mime' or 'soap', not {form!r}")
        if budget <= 0 or attempts < 1 or backoff < 0:
            raise ValueError("budget > 0, attempts >= 1 and backoff >= 0 are required")
        self.url = url
        self.username = username
        self._password = password
        self.sender_id = sender_id
        self.receiver_id = receiver_id
        self.form = form
        self.budget = budget
        self.attempts = attempts
        self.backoff = backoff
        self.name = name or parts.hostname
        self._parts = parts
        self._ssl = ssl_context or ssl.create_default_context()
        self._clock = clock
        self._sleep = sleep

    def __repr__(self) -> str:  # never the password
        return f"CoreClient({self.url!r}, user={self.username!r}, name={self.name!r})"

    def exchange(self, payload_type: str, payload: bytes) -> CoreResult:
        """Send one real-time payload; the answer, or a :class:`CoreError` in plain words."""
        start = self._clock()
        deadline = start + self.budget
        envelope = CoreEnvelope(
            payload_type=payload_type,
            processing_mode=REAL_TIME,
            payload_id=new_payload_id(),
            timestamp=timestamp_now(),
            sender_id=self.sender_id,
            receiver_id=self.receiver_id,
            payload=payload,
        ).with_checksum()
        if self.form == "soap":
            body, content_type = soap.encode_request(envelope, self.username, self._password)
        else:
            body, content_type = mime.encode_request(envelope, self.username, self._password)
        last: CoreError | None = None
        made = 0
        for attempt in range(1, self.attempts + 1):
            if deadline - self._clock() < _MIN_ATTEMPT:
                break
            made = attempt
            try:
                answer = self._once(body, content_type, deadline)
                return CoreResult(answer, self._clock() - start, attempt)
            except CoreError as exc:
                last = exc
                if not exc.retryable or attempt == self.attempts:
                    break
            pause = self.backoff * (2 ** (attempt - 1)) * (0.5 + random.random())
            pause = min(pause, deadline - self._clock() - _MIN_ATTEMPT)
            if pause > 0:
                self._sleep(pause)
        if last is None:  # pragma: no cover - the first attempt always runs
            last = self._did_not_answer()
        raise type(last)(
            self._with_tries(last.message, made),
            code=last.code,
            connection=self.name,
            retryable=last.retryable,
        )

    # -- one attempt -----------------------------------------------------------

    def _once(self, body: bytes, content_type: str, deadline: float) -> CoreEnvelope:
        remaining = deadline - self._clock()
        host = self._parts.hostname or ""
        conn: http.client.HTTPConnection
        if self._parts.scheme == "https":
            conn = http.client.HTTPSConnection(
                host, self._parts.port, timeout=remaining, context=self._ssl
            )
        else:
            conn = http.client.HTTPConnection(host, self._parts.port, timeout=remaining)
        path = self._parts.path or "/"
        if self._parts.query:
            path += "?" + self._parts.query
        try:
            conn.request(
                "POST",
                path,
                body=body,
                headers={"Content-Type": content_type, "Accept": content_type.split(";")[0]},
            )
            self._shrink(conn, deadline)
            response = conn.getresponse()
            data = self._read(conn, response, deadline)
            return self._interpret(response.status, response.getheader("Content-Type", ""), data)
        except (TimeoutError, _Timeout):
            raise self._did_not_answer() from None
        except ssl.SSLCertVerificationError as exc:
            raise ClearinghouseDown(
                f"The clearinghouse {self.name} did not prove who it is "
                f"(its TLS certificate was refused: {exc.verify_message}).",
                connection=self.name,
                retryable=False,
            ) from None
        except (OSError, http.client.HTTPException) as exc:
            raise ClearinghouseDown(
                f"The clearinghouse {self.name} could not be reached ({_reason(exc)}).",
                connection=self.name,
            ) from None
        finally:
            conn.close()

    def _shrink(self, conn: http.client.HTTPConnection, deadline: float) -> None:
        remaining = deadline - self._clock()
        if remaining <= 0:
            raise _Timeout
        if conn.sock is not None:
            conn.sock.settimeout(remaining)

    def _read(
        self, conn: http.client.HTTPConnection, response: http.client.HTTPResponse, deadline: float
    ) -> bytes:
        chunks: list[bytes] = []
        size = 0
        while True:
            self._shrink(conn, deadline)
            chunk = response.read1(65536)
            if not chunk:
                return b"".join(chunks)
            size += len(chunk)
            if size > MAX_RESPONSE:
                raise EnvelopeRejected(
                    f"The clearinghouse {self.name} answered with more than "
                    f"{MAX_RESPONSE} bytes; the answer was dropped.",
                    connection=self.name,
                )
            chunks.append(chunk)

    def _interpret(self, status: int, content_type: str, data: bytes) -> CoreEnvelope:
        if status in (401, 403):
            raise self._bad_credentials()
        envelope: CoreEnvelope | None = None
        try:
            if content_type.lower().startswith(
                soap.CONTENT_TYPE
            ) or content_type.lower().startswith("text/xml"):
                envelope = soap.decode_response(data)
            else:
                envelope = mime.decode_response(data, content_type)
        except MalformedMessage as exc:
            if status >= 500:
                raise ClearinghouseDown(
                    f"The clearinghouse {self.name} failed (HTTP {status}).",
                    connection=self.name,
                ) from None
            raise MalformedMessage(
                f"The clearinghouse {self.name} answered with something that is not a "
                f"CORE envelope (HTTP {status}: {exc.message}).",
                connection=self.name,
            ) from None
        code = envelope.error_code
        detail = f" ({envelope.error_message})" if envelope.error_message else ""
        if code in BAD_CREDENTIALS_CODES:
            raise self._bad_credentials()
        if code in RECEIVER_UNAVAILABLE_CODES:
            raise PayerDown(
                f"The payer {self.receiver_id} is not answering "
                f"through {self.name} just now{detail}; try again later.",
                code=code,
                connection=self.name,
            )
        if code in CLEARINGHOUSE_BUSY_CODES or (status >= 500 and not envelope.ok):
            raise ClearinghouseDown(
                f"The clearinghouse {self.name} is busy or failing ({code or status}){detail}.",
                code=code,
                connection=self.name,
            )
        if not envelope.ok:
            raise EnvelopeRejected(
                f"The clearinghouse {self.name} refused the request: {code}{detail}.",
                code=code,
                connection=self.name,
            )
        if status >= 300:
            raise ClearinghouseDown(
                f"The clearinghouse {self.name} failed (HTTP {status}).", connection=self.name
            )
        return envelope

    # -- messages ----------------------------------------------------------------

    def _did_not_answer(self) -> ClearinghouseDidNotAnswer:
        return ClearinghouseDidNotAnswer(
            f"The clearinghouse {self.name} did not answer within {self.budget:g} seconds.",
            connection=self.name,
        )

    def _bad_credentials(self) -> BadCredentials:
        return BadCredentials(
            f"The clearinghouse {self.name} refused the user name or password for "
            f"{self.username!r}; check the connection's credentials.",
            code="UnAuthorized",
            connection=self.name,
        )

    @staticmethod
    def _with_tries(message: str, made: int) -> str:
        if made <= 1:
            return message
        return f"{message.removesuffix('.')} (asked {made} times)."


def _reason(exc: BaseException) -> str:
    if isinstance(exc, ConnectionRefusedError):
        return "connection refused"
    if isinstance(exc, ConnectionResetError):
        return "connection reset"
    if isinstance(exc, socket.gaierror):
        return "host name not found"
    return type(exc).__name__
