"""``cleanclaim scrub`` over every 837P sample: 0/1 with findings for 5010 files,
2 with one clear line for 4010 and non-X12 files; JSON shape of issue 5."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from cleanclaim.cli import main

SAMPLES = sorted(
    (Path(__file__).resolve().parents[3] / "shared" / "data" / "x12" / "837P").glob("*")
)


pytestmark = pytest.mark.usefixtures("cli_refdata")


@pytest.mark.parametrize("path", SAMPLES, ids=[p.name for p in SAMPLES])
def test_it_scrubs_every_837p_sample(shared_data: Path, path: Path, capsys) -> None:
    rc = main(["scrub", str(path), "--json", "--as-of", "2026-08-20"])
    out, err = capsys.readouterr()
    if "004010" in path.name or not path.read_bytes().startswith(b"ISA"):
        assert rc == 2 and out == ""
        assert err.count("\n") == 1 and path.name in err
        assert "4010" in err or "ISA" in err
        return
    doc = json.loads(out)
    s = doc["summary"]
    assert s["claims"] == len(doc["claims"]) >= 1
    assert rc == (1 if s["with_errors"] or s["file_errors"] else 0)
    keys = {"rule", "category", "severity", "claim_id", "line", "message", "fix", "source", "carc"}
    x12_keys = {"code", "segment", "position", "element", "ik304", "ik403"}
    for c in doc["claims"]:
        for f in c["findings"]:
            assert set(f) == keys | x12_keys
            assert f["claim_id"] == c["claim_id"]
    for f in doc["findings"]:
        assert set(f) == keys | x12_keys | {"scope", "file", "group", "set", "count", "positions"}
        assert f["scope"] in ("file", "group", "set") and f["count"] >= 1


def test_it_prints_text_grouped_by_claim_with_errors_first(shared_data: Path, capsys) -> None:
    f = shared_data / "x12" / "837P" / "stupidedi_X222A1_pass_ppo-repriced-claim.edi"
    rc = main(["scrub", str(f), "--as-of", "2005-06-01"])
    out = capsys.readouterr().out
    assert rc == 1
    assert out.startswith("Claim ABC123-RI — RING, DIAMOND (member 00124A089) · ")
    body = out.split("\n\n")[0]
    sev = [ln.split()[0] for ln in body.splitlines()[1:] if ln.startswith("  ") and ln[2] != " "]
    assert sev == sorted(sev, key=lambda s: s != "ERROR")
    assert "fix:" in out


def test_it_prints_the_catalogue_as_json(capsys) -> None:
    assert main(["scrub", "--catalogue", "--json"]) == 0
    doc = json.loads(capsys.readouterr().out)
    assert any(r["id"] == "NCCI-PTP-001" and r["carc"] == "236" for r in doc["rules"])
    assert any(
        c["code"] == "x12.element.invalid-code" and c["ik403"] == ["7"] for c in doc["x12_codes"]
    )


def test_it_rejects_a_bad_as_of_date_in_one_line(tmp_path: Path, capsys) -> None:
    f = tmp_path / "x.837"
    f.write_text("ISA*")
    assert main(["scrub", str(f), "--as-of", "tomorrow"]) == 2
    assert "--as-of" in capsys.readouterr().err
