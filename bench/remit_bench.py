"""Post a 10,000-claim-payment 835 into PostgreSQL, beside the engine's read of it.

The product path (timed): ``cleanclaim.remits.actions.take_in_835`` (kept, read,
balanced) then ``post_file`` -- per claim payment one transaction: matched to its claim
and lines, planned, ledger entries, line postings and the ``paid`` event written.

The baseline (same run, same file): the engine alone -- ``cleanclaim.x12.parse`` and the
typed remittance view built; no database.

Setup, not timed: a database of its own (``bench_remit`` on the server of
``DATABASE_URL``, default ``postgres://postgres@127.0.0.1:5432/postgres``; dropped at the
end), migrated, the test world's practice, and the 10,000 sent claims the file answers
inserted directly (patients, coverage, visits, claims, lines, their events).

Run: PYTHONPATH=src python bench/remit_bench.py [N]   (prints figures; no assertions)
"""

from __future__ import annotations

import datetime as dt
import os
import sys
import tempfile
import time
from decimal import Decimal
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit, urlunsplit

N = int(sys.argv[1]) if len(sys.argv) > 1 else 10_000
DB = "bench_remit"
DAY = dt.date(2026, 1, 15)


def _server_url() -> str:
    url = os.environ.get("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/postgres")
    if urlsplit(url).scheme not in ("postgres", "postgresql"):
        raise SystemExit(f"remit_bench: DATABASE_URL must be a postgres:// URL, got {url!r}")
    return url


def _admin(url: str, sql: str) -> None:
    import psycopg

    admin = urlunsplit(urlsplit(url)._replace(path="/postgres"))
    with psycopg.connect(admin.replace("postgres://", "postgresql://", 1), autocommit=True) as c:
        c.execute(sql)


def main() -> int:
    server = _server_url()
    _admin(server, f"DROP DATABASE IF EXISTS {DB}")
    _admin(server, f"CREATE DATABASE {DB}")
    tmp = tempfile.mkdtemp(prefix="cc-bench-")
    os.environ["DATABASE_URL"] = urlunsplit(urlsplit(server)._replace(path=f"/{DB}"))
    os.environ["CLEANCLAIM_VAR_DIR"] = tmp
    os.environ["CLEANCLAIM_REFDATA_DIR"] = str(Path(tmp) / "refdata")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cleanclaim.web.settings")
    try:
        return _run()
    finally:
        from django.db import connections

        connections.close_all()
        _admin(server, f"DROP DATABASE IF EXISTS {DB}")


def _claims(home: object) -> None:
    """The sent claims RC0000001 … with one 99213 and one 80053 line each."""
    from cleanclaim.claims.models import Claim, ClaimEvent, ClaimLine, Encounter
    from cleanclaim.patients.models import Coverage, Patient

    t = home
    patients = Patient.objects.bulk_create(
        Patient(
            practice=t.practice,  # type: ignore[attr-defined]
            account_number=f"B{i:07d}",
            first_name="JANE",
            last_name=f"DOE{i}",
            date_of_birth=dt.date(1950, 1, 1),
            sex="F",
            address_line1="1 Main Street",
            city="Portland",
            state="OR",
            zip_code="97201",
        )
        for i in range(1, N + 1)
    )
    coverages = Coverage.objects.bulk_create(
        Coverage(
            patient=p,
            payer=t.payer,  # type: ignore[attr-defined]
            priority=1,
            member_id=f"M{i}",
            effective_date=dt.date(2000, 1, 1),
        )
        for i, p in enumerate(patients, start=1)
    )
    common = {
        "practice": t.practice,  # type: ignore[attr-defined]
        "rendering_provider": t.provider,  # type: ignore[attr-defined]
        "location": t.location,  # type: ignore[attr-defined]
        "place_of_service": "11",
        "service_from": DAY,
        "service_to": DAY,
        "diagnoses": ["I10"],
    }
    encounters = Encounter.objects.bulk_create(
        Encounter(patient=p, coverage=c, **common) for p, c in zip(patients, coverages, strict=True)
    )
    claims = Claim.objects.bulk_create(
        Claim(
            encounter=e,
            patient=e.patient,
            coverage=e.coverage,
            payer=t.payer,  # type: ignore[attr-defined]
            total_charge=Decimal("165.00"),
            number=f"RC{i:07d}",
            status="submitted",
            **common,
        )
        for i, e in enumerate(encounters, start=1)
    )
    ClaimLine.objects.bulk_create(
        ClaimLine(claim=c, number=n, procedure=code, units=1, charge=Decimal(ch), service_date=DAY)
        for c in claims
        for n, code, ch in ((1, "99213", "125.00"), (2, "80053", "40.00"))
    )
    ClaimEvent.objects.bulk_create(
        ClaimEvent(claim=c, kind=k, user_label="bench", data={})
        for c in claims
        for k in ("created", "scrubbed", "queued", "submitted")
    )


