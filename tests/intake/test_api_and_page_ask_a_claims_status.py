"""``POST /api/claims/{id}/status`` and the claim page's button ask the payer (276);
another organisation's user gets 404; the inquiry is audited."""

from __future__ import annotations

import pytest
from django.test import Client

from cleanclaim.audit.actor import Actor
from cleanclaim.audit.models import AuditEntry
from cleanclaim.claims import status_inquiry
from cleanclaim.clearinghouses.models import Connection
from cleanclaim.tenancy.permissions import Role
from cleanclaim.testing.acknowledgments import status_277
from cleanclaim.testing.personas import World

from .conftest import new_claim, send


@pytest.fixture
def answered(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(
        status_inquiry,
        "_exchange",
        lambda conn, kind, x12: status_277(x12.decode().split("TRN*1*")[1].split("~")[0]),
    )


def test_the_api_answers_the_payers_status(
    world: World, actor: Actor, connection: Connection, answered: None
) -> None:
    claim = new_claim(world, actor)
    send(actor, connection, [claim])
    client = Client()
    client.force_login(world.home.users[Role.BILLER])
    response = client.post(f"/api/claims/{claim.pk}/status")
    assert response.status_code == 200, response.content
    body = response.json()
    assert body["ok"] is True
    assert body["text"] == "Finalized: paid: Paid"
    assert body["statuses"][0]["paid"] == "100"
    assert claim.events.get(pk=body["event"]).kind == "status_answer"
    assert AuditEntry.objects.filter(
        object_pk=str(claim.pk), context__with__startswith="claim status inquiry"
    ).exists()


def test_the_api_refuses_a_claim_not_out(world: World, actor: Actor) -> None:
    claim = new_claim(world, actor)
    client = Client()
    client.force_login(world.home.users[Role.BILLER])
    response = client.post(f"/api/claims/{claim.pk}/status")
    assert response.status_code == 409
    assert "not out" in response.json()["detail"]


def test_another_organisation_gets_404(
    world: World, actor: Actor, connection: Connection, answered: None
) -> None:
    claim = new_claim(world, actor)
    send(actor, connection, [claim])
    client = Client()
    client.force_login(world.outsider.users[Role.BILLER])
    assert client.post(f"/api/claims/{claim.pk}/status").status_code == 404
    assert client.post(f"/claims/{claim.pk}/status/").status_code == 404
    assert claim.events.filter(kind="status_answer").count() == 0


def test_the_claim_page_button_asks_and_shows_the_answer(
    world: World, actor: Actor, connection: Connection, answered: None
) -> None:
    claim = new_claim(world, actor)
    send(actor, connection, [claim])
    client = Client()
    client.force_login(world.home.users[Role.BILLER])
    page = client.get(f"/claims/{claim.pk}/").content.decode()
    assert f'action="/claims/{claim.pk}/status/"' in page
    response = client.post(f"/claims/{claim.pk}/status/")
    assert response.status_code == 302
    page = client.get(f"/claims/{claim.pk}/").content.decode()
    assert "<strong>status_answer</strong>" in page
    assert "Finalized: paid: Paid" in page
