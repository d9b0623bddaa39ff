"""``cleanclaim claims export-837p`` writes the named claims as one 837P, and says which
number it does not know."""

from __future__ import annotations

from pathlib import Path

import pytest

from cleanclaim.cli import main
from cleanclaim.testing.personas import World
from cleanclaim.x12 import parse
from cleanclaim.x12.x222a1_837p import claims


def test_it_writes_the_named_claims(world: World, tmp_path: Path) -> None:
    out = tmp_path / "batch.837"
    assert main(["claims", "export-837p", world.home.claim.number, "-o", str(out)]) == 0
    read = claims(parse(out.read_text()).transactions[0].data)
    assert [c.claim_id for c in read] == [world.home.claim.number]


def test_it_names_an_unknown_claim(world: World, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["claims", "export-837p", "CC99999999"]) == 2
    assert "no claim numbered CC99999999" in capsys.readouterr().err
