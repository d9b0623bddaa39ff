"""`cleanclaim scrub A B` where B cannot be read: A's findings are still reported,
B is named on stderr and in the report, and the exit status is 2."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from cleanclaim.cli import main

GOLDEN = Path(__file__).resolve().parents[1] / "x12" / "golden" / "claims.837"


@pytest.fixture(autouse=True)
def _refdata(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, code_store: Any) -> None:
    monkeypatch.setenv("CLEANCLAIM_REFDATA_DIR", str(tmp_path / "refdata"))
    monkeypatch.setattr("cleanclaim.edits.refdata.load_code_source", lambda root: code_store)


def test_it_reports_the_readable_files_and_names_the_unreadable_one(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "notes.txt"
    bad.write_text("this is not an X12 file\n")
    rc = main(["scrub", str(GOLDEN), str(bad), "--json", "--as-of", "2026-08-20"])
    out, err = capsys.readouterr()
    assert rc == 2
    doc = json.loads(out)
    assert doc["summary"]["claims"] == len(doc["claims"]) == 3
    assert [u["file"] for u in doc["unreadable"]] == [str(bad)]
    assert err.count("\n") == 1 and "notes.txt" in err
