"""``/api/statements``: a run, a payment (money as a string, recorded once per key), the
guarantor's ledger; another organisation's token sees and changes nothing."""

from __future__ import annotations

from decimal import Decimal

import time_machine

from cleanclaim.ledger import actions as ledger
from cleanclaim.tenancy.permissions import Role

from .helpers import answered_visit


@time_machine.travel("2026-03-01 12:00:00+00:00", tick=False)
def test_it_runs_pays_and_answers_only_its_own_practices(world, client) -> None:
    answered_visit(world)
    home, patient = world.home, world.home.patient
    client.force_login(home.users[Role.BILLER])
    made = client.post(
        "/api/statements/runs",
        {"practice": home.practice.pk, "date": "2026-03-01"},
        content_type="application/json",
    )
    assert made.status_code == 201, made.content
    body = made.json()
    assert body["made"] == 1 and body["statements"][0]["amount_due"] == "25.00"
    statement_id = body["statements"][0]["id"]
    url = f"/api/statements/{statement_id}/payments"
    floaty = client.post(
        url, {"amount": 10.5, "method": "card", "key": "A1"}, content_type="application/json"
    )
    assert floaty.status_code == 422
    paid = client.post(
        url, {"amount": "10.00", "method": "card", "key": "A1"}, content_type="application/json"
    )
    assert paid.status_code == 201 and paid.json()["balance"]["patient"] == "15.00"
    again = client.post(
        url, {"amount": "10.00", "method": "card", "key": "A1"}, content_type="application/json"
    )
    assert again.status_code == 200 and again.json()["entries"] == []
    assert ledger.balance(patient)["patient"] == Decimal("15.00")
    book = client.get(f"/api/statements/ledger/{patient.pk}").json()
    assert book["balance"]["patient"] == "15.00"
    assert [e["running"] for e in book["entries"] if e["bucket"] == "patient"] == [
        "25.00",
        "15.00",
    ]

    client.force_login(world.outsider.users[Role.BILLER])
    assert client.get(f"/api/statements/ledger/{patient.pk}").status_code == 404
    assert client.get("/api/statements/runs").json() == []
    stolen = client.post(
        url, {"amount": "10.00", "method": "card", "key": "B1"}, content_type="application/json"
    )
    assert stolen.status_code == 404
    outsider_run = client.post(
        "/api/statements/runs",
        {"practice": home.practice.pk, "date": "2026-03-01"},
        content_type="application/json",
    )
    assert outsider_run.status_code == 404
    assert ledger.balance(patient)["patient"] == Decimal("15.00")
