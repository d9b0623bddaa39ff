"""``/api/contacts`` and ``/api/calls``: scoped, audited, version-checked."""

from __future__ import annotations

import json
from typing import Any

from django.test import Client

from cleanclaim.audit.models import AuditEntry
from cleanclaim.payercalls.models import Call, Contact
from cleanclaim.payers.models import Payer
from cleanclaim.tenancy.permissions import Role
from cleanclaim.testing.personas import World


def _client(world: World, role: Role, tenant: str = "home") -> Client:
    client = Client()
    client.force_login(getattr(world, tenant).users[role])
    return client


def _send(client: Client, method: str, url: str, body: dict[str, Any]) -> Any:
    return client.generic(method, url, json.dumps(body), content_type="application/json")


def test_it_adds_and_lists_contacts(world: World) -> None:
    client = _client(world, Role.BILLER)
    body = {"payer_id": world.home.payer.pk, "role": "credentialing", "name": "Cred desk"}
    refused = _send(client, "POST", "/api/contacts", body)
    assert refused.status_code == 422  # neither phone nor email
    assert "phone number or an email" in refused.json()["detail"]
    made = _send(client, "POST", "/api/contacts", {**body, "email": "cred@example.test"})
    assert made.status_code == 201
    listed = client.get(f"/api/contacts?payer={world.home.payer.pk}").json()
    assert {c["name"] for c in listed} == {"Cred desk", world.home.contact.name}  # type: ignore[union-attr]
    assert AuditEntry.objects.filter(model="payercalls.Contact", via="api").count() == 1


def test_it_refuses_a_contact_at_another_organisations_payer(world: World) -> None:
    body = {"payer_id": world.outsider.payer.pk, "role": "claims", "name": "X", "phone": "1"}
    assert _send(_client(world, Role.MANAGER), "POST", "/api/contacts", body).status_code == 404


def test_it_deactivates_a_contact_at_its_version(world: World) -> None:
    contact = world.home.contact
    assert contact is not None
    url = f"/api/contacts/{contact.pk}"
    client = _client(world, Role.MANAGER)
    assert _send(client, "PATCH", url, {"active": False}).status_code == 428
    assert _send(client, "PATCH", url, {"active": False, "version": 1}).status_code == 200
    stale = _send(client, "PATCH", url, {"hours": "never", "version": 1})
    assert stale.status_code == 409
    assert not Contact.objects.get(pk=contact.pk).active


def test_it_logs_a_call_about_a_patient_and_lists_it_when_due(world: World) -> None:
    client = _client(world, Role.BILLER)
    body = {
        "practice_id": world.home.practice.pk,
        "payer_id": world.home.payer.pk,
        "called_at": "2026-11-30T10:00:00Z",
        "patient_id": world.home.patient.pk,
        "contact_id": world.home.contact.pk,  # type: ignore[union-attr]
        "reference": "API-REF-1",
        "learned": "Resubmit with the NDC",
        "follow_up_on": "2020-01-01",
    }
    made = _send(client, "POST", "/api/calls", body)
    assert made.status_code == 201, made.content
    call = Call.objects.get(reference="API-REF-1")
    assert made.json()["patient_id"] == world.home.patient.pk
    due = client.get("/api/calls?due=true").json()
    assert [c["reference"] for c in due] == ["API-REF-1", world.home.call.reference]  # type: ignore[union-attr]
    done = _send(client, "PATCH", f"/api/calls/{call.pk}", {"done": True, "version": 1})
    assert done.status_code == 200 and done.json()["done"] is True
    assert "API-REF-1" not in [c["reference"] for c in client.get("/api/calls?due=true").json()]
    reads = AuditEntry.objects.filter(model="payercalls.Call", action="read", via="api")
    assert reads.count() == 2


def test_it_refuses_a_patient_of_another_organisation(world: World) -> None:
    body = {
        "practice_id": world.home.practice.pk,
        "payer_id": world.home.payer.pk,
        "called_at": "2026-11-30T10:00:00Z",
        "patient_id": world.outsider.patient.pk,
        "learned": "x",
    }
    response = _send(_client(world, Role.BILLER), "POST", "/api/calls", body)
    assert response.status_code == 404
    assert not Call.objects.filter(learned="x").exists()


def test_it_refuses_a_contact_of_another_payer_naming_the_field(world: World) -> None:
    other_payer = Payer.objects.create(
        organisation=world.home.organisation,
        name="Other Mutual",
        payer_id="OTH01",
        kind="commercial",
        timely_amount=90,
    )
    other = Contact.objects.create(payer=other_payer, role="claims", name="Oz", phone="555-0100")
    body = {
        "practice_id": world.home.practice.pk,
        "payer_id": world.home.payer.pk,
        "called_at": "2026-11-30T10:00:00Z",
        "contact_id": other.pk,
        "learned": "x",
    }
    response = _send(_client(world, Role.BILLER), "POST", "/api/calls", body)
    assert response.status_code == 422
    assert response.json()["errors"] == {
        "contact": ["this contact is not one of Northside Mutual's contacts"]
    }


def test_it_names_a_bad_value(world: World) -> None:
    body = {
        "practice_id": world.home.practice.pk,
        "payer_id": world.home.payer.pk,
        "called_at": "not a date",
        "learned": "x",
    }
    response = _send(_client(world, Role.BILLER), "POST", "/api/calls", body)
    assert response.status_code == 422
    assert "called_at" in response.json()["detail"]


def test_it_shows_an_outsider_none_of_the_calls(world: World) -> None:
    client = _client(world, Role.BILLER, tenant="outsider")
    refs = [c["reference"] for c in client.get("/api/calls").json()]
    assert refs == [world.outsider.call.reference]  # type: ignore[union-attr]
    assert client.get(f"/api/calls/{world.home.call.pk}").status_code == 404  # type: ignore[union-attr]
