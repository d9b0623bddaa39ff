"""``cleanclaim codes search|show``: output, JSON shape, exit statuses."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from cleanclaim.cli import main


def test_it_shows_the_stale_warning_after_fy2026(
    empty_root: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["codes", "show", "S93.401A", "--date", "2026-10-15"]) == 0
    out = capsys.readouterr().out
    assert "the code set may be stale: FY2027 not loaded" in out
    assert "S93.401A" in out and "billable" in out and "A initial encounter" in out


def test_it_shows_a_header_with_children_and_excludes1_as_json(
    empty_root: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["codes", "show", "E11", "--json", "--date", "2026-05-01"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["code"] == "E11" and data["billable"] is False and data["coverage"] == "ok"
    assert "E11.9" in [c["code"] for c in data["children"]]
    ex1 = [n for n in data["notes"] if n["kind"] == "excludes1"]
    assert {"start": "E10", "end": None} in [t for n in ex1 for t in n["targets"]]
    assert data["chapter"]["id"] == "4" and data["section"]["id"] == "E08-E13"


def test_it_answers_a_batch_with_one_json_line_per_query(
    empty_root: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    batch = tmp_path / "q.txt"
    batch.write_text("afib\n\nE119\n")
    assert (
        main(["codes", "search", "--batch", str(batch), "--system", "icd10cm", "--limit", "2"]) == 0
    )
    lines = [json.loads(x) for x in capsys.readouterr().out.splitlines()]
    assert [x["query"] for x in lines] == ["afib", "E119"]
    first = lines[0]["results"][0]
    assert set(first) == {"code", "system", "description", "billable", "score"}
    assert (
        lines[1]["results"][0]["code"] == "E11.9" and lines[1]["results"][0]["system"] == "icd10cm"
    )


@pytest.mark.parametrize(
    "argv",
    [
        ["codes", "search", "afib", "--date", "2026-02-30"],
        ["codes", "search", "afib", "--limit", "0"],
        ["codes", "search", "--batch", "/no/such/file"],
        ["codes", "search"],
        ["codes", "show", "E11", "--date", "yesterday"],
    ],
)
def test_it_exits_2_with_one_line_on_bad_input(
    empty_root: Path, argv: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.startswith("cleanclaim codes: ")


def test_it_exits_1_for_an_unknown_code(
    empty_root: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["codes", "show", "Q99.99", "--system", "icd10cm", "--date", "2026-05-01"]) == 1
    assert "Q99.99 is not in ICD-10-CM" in capsys.readouterr().err


def test_it_warns_when_no_release_covers_the_date(
    empty_root: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    args = ["codes", "search", "afib", "--system", "icd10cm", "--date", "2025-06-01", "--json"]
    assert main(args) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["results"] == []
    assert data["warnings"] == [
        "no loaded ICD-10-CM release covers 2025-06-01: the oldest, "
        "FY2026 (April 2026 update), starts 2025-10-01"
    ]
