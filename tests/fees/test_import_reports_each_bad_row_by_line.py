"""A fee file with problems is refused whole, each problem as ``file:line: column: why``;
nothing is written, on the command line (exit 2) as in the dry run."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from cleanclaim.cli import main
from cleanclaim.fees.models import Fee, FeeSchedule
from cleanclaim.fees.transfer import FeeFileError, read_fees
from cleanclaim.testing.personas import World

BAD = (
    "code,modifier,charge\n"
    "99213,,120.00\n"
    "9921,,80\n"  # line 3: code shape
    "99214,R,150\n"  # line 4: modifier
    "99215,,abc\n"  # line 5: not an amount
    "99203,,-10.00\n"  # line 6: negative
    "99213,,130\n"  # line 7: duplicate of line 2
    "99204,,1.005\n"  # line 8: three places
)


def test_it_names_the_line_column_and_reason_of_each_problem() -> None:
    with pytest.raises(FeeFileError) as caught:
        read_fees(BAD, "fees.csv")
    lines = caught.value.lines()
    assert lines[0].startswith("fees.csv:3: code: '9921' is not a CPT code")
    assert lines[1] == "fees.csv:4: modifier: 'R' is not two letters or digits"
    assert lines[2].startswith("fees.csv:5: charge: 'abc' is not an amount")
    assert lines[3] == "fees.csv:6: charge: -10.00 is not more than zero"
    assert lines[4] == "fees.csv:7: code: duplicate: 99213 is already on line 2"
    assert lines[5] == "fees.csv:8: charge: 1.005 has more than two decimal places"
    assert len(lines) == 6


def test_it_refuses_a_file_without_its_header() -> None:
    with pytest.raises(FeeFileError) as caught:
        read_fees("99213,,120.00\n", "fees.csv")
    assert caught.value.lines() == [
        "fees.csv:1: header: missing header: the first line must name the columns code, "
        "modifier, charge (and any allowed:<payer id>); no code or charge column"
    ]


def test_it_refuses_an_allowed_column_for_an_unknown_payer() -> None:
    with pytest.raises(FeeFileError, match="1 problem") as caught:
        read_fees("code,charge,allowed:NOPE\n99213,120,90\n", "f.csv", known_payers=["MCR01"])
    assert caught.value.lines() == ["f.csv:1: allowed:NOPE: no payer with id 'NOPE' is set up"]


def test_it_counts_lines_across_quoted_line_breaks_and_blank_lines() -> None:
    text = 'code,modifier,charge\n\n"99213",,"120.00"\n"99214","2\n5",130\n99215,,x\n'
    with pytest.raises(FeeFileError) as caught:
        read_fees(text, "f.csv")
    assert [line.split(": ")[0] for line in caught.value.lines()] == ["f.csv:4", "f.csv:6"]


def test_the_command_line_refuses_a_bad_file_whole_with_exit_2(
    world: World, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "fees.csv"
    path.write_text(BAD)
    status = main(
        ["fees", "import", str(path), "--practice", world.home.other_practice.npi,
         "--schedule", "Fees 2026", "--effective", "2026-01-01"]
    )  # fmt: skip
    err = capsys.readouterr().err
    assert status == 2
    assert "refused, nothing written: 6 problems" in err
    assert f"{path}:5: charge: 'abc' is not an amount" in err
    assert not FeeSchedule.objects.filter(practice=world.home.other_practice).exists()
    assert not Fee.objects.filter(schedule__practice=world.home.other_practice).exists()


def test_the_dry_run_says_what_would_change_and_writes_nothing(
    world: World, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "fees.csv"
    path.write_text("code,modifier,charge\n99213,,120.00\n20610,RT,230\n")
    args = ["fees", "import", str(path), "--practice", world.home.other_practice.name,
            "--schedule", "Fees 2026", "--effective", "2026-01-01"]  # fmt: skip
    assert main([*args, "--dry-run"]) == 0
    out = capsys.readouterr().out
    assert "new fee schedule Fees 2026" in out
    assert "2 row(s) added, 0 changed, 0 removed, 0 unchanged" in out
    assert not FeeSchedule.objects.filter(practice=world.home.other_practice).exists()
    assert main(args) == 0
    schedule = FeeSchedule.objects.get(practice=world.home.other_practice)
    assert schedule.effective_from == dt.date(2026, 1, 1)
    assert sorted(schedule.fees.values_list("code", "modifier")) == [
        ("20610", "RT"),
        ("99213", ""),
    ]


def test_the_command_line_names_an_unknown_practice(
    capsys: pytest.CaptureFixture[str], db: None, tmp_path: Path
) -> None:
    path = tmp_path / "fees.csv"
    path.write_text("code,charge\n99213,1\n")
    assert main(["fees", "import", str(path), "--practice", "nobody"]) == 2
    assert "no practice with NPI or name 'nobody'" in capsys.readouterr().err
