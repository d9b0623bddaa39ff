"""The reference data status page says which systems are complete and which are
starter-only, with every release's file, rows, dates and SHA-256; managers and admins
see it, and it follows what ``cleanclaim refdata import`` loads."""

from __future__ import annotations

import hashlib
import html
from pathlib import Path

import pytest
from django.urls import reverse

from cleanclaim.codes import import_paths
from cleanclaim.codes.icd10cm import package_xml
from cleanclaim.tenancy.permissions import Role

pytestmark = pytest.mark.django_db


def _row(body: str, system: str) -> str:
    return body.split(f'id="system-{system}"', 1)[1].split("</tr>", 1)[0]


def test_it_lists_complete_and_starter_only_systems(client_as) -> None:
    r = client_as(Role.MANAGER).get(reverse("coding:refdata"))
    assert r.status_code == 200
    body = html.unescape(r.content.decode())
    assert "complete" in _row(body, "icd10cm")
    for system in ("cpt", "modifier", "pos", "carc", "rarc"):
        assert "starter set only" in _row(body, system), system
    # Level II modifiers: CMS's complete list ships in the starter data
    assert "complete</span> (HCPCS 2020-01); " in _row(body, "modifier")
    assert "Starter set only (not the complete code set):" in body
    assert "No NCCI tables" in body


def test_it_shows_the_packaged_icd10cm_provenance(client_as) -> None:
    body = client_as(Role.ADMIN).get(reverse("coding:refdata")).content.decode()
    xml = package_xml()
    assert hashlib.sha256(xml.read_bytes()).hexdigest() in body
    assert xml.name in body


def test_it_follows_an_import(
    client_as, shared_data: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = tmp_path / "refdata"
    monkeypatch.setenv("CLEANCLAIM_REFDATA_DIR", str(root))
    carc = shared_data / "codes" / "carc.csv"
    results = import_paths([carc], root).results
    assert results and results[0].rows > 100
    body = html.unescape(client_as(Role.MANAGER).get(reverse("coding:refdata")).content.decode())
    assert "complete" in _row(body, "carc") and "starter" not in _row(body, "carc")
    assert results[0].sha256 in body and carc.name in body
    assert str(results[0].rows) in body
    assert "(not in use: a complete release is loaded)" in body  # the CARC starter set


def test_it_is_for_managers_and_admins(client_as) -> None:
    for role in (Role.FRONT_DESK, Role.CODER, Role.BILLER):
        assert client_as(role).get(reverse("coding:refdata")).status_code == 403
