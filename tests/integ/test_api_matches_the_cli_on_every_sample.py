"""``POST /api/scrub`` and ``cleanclaim scrub --json`` agree on every 837P sample of
../shared/data: the same JSON for the files the CLI reads (exit 0/1), and a refusal
(422 or 400, with the CLI's one-line reason) for those it cannot read (exit 2)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from django.urls import reverse

from cleanclaim.cli import main
from cleanclaim.tenancy.permissions import Role

pytestmark = pytest.mark.django_db

AS_OF = "2026-08-20"
SAMPLES = sorted(
    (Path(__file__).resolve().parents[3] / "shared" / "data" / "x12" / "837P").glob("*")
)


@pytest.mark.parametrize("name", [p.name for p in SAMPLES])
def test_it_agrees_with_the_cli(client_as, shared_data: Path, name: str, capsys) -> None:
    path = shared_data / "x12" / "837P" / name
    capsys.readouterr()
    rc = main(["scrub", str(path), "--json", "--as-of", AS_OF])
    out, err = capsys.readouterr()
    r = client_as(Role.BILLER).post(
        reverse("api:scrub") + f"?as_of={AS_OF}",
        path.read_bytes(),
        content_type="application/edi-x12",
    )
    if rc == 2:
        assert r.status_code in (400, 422), r.content[:300]
        detail = r.json()["detail"]
        if r.status_code == 422:  # the engine's own reason, as the CLI prints it
            assert detail.split(": ", 1)[1] in err, (detail, err)
        else:  # not X12 at all: refused before the engine reads it
            assert "not an X12 file" in detail and "ISA" in err
        return
    assert r.status_code == 200, r.content[:300]
    got, want = r.json(), json.loads(out)
    for rep in (got, want):  # the CLI names the path, the API the upload
        for item in rep["claims"] + rep["findings"]:
            item["file"] = ""
    assert got == want
