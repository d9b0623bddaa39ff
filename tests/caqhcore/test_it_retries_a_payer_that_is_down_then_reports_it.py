"""The clearinghouse says the payer is unavailable: asked again with backoff, then ``PayerDown``."""

from __future__ import annotations

import pytest

from cleanclaim.caqhcore import X12_270_REQUEST, X12_271_RESPONSE, CoreFault, PayerDown

from .conftest import client_for


def _payer_down(envelope):
    raise CoreFault("ReceiverUnavailable", "payer SANDBOX01 is not answering")


def test_it_retries_then_reports_the_payer_down(core_server, x12_270):
    server = core_server(_payer_down)
    client = client_for(server.url, attempts=3, backoff=0.05, budget=5.0)

    with pytest.raises(PayerDown) as caught:
        client.exchange(X12_270_REQUEST, x12_270)

    assert server.requests == 3
    assert caught.value.code == "ReceiverUnavailable"
    assert caught.value.message == (
        "The payer SANDBOX01 is not answering through Sandbox just now "
        "(payer SANDBOX01 is not answering); try again later (asked 3 times)."
    )


def test_it_takes_the_answer_when_the_payer_comes_back(core_server, x12_270, x12_271):
    calls = []

    def handler(envelope):
        calls.append(envelope.payload_id)
        if len(calls) == 1:
            _payer_down(envelope)
        return X12_271_RESPONSE, x12_271

    server = core_server(handler)
    result = client_for(server.url, attempts=3, backoff=0.05).exchange(X12_270_REQUEST, x12_270)

    assert result.attempts == 2
    assert result.envelope.payload == x12_271
    assert calls[0] == calls[1]  # a retry is the same envelope (same PayloadID)
