"""Errors of the CORE real-time exchange, in plain words.

The client raises one :class:`CoreError` family; each error's ``message`` names the
connection and says what happened in words a biller understands, and ``retryable``
says whether asking again may help. A server side (the sandbox's CORE endpoint)
raises :class:`CoreFault` to answer with a CORE error envelope (``ErrorCode`` and
``ErrorMessage``, CAQH CORE Connectivity Rule vC2.2.0 §4.4, the envelope metadata).

Error codes (``ErrorCode``): the rule's own are ``Success``, ``<Field>Required`` and
``<Field>Illegal`` for each envelope field, ``VersionMismatch`` and ``UnAuthorized``
(HTTP 401). The rule leaves a receiver that cannot be reached to the server's
companion guide; we answer ``ReceiverUnavailable`` and read the spellings in
:data:`RECEIVER_UNAVAILABLE_CODES` as "the payer is down" (docs/caqh-core.md).
"""

from __future__ import annotations

__all__ = [
    "BAD_CREDENTIALS_CODES",
    "CLEARINGHOUSE_BUSY_CODES",
    "RECEIVER_UNAVAILABLE",
    "RECEIVER_UNAVAILABLE_CODES",
    "SUCCESS",
    "UNAUTHORIZED",
    "VERSION_MISMATCH",
    "BadCredentials",
    "ClearinghouseDidNotAnswer",
    "ClearinghouseDown",
    "CoreError",
    "CoreFault",
    "EnvelopeRejected",
    "MalformedMessage",
    "PayerDown",
]

SUCCESS = "Success"
UNAUTHORIZED = "UnAuthorized"
VERSION_MISMATCH = "VersionMismatch"
RECEIVER_UNAVAILABLE = "ReceiverUnavailable"
#: Codes read as "the payer (the envelope's receiver) is unavailable".
RECEIVER_UNAVAILABLE_CODES = frozenset(
    {"ReceiverUnavailable", "ReceiverDown", "PayerUnavailable", "PayerDown"}
)
#: Codes read as "the clearinghouse itself is busy or failing" (worth a retry).
CLEARINGHOUSE_BUSY_CODES = frozenset({"ServerBusy", "ServerError", "ServiceUnavailable"})
BAD_CREDENTIALS_CODES = frozenset({"UnAuthorized", "Unauthorized"})


class CoreError(Exception):
    """A real-time exchange that gave no usable answer.

    ``message`` is the plain sentence to show; ``code`` the CORE ``ErrorCode`` when
    the clearinghouse sent one; ``connection`` the connection's name.
    """

    retryable: bool = False

    def __init__(
        self,
        message: str,
        *,
        code: str = "",
        connection: str = "",
        retryable: bool | None = None,
    ) -> None:
        super().__init__(message)
        self.message = message
        self.code = code
        self.connection = connection
        if retryable is not None:
            self.retryable = retryable


class ClearinghouseDidNotAnswer(CoreError):
    """No answer within the time budget (the rule's 20-second real-time response)."""

    retryable = True


class ClearinghouseDown(CoreError):
    """The clearinghouse refused the connection, could not be reached, or failed (5xx)."""

    retryable = True


class PayerDown(CoreError):
    """The clearinghouse answered that the payer (the envelope's receiver) is unavailable."""

    retryable = True


class BadCredentials(CoreError):
    """The clearinghouse refused the user name or password (HTTP 401, ``UnAuthorized``)."""

    retryable = False


class EnvelopeRejected(CoreError):
    """The clearinghouse refused the envelope with another CORE error code."""

    retryable = False


class MalformedMessage(CoreError):
    """A message that is not a CORE envelope in the form it claims (decoders raise it)."""

    retryable = False


class CoreFault(Exception):
    """Raised by a server-side handler: answered as a CORE error envelope."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(f"{code}: {message}")
        self.code = code
        self.message = message
