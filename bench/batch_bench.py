"""Send a 5,000-claim batch to the sandbox clearinghouse over SFTP and take in its 999
and 277CAs, beside the engine's own write and parse of the same 837P.

The product path (timed, in order):

* **build** -- ``clearinghouses.actions.create_batch``: the queued claims read, each
  turned into the engine's 837P claim, control numbers drawn, the 837P written and kept
  with its checksum, the batch and its claims saved;
* **upload** -- ``actions.send_batch``: the kept bytes over SFTP to the sandbox on the
  loopback (temporary name, then rename), then each claim's ``submitted`` event. The
  sandbox answers inside the rename (docs/clearinghouses-sftp.md), so this includes
  **sandbox adjudication**, timed apart inside the sandbox and shown on its own line;
* **poll + intake** -- ``actions.poll``: the outbound folder listed, each answer fetched,
  kept and taken in (999 onto the batch, a 277CA event per claim).

The baseline (same run, same claims): the X12 engine alone -- the batch's 837P written
from the same claim JSON (``writing.write_batch``) and parsed back (``x12.parse``); no
database, no network.

Setup, not timed: a fresh SQLite database in a temporary var/ (or ``DATABASE_URL``), the
demo organisation, N queued claims for the demo's Medicare payer inserted in bulk (each
with its patient, policy, visit, one 99213 line and its events), the sandbox world written
by the demo's exporter, and the sandbox served on ephemeral loopback ports.

Run: PYTHONPATH=src python bench/batch_bench.py [N]   (prints figures; no assertions)
"""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
import tempfile
import time
from decimal import Decimal
from pathlib import Path

N = int(sys.argv[1]) if len(sys.argv) > 1 else 5_000


def _setup_django(tmp: str) -> None:
    os.environ["CLEANCLAIM_VAR_DIR"] = tmp
    os.environ["CLEANCLAIM_REFDATA_DIR"] = str(Path(tmp) / "refdata")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cleanclaim.web.settings")
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0, interactive=False)


def _queued_claims(practice: object, payer: object, n: int) -> list[object]:
    """``n`` queued claims (one 99213 line each), inserted in bulk as set-up."""
    from cleanclaim.claims.models import Claim, ClaimEvent, ClaimLine, Encounter
    from cleanclaim.patients.models import Coverage, Patient

    day = dt.date.today() - dt.timedelta(days=3)
    provider = practice.providers.order_by("pk").first()  # type: ignore[attr-defined]
    location = practice.locations.order_by("pk").first()  # type: ignore[attr-defined]
    patients = Patient.objects.bulk_create(
        Patient(
            practice=practice,
            account_number=f"BB{i:06d}",
            first_name="PAT",
            last_name=f"BENCH{i}",
            date_of_birth=dt.date(1950, 1, 1) + dt.timedelta(days=i % 3000),
            sex="MF"[i % 2],
            address_line1=f"{i} Main Street",
            city="Salem",
            state="OR",
            zip_code="97301",
        )
        for i in range(1, n + 1)
    )
    coverages = Coverage.objects.bulk_create(
        Coverage(
            patient=p,
            payer=payer,
            priority=1,
            member_id=f"BM{i:09d}",
            effective_date=dt.date(2020, 1, 1),
        )
        for i, p in enumerate(patients, start=1)
    )
    common = {
        "practice": practice,
        "rendering_provider": provider,
        "location": location,
        "place_of_service": "11",
        "diagnoses": ["I10"],
    }
    encounters = Encounter.objects.bulk_create(
        Encounter(patient=p, coverage=c, service_from=day, service_to=day, **common)
        for p, c in zip(patients, coverages, strict=True)
    )
    claims = Claim.objects.bulk_create(
        Claim(
            encounter=e,
            patient=e.patient,
            coverage=e.coverage,
            payer=payer,
            service_from=day,
            service_to=day,
            total_charge=Decimal("120.00"),
            number=f"BB{i:08d}",
            status="queued",
            **common,
        )
        for i, e in enumerate(encounters, start=1)
    )
    ClaimLine.objects.bulk_create(
        ClaimLine(
            claim=c,
            number=1,
            procedure="99213",
            modifiers=[],
            units=1,
            charge=Decimal("120.00"),
            pointers=[1],
            service_date=day,
        )
        for c in claims
    )
    ClaimEvent.objects.bulk_create(
        ClaimEvent(claim=c, kind=kind, user_label="bench set-up", data=data)
        for c in claims
        for kind, data in (("created", {}), ("scrubbed", {"errors": 0}), ("queued", {}))
    )
    return list(claims)


