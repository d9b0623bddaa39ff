"""In the app the scrubber also judges coverage: a claim whose member id the user's
practices have coverage on file for is checked against that coverage (COV-001/002/003);
what the user may not see (another organisation's patients) is never consulted, and the
audit entry of the upload counts the coverage records read."""

from __future__ import annotations

import copy
import datetime as dt
import json
from typing import Any

import pytest
from django.urls import reverse

from cleanclaim.audit.models import AuditEntry
from cleanclaim.scrubbing.actions import AUDIT_MODEL
from cleanclaim.tenancy.permissions import Role
from cleanclaim.x12 import document_json, parse

from .conftest import FIXTURES

pytestmark = pytest.mark.django_db

URL = reverse("api:scrub") + "?as_of=2026-08-20"


def _claims(member: str, payer_id: str) -> list[dict[str, Any]]:
    view = document_json(parse((FIXTURES / "known_defects.837").read_bytes()))
    claim = copy.deepcopy(view["transactions"][0]["claims"][0])  # CLEAN-1, DOS 2026-08-03
    claim["subscriber"]["member_id"] = member
    claim["patient"]["member_id"] = member
    claim["payer"]["id"] = payer_id
    return [claim]


def _coverage(client, claims) -> list[dict[str, Any]]:  # type: ignore[no-untyped-def]
    r = client.post(URL, json.dumps(claims), content_type="application/json")
    assert r.status_code == 200, r.content
    return [f for c in r.json()["claims"] for f in c["findings"] if f["category"] == "coverage"]


def test_it_flags_a_service_after_the_coverage_on_file_ended(world, client_as) -> None:
    cov = world.home.coverage  # NORTHSIDEMEMBER1 with Northside Mutual (NOR01) from 2025-01-01
    payer_id = world.home.payer.payer_id
    claims = _claims(" northsidemember1", payer_id)
    assert _coverage(client_as(Role.BILLER), claims) == []  # still in force
    cov.termination_date = dt.date(2026, 6, 30)
    cov.save()
    (f,) = _coverage(client_as(Role.BILLER), claims)
    assert (f["rule"], f["severity"], f["carc"], f["line"]) == ("COV-001", "error", "27", 1)
    assert "ended 2026-06-30" in f["message"] and world.home.patient.account_number in f["source"]
    entry = AuditEntry.objects.filter(model=AUDIT_MODEL).latest("pk")
    assert entry.context["coverages_consulted"] == 1


def test_it_warns_when_the_claim_goes_to_another_payer(world, client_as) -> None:
    (f,) = _coverage(client_as(Role.BILLER), _claims("NORTHSIDEMEMBER1", "OTHER9"))
    assert (f["rule"], f["severity"], f["carc"]) == ("COV-003", "warning", "109")
    assert world.home.payer.name in f["message"]


def test_another_organisations_coverage_is_never_consulted(world, client_as) -> None:
    world.home.coverage.termination_date = dt.date(2026, 6, 30)
    world.home.coverage.save()
    claims = _claims("NORTHSIDEMEMBER1", world.home.payer.payer_id)
    assert _coverage(client_as(Role.BILLER, outsider=True), claims) == []
    entry = AuditEntry.objects.filter(model=AUDIT_MODEL).latest("pk")
    assert entry.context["coverages_consulted"] == 0
