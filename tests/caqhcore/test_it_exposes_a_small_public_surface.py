"""The engine's public surface is what ``__all__`` names, and every name there exists."""

from __future__ import annotations

import cleanclaim.caqhcore as caqhcore
from cleanclaim.caqhcore import client, envelope, errors, mime, soap


def test_it_exports_exactly_the_documented_names():
    assert set(caqhcore.__all__) == {
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
    }


def test_every_exported_name_exists():
    for module in (caqhcore, client, envelope, errors, mime, soap):
        for name in module.__all__:
            assert hasattr(module, name), f"{module.__name__}.{name}"


def test_the_payload_types_are_the_rules_names():
    assert caqhcore.X12_270_REQUEST == "X12_270_Request_005010X279A1"
    assert caqhcore.X12_276_REQUEST == "X12_276_Request_005010X212"
    assert caqhcore.X12_278_REQUEST == "X12_278_Request_005010X217"
    assert caqhcore.X12_999_RESPONSE == "X12_999_Response_005010X231A1"
    assert caqhcore.RESPONSE_FOR[caqhcore.X12_270_REQUEST] == "X12_271_Response_005010X279A1"


def test_every_client_error_is_a_core_error():
    for name in (
        "BadCredentials",
        "ClearinghouseDidNotAnswer",
        "ClearinghouseDown",
        "EnvelopeRejected",
        "MalformedMessage",
        "PayerDown",
    ):
        assert issubclass(getattr(caqhcore, name), caqhcore.CoreError)