def _run(tmp: str) -> int:
    from cleanclaim.audit.actor import Actor
    from cleanclaim.claims.models import Claim
    from cleanclaim.clearinghouses import actions, writing
    from cleanclaim.clearinghouses.control import Numbers
    from cleanclaim.clearinghouses.models import Connection
    from cleanclaim.testing.sandbox import demo_sandbox
    from cleanclaim.web import demo
    from cleanclaim.x12 import parse

    ctx = demo.build()
    practice = ctx.practices[0]
    payer = ctx.payers["medicare"]
    # Only the bench's claims go in the batch: the demo's own queued claims wait.
    Claim.objects.filter(status="queued").update(status="ready")
    _queued_claims(practice, payer, N)
    connection = Connection.objects.get(organisation=ctx.organisation, name="sandbox")
    Connection.objects.filter(pk=connection.pk).update(
        settings={**connection.settings, "timeout": 600}
    )
    actor = Actor(user=None, via="bench", label="bench")
    load = subprocess.run(["uptime"], capture_output=True, text=True).stdout.strip()
    with demo_sandbox(Path(tmp) / "sandbox", ctx.organisation) as sandbox:
        adjudication = [0.0]
        received = sandbox._received

        def timed(user: str, path: Path) -> None:
            t = time.perf_counter()
            received(user, path)
            adjudication[0] += time.perf_counter() - t

        sandbox.sftp.on_upload = timed
        connection.refresh_from_db()

        t0 = time.perf_counter()
        (batch,) = actions.create_batch(actor, practice, connection, limit=N)
        t1 = time.perf_counter()
        actions.send_batch(actor, batch)
        t2 = time.perf_counter()
        result = actions.poll(actor, connection)
        t3 = time.perf_counter()

    batch.refresh_from_db()
    data = bytes(batch.files.get(direction="out").content)
    claims = list(
        Claim.objects.filter(batch_claims__batch=batch)
        .select_related("practice", "patient", "coverage", "payer", "rendering_provider")
        .select_related("location")
        .prefetch_related("lines")
        .order_by("id")
    )
    routed = actions.routed_payers(practice, connection)
    good, _bad = writing.claim_views(claims, routed)
    b0 = time.perf_counter()
    again = writing.write_batch(
        connection,
        [j for _c, j in good],
        Numbers(batch.isa13, batch.gs06, batch.st02),
        now=batch.created_at,
    )
    b1 = time.perf_counter()
    parse(again)
    b2 = time.perf_counter()

    statuses: dict[str, int] = {}
    for status in Claim.objects.filter(batch_claims__batch=batch).values_list("status", flat=True):
        statuses[status] = statuses.get(status, 0) + 1
    build, upload, poll = t1 - t0, t2 - t1, t3 - t2
    print(f"batch_bench: {N} claims, 837P {len(data) / 1e6:.2f} MB, batch {batch.status}")
    print(f"  load: {load}")
    print(f"  build (claims read, 837P written and kept)  {build:7.2f} s")
    print(f"  upload over SFTP (incl. adjudication)       {upload:7.2f} s")
    print(f"    of which sandbox adjudication             {adjudication[0]:7.2f} s")
    print(f"  poll + intake ({len(result.taken)} files)            {poll:7.2f} s")
    print(f"  total                                       {build + upload + poll:7.2f} s")
    print(f"  claims after intake: {statuses}")
    print(f"  baseline: engine write {b1 - b0:.2f} s + parse {b2 - b1:.2f} s of the same 837P")
    return 0


def main() -> int:
    tmp = tempfile.mkdtemp(prefix="cc-batch-bench-")
    os.environ.setdefault("DATABASE_URL", f"sqlite:///{tmp}/bench.sqlite3")
    _setup_django(tmp)
    return _run(tmp)


if __name__ == "__main__":
    raise SystemExit(main())
