"""``/api/`` answers a JSON index (version, links to the schema and the docs page) and any
``/api/...`` path that no operation serves answers a JSON 404, not Django's HTML page."""

from __future__ import annotations

import pytest
from django.test import Client

from cleanclaim import __version__
from cleanclaim.tenancy.permissions import Role
from cleanclaim.testing.personas import World

pytestmark = pytest.mark.django_db


def test_it_answers_the_api_root_with_a_json_index() -> None:
    r = Client().get("/api/")
    assert r.status_code == 200 and r["Content-Type"] == "application/json"
    doc = r.json()
    assert doc["version"] == "1" and doc["cleanclaim"] == __version__
    assert doc["schema"] == "http://testserver/api/openapi.json"
    assert doc["docs"] == "http://testserver/api/docs/"
    assert Client().get("/api/openapi.json").status_code in (200, 401)  # the link resolves


@pytest.mark.parametrize("path", ["/api/nope", "/api/patients/1/unknown", "/api/me/x/y"])
def test_it_answers_an_unknown_api_path_with_json_404(path: str) -> None:
    r = Client().get(path)
    assert r.status_code == 404
    assert r["Content-Type"] == "application/json"
    assert path in r.json()["detail"]


def test_the_docs_page_lists_every_operation(world: World) -> None:
    client = Client()
    client.force_login(world.home.users[Role.BILLER])
    body = client.get("/api/docs/").content.decode()
    for op in ("<code>/api/scrub</code>", "<code>/api/me</code>", "<code>/api/patients</code>"):
        assert op in body, op
    assert Client().get("/api/docs/").status_code == 302  # signed in only
