"""A session idle longer than CLEANCLAIM_SESSION_IDLE_MINUTES is signed out."""

from __future__ import annotations

import time

from django.test import Client
from django.urls import reverse

from cleanclaim.tenancy.permissions import Role
from cleanclaim.testing.personas import World
from cleanclaim.web.middleware import SESSION_KEY


def _client(world: World) -> Client:
    client = Client()
    client.force_login(world.home.users[Role.FRONT_DESK])
    return client


def _age_session(client: Client, seconds: float) -> None:
    session = client.session
    session[SESSION_KEY] = time.time() - seconds
    session.save()


def test_it_keeps_an_active_session(world: World, settings) -> None:  # type: ignore[no-untyped-def]
    settings.SESSION_IDLE_MINUTES = 15
    client = _client(world)
    assert client.get(reverse("patients:list")).status_code == 200
    _age_session(client, 14 * 60)
    assert client.get(reverse("patients:list")).status_code == 200


def test_it_signs_out_an_idle_session(world: World, settings) -> None:  # type: ignore[no-untyped-def]
    settings.SESSION_IDLE_MINUTES = 15
    client = _client(world)
    assert client.get(reverse("patients:list")).status_code == 200
    _age_session(client, 15 * 60 + 5)
    response = client.get(reverse("patients:list"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))
    assert "_auth_user_id" not in client.session


def test_it_sends_an_htmx_request_to_sign_in_as_a_whole_page(world: World, settings) -> None:  # type: ignore[no-untyped-def]
    settings.SESSION_IDLE_MINUTES = 15
    client = _client(world)
    client.get(reverse("patients:list"))
    _age_session(client, 16 * 60)
    response = client.get(reverse("patients:list"), {"q": "x"}, HTTP_HX_REQUEST="true")
    assert response["HX-Redirect"] == reverse("login")
