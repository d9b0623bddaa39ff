"""A ``cleanclaim remit post`` killed (SIGKILL) halfway through a 1,000-claim 835
resumes on the next run: every claim payment is posted once, and the ledger is the one
a single clean posting of the same file makes elsewhere. On SQLite and PostgreSQL
(whichever the test database is)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from django.db import connection

from cleanclaim.audit.actor import Actor
from cleanclaim.claims.models import ClaimEvent
from cleanclaim.ledger.models import LedgerEntry
from cleanclaim.remits import actions
from cleanclaim.remits.models import ClaimPayment
from cleanclaim.testing.personas import Tenant, build_world
from cleanclaim.testing.remits import claims_for_835, many_claims_835

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.timeout(1200)]

N = 1000
SRC = Path(__file__).resolve().parents[2] / "src"


def _database_url() -> str:
    s = connection.settings_dict
    if s["ENGINE"].endswith("sqlite3"):
        return f"sqlite:///{Path(s['NAME']).resolve()}"
    auth = s["USER"] + (f":{s['PASSWORD']}" if s["PASSWORD"] else "")
    return f"postgres://{auth}@{s['HOST'] or '127.0.0.1'}:{s['PORT'] or 5432}/{s['NAME']}"


def _command(path: Path, tenant: Tenant) -> list[str]:
    return [
        sys.executable,
        "-m",
        "cleanclaim",
        "remit",
        "post",
        str(path),
        "--practice",
        str(tenant.practice.pk),
    ]


def _ledger(tenant: Tenant) -> list[tuple[object, ...]]:
    return sorted(
        LedgerEntry.objects.filter(practice=tenant.practice)
        .exclude(kind="charge")  # put there by the set-up's sending, not by posting
        .values_list("key", "bucket", "kind", "amount", "claim__number", "line_number", "reason")
    )


def test_it_resumes_after_a_kill(tmp_path: Path) -> None:
    world = build_world()
    home, fresh = world.home, world.outsider
    data = many_claims_835(N)
    remit = actions.read(data)[0]
    for t in (home, fresh):
        claims_for_835(remit, t.practice, t.payer, t.provider, t.location)
    path = tmp_path / "big.835"
    path.write_bytes(data)
    env = {**os.environ, "DATABASE_URL": _database_url(), "PYTHONPATH": str(SRC)}
    env.pop("DJANGO_SETTINGS_MODULE", None)

    proc = subprocess.Popen(
        _command(path, home), env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    deadline = time.monotonic() + 240
    posted = 0
    while time.monotonic() < deadline and proc.poll() is None:
        posted = ClaimPayment.objects.filter(practice=home.practice).count()
        if posted >= N // 4:
            break
        time.sleep(0.02)
    assert proc.poll() is None, "the run ended before it could be killed"
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    posted = ClaimPayment.objects.filter(practice=home.practice).count()
    assert N // 4 <= posted < N  # killed halfway: some posted, not all

    again = subprocess.run(_command(path, home), env=env, capture_output=True, text=True)
    assert again.returncode == 0, again.stderr
    assert f"{N - posted} claim payments posted, {posted} already posted" in again.stdout

    actions.post_file(
        Actor(user=None, label="system: test"),
        actions.take_in_835(Actor(user=None, label="system: test"), fresh.practice, "b", data),
    )
    assert ClaimPayment.objects.filter(practice=home.practice).count() == N
    assert _ledger(home) == _ledger(fresh)
    assert len(_ledger(home)) == N * 6
    paid = ClaimEvent.objects.filter(kind="paid", claim__practice=home.practice)
    assert paid.count() == N
