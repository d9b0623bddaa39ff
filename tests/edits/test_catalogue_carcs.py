"""Every CARC the catalogue says a rule prevents is a real, current CARC in the
published X12 list (../shared/data/codes/carc.csv)."""

from __future__ import annotations

import csv
from pathlib import Path

from cleanclaim.edits import catalogue


def test_it_cites_current_carcs(shared_data: Path) -> None:
    with (shared_data / "codes" / "carc.csv").open(newline="") as fh:
        status = {row["code"]: row["status"] for row in csv.DictReader(fh)}
    cited = {r["carc"] for r in catalogue() if r["carc"]}
    assert cited, "no rule cites a CARC"
    assert {c: status.get(c) for c in cited} == dict.fromkeys(cited, "current")
