"""The 278 request we write for a coverage validates clean with our 005010X217 guide and
reads back as a request for the codes asked; an answer (A1 certified with a number,
A3 not certified, A4 pended) is recorded as an approved, denied or requested
authorization with both raw texts kept."""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal

import pytest
import time_machine

from cleanclaim.audit.actor import Actor
from cleanclaim.authorizations.actions import Invalid
from cleanclaim.authorizations.x278 import request_authorization, request_x12
from cleanclaim.testing.personas import World
from cleanclaim.x12 import parse, validate, write_json

NOW = dt.datetime(2026, 3, 12, 15, tzinfo=dt.UTC)
START, END = dt.date(2026, 3, 16), dt.date(2026, 5, 15)


def _answer(request: str, action: str, number: str = "", reason: str = "") -> str:
    req = parse(request).transactions[0].data.review
    decision = {"action": action, "certification_number": number, "reason": reason}
    tx = {
        "transaction_set": "278",
        "kind": "response",
        "control_number": "0001",
        "reference": "PA1",
        "created": "2026-03-12",
        "umo": {"name": "NORTHSIDE MUTUAL", "id": "NOR01"},
        "requester": {"name": "CLINIC", "npi": req.requester.name.identification_code},
        "subscriber": {
            "last_name": "DOE",
            "first_name": "X",
            "member_id": req.subscriber.name.identification_code,
        },
        "event": {
            "request_category": "HS",
            "certification_type": "I",
            "decision": {k: v for k, v in decision.items() if v},
        },
    }
    return str(
        write_json(json.loads(json.dumps({"x12_json_version": "1", "transactions": [tx]})), now=NOW)
    )


@time_machine.travel(NOW, tick=False)
def test_the_278_we_write_validates_clean(world: World) -> None:
    text = request_x12(world.home.coverage, ["97110", "97140"], START, END, diagnoses=["M54.50"])
    parsed = validate(parse(text))
    assert parsed.findings() == []
    (t,) = parsed.transactions
    assert t.data.kind == "request"
    assert [s.procedure.code for s in t.data.review.event.services] == ["97110", "97140"]
    assert t.data.review.subscriber.name.identification_code == world.home.coverage.member_id


@time_machine.travel(NOW, tick=False)
@pytest.mark.parametrize(
    ("action", "status", "number"),
    [("A1", "approved", "PA7788"), ("A3", "denied", ""), ("A4", "requested", "")],
)
def test_the_answer_is_recorded(
    world: World, actor: Actor, action: str, status: str, number: str
) -> None:
    sent: list[str] = []

    def send(text: str) -> str:
        sent.append(text)
        return _answer(text, action, number, "" if number else "0U")

    auth = request_authorization(
        actor, world.home.coverage, ["97110"], START, END, send, units=Decimal(12)
    )
    assert (auth.status, auth.number, auth.source) == (status, number, "278")
    assert auth.request_x12 == sent[0] and auth.response_x12.startswith("ISA")


@time_machine.travel(NOW, tick=False)
def test_an_answer_that_is_not_a_278_response_is_refused(world: World, actor: Actor) -> None:
    with pytest.raises(Invalid, match="no 278 response"):
        request_authorization(actor, world.home.coverage, ["97110"], START, END, lambda t: t)
