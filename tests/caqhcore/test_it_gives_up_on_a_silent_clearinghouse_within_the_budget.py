"""A clearinghouse that takes the request and never answers: "did not answer", within the budget."""

from __future__ import annotations

import time

import pytest

from cleanclaim.caqhcore import X12_270_REQUEST, ClearinghouseDidNotAnswer

from .conftest import client_for

BUDGET = 2.0
MARGIN = 0.5


@pytest.mark.parametrize("form", ["mime", "soap"])
def test_it_says_the_clearinghouse_did_not_answer(core_server, answer_271, x12_270, form):
    server = core_server(answer_271, delay=lambda envelope: 3600.0)
    client = client_for(server.url, form=form, budget=BUDGET, attempts=3, backoff=0.1)

    start = time.monotonic()
    with pytest.raises(ClearinghouseDidNotAnswer) as caught:
        client.exchange(X12_270_REQUEST, x12_270)
    elapsed = time.monotonic() - start

    assert BUDGET - 0.1 <= elapsed < BUDGET + MARGIN
    assert caught.value.message == "The clearinghouse Sandbox did not answer within 2 seconds."
    assert caught.value.connection == "Sandbox"
    assert server.requests == 1  # the first try used the whole budget: no second
