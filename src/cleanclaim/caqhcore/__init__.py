"""cleanclaim.caqhcore -- the CAQH CORE connectivity envelope and client (plain Python).

Real-time X12 (270/271, 276/277, 278) over HTTPS in the CORE connectivity rule's
envelope, in its MIME multipart and SOAP forms (issue 14; CAQH CORE Connectivity
Rule vC2.2.0). See docs/caqh-core.md.

Public API (stable; additions only)::

    from cleanclaim.caqhcore import CoreClient, X12_270_REQUEST, CoreError

    client = CoreClient(url, user, password, sender_id, receiver_id, name="Sandbox")
    try:
        result = client.exchange(X12_270_REQUEST, x12_270_bytes)   # within 20 s
        result.envelope.payload                                     # the 271
    except CoreError as exc:
        exc.message, exc.retryable                                  # plain words

Modules: :mod:`.envelope` (the metadata, payload types, checks), :mod:`.mime` and
:mod:`.soap` (the two forms, both directions), :mod:`.errors`, :mod:`.client`.
A server side (the sandbox's endpoint) is :mod:`cleanclaim.sandbox.core_server`.
"""

from __future__ import annotations

from .client import DEFAULT_BUDGET, CoreClient, CoreResult
from .envelope import (
    CORE_RULE_VERSION,
    REAL_TIME,
    RESPONSE_FOR,
    X12_270_REQUEST,
    X12_271_RESPONSE,
    X12_276_REQUEST,
    X12_277_RESPONSE,
    X12_278_REQUEST,
    X12_278_RESPONSE,
    X12_999_RESPONSE,
    CoreEnvelope,
)
from .errors import (
    BadCredentials,
    ClearinghouseDidNotAnswer,
    ClearinghouseDown,
    CoreError,
    CoreFault,
    EnvelopeRejected,
    MalformedMessage,
    PayerDown,
)

__all__ = [
    "CORE_RULE_VERSION",
    "DEFAULT_BUDGET",
    "REAL_TIME",
    "RESPONSE_FOR",
    "X12_270_REQUEST",
    "X12_271_RESPONSE",
    "X12_276_REQUEST",
    "X12_277_RESPONSE",
    "X12_278_REQUEST",
    "X12_278_RESPONSE",
    "X12_999_RESPONSE",
    "BadCredentials",
    "ClearinghouseDidNotAnswer",
    "ClearinghouseDown",
    "CoreClient",
    "CoreEnvelope",
    "CoreError",
    "CoreFault",
    "CoreResult",
    "EnvelopeRejected",
    "MalformedMessage",
    "PayerDown",
]
