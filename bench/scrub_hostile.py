"""Hostile files through the scrubber: time, peak memory and output size.

    PYTHONPATH=src python bench/scrub_hostile.py [--shape NAME ...]

The shapes are those of :mod:`cleanclaim.testing.hostile_837p` (generated in memory):
100 sets with a repeated set- and group-level problem, ~1 MB and ~4.9 MB of claims
with a defect each (each under its own patient loop of one subscriber), ~700 KB of
empty transaction sets, and one ~4.9 MB claim (24,000 diagnoses, ~50,000 lines of an
NCCI PTP pair). For each, in a fresh child process (so peak RSS is that path's own):

* ``cli``: ``cleanclaim scrub FILE --json`` as a whole process (wall seconds including
  interpreter start-up, peak RSS, bytes printed);
* ``api``: what ``POST /api/scrub`` runs after reading the body (``service.scrub`` and
  the JSON it answers);
* ``page``: what the upload page runs (``service.scrub``, then the page rendered).

Reference data: a temporary refdata directory with the NCCI excerpts of
``../shared/data/ncci`` imported when present (so the PTP edit runs), the packaged
ICD-10-CM tabular. The target is every path under 10 s on this machine.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

SHAPES = {
    "100-sets": ("repeated_sets", 100),
    "1mb-claims": ("many_claims", 1_000_000),
    "4.9mb-claims": ("many_claims", 4_900_000),
    "700kb-empty-sets": ("empty_sets", 700_000),
    "4.9mb-one-claim": ("huge_claim", 4_900_000),
}
AS_OF = "2026-11-20"


def _child(path: str, how: str) -> None:
    """Run one path over the file at ``path``; print one JSON line of figures."""
    import datetime as dt

    if how == "cli":
        import contextlib
        import io

        from cleanclaim.cli import main as cli

        out = io.StringIO()
        with contextlib.redirect_stdout(out):
            rc = cli(["scrub", path, "--json", "--as-of", AS_OF])
        if rc not in (0, 1):
            raise SystemExit(f"exit {rc}")
        rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(json.dumps({"s": 0.0, "rss_mb": rss, "bytes": len(out.getvalue().encode())}))
        return
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cleanclaim.web.settings")
    import django

    django.setup()
    from django.template.loader import render_to_string

    from cleanclaim.scrubbing import service, views

    data = Path(path).read_bytes()
    t0 = time.perf_counter()
    outcome = service.scrub(data, Path(path).name, as_of=dt.date.fromisoformat(AS_OF))
    if how == "api":
        body = json.dumps(outcome.report).encode()
    else:
        context = {"max_bytes": service.max_bytes(), "today": AS_OF, "as_of": AS_OF}
        context.update(views._results_context(outcome))
        body = render_to_string("scrubbing/upload.html", context).encode()
    wall = time.perf_counter() - t0
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps({"s": wall, "rss_mb": rss, "bytes": len(body)}))


def _run_child(path: Path, how: str, env: dict[str, str]) -> dict[str, float]:
    cmd = [sys.executable, __file__, "--child", str(path), how]
    t0 = time.perf_counter()
    proc = subprocess.run(cmd, env=env, capture_output=True, text=True, check=False)
    wall = time.perf_counter() - t0
    if proc.returncode != 0:
        raise SystemExit(f"{how} on {path.name}: {proc.stderr[-500:]}")
    got: dict[str, float] = json.loads(proc.stdout.strip().splitlines()[-1])
    if how == "cli":
        got["s"] = wall  # the whole process, start-up included
    return got


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--shape", action="append", choices=sorted(SHAPES))
    ap.add_argument("--child", nargs=2, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        _child(*args.child)
        return

    from cleanclaim.testing import hostile_837p

    with tempfile.TemporaryDirectory() as tmp:
        refdata = Path(tmp) / "refdata"
        refdata.mkdir()
        ncci = ROOT.parent / "shared" / "data" / "ncci"
        if ncci.is_dir():
            from cleanclaim.codes import ncci as ncci_tables

            for f in sorted(ncci.iterdir()):
                ncci_tables.import_file(f, refdata)
        env = dict(os.environ, PYTHONPATH=str(ROOT / "src"), CLEANCLAIM_REFDATA_DIR=str(refdata))
        print(
            f"{'shape':18} {'input':>9}  {'path':4} {'seconds':>8} {'peak RSS':>9} {'output':>11}"
        )
        for name in args.shape or list(SHAPES):
            func, size = SHAPES[name]
            data = getattr(hostile_837p, func)(size)
            path = Path(tmp) / f"{name}.837"
            path.write_bytes(data)
            for how in ("cli", "api", "page"):
                got = _run_child(path, how, env)
                print(
                    f"{name:18} {len(data):>9,}  {how:4} {got['s']:>8.2f} "
                    f"{got['rss_mb']:>6.0f} MB {int(got['bytes']):>11,}"
                )


if __name__ == "__main__":
    main()
