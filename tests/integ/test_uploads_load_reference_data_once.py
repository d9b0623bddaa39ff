"""The upload page and ``POST /api/scrub`` load the reference data once per process: a
second upload reads no NCCI table, ICD-10-CM tabular or code rows again, while a
``refdata import`` made in between (by another process, as the CLI would) is used by the
next upload."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from cleanclaim.codes import ncci
from cleanclaim.codes import store as store_module
from cleanclaim.codes.db import RefDB
from cleanclaim.edits import refdata
from cleanclaim.tenancy.permissions import Role

from .conftest import FIXTURES

pytestmark = pytest.mark.django_db

AS_OF = "2026-08-20"
# DEFECT-1 bills 99213 and 99214 on 2026-08-03 (same provider)
KNOWN = (FIXTURES / "known_defects.837").read_bytes()
HEADER = (
    "Column 1\tColumn 2\t*=in existence prior to 1996\tEffective Date\t"
    "Deletion Date *=no data\tModifier 0=not allowed,1=allowed,9=not applicable\t"
    "PTP Edit Rationale\n"
)


def _import_ptp(root: Path, tmp: Path, col1: str, col2: str) -> None:
    """An NCCI practitioner PTP file of one edit, in the official layout, imported."""
    f = tmp / "ccipra-v322r0-f1.txt"
    f.write_text(HEADER + f"{col1}\t{col2}\t\t20200101\t*\t0\tMutually exclusive procedures\n")
    ncci.import_file(f, root)


@pytest.fixture
def root(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A refdata folder of this test's own, with one PTP edit that no claim here bills."""
    root = tmp_path / "refdata"
    monkeypatch.setenv("CLEANCLAIM_REFDATA_DIR", str(root))
    _import_ptp(root, tmp_path, "99215", "99213")
    return root


@pytest.fixture
def loads(monkeypatch: pytest.MonkeyPatch) -> Counter[str]:
    """How often each kind of reference data is read from disk."""
    seen: Counter[str] = Counter()

    def counting(name: str, func: Callable[..., Any]) -> Callable[..., Any]:
        def wrapper(*args: Any, **kw: Any) -> Any:
            seen[name] += 1
            return func(*args, **kw)

        return wrapper

    monkeypatch.setattr(refdata, "load_tables", counting("ncci", refdata.load_tables))
    monkeypatch.setattr(store_module, "load_tabular", counting("icd", store_module.load_tabular))
    monkeypatch.setattr(RefDB, "releases", counting("releases", RefDB.releases))
    monkeypatch.setattr(RefDB, "codes", counting("codes", RefDB.codes))
    return seen


def _api(client: Any) -> dict[str, Any]:
    url = reverse("api:scrub") + f"?as_of={AS_OF}"
    r = client.post(url, KNOWN, content_type="application/edi-x12")
    assert r.status_code == 200, r.content
    return r.json()  # type: ignore[no-any-return]


def _page(client: Any) -> str:
    f = SimpleUploadedFile("known.837", KNOWN, content_type="application/octet-stream")
    r = client.post(reverse("scrubbing:upload"), {"file": f, "as_of": AS_OF})
    assert r.status_code == 200
    return r.content.decode()


def _ptp_rules(report: dict[str, Any]) -> list[str]:
    findings = [f for c in report["claims"] for f in c["findings"]]
    return [f["rule"] for f in findings if f["category"] == "ncci-ptp"]


def test_it_reads_nothing_again_for_the_second_upload(root: Path, loads, client_as) -> None:
    client = client_as(Role.BILLER)
    first = _api(client)
    assert loads["ncci"] == 1
    after_first = dict(loads)
    second = _api(client)
    _page(client)
    assert dict(loads) == after_first
    assert second == first


def test_it_uses_a_refdata_import_made_between_two_uploads(
    root: Path, tmp_path: Path, loads, client_as
) -> None:
    client = client_as(Role.BILLER)
    assert _ptp_rules(_api(client)) == []
    _import_ptp(root, tmp_path, "99214", "99213")  # the edit DEFECT-1 breaks
    assert len(_ptp_rules(_api(client))) == 1
    assert "NCCI PTP" in _page(client)
    assert loads["ncci"] == 2
