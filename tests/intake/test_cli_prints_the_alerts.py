"""``cleanclaim clearinghouse alerts`` prints each alert, as of a moment."""

from __future__ import annotations

import datetime as dt

import pytest

from cleanclaim.audit.actor import Actor
from cleanclaim.clearinghouses.models import Connection
from cleanclaim.cli import main
from cleanclaim.testing.personas import World

from .conftest import new_claim, send

SENT = dt.datetime(2026, 3, 1, 9, 0, tzinfo=dt.UTC)


def test_it_prints_a_batch_without_999_and_exits_1(
    world: World, actor: Actor, connection: Connection, capsys: pytest.CaptureFixture[str]
) -> None:
    batch = send(actor, connection, [new_claim(world, actor)], sent_at=SENT)
    assert main(["clearinghouse", "alerts", "--now", "2026-03-01T09:30:00+00:00"]) == 0
    assert "0 batch(es) without 999" in capsys.readouterr().out
    assert main(["clearinghouse", "alerts", "--now", "2026-03-01T12:00:00+00:00"]) == 1
    out = capsys.readouterr().out
    assert f"Batch {batch.pk} (ISA13 {batch.isa13:09d}, 1 claims) has no 999 3 hours" in out
    other = world.outsider.organisation.pk
    assert (
        main(["clearinghouse", "alerts", "--organisation", str(other), "--now", "2026-03-02"]) == 0
    )
