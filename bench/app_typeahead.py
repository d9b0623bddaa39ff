"""What the coding screen's type-ahead costs on top of the search itself: the
``/coding/search/`` fragment (session, permission check, search, template) against
``Store.search`` called directly for the same queries, in the same run, on a throw-away
SQLite database with the demo data and only the packaged ICD-10-CM + starter sets.

Each query is also replayed as a coder types it (every prefix of 3+ characters), which
is what the page really sends (150 ms after the last key).

Run: PYTHONPATH=src python bench/app_typeahead.py   (prints figures; no assertions)
"""

from __future__ import annotations

import datetime as dt
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
DOS = dt.date(2026, 5, 1)


def _pct(values: list[float], p: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, round(p * (len(values) - 1)))]


def main() -> int:
    tmp = tempfile.mkdtemp(prefix="cc-bench-")
    os.environ["CLEANCLAIM_VAR_DIR"] = tmp
    os.environ["CLEANCLAIM_REFDATA_DIR"] = str(Path(tmp) / "refdata")
    os.environ.pop("DATABASE_URL", None)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cleanclaim.web.settings")
    import django

    django.setup()
    from django.core.management import call_command
    from django.test import Client
    from django.test.utils import setup_test_environment

    from cleanclaim.coding.service import RESULT_LIMIT, store
    from cleanclaim.practices.models import User
    from cleanclaim.web import demo

    setup_test_environment()  # the test client's host and CSRF rules
    call_command("migrate", verbosity=0)
    demo.build()
    client = Client()
    client.force_login(User.objects.get(email="coder@demo.test"))

    queries = [
        line.split("\t", 1)[0].strip()
        for line in (HERE / "search_eval.tsv").read_text().splitlines()
        if line.strip() and not line.startswith("#")
    ]
    typed = [q[:n] for q in queries for n in range(3, len(q) + 1)]
    s = store()
    start = time.perf_counter()
    s.search("warm up", systems=("icd10cm",), as_of=DOS, limit=RESULT_LIMIT)
    first = time.perf_counter() - start
    client.get("/coding/search/", {"q": "warm up", "date": DOS.isoformat()})

    def run(batch: list[str]) -> tuple[list[float], list[float]]:
        direct, page = [], []
        for q in batch:
            t0 = time.perf_counter()
            s.search(q, systems=("icd10cm",), as_of=DOS, limit=RESULT_LIMIT)
            direct.append(time.perf_counter() - t0)
            t0 = time.perf_counter()
            r = client.get("/coding/search/", {"q": q, "date": DOS.isoformat()})
            page.append(time.perf_counter() - t0)
            assert r.status_code == 200
        return direct, page

    print(f"cleanclaim type-ahead benchmark (SQLite, demo data, python {sys.version.split()[0]})")
    print(f"first search in a fresh refdata folder (index build): {first:.2f} s")
    for label, batch in (("whole queries", queries), ("as typed (every prefix ≥ 3)", typed)):
        direct, page = run(batch)
        d50, d95 = _pct(direct, 0.5) * 1e3, _pct(direct, 0.95) * 1e3
        p50, p95 = _pct(page, 0.5) * 1e3, _pct(page, 0.95) * 1e3
        print(f"\n{label}: {len(batch)} requests")
        print(f"  baseline Store.search     p50 {d50:6.2f} ms  p95 {d95:6.2f} ms")
        print(f"  GET /coding/search/       p50 {p50:6.2f} ms  p95 {p95:6.2f} ms")
        print(
            f"  page overhead             p50 +{p50 - d50:5.2f} ms  "
            f"(×{p50 / d50:.1f});  mean {statistics.mean(page) * 1e3:.2f} ms"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
