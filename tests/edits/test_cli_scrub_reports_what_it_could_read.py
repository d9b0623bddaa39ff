"""`cleanclaim scrub A B` where B cannot be read: A's findings are still reported,
B is named on stderr and in the report, and the exit status is 2."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from cleanclaim.cli import main

GOLDEN = Path(__file__).resolve().parents[1] / "x12" / "golden" / "claims.837"


pytestmark = pytest.mark.usefixtures("cli_refdata")


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
