"""``POST /api/scrub`` takes an 837P (multipart or raw ``application/edi-x12``) or the X12
engine's JSON claim form and answers exactly what ``cleanclaim scrub --json`` prints;
unreadable input gets 400/413/415/422 with a ``detail`` naming the problem."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from cleanclaim.api.models import ApiToken
from cleanclaim.audit.models import AuditEntry
from cleanclaim.cli import main
from cleanclaim.scrubbing.actions import AUDIT_MODEL
from cleanclaim.tenancy.permissions import Role
from cleanclaim.x12 import document_json, parse

from .conftest import FIXTURES

pytestmark = pytest.mark.django_db

AS_OF = "2026-08-20"
KNOWN = FIXTURES / "known_defects.837"


def _url() -> str:
    return reverse("api:scrub") + f"?as_of={AS_OF}"


def _cli_json(path: Path, capsys: pytest.CaptureFixture[str]) -> dict:
    capsys.readouterr()
    rc = main(["scrub", str(path), "--json", "--as-of", AS_OF])
    assert rc in (0, 1)
    return _unnamed(json.loads(capsys.readouterr().out))


def _unnamed(rep: dict) -> dict:
    """The report without the source file names (the CLI's path, the API's upload name)."""
    for c in rep["claims"]:
        c["file"] = ""
    for f in rep["findings"]:
        f["file"] = ""
    return rep


def test_it_answers_a_raw_837p_exactly_as_the_cli(client_as, capsys) -> None:
    r = client_as(Role.BILLER).post(_url(), KNOWN.read_bytes(), content_type="application/edi-x12")
    assert r.status_code == 200, r.content
    got = _unnamed(r.json())
    assert got == _cli_json(KNOWN, capsys)
    summary = got["summary"]
    assert (summary["claims"], summary["clean"], summary["with_errors"]) == (2, 1, 1)
    expected = {"charge": 1, "dx-not-billable": 2, "dx-pointer": 1, "npi": 1}
    assert {k: summary["by_category"][k] for k in expected} == expected


def test_it_answers_a_multipart_upload(client_as, capsys) -> None:
    f = SimpleUploadedFile("known.837", KNOWN.read_bytes())
    r = client_as(Role.BILLER).post(_url(), {"file": f})
    assert r.status_code == 200
    assert _unnamed(r.json()) == _cli_json(KNOWN, capsys)
    assert AuditEntry.objects.get(model=AUDIT_MODEL).via == "api"


def test_it_answers_the_json_claim_form(client_as, tmp_path: Path, capsys) -> None:
    view = document_json(parse(KNOWN.read_bytes()))  # the X12 engine's JSON view
    path = tmp_path / "known.json"
    path.write_text(json.dumps(view))
    r = client_as(Role.BILLER).post(_url(), json.dumps(view), content_type="application/json")
    assert r.status_code == 200, r.content
    got = _unnamed(r.json())
    assert got == _cli_json(path, capsys)
    rules = {f["rule"] for c in got["claims"] for f in c["findings"]}
    assert {"CHG-001", "DX-NB-001", "DX-NB-002", "NPI-002", "DX-PTR-001"} <= rules
    # the bare list of claims is accepted too
    claims = view["transactions"][0]["claims"]
    r = client_as(Role.BILLER).post(_url(), json.dumps(claims), content_type="application/json")
    assert r.json()["summary"]["claims"] == 2


def test_it_refuses_unreadable_input_clearly(client_as, shared_data: Path) -> None:
    c = client_as(Role.BILLER)
    r = c.post(_url(), b"hello", content_type="application/edi-x12")
    assert r.status_code == 400 and "not an X12 file" in r.json()["detail"]
    r = c.post(_url(), "{not json", content_type="application/json")
    assert r.status_code == 400 and "not valid JSON" in r.json()["detail"]
    bad_claim = [{"claim_id": "X1", "total_charge": "ten dollars", "lines": []}]
    r = c.post(_url(), json.dumps(bad_claim), content_type="application/json")
    assert r.status_code == 422 and "X1" in r.json()["detail"]
    v4010 = shared_data / "x12/837P/lfh_837_004010X098A1__patient-is-subscriber.837"
    r = c.post(_url(), v4010.read_bytes(), content_type="application/edi-x12")
    assert r.status_code == 422 and "4010" in r.json()["detail"]
    r = c.post(_url(), b"<claims/>", content_type="application/xml")
    assert r.status_code == 415 and "unsupported Content-Type" in r.json()["detail"]
    r = c.post(reverse("api:scrub") + "?as_of=yesterday", KNOWN.read_bytes(),
               content_type="application/edi-x12")  # fmt: skip
    assert r.status_code == 400 and "as_of 'yesterday'" in r.json()["detail"]


def test_it_refuses_a_body_over_the_limit(client_as, settings) -> None:
    settings.CLEANCLAIM_SCRUB_MAX_BYTES = 500
    r = client_as(Role.BILLER).post(_url(), KNOWN.read_bytes(), content_type="application/edi-x12")
    assert r.status_code == 413 and "up to 500 bytes" in r.json()["detail"]


def test_it_is_for_billers_with_a_session_or_a_token(client_as, world) -> None:
    for role in (Role.FRONT_DESK, Role.CODER, Role.MANAGER, Role.ADMIN):
        r = client_as(role).post(_url(), KNOWN.read_bytes(), content_type="application/edi-x12")
        assert r.status_code == 403, role
    assert Client().post(_url(), b"", content_type="application/edi-x12").status_code == 401
    _row, token = ApiToken.issue(world.home.users[Role.BILLER], "scrub test")
    r = Client().post(
        _url(),
        KNOWN.read_bytes(),
        content_type="application/edi-x12",
        headers={"Authorization": f"Bearer {token}"},
    )
    assert r.status_code == 200 and r.json()["summary"]["claims"] == 2


def test_it_is_in_the_openapi_schema(client_as) -> None:
    schema = Client().get(reverse("api:openapi-json")).json()
    op = schema["paths"]["/api/scrub"]["post"]
    assert set(op["requestBody"]["content"]) == {
        "multipart/form-data",
        "application/edi-x12",
        "application/json",
    }
    assert {"200", "400", "413", "415", "422"} <= set(op["responses"])


def test_it_applies_its_own_size_limit_not_djangos_form_limit(client_as, settings) -> None:
    """A raw body over DATA_UPLOAD_MAX_MEMORY_SIZE (2.5 MB) but under the scrubber's limit
    reaches the scrubber (here: refused as a damaged X12 file, 422, not Django's 400)."""
    assert settings.DATA_UPLOAD_MAX_MEMORY_SIZE < 3_000_000
    body = b"ISA" + b"*" * 3_000_000
    r = client_as(Role.BILLER).post(_url(), body, content_type="application/edi-x12")
    assert r.status_code == 422, r.content[:200]
    assert r.json()["detail"].startswith("request body: ")
