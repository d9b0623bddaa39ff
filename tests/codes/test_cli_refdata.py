"""``cleanclaim refdata import|status``: detection, idempotence, errors."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from cleanclaim.cli import main


def test_it_imports_then_reports_unchanged(
    empty_root: Path, fixtures: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    files = [str(fixtures / "carc_small.csv"), str(fixtures / "cpt_2026_practice.csv")]
    assert main(["refdata", "import", *files]) == 0
    assert capsys.readouterr().out.count("loaded ") == 2
    assert main(["refdata", "import", *files]) == 0
    assert capsys.readouterr().out.count("unchanged") == 2


def test_it_lists_releases_complete_and_starter(
    empty_root: Path, fixtures: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    main(["refdata", "import", str(fixtures / "cpt_2026_practice.csv")])
    capsys.readouterr()
    assert main(["refdata", "status", "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)["releases"]
    cpt = {r["release"]: r for r in rows if r["system"] == "cpt"}
    assert cpt["CPT 2026"]["complete"] is True and cpt["CPT 2026"]["rows"] == 4
    assert cpt["starter"]["in_use"] is False
    assert any(r["system"] == "icd10cm" and r["complete"] for r in rows)
    assert main(["refdata", "status"]) == 0
    assert "STARTER SET ONLY" in capsys.readouterr().out


@pytest.mark.parametrize("name", ["missing.csv", "unknown.csv"])
def test_it_exits_2_on_a_missing_or_unknown_file(
    empty_root: Path, tmp_path: Path, name: str, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / name
    if name == "unknown.csv":
        path.write_text("a,b\n1,2\n")
    assert main(["refdata", "import", str(path)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and name in err


def test_it_exits_2_on_a_damaged_zip(
    empty_root: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "HCPC2026_JAN_ANWEB.zip"
    bad.write_bytes(b"PK\x03\x04 this is not really a zip")
    assert main(["refdata", "import", str(bad)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "HCPC2026_JAN_ANWEB.zip: unreadable hcpcs-anweb file" in err


@pytest.mark.parametrize("argv", [["refdata", "status"], ["codes", "search", "afib"]])
def test_it_exits_2_on_a_damaged_database(
    empty_root: Path, argv: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    empty_root.mkdir(parents=True)
    (empty_root / "refdata.sqlite3").write_bytes(b"not a database at all" * 100)
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "refdata.sqlite3: unreadable reference database" in err