def _run() -> int:
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection

    from cleanclaim.audit.actor import Actor
    from cleanclaim.ledger.models import LedgerEntry
    from cleanclaim.remits import actions
    from cleanclaim.testing.personas import build_world
    from cleanclaim.testing.remits import many_claims_835
    from cleanclaim.x12 import parse

    t0 = time.perf_counter()
    call_command("migrate", verbosity=0)
    home = build_world().home
    _claims(home)
    data = many_claims_835(N)
    setup = time.perf_counter() - t0

    t0 = time.perf_counter()
    doc = parse(data)
    claims = sum(len(t.data.remittance.claims) for t in doc.transactions)
    baseline = time.perf_counter() - t0
    assert claims == N

    actor = Actor(user=None, via="bench", label="bench")
    t0 = time.perf_counter()
    rf = actions.take_in_835(actor, home.practice, "bench.835", data)
    t_intake = time.perf_counter() - t0
    counter = _Counter()
    t0 = time.perf_counter()
    with connection.execute_wrapper(counter):
        summary = actions.post_file(actor, rf)
    t_post = time.perf_counter() - t0
    product = t_intake + t_post
    posting_queries = counter.n
    t0 = time.perf_counter()
    with connection.execute_wrapper(counter):
        again = actions.post_file(actor, rf)
    t_again = time.perf_counter() - t0

    print(f"cleanclaim 835 posting benchmark (PostgreSQL, python {sys.version.split()[0]})")
    print(f"setup (migrate, world, {N:,} sent claims inserted, 835 built): {setup:.1f} s")
    print(f"835: {len(data):,} bytes, {N:,} claim payments, {2 * N:,} service lines")
    print(f"baseline: engine read (parse + typed view): {baseline:.2f} s")
    print(
        f"product: intake (keep, read, balance) {t_intake:.2f} s + posting {t_post:.2f} s "
        f"= {product:.2f} s; per claim payment {t_post / N * 1000:.2f} ms; "
        f"ratio product/baseline {product / baseline:.1f}"
    )
    print(
        f"posted {summary.posted:,}, unmatched {summary.unmatched:,}; ledger entries "
        f"{LedgerEntry.objects.count():,}; posting again: {again.skipped:,} skipped in "
        f"{t_again:.2f} s"
    )
    print(
        f"queries while posting: {posting_queries:,} ({posting_queries / N:.2f} per claim "
        f"payment; commits not counted); posting again: {counter.n - posting_queries:,}"
    )
    return 0


class _Counter:
    """A ``connection.execute_wrapper`` counting the statements sent."""

    def __init__(self) -> None:
        self.n = 0

    def __call__(self, execute: Any, sql: str, params: Any, many: bool, context: Any) -> Any:
        self.n += 1
        return execute(sql, params, many, context)


if __name__ == "__main__":
    raise SystemExit(main())
