"""``cleanclaim eligibility run --date D --practice ID`` checks the day's visits and
prints the problems (exit 1), or says all is well (exit 0)."""

from __future__ import annotations

from typing import Any

import pytest

from cleanclaim.claims.models import Encounter
from cleanclaim.cli import main
from cleanclaim.eligibility.models import EligibilityCheck
from cleanclaim.testing.eligibility import INACTIVE_BENEFITS
from cleanclaim.testing.personas import World


def _day(world: World) -> str:
    visit = Encounter.objects.filter(practice=world.home.practice).first()
    assert visit is not None
    return visit.service_from.isoformat()


def test_it_prints_the_problems(
    world: World, answers: dict[str, Any], capsys: pytest.CaptureFixture[str]
) -> None:
    answers[world.home.coverage.member_id] = INACTIVE_BENEFITS
    argv = ["eligibility", "run", "--date", _day(world), "--practice", str(world.home.practice.pk)]
    assert main(argv) == 1
    out = capsys.readouterr().out
    assert "1 of 1 checked" in out
    assert f"{world.home.patient.account_number}" in out and "inactive" in out
    assert EligibilityCheck.objects.filter(result="inactive").count() == 1


def test_it_exits_0_when_all_is_well(
    world: World, answers: dict[str, Any], capsys: pytest.CaptureFixture[str]
) -> None:
    argv = ["eligibility", "run", "--date", _day(world), "--practice", str(world.home.practice.pk)]
    assert main(argv) == 0


def test_it_names_an_unknown_practice(world: World, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["eligibility", "run", "--date", "2026-12-07", "--practice", "999999"]) == 2
    assert "no practice with id 999999" in capsys.readouterr().err
