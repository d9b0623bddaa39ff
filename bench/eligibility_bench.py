"""What one real-time eligibility check costs cleanclaim, beside the payer's answer time,
and the night-before batch over a 500-visit day.

Timed per check (200 checks): ``cleanclaim.eligibility.actions.check`` end to end —
build the 270 (through the guide's builder and the envelope writer), store the row
and its audit entry, hand the 270 to the sender, read the 271 into a benefits summary
and store it. The sender is the in-process responder
(``cleanclaim.testing.eligibility.responder``: it parses the 270 and builds a 271);
its own time is measured separately and is the baseline column: cleanclaim's own
cost is the total minus the responder's time. With ``--http`` the 270 travels in the
CAQH CORE envelope (``cleanclaim.caqhcore.CoreClient``, MIME form) to the sandbox's
``CoreServer`` on the loopback, whose handler is the same responder: the envelope and
the HTTP round trip are then part of cleanclaim's own cost.

Then a batch: 500 visits on one day (the test world's visit copied to 500 patients),
``cleanclaim.eligibility.batch.run_batch``, with its progress counted as it goes.

With ``--sandbox`` the answers come from the real sandbox clearinghouse instead: the
bench's practice gets a ``sandbox`` connection as the demo makes one (plug-in
``sandbox``, its password in the connection's secrets), its payer is routed through it,
the 500 visits are made first so the sandbox's world (exported from the bench's own
records, :mod:`cleanclaim.clearinghouses.sandbox.world`) knows all their members, and
:class:`cleanclaim.sandbox.service.SandboxService` runs on loopback. Every check takes
the product's own path (``eligibility.actions.check`` → ``clearinghouses.realtime.
exchange`` → CORE envelope over HTTP → the sandbox's adjudicator → 271 read and
stored). The baseline is the sandbox's own answer time, timed on the sandbox side
around ``Adjudicator.answer_270`` in the same run.

Throw-away SQLite database; run:
PYTHONPATH=src python bench/eligibility_bench.py [N] [--http | --sandbox]
(prints figures; no assertions)
"""

from __future__ import annotations

import datetime as dt
import os
import sys
import tempfile
import time
from typing import Any

ARGS = [a for a in sys.argv[1:] if not a.startswith("--")]
HTTP = "--http" in sys.argv
SANDBOX = "--sandbox" in sys.argv
N = int(ARGS[0]) if ARGS else 200
VISITS = 500
#: With ``--sandbox``: the member whose plan the payer ended the day before the checks.
INACTIVE_MEMBER = "BENCH00007"


def _pct(xs: list[float], p: float) -> float:
    xs = sorted(xs)
    return xs[min(len(xs) - 1, round(p * (len(xs) - 1)))]


