"""Scrubber benchmark: full-size NCCI tables, a labelled set of clean and defective
claims, detection per category, false alarms, claims/s end to end, peak RSS, table
load time, and pyx12's validation time of the same claims as the baseline.

    PYTHONPATH=src python bench/scrub_bench.py [--pairs 1500000] [--throughput 5000]
        [--process-claims 10000] [--baseline-src OTHER_CHECKOUT/src] [--append-results]

Everything is generated into a temporary directory at run time (nothing large is
committed): the NCCI tables in the official layouts (bench/scrub_gen.py), an 837P
with 300 clean claims and 16 claims per defect category (each with exactly one
injected, labelled defect), and a larger 837P for throughput. The measuring runs
in a fresh child process so its peak RSS is the scrubber's, not the generator's.

Then ``cleanclaim scrub`` of a clean ``--process-claims`` 837P is timed as a whole
process, start-up included (wall and CPU, best and median of five): claims per second
including start-up, and the start-up alone (process start to the first byte of the
claims file, also for ``cleanclaim x12 validate`` and with an empty refdata folder).
With ``--baseline-src`` the same commands run on another checkout's ``src`` in the same
run (e.g. the main branch before a change). Figures are printed, never asserted.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "bench"))

AS_OF = dt.date(2026, 8, 20)


def measure(refdir: Path, labelled: Path, labels_path: Path, big: Path) -> dict[str, object]:
    """Runs in the child: load tables, scrub, report."""
    import gc
    import warnings

    warnings.simplefilter("ignore", ResourceWarning)
    from cleanclaim.codes.ncci import load_tables
    from cleanclaim.codes.store import open_store
    from cleanclaim.edits import ScrubContext, scrub_claim
    from cleanclaim.edits.batch import scrub_837p
    from cleanclaim.edits.x12_adapter import read_837p

    t0 = time.perf_counter()
    tables = load_tables(refdir)
    load_s = time.perf_counter() - t0
    ptp_rows = sum(p.rows for parts in tables.ptp.values() for p in parts)
    t0 = time.perf_counter()
    store = open_store(refdir)
    store.lookup("icd10cm", "E11.9", AS_OF)
    store_s = time.perf_counter() - t0
    gc.collect()
    gc.freeze()  # as the CLI does (cleanclaim.edits.refdata.warm)

    labels: dict[str, str] = json.loads(labels_path.read_text())
    # the labelled run judges coverage too, with the coverage on file written beside the
    # claims (what the app hands in); the throughput runs below are the CLI's (none)
    from scrub_gen import load_coverage

    ctx = ScrubContext(as_of=AS_OF, codes=store, ncci=tables, coverage=load_coverage(labelled))
    detected: Counter[str] = Counter()
    total: Counter[str] = Counter()
    false_alarm_claims = 0
    false_alarm_errors = 0
    false_alarm_rules: Counter[str] = Counter()
    for rc in read_837p(labelled.read_bytes()).claims:
        res = scrub_claim(rc.claim, ctx, rc.findings)
        want = labels[rc.claim.claim_id]
        total[want] += 1
        cats = {f.category for f in res.findings}
        if want == "clean":
            if res.findings:
                false_alarm_claims += 1
                false_alarm_errors += int(res.has_error)
                false_alarm_rules.update(f.rule for f in res.findings)
        elif want in cats:
            detected[want] += 1

    # throughput: a fresh context (cold memo), reading the 837P to findings, per syntax level
    data = big.read_bytes()
    speed: dict[str, tuple[float, float]] = {}
    n = 0
    for level in ("guide", "envelope"):
        best = best_wall = 0.0
        for _ in range(3):
            ctx = ScrubContext(as_of=AS_OF, codes=store, ncci=tables)
            w0, t0 = time.perf_counter(), time.process_time()
            results = scrub_837p(data, ctx, syntax=level)  # what `cleanclaim scrub` does
            el, wall = time.process_time() - t0, time.perf_counter() - w0
            n = len(results)
            best, best_wall = max(best, n / el), max(best_wall, n / wall)
        speed[level] = (best, best_wall)
    # the X12 engine alone (parse + 837P guide validation), for reference
    from cleanclaim.x12 import gc_paused, parse, validate

    x12_best = 0.0
    for _ in range(3):
        with gc_paused():
            t0 = time.process_time()
            validate(parse(data))
            x12_best = max(x12_best, n / (time.process_time() - t0))
    rss_mb = peak_rss_mb()
    return {
        "table_load_s": load_s,
        "ptp_rows": ptp_rows,
        "mue_codes": sum(m.rows for m in tables.mue),
        "code_store_warm_s": store_s,
        "detected": dict(detected),
        "total": dict(total),
        "false_alarm_claims": false_alarm_claims,
        "false_alarm_error_claims": false_alarm_errors,
        "false_alarm_rules": dict(false_alarm_rules.most_common(10)),
        "throughput_claims": n,
        "speed": speed,
        "x12_parse_validate_per_s": x12_best,
        "bytes": len(data),
        "peak_rss_mb": rss_mb,
    }


# Runs cleanclaim in the child with an audit hook that reports, on stderr, the wall-clock
# time at which the claims file (the last argument) is first opened, and at exit its peak
# RSS from /proc (Linux: ru_maxrss of a child starts at its parent's RSS at the fork).
_FIRST_BYTE = """
import os, runpy, sys, time
target = os.path.abspath(sys.argv[-1])
seen = []
def hook(event, args):
    if event == "open" and not seen and isinstance(args[0], (str, os.PathLike)):
        if os.path.abspath(args[0]) == target:
            seen.append(time.time())
            sys.stderr.write(f"\\nFIRST-BYTE {seen[0]!r}\\n")
