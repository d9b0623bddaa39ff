"""``GET /api/codes/search``: the coding screen's search as JSON, by field (kind) or one
code system; "all" answers in groups; bad parameters get a 400 naming them."""

from __future__ import annotations

import pytest
from django.urls import reverse

from cleanclaim.tenancy.permissions import Role

pytestmark = pytest.mark.django_db

DOS = "2026-05-01"


def _get(client, **params):  # type: ignore[no-untyped-def]
    return client.get(reverse("api:codes_search"), params)


def test_it_searches_the_procedure_field(client_as) -> None:
    r = _get(client_as(Role.CODER), q="blood draw", kind="procedure", date=DOS)
    assert r.status_code == 200
    data = r.json()
    assert data["kind"] == "procedure" and data["date"] == DOS
    assert data["results"][0]["code"] == "36415"
    assert {h["kind"] for h in data["results"]} == {"procedure"}
    assert {h["system"] for h in data["results"]} <= {"cpt", "hcpcs"}
    assert data["groups"] == []


def test_the_diagnosis_field_is_the_default(client_as) -> None:
    data = _get(client_as(Role.CODER), q="ringing in the ears", date=DOS).json()
    assert data["kind"] == "diagnosis"
    assert data["results"][0]["code"].startswith("H93.1")


def test_all_answers_in_groups_by_kind(client_as) -> None:
    data = _get(client_as(Role.CODER), q="flu", kind="all", date=DOS).json()
    kinds = [g["kind"] for g in data["groups"]]
    assert kinds[:2] == ["diagnosis", "procedure"]
    for g in data["groups"]:
        assert g["results"] and {h["kind"] for h in g["results"]} == {g["kind"]}
    assert data["results"] == [h for g in data["groups"] for h in g["results"]]


def test_one_code_system_can_be_asked_for(client_as) -> None:
    data = _get(client_as(Role.CODER), q="office", system="pos", date=DOS).json()
    assert data["system"] == "pos" and data["kind"] is None
    assert "11" in [h["code"] for h in data["results"]]


@pytest.mark.parametrize(
    ("params", "message"),
    [
        ({"kind": "supplies"}, "unknown kind 'supplies'"),
        ({"system": "icd9"}, "unknown code system 'icd9'"),
        ({"kind": "procedure", "system": "cpt"}, "give either kind or system, not both"),
        ({"date": "05/01/2026"}, "'05/01/2026' is not a date"),
        ({"limit": "0"}, "limit 0 must be between 1 and 50"),
    ],
)
def test_it_refuses_bad_parameters_by_name(client_as, params, message) -> None:
    r = _get(client_as(Role.CODER), q="flu", **params)
    assert r.status_code == 400
    assert r["Content-Type"].startswith("application/json")
    assert message in r.json()["detail"]


def test_it_needs_the_coding_permission(client_as) -> None:
    r = _get(client_as(Role.MANAGER), q="flu", date=DOS)
    assert r.status_code == 403
