"""``x12 validate`` lists a finding repeated word for word a few times, then counts it:
the output of a hostile file stays bounded (issue 9, "cost that grows with the file"),
while the error count and ``--all`` still give every finding."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from cleanclaim.cli import main
from cleanclaim.cli.x12 import POSITIONS_NAMED, SHOWN_PER_REPEAT
from cleanclaim.testing.hostile_837p import empty_sets, many_claims
from cleanclaim.x12 import parse, validate


@pytest.fixture(scope="module")
def empty(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("hostile") / "empty-sets.837"
    path.write_bytes(empty_sets(700_000))  # ~9,000 sets holding only BHT
    return path


def test_it_counts_what_it_does_not_list(empty: Path, capsys: pytest.CaptureFixture[str]) -> None:
    every = validate(parse(empty.read_bytes())).findings()
    assert len(every) > 20_000  # three required loops missing in each set
    assert main(["x12", "validate", str(empty)]) == 1
    out = capsys.readouterr().out
    assert len(out) < 10_000
    assert out.splitlines()[-1].endswith(f": {sum(f.is_error for f in every)} error(s)")
    repeats = [ln for ln in out.splitlines() if ": the same x12.loop.required-missing" in ln]
    assert len(repeats) == 3
    more = len(every) // 3 - SHOWN_PER_REPEAT
    assert all(f" {more} more time(s), at segments " in ln for ln in repeats)


def test_it_gives_the_counts_and_positions_as_json(
    empty: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    every = validate(parse(empty.read_bytes())).findings()
    main(["x12", "validate", "--json", str(empty)])
    report = json.loads(capsys.readouterr().out)
    assert report["findings_total"] == len(every)
    assert report["errors"] == sum(f.is_error for f in every)
    assert len(report["findings"]) == 3 * SHOWN_PER_REPEAT
    listed = sum(1 for _ in report["findings"]) + sum(g["more"] for g in report["repeated"])
    assert listed == len(every)
    for group in report["repeated"]:
        assert group["count"] == group["more"] + SHOWN_PER_REPEAT
        assert len(group["positions"]) == POSITIONS_NAMED
        assert group["positions"] == sorted(group["positions"])


def test_it_lists_every_finding_when_asked(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = tmp_path / "claims.837"
    path.write_bytes(many_claims(20_000))  # a bad birth date, POS and pointer per claim
    every = validate(parse(path.read_bytes())).findings()
    main(["x12", "validate", "--all", str(path)])
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == len(every) + 1  # each finding, then the verdict
    assert not [ln for ln in lines if ": the same " in ln]
