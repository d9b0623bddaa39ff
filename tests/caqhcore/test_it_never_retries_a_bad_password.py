"""A refused password is HTTP 401 and ``BadCredentials``, asked once, never retried."""

from __future__ import annotations

import pytest

from cleanclaim.caqhcore import X12_270_REQUEST, BadCredentials

from .conftest import client_for


@pytest.mark.parametrize("form", ["mime", "soap"])
def test_it_reports_bad_credentials_without_retrying(core_server, answer_271, x12_270, form):
    calls = []
    server = core_server(lambda envelope: calls.append(envelope) or answer_271(envelope))
    client = client_for(server.url, form=form, password="wrong", attempts=3)

    with pytest.raises(BadCredentials) as caught:
        client.exchange(X12_270_REQUEST, x12_270)

    assert server.requests == 1
    assert calls == []
    assert not caught.value.retryable
    assert "refused the user name or password for 'riverside'" in caught.value.message
    assert "wrong" not in caught.value.message and "wrong" not in repr(client)
