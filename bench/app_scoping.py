"""What tenancy scoping costs: the scoped patient search (role lookup + scoped
query) against the same query written by hand without scoping, measured in the
same run on a throw-away SQLite database with the demo data.

Run: PYTHONPATH=src python bench/app_scoping.py   (prints figures; no assertions)
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable


def _time(fn: Callable[[], object], rounds: int = 15, inner: int = 100) -> float:
    """Median seconds per call over ``rounds`` rounds of ``inner`` calls."""
    samples = []
    for _ in range(rounds):
        start = time.perf_counter()
        for _ in range(inner):
            fn()
        samples.append((time.perf_counter() - start) / inner)
    return statistics.median(samples)


def main() -> int:
    tmp = tempfile.mkdtemp(prefix="cc-bench-")
    os.environ["CLEANCLAIM_VAR_DIR"] = tmp
    os.environ.pop("DATABASE_URL", None)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cleanclaim.web.settings")
    import django

    django.setup()
    from django.core.management import call_command

    from cleanclaim.patients.models import Patient
    from cleanclaim.patients.views import search_patients
    from cleanclaim.practices.models import User
    from cleanclaim.web import demo

    call_command("migrate", verbosity=0)
    demo.build()
    email = "frontdesk@demo.test"
    practice_ids = list(
        User.objects.get(email=email).memberships.values_list("practice", flat=True)
    )

    # Both sides fetch the user, as the auth middleware does on every request; the
    # difference is what scoping adds (the role lookup and the organisation filter).
    def baseline() -> object:
        User.objects.get(email=email)
        return list(
            Patient.objects.filter(practice_id__in=practice_ids).select_related("practice")[:50]
        )

    def scoped() -> object:
        user = User.objects.get(email=email)  # a fresh user: the role lookup is not cached
        return search_patients(user, "")

    def baseline_search() -> object:
        User.objects.get(email=email)
        return list(
            Patient.objects.filter(
                practice_id__in=practice_ids, last_name__icontains="eriksen"
            ).select_related("practice")[:50]
        )

    def scoped_search() -> object:
        return search_patients(User.objects.get(email=email), "eriksen")

    assert len(baseline()) == len(scoped())  # type: ignore[arg-type]
    rows = [
        ("patient list (50 rows)", _time(baseline), _time(scoped)),
        ("patient search by name", _time(baseline_search), _time(scoped_search)),
    ]
    print(f"cleanclaim app scoping benchmark (SQLite, demo data, python {sys.version.split()[0]})")
    print(f"{'case':<26}{'unscoped ms':>12}{'scoped ms':>11}{'ratio':>7}")
    for name, base, scope in rows:
        print(f"{name:<26}{base * 1000:>12.3f}{scope * 1000:>11.3f}{scope / base:>7.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
