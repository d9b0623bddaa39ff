"""Nobody listening: retried with backoff inside the budget, then "could not be reached"."""

from __future__ import annotations

import time

import pytest

from cleanclaim.caqhcore import X12_270_REQUEST, ClearinghouseDown

from .conftest import client_for, free_port


def test_it_reports_the_clearinghouse_down_within_the_budget(x12_270):
    client = client_for(f"http://127.0.0.1:{free_port()}/core", budget=2.0, attempts=3, backoff=0.1)

    start = time.monotonic()
    with pytest.raises(ClearinghouseDown) as caught:
        client.exchange(X12_270_REQUEST, x12_270)

    assert time.monotonic() - start < 2.0
    assert caught.value.message == (
        "The clearinghouse Sandbox could not be reached (connection refused) (asked 3 times)."
    )
    assert caught.value.retryable


def test_it_never_waits_past_the_budget_between_tries(x12_270):
    client = client_for(f"http://127.0.0.1:{free_port()}/core", budget=1.0, attempts=5, backoff=5.0)

    start = time.monotonic()
    with pytest.raises(ClearinghouseDown):
        client.exchange(X12_270_REQUEST, x12_270)

    assert time.monotonic() - start < 1.2
