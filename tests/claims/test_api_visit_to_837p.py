"""Through the API: a coder creates a visit, a biller builds its claim, reads its events
and downloads an 837P that pyx12 accepts; a claim with an error is refused at queueing
with its findings; bad input is a 422 naming the field, with nothing written."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from typing import Any

import time_machine
from django.test import Client

from cleanclaim.claims.models import Claim, Encounter
from cleanclaim.tenancy.permissions import Role
from cleanclaim.testing.personas import World

Referee = Callable[[str], tuple[bool, list[dict[str, Any]]]]


def _client(world: World, role: Role) -> Client:
    client = Client()
    client.force_login(world.home.users[role])
    return client


def _post(client: Client, url: str, body: dict[str, Any]) -> Any:
    return client.post(url, json.dumps(body), content_type="application/json")


def _visit(world: World, **overrides: Any) -> dict[str, Any]:
    body: dict[str, Any] = {
        "patient_id": world.home.patient.pk,
        "provider_npi": world.home.provider.npi,
        "date_of_service": "2026-11-20",
        "location_id": world.home.location.pk,
        "diagnoses": ["I10", "E11.9"],
        "lines": [
            {"procedure": "99213", "modifiers": ["25"], "charge": "125.00", "pointers": ["A", "B"]},
            {"procedure": "36415", "charge": "15.00", "pointers": ["B"]},
        ],
    }
    body.update(overrides)
    return body


@time_machine.travel(dt.datetime(2026, 12, 1, 15, tzinfo=dt.UTC), tick=False)
def test_visit_to_claim_to_837p(world: World, pyx12_validate: Referee) -> None:
    coder, biller = _client(world, Role.CODER), _client(world, Role.BILLER)
    made = _post(coder, "/api/encounters", _visit(world))
    assert made.status_code == 201, made.content
    encounter = made.json()
    assert encounter["diagnoses"] == ["I10", "E11.9"]
    assert [ln["pointers"] for ln in encounter["lines"]] == [["A", "B"], ["B"]]

    built = biller.post(f"/api/encounters/{encounter['id']}/claim")
    assert built.status_code == 201, built.content
    claim = built.json()
    assert claim["total_charge"] == "140.00"
    assert claim["status"] in ("ready", "errors")
    assert claim["status"] == (
        "errors" if any(f["severity"] == "error" for f in claim["findings"]) else "ready"
    )

    events = biller.get(f"/api/claims/{claim['id']}/events").json()
    assert [e["kind"] for e in events] == ["created", "scrubbed"]
    assert events[0]["by"] == world.home.users[Role.BILLER].email

    x12 = biller.get(f"/api/claims/{claim['id']}/837p")
    assert x12.status_code == 200
    text = x12.content.decode()
    assert text.startswith("ISA*") and f"CLM*{claim['number']}*140*" in text
    assert "SV1*HC:99213:25*125*UN*1***1:2" in text
    ok, errors = pyx12_validate(text)
    assert ok and errors == [], errors


def test_a_claim_with_an_error_is_refused_at_queueing(world: World) -> None:
    coder, biller = _client(world, Role.CODER), _client(world, Role.BILLER)
    body = _visit(
        world,
        diagnoses=["E11"],
        lines=[{"procedure": "99213", "charge": "125.00", "pointers": ["A"]}],
    )
    encounter = _post(coder, "/api/encounters", body).json()
    claim = biller.post(f"/api/encounters/{encounter['id']}/claim").json()
    refused = _post(biller, f"/api/claims/{claim['id']}/queue", {"acknowledge": []})
    assert refused.status_code == 422
    answer = refused.json()
    assert "DX-NB-001" in answer["errors"]
    assert any(f["id"] == "DX-NB-001" and f["fix"] for f in answer["findings"])
    assert Claim.objects.get(pk=claim["id"]).status == "errors"


def test_bad_input_names_the_field_and_writes_nothing(world: World) -> None:
    coder = _client(world, Role.CODER)
    before = Encounter.objects.count()
    bad = _post(coder, "/api/encounters", _visit(world, diagnoses=["I10", "NOPE1"]))
    assert bad.status_code == 422
    assert "diagnoses[1]" in bad.json()["errors"]
    bad = _post(
        coder,
        "/api/encounters",
        _visit(world, lines=[{"procedure": "99213", "charge": "1", "pointers": ["C"]}]),
    )
    assert bad.status_code == 422 and "lines[0].pointers" in bad.json()["errors"]
    wrong = _post(coder, "/api/encounters", _visit(world, patient_id=world.outsider.patient.pk))
    assert wrong.status_code == 422 and wrong.json()["detail"].startswith("patient_id")
    assert Encounter.objects.count() == before


def test_a_coder_cannot_build_claims(world: World) -> None:
    coder = _client(world, Role.CODER)
    assert coder.post(f"/api/encounters/{world.home.encounter.pk}/claim").status_code == 403


@time_machine.travel(dt.datetime(2026, 12, 1, 15, tzinfo=dt.UTC), tick=False)
def test_a_line_sent_without_a_charge_is_billed_at_the_fee_schedules(world: World) -> None:
    coder, biller = _client(world, Role.CODER), _client(world, Role.BILLER)
    body = _visit(world, lines=[{"procedure": "99213", "pointers": ["A"]}])
    made = _post(coder, "/api/encounters", body)
    assert made.status_code == 201, made.content
    assert made.json()["lines"][0]["charge"] is None
    built = biller.post(f"/api/encounters/{made.json()['id']}/claim")
    assert built.status_code == 201, built.content
    assert built.json()["total_charge"] == "120.00"  # the test world's schedule: 99213
