"""Control numbers (ISA13, GS06, ST02) come from one database counter per connection:
two worker processes drawing at once never get the same number, and each connection
counts on its own."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.db import connection as db

from cleanclaim.clearinghouses.control import next_numbers
from cleanclaim.clearinghouses.models import Connection, ControlCounter
from cleanclaim.testing.personas import World

from .conftest import make_connection

ROOT = Path(__file__).resolve().parents[2]
DRAWS = 40

WORKER = """
from cleanclaim.clearinghouses.control import next_numbers
from cleanclaim.clearinghouses.models import Connection
c = Connection.objects.get(pk={pk})
print(" ".join(str(next_numbers(c).isa13) for _ in range({draws})))
"""


def _database_url() -> str:
    settings = db.settings_dict
    if db.vendor == "sqlite":
        return f"sqlite:///{Path(settings['NAME']).resolve()}"
    password = f":{settings['PASSWORD']}" if settings["PASSWORD"] else ""
    port = settings["PORT"] or 5432
    return f"postgres://{settings['USER']}{password}@{settings['HOST']}:{port}/{settings['NAME']}"


@pytest.mark.django_db
def test_it_counts_per_connection_and_uses_one_number_for_the_three(world: World) -> None:
    first = make_connection(world, name="one")
    second = make_connection(world, name="two")
    a, b = next_numbers(first), next_numbers(first)
    assert (a.isa13, a.gs06, a.st02) == (1, 1, 1)
    assert b.isa13 == 2
    assert next_numbers(second).isa13 == 1


@pytest.mark.django_db(transaction=True)
@pytest.mark.slow
def test_it_never_hands_one_number_to_two_concurrent_workers(world: World, tmp_path: Path) -> None:
    conn = make_connection(world)
    env = {
        **os.environ,
        "DATABASE_URL": _database_url(),
        "CLEANCLAIM_VAR_DIR": str(tmp_path),
        "PYTHONPATH": str(ROOT / "src"),
    }
    code = WORKER.format(pk=conn.pk, draws=DRAWS)
    workers = [
        subprocess.Popen(
            [sys.executable, "-m", "cleanclaim", "manage", "shell", "-c", code],
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for _ in range(2)
    ]
    outputs = [w.communicate(timeout=240) for w in workers]
    drawn: list[int] = []
    for worker, (out, err) in zip(workers, outputs, strict=True):
        assert worker.returncode == 0, err[-2000:]
        drawn += [int(n) for n in out.strip().splitlines()[-1].split()]
    assert len(drawn) == 2 * DRAWS
    assert sorted(drawn) == list(range(1, 2 * DRAWS + 1))
    assert ControlCounter.objects.get(connection=conn).last == 2 * DRAWS
    assert Connection.objects.count() == 1