def main() -> int:
    tmp = tempfile.mkdtemp(prefix="cc-bench-")
    os.environ["CLEANCLAIM_VAR_DIR"] = tmp
    os.environ.pop("DATABASE_URL", None)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cleanclaim.web.settings")
    import django

    django.setup()
    from django.core.management import call_command

    from cleanclaim.audit.actor import Actor
    from cleanclaim.claims.models import Encounter
    from cleanclaim.eligibility import actions
    from cleanclaim.eligibility import batch as batches
    from cleanclaim.patients.models import Coverage, Patient
    from cleanclaim.testing.eligibility import responder
    from cleanclaim.testing.personas import build_world

    call_command("migrate", verbosity=0)
    world = build_world()
    actor = Actor.process()
    answer = responder()
    payer_times: list[float] = []

    def timed_answer(connection: Any, x12: str) -> bytes:
        start = time.perf_counter()
        out = answer(connection, x12)
        payer_times.append(time.perf_counter() - start)
        return bytes(out)

    batch_day = dt.date(2026, 12, 8)

    def make_visits() -> None:
        """The 500-visit day: the test world's visit copied to 500 patients."""
        visit = Encounter.objects.filter(practice=world.home.practice).first()
        assert visit is not None
        cov = world.home.coverage
        for n in range(VISITS):
            p = world.home.patient
            p.pk = None
            p.account_number = f"B{n:05d}"
            p.version = 1
            Patient.save(p)
            c = Coverage.objects.get(pk=cov.pk)
            c.pk = None
            c.patient = p
            c.member_id = f"BENCH{n:05d}"
            Coverage.save(c)
            e = Encounter.objects.get(pk=visit.pk)
            e.pk = None
            e.patient = p
            e.coverage = c
            e.service_from = e.service_to = batch_day
            Encounter.save(e)

    timed_send = timed_answer
    sandbox_label = "responder"
    if SANDBOX:
        timed_send = None  # the product's own sender: realtime.exchange on the connection
        sandbox_label = "sandbox"
        make_visits()
        stop = start_sandbox(actor, world, payer_times, dt.date(2026, 12, 7))
    if HTTP:
        from cleanclaim.caqhcore import X12_271_RESPONSE, CoreClient, CoreEnvelope
        from cleanclaim.sandbox.core_server import CoreServer

        def handle(envelope: CoreEnvelope) -> tuple[str, bytes]:
            return X12_271_RESPONSE, timed_answer(None, envelope.payload.decode())

        server = CoreServer(handle, users={"bench": "bench pass"}).start()
        client = CoreClient(server.url, "bench", "bench pass", "CLEANCLAIM", "SANDBOX")

        def timed_send(connection: Any, x12: str) -> bytes:
            return actions.send_270(client, x12)

        print(f"over HTTP: CORE MIME envelope to the sandbox CoreServer at {server.url}")

    day = dt.date(2026, 12, 7)
    totals: list[float] = []
    for _ in range(N):
        start = time.perf_counter()
        row = actions.check(actor, world.home.coverage, ("30", "98"), day=day, send=timed_send)
        totals.append(time.perf_counter() - start)
        assert row.status == "answered", row.error or row.status
    own = [t - p for t, p in zip(totals, payer_times, strict=True)]
    print(f"real-time check, {N} checks (ms):")
    print("| measure | p50 | p95 |")
    print("|---|---|---|")
    for name, xs in (
        (f"cleanclaim's own cost (total − {sandbox_label})", own),
        (f"{sandbox_label}'s answer time (baseline)", payer_times),
        ("total", totals),
    ):
        print(f"| {name} | {1000 * _pct(xs, 0.5):.1f} | {1000 * _pct(xs, 0.95):.1f} |")

    if not SANDBOX:
        make_visits()
    row = batches.start_batch(actor, world.home.practice, batch_day)
    seen: list[tuple[float, int]] = []
    start = time.perf_counter()
    result = batches.run_batch(
        actor,
        row,
        send=timed_send,
        on_progress=lambda n, total: seen.append((time.perf_counter() - start, n)),
    )
    took = time.perf_counter() - start
    print(
        f"\nbatch: {result.done} of {result.total} visits checked in {took:.1f} s "
        f"({1000 * took / max(result.total, 1):.1f} ms a visit), {result.failed} failed; "
        f"progress at 25/50/75%: "
        + ", ".join(f"{seen[int(q * len(seen)) - 1][0]:.1f} s" for q in (0.25, 0.5, 0.75))
    )
    if SANDBOX:
        found = batches.problems(row)
        kinds: dict[str, int] = {}
        for problem in found:
            kinds[problem.kind] = kinds.get(problem.kind, 0) + 1
        print(
            f"progress rows: {result.done} checks on the batch ({result.answered} answered, "
            f"{result.failed} failed), on_progress called {len(seen)} times; "
            f"problems found: {len(found)} {kinds}"
        )
        print(
            f"sandbox answer time in the batch: p50 {1000 * _pct(payer_times[N:], 0.5):.1f} ms, "
            f"p95 {1000 * _pct(payer_times[N:], 0.95):.1f} ms"
        )
        stop()
    print(f"load: {os.getloadavg()}")
    return 0


def start_sandbox(actor: Any, world: Any, times: list[float], today: dt.date) -> Any:
    """The bench practice's ``sandbox`` connection (as the demo makes it), its payer
    routed through it, the world exported from the bench's records and the sandbox
    service started on loopback with ``Adjudicator.answer_270`` timed into ``times``.
    Answers the function that stops the service."""
    from pathlib import Path

    from django.conf import settings

    from cleanclaim.caqhcore.envelope import X12_270_REQUEST, X12_271_RESPONSE
    from cleanclaim.clearinghouses import actions as ch_actions
    from cleanclaim.clearinghouses import demo
    from cleanclaim.clearinghouses.sandbox.world import write_world
    from cleanclaim.patients.models import Coverage
    from cleanclaim.payers import actions as payer_actions
    from cleanclaim.sandbox import service as sandbox_service
    from cleanclaim.sandbox.adjudicator import Adjudicator
    from cleanclaim.sandbox.service import SandboxService
    from cleanclaim.testing.sandbox import point_at

    org = world.home.organisation
    word = demo.password()
    connection = ch_actions.save_connection(
        actor, org, secrets={"password": word}, **demo.connection_fields()
    )
    payer_actions.update_payer(actor, world.home.payer, clearinghouse_connection=demo.NAME)
    root = Path(settings.VAR_DIR) / "sandbox"
    from cleanclaim.clearinghouses.sandbox.world import world_for

    # one member's plan ended at the payer (as in the demo): the batch should find it
    data = world_for(org, connection, today=today, inactive=[INACTIVE_MEMBER])
    write_world(root / "world.json", data)
    members = Coverage.objects.filter(payer=world.home.payer).count()
    print(
        f"sandbox world: {len(data['payers'])} payer(s), {len(data['members'])} members "
        f"({members} coverages of the routed payer)"
    )

    def timed_270(adjudicator: Adjudicator, payload: bytes) -> bytes:
        start = time.perf_counter()
        out = Adjudicator.answer_270(adjudicator, payload)
        times.append(time.perf_counter() - start)
        return out

    sandbox_service._ANSWERS[X12_270_REQUEST] = (X12_271_RESPONSE, timed_270)
    users = {demo.USER: word}
    service = SandboxService(root, root / "world.json", users=users, today=today).start()
    point_at(connection, service)
    print(f"against the sandbox clearinghouse: CORE endpoint on 127.0.0.1:{service.core.port}")
    return service.stop


if __name__ == "__main__":
    sys.exit(main())
