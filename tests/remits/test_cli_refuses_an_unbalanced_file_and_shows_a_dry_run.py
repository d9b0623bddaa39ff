"""``cleanclaim remit post``: an unbalanced file is refused whole (exit 1, the
difference printed, nothing posted); ``--dry-run`` prints what would post and posts
nothing; a plain run posts."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from cleanclaim.cli import main
from cleanclaim.ledger.models import LedgerEntry
from cleanclaim.remits.actions import read
from cleanclaim.testing.personas import build_world
from cleanclaim.testing.remits import claims_for_835, many_claims_835

pytestmark = pytest.mark.django_db


def test_it_refuses_dry_runs_and_posts(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    home = build_world().home
    data = many_claims_835(2)
    claims_for_835(read(data)[0], home.practice, home.payer, home.provider, home.location)
    bad = tmp_path / "bad.835"
    bad.write_bytes(data.replace(b"CLP*RC0000001*1*165*110", b"CLP*RC0000001*1*165*100"))
    good = tmp_path / "good.835"
    good.write_bytes(data)
    practice = ["--practice", str(home.practice.pk)]

    assert main(["remit", "post", str(bad), *practice]) == 1
    err = capsys.readouterr().err
    assert "refused" in err and "claim RC0000001" in err and "off by 10" in err
    assert not LedgerEntry.objects.exclude(kind="charge").exists()

    assert main(["remit", "post", str(good), "--dry-run", *practice]) == 0
    shown = json.loads(capsys.readouterr().out)
    assert [c["claim"] for c in shown["would_post"]] == ["RC0000001", "RC0000002"]
    assert not LedgerEntry.objects.exclude(kind="charge").exists()

    assert main(["remit", "post", str(good), *practice]) == 0
    assert "2 claim payments posted, 0 already posted" in capsys.readouterr().out
    assert LedgerEntry.objects.exclude(kind="charge").count() == 12
