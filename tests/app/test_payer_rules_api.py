"""``/api/payer-rules/{payer}``: the rule set with its versions, a new version (422
listing each problem with its line, 409 over a newer version), one version, the
diff of two and a revert; scoped to the caller's organisation and audited."""

from __future__ import annotations

import json
from typing import Any

from django.test import Client

from cleanclaim.api.models import ApiToken
from cleanclaim.audit.models import AuditEntry
from cleanclaim.tenancy.permissions import Role
from cleanclaim.testing.personas import World

TEXT = """rules:
  - id: PT-UNITS
    payer: {pid}
    kind: units-limit
    codes: [97110-97799]
    units: 4
    per: day
    effective: 2026-01-01
    citation: contract section 7.2
    fix: Bill at most 4 units a day.
"""


def _client(world: World, role: Role) -> tuple[Client, dict[str, str]]:
    _, token = ApiToken.issue(world.home.users[role], "script")
    return Client(), {"HTTP_AUTHORIZATION": f"Bearer {token}"}


def _post(world: World, role: Role, url: str, body: Any) -> Any:
    client, auth = _client(world, role)
    return client.post(url, json.dumps(body), content_type="application/json", **auth)


def test_it_creates_lists_diffs_and_reverts_versions(world: World) -> None:
    payer = world.home.payer
    base = f"/api/payer-rules/{payer.pk}"
    one = TEXT.format(pid=payer.payer_id)
    r = _post(world, Role.MANAGER, f"{base}/versions", {"text": one, "why": "contract 2026"})
    assert r.status_code == 201, r.content
    assert r.json()["number"] == 1
    two = one.replace("units: 4", "units: 3")
    r = _post(
        world, Role.MANAGER, f"{base}/versions", {"text": two, "why": "amendment", "based_on": 1}
    )
    assert r.status_code == 201 and r.json()["number"] == 2
    client, auth = _client(world, Role.BILLER)
    got = client.get(base, **auth).json()
    assert got["current"] == 2 and [v["number"] for v in got["versions"]] == [2, 1]
    assert (
        got["rules"][0]["id"] == "PT-UNITS"
        and got["rules"][0]["citation"] == "contract section 7.2"
    )
    assert client.get(f"{base}/versions/1", **auth).json()["text"] == one
    diff = client.get(f"{base}/diff", {"a": 1, "b": 2}, **auth).json()["diff"]
    assert "-    units: 4" in diff and "+    units: 3" in diff
    r = _post(world, Role.MANAGER, f"{base}/revert", {"to": 1, "why": "amendment withdrawn"})
    assert r.status_code == 201 and (r.json()["number"], r.json()["reverted_from"]) == (3, 1)
    assert r.json()["text"] == one
    entries = AuditEntry.objects.filter(model="payerrules.RuleVersion", action="create")
    assert entries.count() == 3 and {e.via for e in entries} == {"api"}


def test_it_answers_422_with_each_problem_and_its_line(world: World) -> None:
    payer = world.home.payer
    bad = TEXT.format(pid=payer.payer_id).replace("units: 4", "units: many").replace("day", "week")
    r = _post(
        world, Role.MANAGER, f"/api/payer-rules/{payer.pk}/versions", {"text": bad, "why": "x"}
    )
    assert r.status_code == 422
    assert [(p["line"], p["reason"][:5]) for p in r.json()["problems"]] == [
        (6, "units"),
        (7, "per '"),
    ]


def test_it_answers_409_over_a_newer_version(world: World) -> None:
    payer = world.home.payer
    url = f"/api/payer-rules/{payer.pk}/versions"
    text = TEXT.format(pid=payer.payer_id)
    assert _post(world, Role.MANAGER, url, {"text": text, "why": "a"}).status_code == 201
    r = _post(world, Role.MANAGER, url, {"text": text + "\n", "why": "b", "based_on": 0})
    assert r.status_code == 409 and "version 1 was saved" in r.json()["detail"]


def test_it_is_scoped_to_the_callers_organisation(world: World) -> None:
    theirs = world.outsider.payer
    r = _post(
        world, Role.MANAGER, f"/api/payer-rules/{theirs.pk}/versions", {"text": "", "why": "x"}
    )
    assert r.status_code == 404


def test_it_is_in_the_openapi_schema() -> None:
    from cleanclaim.api.main import api

    paths = api.get_openapi_schema()["paths"]
    assert {"get", "post"} <= {m for p, ops in paths.items() if "payer-rules" in p for m in ops}
    assert "/api/payer-rules/{pk}/versions" in paths
    body = paths["/api/payer-rules/{pk}/versions"]["post"]["requestBody"]
    assert "why" in body["content"]["application/json"]["schema"]["properties"]
