"""``cleanclaim statements run --practice NPI --date``: the cycle's statements, once."""

from __future__ import annotations

import pytest

from cleanclaim.cli import main
from cleanclaim.statements.models import Statement

from .helpers import answered_visit


@pytest.mark.django_db(transaction=False)
def test_it_makes_the_statements_and_a_second_run_makes_none(world, capsys) -> None:
    answered_visit(world)
    npi = world.home.practice.npi
    assert main(["statements", "run", "--practice", npi, "--date", "2026-03-01"]) == 0
    out = capsys.readouterr().out
    assert "2026-03: 1 statements made, 0 small balances written off" in out
    assert main(["statements", "run", "--practice", npi, "--date", "2026-03-09"]) == 0
    assert "2026-03: 0 statements made" in capsys.readouterr().out
    assert Statement.objects.filter(practice=world.home.practice).count() == 1
    assert main(["statements", "run", "--practice", "nowhere", "--date", "2026-03-01"]) == 2
