"""A 270 sent through the client to a CORE endpoint comes back as the 271, well within 20 s."""

from __future__ import annotations

import pytest

from cleanclaim.caqhcore import X12_270_REQUEST, X12_271_RESPONSE
from cleanclaim.x12 import parse, validate

from .conftest import client_for


@pytest.mark.parametrize("form", ["mime", "soap"])
def test_it_answers_a_270_with_the_271(core_server, answer_271, x12_270, x12_271, form):
    seen = []

    def handler(envelope):
        seen.append(envelope)
        return answer_271(envelope)

    server = core_server(handler)
    result = client_for(server.url, form=form).exchange(X12_270_REQUEST, x12_270)

    assert result.envelope.payload == x12_271
    assert result.envelope.payload_type == X12_271_RESPONSE
    assert result.envelope.error_code == "Success"
    assert result.attempts == 1
    assert result.elapsed < 2.0  # the budget is 20 s
    assert seen[0].payload == x12_270
    assert seen[0].sender_id == "CLEANCLAIM" and seen[0].receiver_id == "SANDBOX01"
    assert result.envelope.payload_id == seen[0].payload_id
    doc = parse(result.envelope.payload)
    validate(doc)
    assert [t.ts.set_id for t in doc.transactions] == ["271"]
    assert [f for t in doc.transactions for f in t.findings] == []
