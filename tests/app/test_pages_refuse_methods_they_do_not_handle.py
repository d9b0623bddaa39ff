"""PUT, DELETE, TRACE and PATCH answer 405 on every URL that does not handle them
(pages and API operations alike), whoever asks: a page that answered 200 to any
method hid what it really accepts."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from cleanclaim.tenancy.permissions import Role
from cleanclaim.testing.personas import World

from .url_registry import REGISTRY

pytestmark = pytest.mark.django_db

METHODS = ("PUT", "DELETE", "TRACE", "PATCH")


def _handled(key: str) -> set[str]:
    """The methods the registry lists for this URL (API operations: one key per method)."""
    name = key.split(" ", 1)[-1]
    return {k.split(" ", 1)[0] for k in REGISTRY if " " in k and k.split(" ", 1)[1] == name}


def test_it_answers_405_to_methods_a_url_does_not_handle(world: World) -> None:
    admin = Client()
    admin.force_login(world.home.users[Role.ADMIN])
    failures = []
    for key, entry in sorted(REGISTRY.items()):
        url = reverse(key.split(" ", 1)[-1], kwargs=entry.args(world))
        if entry.method == "GET" and admin.get(url).status_code == 404:
            continue  # nothing there yet (the API root before its index page)
        for method in METHODS:
            if method in _handled(key):
                continue
            for who, client in (("anonymous", Client()), ("admin", admin)):
                status = client.generic(method, url).status_code
                if status != 405:
                    failures.append(f"{method} {url} ({key}) as {who}: {status}")
    assert not failures, "\n".join(failures)


def test_it_still_answers_the_methods_a_page_handles(world: World) -> None:
    desk = Client()
    desk.force_login(world.home.users[Role.FRONT_DESK])
    assert desk.get(reverse("patients:list")).status_code == 200
    assert desk.post(reverse("patients:list"), {"q": "x"}).status_code == 200
    response = desk.put(reverse("patients:list"))
    assert response.status_code == 405
    assert response["Allow"] == "GET, POST"
