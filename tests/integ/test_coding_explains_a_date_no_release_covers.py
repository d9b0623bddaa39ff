"""A date of service no loaded release covers gets the CLI's explanation ("no loaded
ICD-10-CM release covers 2014-05-01: the oldest, ... starts ...") on the coding screen,
in its type-ahead and in ``GET /api/codes/search`` — not "No codes match"."""

from __future__ import annotations

import html
import json

import pytest
from django.test import Client
from django.urls import reverse

from cleanclaim.cli import main
from cleanclaim.tenancy.permissions import Role

pytestmark = pytest.mark.django_db

OLD = "2014-05-01"  # before ICD-10-CM (2015-10-01): the packaged FY2026 does not cover it


def _cli_warnings(capsys: pytest.CaptureFixture[str]) -> list[str]:
    capsys.readouterr()
    assert main(["codes", "search", "tinnitus", "--date", OLD, "--json"]) == 0
    got: list[str] = json.loads(capsys.readouterr().out)["warnings"]
    assert got and got[0].startswith(f"no loaded ICD-10-CM release covers {OLD}: the oldest")
    return got


def test_the_screen_explains_the_date(client_as, capsys) -> None:
    (why,) = _cli_warnings(capsys)
    r = client_as(Role.CODER).get(reverse("coding:screen"), {"q": "tinnitus", "date": OLD})
    body = html.unescape(r.content.decode())
    assert r.status_code == 200
    assert why in body and "No codes match" not in body


def test_the_type_ahead_explains_the_date(client_as, capsys) -> None:
    (why,) = _cli_warnings(capsys)
    r = client_as(Role.CODER).get(reverse("coding:search"), {"q": "tinnitus", "date": OLD})
    body = html.unescape(r.content.decode())
    assert why in body and "No codes match" not in body


def test_the_api_answers_what_the_cli_says(client_as, capsys) -> None:
    want = _cli_warnings(capsys)
    r = client_as(Role.CODER).get(
        reverse("api:codes_search"), {"q": "tinnitus", "date": OLD, "system": "icd10cm"}
    )
    assert r.status_code == 200
    doc = r.json()
    assert doc["results"] == [] and doc["warnings"] == want
    ok = client_as(Role.CODER).get(reverse("api:codes_search"), {"q": "tinnitus"}).json()
    assert ok["results"] and ok["results"][0]["code"].startswith("H93")
    bad = client_as(Role.CODER).get(reverse("api:codes_search"), {"date": "someday"})
    assert bad.status_code == 400 and "someday" in bad.json()["detail"]
    assert Client().get(reverse("api:codes_search")).status_code == 401
