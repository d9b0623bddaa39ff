"""Build, scrub and write 10,000 claims from visits on PostgreSQL, beside the engine alone.

The product path (timed): ``cleanclaim.claims.building.build_many`` over 10,000 visits —
the claims and their lines written, each mapped once to the engine's 837P claim, scrubbed
with the organisation's payer limits and rules, its ``created`` and ``scrubbed`` events
appended and its status derived, all in one transaction — then the 10,000 claims written
as one 837P (``cleanclaim.claims.x837p.write_837p``).

The baseline (same run, same claims): the engine alone — the same 10,000 claims as plain
837P view objects, scrubbed (``from_x12_claim`` + ``scrub_claim`` with a freshly loaded
context) and written (``write_views``): no database.

Setup, not timed: a database of its own (``bench_claims`` on the server of
``DATABASE_URL``, default ``postgres://postgres@127.0.0.1:5432/postgres``; dropped at the
end), migrated, the demo organisation, and 10,000 coded visits of its first practice's
patients inserted directly.

Run: PYTHONPATH=src python bench/claims_bench.py [N]   (prints figures; no assertions)
"""

from __future__ import annotations

import datetime as dt
import os
import random
import sys
import tempfile
import time
from decimal import Decimal
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

N = int(sys.argv[1]) if len(sys.argv) > 1 else 10_000
DB = "bench_claims"
DIAGNOSES = ["I10", "E11.9", "E78.5", "J06.9", "M25.561", "R05.9", "K21.9", "F41.1", "N39.0"]
PROCEDURES = [
    ("99213", "125.00"),
    ("99214", "180.00"),
    ("99212", "85.00"),
    ("36415", "15.00"),
    ("93000", "45.00"),
    ("81002", "12.00"),
]


def _server_url() -> str:
    url = os.environ.get("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/postgres")
    parts = urlsplit(url)
    if parts.scheme not in ("postgres", "postgresql"):
        raise SystemExit(f"claims_bench: DATABASE_URL must be a postgres:// URL, got {url!r}")
    return url


def _admin(url: str, sql: str) -> None:
    import psycopg

    parts = urlsplit(url)
    admin = urlunsplit(parts._replace(path="/postgres"))
    with psycopg.connect(admin.replace("postgres://", "postgresql://", 1), autocommit=True) as c:
        c.execute(sql)


def main() -> int:
    server = _server_url()
    bench_url = urlunsplit(urlsplit(server)._replace(path=f"/{DB}"))
    _admin(server, f"DROP DATABASE IF EXISTS {DB}")
    _admin(server, f"CREATE DATABASE {DB}")
    tmp = tempfile.mkdtemp(prefix="cc-bench-")
    os.environ["DATABASE_URL"] = bench_url
    os.environ["CLEANCLAIM_VAR_DIR"] = tmp
    os.environ["CLEANCLAIM_REFDATA_DIR"] = str(Path(tmp) / "refdata")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cleanclaim.web.settings")
    try:
        return _run()
    finally:
        from django.db import connections

        connections.close_all()
        _admin(server, f"DROP DATABASE IF EXISTS {DB}")


def _visits(n: int, today: dt.date) -> list[object]:
    from cleanclaim.claims.models import Encounter, EncounterLine
    from cleanclaim.practices.models import Practice

    rng = random.Random(13)
    practice = Practice.objects.order_by("pk").first()
    assert practice is not None
    provider = practice.providers.order_by("pk").first()
    location = practice.locations.order_by("pk").first()
    patients = [
        p
        for p in practice.patients.prefetch_related("coverages")
        if any(c.is_active_on(today - dt.timedelta(days=60)) for c in p.coverages.all())
    ]
    encounters = []
    for i in range(n):
        dx = rng.sample(DIAGNOSES, rng.randint(1, 3))
        encounters.append(
            Encounter(
                practice=practice,
                patient=patients[i % len(patients)],
                rendering_provider=provider,
                location=location,
                place_of_service=location.place_of_service,
                service_from=today - dt.timedelta(days=1 + i % 60),
                service_to=today - dt.timedelta(days=1 + i % 60),
                diagnoses=dx,
            )
        )
    Encounter.objects.bulk_create(encounters, batch_size=2000)
    lines = []
    for e in encounters:
        for number, (code, charge) in enumerate(rng.sample(PROCEDURES, rng.randint(1, 3)), 1):
            lines.append(
                EncounterLine(
                    encounter=e,
                    number=number,
                    procedure=code,
                    charge=Decimal(charge),
                    pointers=["A", "B", "C"][: len(e.diagnoses)][: 1 + number % 2],
                )
            )
    EncounterLine.objects.bulk_create(lines, batch_size=5000)
    return encounters


def _run() -> int:
    import django

    django.setup()
    from django.core.management import call_command

    from cleanclaim.audit.actor import Actor
    from cleanclaim.claims.building import build_many
    from cleanclaim.claims.x837p import submitter_receiver, write_837p, write_views
    from cleanclaim.coding.service import store
    from cleanclaim.edits import scrub_claim
    from cleanclaim.edits.refdata import context_from_refdata
    from cleanclaim.edits.x12_adapter import from_x12_claim
    from cleanclaim.web import demo
    from cleanclaim.x12 import gc_paused

    today = dt.date.today()
    t0 = time.perf_counter()
    call_command("migrate", verbosity=0)
    demo.build()
    encounters = _visits(N, today)
    setup = time.perf_counter() - t0
    store().lookup("icd10cm", "I10", today)  # the code store is loaded once per process
    actor = Actor(user=None, via="bench", label="bench")

    t0 = time.perf_counter()
    built = build_many(actor, encounters, today=today)
    t_build = time.perf_counter() - t0
    t0 = time.perf_counter()
    text = write_837p([b.claim for b in built], views=[b.view for b in built])
    t_write = time.perf_counter() - t0
    product = t_build + t_write

    views = [b.view for b in built]
    submitter, receiver = submitter_receiver(built[0].claim)
    t0 = time.perf_counter()
    s = store()
    ctx = context_from_refdata(today, root=s.root, codes=s)
    with gc_paused():
        results = [scrub_claim(from_x12_claim(v), ctx) for v in views]
    t_scrub = time.perf_counter() - t0
    t0 = time.perf_counter()
    base_text = write_views(views, submitter, receiver)
    t_base_write = time.perf_counter() - t0
    baseline = t_scrub + t_base_write

    with_errors = sum(1 for b in built if b.result.has_error)
    print(f"cleanclaim claims benchmark (PostgreSQL, python {sys.version.split()[0]})")
    print(f"setup (migrate, demo, {N:,} visits inserted): {setup:.1f} s")
    print(f"{'path':<44}{'build+scrub s':>14}{'write s':>9}{'total s':>9}")
    for name, build_s, write_s in (
        ("product: visits -> claims rows, events, 837P", t_build, t_write),
        ("baseline: engine alone (views, scrub, 837P)", t_scrub, t_base_write),
    ):
        print(f"{name:<44}{build_s:>14.2f}{write_s:>9.2f}{build_s + write_s:>9.2f}")
    print(
        f"ratio product/baseline: {product / baseline:.2f}; per claim {product / N * 1000:.2f} ms"
    )
    print(
        f"claims with errors: {with_errors:,} (baseline: {sum(r.has_error for r in results):,}); "
        f"837P {len(text):,} bytes (baseline {len(base_text):,})"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
