"""`cleanclaim x12 parse --json` output scrubs to the same findings as the 837P
itself (the syntax findings aside, which only the X12 file carries)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from cleanclaim.cli import main


@pytest.fixture(autouse=True)
def _refdata(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, code_store) -> None:
    monkeypatch.setenv("CLEANCLAIM_REFDATA_DIR", str(tmp_path / "refdata"))
    monkeypatch.setattr("cleanclaim.edits.refdata.load_code_source", lambda root: code_store)


@pytest.mark.parametrize(
    "name",
    [
        "stupidedi_X222A1_pass_commercial-health-insurance.edi",
        "stupidedi_X222A1_pass_medicare-secondary-payer-COB.edi",
        "lfh_837_005010X222A2__demo.cob.example3.A.837",
    ],
)
def test_it_scrubs_the_json_view_like_the_837p(
    shared_data: Path, tmp_path: Path, capsys, name: str
) -> None:
    src = shared_data / "x12" / "837P" / name
    assert main(["x12", "parse", str(src), "--json"]) in (0, 1)
    view = tmp_path / "view.json"
    view.write_text(capsys.readouterr().out)

    def findings(path: Path) -> list[tuple[str, str, int | None]]:
        main(["scrub", str(path), "--json", "--as-of", "2026-08-20"])
        doc = json.loads(capsys.readouterr().out)
        return sorted(
            (c["claim_id"], f["rule"], f["line"])
            for c in doc["claims"]
            for f in c["findings"]
            if f["category"] != "syntax"
        )

    from_x12 = findings(src)
    from_json = findings(view)
    # the JSON view keeps no HI qualifiers, so ICD-9-CM codes read as ICD-10-CM there
    assert [f for f in from_x12 if f[1] != "DX-INV-002"] == [
        f for f in from_json if not f[1].startswith(("DX-INV-001", "DX-NB-", "DX-SEX", "DX-AGE"))
    ]