sys.addaudithook(hook)
def peak():
    try:
        with open("/proc/self/status") as fh:
            kb = next(ln.split()[1] for ln in fh if ln.startswith("VmHWM:"))
        sys.stderr.write(f"\\nPEAK-RSS-KB {kb}\\n")
    except (OSError, StopIteration):
        pass
import atexit
atexit.register(peak)
sys.argv[0] = "cleanclaim"
runpy.run_module("cleanclaim", run_name="__main__", alter_sys=True)
"""


def run_process(
    src: Path, refdir: Path, argv: list[str], pycache: Path | None, user_cache: Path
) -> tuple[float, float, float, float]:
    """One ``cleanclaim ARGV`` process on ``src``: (wall s, CPU s, start-up s, peak RSS MB),
    where the start-up runs from just before the process is spawned to the first open of
    the claims file (the last argument). With ``pycache`` the modules' bytecode is kept
    there (``PYTHONPYCACHEPREFIX``), as an installed package has it; without it every module
    is compiled from source in every process (``PYTHONDONTWRITEBYTECODE``). ``user_cache``
    is the user's cache folder (``XDG_CACHE_HOME``: the packaged ICD-10-CM tabular's cache)."""
    env = {
        **os.environ,
        "PYTHONPATH": str(src),
        "CLEANCLAIM_REFDATA_DIR": str(refdir),
        "XDG_CACHE_HOME": str(user_cache),
    }
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env.pop("PYTHONPYCACHEPREFIX", None)
    if pycache is None:
        env["PYTHONDONTWRITEBYTECODE"] = "1"
    else:
        env["PYTHONPYCACHEPREFIX"] = str(pycache)
    t0, w0 = time.time(), time.perf_counter()
    proc = subprocess.Popen(
        [sys.executable, "-c", _FIRST_BYTE, *argv],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )
    assert proc.stderr is not None
    err = proc.stderr.read()
    proc.stderr.close()
    _pid, status, usage = os.wait4(proc.pid, 0)  # this child's own CPU time
    wall = time.perf_counter() - w0
    proc.returncode = os.waitstatus_to_exitcode(status)
    cpu = usage.ru_utime + usage.ru_stime
    marks = [ln.split()[1] for ln in err.splitlines() if ln.startswith("FIRST-BYTE ")]
    if proc.returncode not in (0, 1) or not marks:
        raise RuntimeError(f"cleanclaim {' '.join(argv)} failed:\n{err}")
    peaks = [ln.split()[1] for ln in err.splitlines() if ln.startswith("PEAK-RSS-KB ")]
    return wall, cpu, float(marks[0]) - t0, int(peaks[0]) / 1024 if peaks else float("nan")


def process_figures(
    checkouts: list[tuple[Path, Path]],
    refdir: Path,
    empty: Path,
    path: Path,
    runs: int,
    user_cache: Path,
) -> list[dict[str, tuple[float, float]]]:
    """(best, median) of ``runs`` whole processes for each figure, per (src, pycache)
    checkout; the checkouts take turns, so a change in the machine's load hits them alike."""
    scrub = ["scrub", "--as-of", AS_OF.isoformat(), str(path)]
    x12 = ["x12", "validate", str(path)]
    uc = user_cache
    for src, pyc in checkouts:
        for argv, root in ((scrub, refdir), (scrub, empty), (x12, refdir)):
            run_process(src, root, argv, pyc, uc)  # bytecode and start-up caches written
    seen: list[dict[str, list[float]]] = [{} for _ in checkouts]
    for _ in range(runs):
        for (src, pyc), got in zip(checkouts, seen, strict=True):
            wall, cpu, start, rss = run_process(src, refdir, scrub, pyc, uc)
            figures = {
                "wall": wall,
                "cpu": cpu,
                "start": start,
                "rss": rss,
                "x12_start": run_process(src, refdir, x12, pyc, uc)[2],
                "empty_start": run_process(src, empty, scrub, pyc, uc)[2],
                "source_start": run_process(src, refdir, scrub, None, uc)[2],
            }
            for k, v in figures.items():
                got.setdefault(k, []).append(v)
    return [{k: (min(xs), sorted(xs)[len(xs) // 2]) for k, xs in got.items()} for got in seen]


def peak_rss_mb() -> float:
    """This process's peak RSS: VmHWM where /proc has it (on Linux ru_maxrss starts at the
    parent's RSS at the fork, here the generator's), else ru_maxrss."""
    try:
        with open("/proc/self/status") as fh:
            return next(int(ln.split()[1]) for ln in fh if ln.startswith("VmHWM:")) / 1024
    except (OSError, StopIteration):
        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def pyx12_rate(path: Path, claims: int) -> tuple[float, int]:
    """pyx12's validation of an 837P slice: claims/s (the baseline)."""
    import io
    import logging

    import pyx12.params
    import pyx12.x12n_document

    logging.disable(logging.CRITICAL)
    param = pyx12.params.params()
    t0 = time.process_time()
    pyx12.x12n_document.x12n_document(param, str(path), io.StringIO(), None, None)
    return claims / (time.process_time() - t0), claims


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--pairs", type=int, default=1_500_000)
    ap.add_argument("--clean", type=int, default=300)
    ap.add_argument("--per-category", type=int, default=16)
    ap.add_argument("--throughput", type=int, default=5000)
    ap.add_argument("--pyx12-slice", type=int, default=200)
    ap.add_argument("--process-claims", type=int, default=10_000)
    ap.add_argument("--process-runs", type=int, default=5)
    ap.add_argument("--baseline-src", type=Path, help="another checkout's src, run the same way")
    ap.add_argument("--append-results", action="store_true")
    ap.add_argument("--measure", nargs=4, metavar="X", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.measure:
        r = measure(*(Path(p) for p in args.measure))
        print(json.dumps(r))
        return 0

    import warnings

    warnings.simplefilter("ignore", ResourceWarning)
    from cleanclaim.codes import importing, ncci
    from cleanclaim.codes.store import open_store
    from scrub_gen import CATEGORIES, write_claims, write_ncci

    with tempfile.TemporaryDirectory(prefix="scrub-bench-") as tmp:
        tmpd = Path(tmp)
        src = tmpd / "cms"
        src.mkdir()
        refdir = tmpd / "refdata"
        t0 = time.perf_counter()
        tables = write_ncci(src, pairs=args.pairs)
        gen_s = time.perf_counter() - t0
        t0 = time.perf_counter()
        for f in sorted(src.iterdir()):
            ncci.import_file(f, refdir)
        import_s = time.perf_counter() - t0
        shared = ROOT.parent / "shared" / "data" / "codes" / "modifiers.csv"
        if shared.exists():
            importing.import_file(shared, refdir)
        store = open_store(refdir)
        labelled = tmpd / "labelled.837"
        labels = write_claims(labelled, args.clean, args.per_category, tables, store, AS_OF)
        (tmpd / "labels.json").write_text(json.dumps(labels))
        big = tmpd / "throughput.837"
        per = max(1, args.throughput // 10 // len(CATEGORIES))
        n_clean = args.throughput - per * len(CATEGORIES)
        write_claims(big, n_clean, per, tables, store, AS_OF, seed=11)
        sl = tmpd / "slice.837"
        write_claims(sl, args.pyx12_slice, 0, tables, store, AS_OF, seed=13)
        tables_for_claims = tables
        out = subprocess.run(
            [
                sys.executable,
                __file__,
                "--measure",
                str(refdir),
                str(labelled),
                str(tmpd / "labels.json"),
                str(big),
            ],
            capture_output=True,
            text=True,
            env={**os.environ, "PYTHONPATH": str(ROOT / "src")},
            check=False,
        )
        if out.returncode != 0:
            print(out.stderr, file=sys.stderr)
            return 1
        r = json.loads(out.stdout)
        base_rate, base_n = pyx12_rate(sl, args.pyx12_slice)

        # whole processes: a clean file; an empty refdata folder for the default start-up
        whole = tmpd / "process.837"
        write_claims(whole, args.process_claims, 0, tables_for_claims, store, AS_OF, seed=17)
        whole_mb = whole.stat().st_size / 1e6
        empty = tmpd / "refdata-empty"
        empty.mkdir()
        scrub = ["scrub", "--as-of", AS_OF.isoformat(), str(whole)]
        pyc = tmpd / "pycache"
        # the first process after an install writes the start-up caches
        user_cache = tmpd / "user-cache"
        first_wall = run_process(ROOT / "src", refdir, scrub, pyc, user_cache)[0]
        checkouts = [(ROOT / "src", pyc)]
        if args.baseline_src:
            checkouts.append((args.baseline_src, tmpd / "pycache-base"))
        ours, *base = process_figures(
            checkouts, refdir, empty, whole, args.process_runs, user_cache
        )

    lines = []
    lines.append(
        f"NCCI tables: {r['ptp_rows']:,} PTP pairs in 4 files, {r['mue_codes']:,} MUE "
        f"codes (generated in {gen_s:.1f} s)"
    )
    lines.append(
        f"import (parse + cache) {import_s:.1f} s; table load from cache "
        f"{r['table_load_s']:.2f} s (target < 10 s)"
    )
    lines.append(f"code store warm-up (ICD-10-CM FY2026 tabular) {r['code_store_warm_s']:.2f} s")
    tot, det = r["total"], r["detected"]
    lines.append("detection per category (claims with that injected defect / caught):")
    for cat in CATEGORIES:
        lines.append(f"  {cat:18} {det.get(cat, 0):3d} / {tot.get(cat, 0):3d}")
    caught = sum(det.values())
    defective = sum(v for k, v in tot.items() if k != "clean")
    lines.append(f"  {'all':18} {caught:3d} / {defective:3d}")
    lines.append(
        f"false alarms on {tot.get('clean', 0)} clean claims: {r['false_alarm_claims']} with any "
        f"finding, {r['false_alarm_error_claims']} with an error"
        + (f" (rules: {r['false_alarm_rules']})" if r["false_alarm_rules"] else "")
    )
    g_cpu, g_wall = r["speed"]["guide"]
    e_cpu, e_wall = r["speed"]["envelope"]
    load = os.getloadavg()[0]
    lines.append(
        f"throughput, read 837P -> findings, {r['throughput_claims']:,} claims "
        f"({r['bytes'] / 1e6:.1f} MB), best of 3, one core, target >= 5,000 claims/s; "
        f"claims per CPU-second (wall clock on this shared 2-core machine, load {load:.1f}):"
    )
    lines.append(
        f"  syntax = X12 engine's full 837P guide validation (default): {g_cpu:,.0f} "
        f"({g_wall:,.0f} wall)"
    )
    lines.append(
        f"  syntax = X12 engine's envelope checks only (--syntax envelope): {e_cpu:,.0f} "
        f"({e_wall:,.0f} wall)"
    )
    lines.append(
        f"  for reference, the X12 engine's parse + guide validation alone: "
        f"{r['x12_parse_validate_per_s']:,.0f}"
    )
    lines.append(f"peak RSS of the scrubbing process: {r['peak_rss_mb']:.0f} MB (target < 1 GB)")
    lines.append(
        f"baseline: pyx12 4.0.0 validates {base_rate:,.0f} claims per CPU-second (on a "
        f"{base_n}-claim slice of the same generator, extrapolated); ratio "
        f"{g_cpu / base_rate:.1f}x with guide validation, {e_cpu / base_rate:.1f}x with "
        "envelope checks"
    )
    n = args.process_claims
    lines.append(
        f"whole process: `cleanclaim scrub` of a clean {n:,}-claim 837P ({whole_mb:.1f} MB), "
        f"start-up and output included, modules' bytecode compiled beforehand (as installed), "
        f"best / median of {args.process_runs} (load {os.getloadavg()[0]:.1f}), "
        "target >= 5,000 claims/s:"
    )

    def proc_lines(who: str, f: dict[str, tuple[float, float]]) -> None:
        (wb, wm), (cb, cm) = f["wall"], f["cpu"]
        lines.append(
            f"  {who}: wall {wb:.2f} / {wm:.2f} s = {n / wb:,.0f} / {n / wm:,.0f} claims/s; "
            f"CPU {cb:.2f} / {cm:.2f} s = {n / cb:,.0f} / {n / cm:,.0f} claims per CPU-second; "
            f"peak RSS {f['rss'][1]:.0f} MB"
        )
        lines.append(
            f"    start-up (process start to first byte of the file), target < 0.4 s: scrub "
            f"{f['start'][0]:.2f} / {f['start'][1]:.2f} s, x12 validate "
            f"{f['x12_start'][0]:.2f} / {f['x12_start'][1]:.2f} s, scrub with an empty "
            f"refdata folder {f['empty_start'][0]:.2f} / {f['empty_start'][1]:.2f} s; scrub "
            f"compiling every module from source {f['source_start'][0]:.2f} / "
            f"{f['source_start'][1]:.2f} s"
        )

    proc_lines("this checkout", ours)
    lines.append(
        f"    (the first process after an install compiles the modules, parses the ICD-10-CM "
        f"tabular and writes its start-up cache: {first_wall:.2f} s wall, once)"
    )
    if base:
        proc_lines(f"baseline {args.baseline_src}", base[0])
    text = "\n".join(lines)
    print(text)
    if args.append_results:
        commit = subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"],
            cwd=ROOT,
            capture_output=True,
            text=True,
            check=False,
        ).stdout.strip()
        res = ROOT / "bench" / "RESULTS.md"
        with res.open("a") as fh:
            fh.write(
                f"\n### {dt.datetime.now(dt.UTC):%Y-%m-%d} — edits: scrubber end to end "
                f"(commit {commit})\n\n`PYTHONPATH=src python bench/scrub_bench.py` "
                f"({args.pairs:,} generated PTP pairs, {args.throughput:,}-claim throughput "
                "file; baseline pyx12 in the same run):\n\n"
                f"```\n{text}\n```\n"
            )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
