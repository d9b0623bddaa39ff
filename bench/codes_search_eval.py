"""Search quality and speed over every loaded system, against a plain SQLite FTS5 baseline.

Usage (from the project root)::

    PYTHONPATH=src python bench/codes_search_eval.py [--shared ../shared/data]

Loads the packaged ICD-10-CM and the starter sets, imports ../shared/data (HCPCS, CARC,
RARC, POS, modifiers, taxonomy, X12 lists) into a temporary store when present, then runs
two query sets:

* **diagnoses** (bench/search_eval.tsv, mostly diagnoses with a few procedure, modifier
  and adjustment queries): searched over every system at once, as before;
* **procedures** (bench/search_eval_procedures.tsv, equipment, supplies and services in
  everyday words): searched in the procedure field (CPT and HCPCS, ``kind="procedure"``);
  the same queries over every system at once are printed too, for comparison.

Each set goes through

* cleanclaim's search (limit 5), and
* the baseline: one FTS5 table over the same texts (titles and ICD-10-CM inclusion
  terms) of the same systems, the query's words ANDed, ranked by bm25 (no synonyms, no
  fuzzy step).

Prints recall@1, recall@5 and latency p50/p95 (ms) for both, the build times, and the
queries cleanclaim misses at 5. A hit is any expected code (``X*`` = any code under X).
"""

from __future__ import annotations

import argparse
import datetime as dt
import re
import sqlite3
import statistics
import sys
import tempfile
import time
from pathlib import Path

from cleanclaim.codes.importing import import_paths
from cleanclaim.codes.model import SYSTEMS
from cleanclaim.codes.search import KINDS, search_grouped
from cleanclaim.codes.store import Store

HERE = Path(__file__).resolve().parent
AS_OF = dt.date(2026, 5, 1)


def load_eval(path: Path) -> list[tuple[str, list[str]]]:
    out = []
    for line in path.read_text("utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        query, expected = line.split("\t")[:2]
        out.append((query, [e.strip() for e in expected.split(",") if e.strip()]))
    return out


def hit(code: str, expected: list[str]) -> bool:
    c = code.replace(".", "")
    for e in expected:
        if e.endswith("*"):
            if c.startswith(e[:-1].replace(".", "")):
                return True
        elif c == e.replace(".", ""):
            return True
    return False


def pct(values: list[float], q: float) -> float:
    s = sorted(values)
    return s[min(len(s) - 1, round(q * (len(s) - 1)))]


def build_fts(store: Store) -> sqlite3.Connection:
    con = sqlite3.connect(":memory:")
    con.execute("CREATE VIRTUAL TABLE t USING fts5(code UNINDEXED, system UNINDEXED, text)")
    rows: list[tuple[str, str, str]] = []
    for system in SYSTEMS:
        rel, _cov, _msg = store.choose(system, AS_OF)
        if rel is None:
            continue
        if system == "icd10cm":
            tab = store.icd_release(rel.release)
            for code, node in tab.nodes.items():
                rows.append((code, system, node.desc))
                rows.extend(
                    (code, system, n.text)
                    for n in node.notes
                    if n.kind in ("inclusion", "includes")
                )
        else:
            for c in store.codes_of(rel).values():
                text = c.short if system == "taxonomy" else (c.long or c.short)
                rows.append((c.code, system, text))
                if c.short and c.short != text:
                    rows.append((c.code, system, c.short))
    con.executemany("INSERT INTO t VALUES (?,?,?)", rows)
    return con


def fts_search(
    con: sqlite3.Connection, query: str, limit: int, systems: tuple[str, ...] = SYSTEMS
) -> list[str]:
    words = re.findall(r"[A-Za-z0-9]+", query)
    if not words:
        return []
    match = " AND ".join(f'"{w}"' for w in words)
    marks = ",".join("?" * len(systems))
    rows = con.execute(
        f"SELECT code, bm25(t) AS r FROM t WHERE t MATCH ? AND system IN ({marks}) "
        "ORDER BY r LIMIT ?",
        (match, *systems, limit * 4),
    ).fetchall()
    out: list[str] = []
    for code, _rank in rows:
        if code not in out:
            out.append(code)
    return out[:limit]


def run(name: str, queries: list[tuple[str, list[str]]], fn) -> dict[str, float]:  # type: ignore[no-untyped-def]
    """``fn(query)`` gives a list of codes, best first, or a list of such lists (the
    groups of "all"): a query then counts at 1 when a group starts with an expected code,
    at 5 when a group has one in its first five."""
    r1 = r5 = 0
    lat: list[float] = []
    misses: list[str] = []
    for q, expected in queries:
        t0 = time.perf_counter()
        found = fn(q)
        lat.append((time.perf_counter() - t0) * 1000)
        groups = found if found and isinstance(found[0], list) else [found]
        if any(g[:1] and hit(g[0], expected) for g in groups):
            r1 += 1
        if any(hit(c, expected) for g in groups for c in g[:5]):
            r5 += 1
        else:
            codes = [c for g in groups for c in g[:2]]
            misses.append(f"{q!r} -> {codes[:4]} (want {','.join(expected)})")
    n = len(queries)
    print(
        f"{name:<12} recall@1 {r1 / n:6.1%}  recall@5 {r5 / n:6.1%}  "
        f"p50 {statistics.median(lat):6.2f} ms  p95 {pct(lat, 0.95):6.2f} ms  (n={n})"
    )
    return {"r1": r1 / n, "r5": r5 / n, "misses": misses}  # type: ignore[dict-item]


def grouped(store: Store, query: str) -> list[list[str]]:
    return [
        [h.code for h in hits] for _kind, hits in search_grouped(store, query, as_of=AS_OF, limit=5)
    ]


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--shared", type=Path, default=HERE.parent.parent / "shared" / "data")
    ap.add_argument("--eval", type=Path, default=HERE / "search_eval.tsv")
    ap.add_argument("--procedures", type=Path, default=HERE / "search_eval_procedures.tsv")
    ap.add_argument("--show-misses", action="store_true")
    args = ap.parse_args()
    queries = load_eval(args.eval)
    procedures = load_eval(args.procedures)
    proc_systems = KINDS["procedure"]
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        if args.shared.is_dir():
            import_paths([args.shared], root)
        store = Store(root)
        t0 = time.perf_counter()
        store.search("warm up", as_of=AS_OF)
        build = time.perf_counter() - t0
        t0 = time.perf_counter()
        con = build_fts(store)
        fts_build = time.perf_counter() - t0
        systems = [s for s in SYSTEMS if store.choose(s, AS_OF)[0] is not None]
        print(f"systems searched: {', '.join(systems)}; as of {AS_OF}")
        print(f"index build: cleanclaim {build:.2f} s (parse + indexes), FTS5 {fts_build:.2f} s")
        print(f"diagnoses ({args.eval.name}), every system at once:")
        ours = run(
            "cleanclaim",
            queries,
            lambda q: [h.code for h in store.search(q, as_of=AS_OF, limit=5)],
        )
        run("fts5", queries, lambda q: fts_search(con, q, 5))
        print(f"diagnoses ({args.eval.name}), 'all' grouped by kind (5 per kind):")
        run("cleanclaim", queries, lambda q: grouped(store, q))
        run(
            "fts5",
            queries,
            lambda q: [fts_search(con, q, 5, s) for s in KINDS.values()],
        )
        print(f"procedures ({args.procedures.name}), procedure field ({', '.join(proc_systems)}):")
        ours_p = run(
            "cleanclaim",
            procedures,
            lambda q: [h.code for h in store.search(q, systems=proc_systems, as_of=AS_OF, limit=5)],
        )
        run("fts5", procedures, lambda q: fts_search(con, q, 5, proc_systems))
        print("procedures, every system at once (no field):")
        run(
            "cleanclaim",
            procedures,
            lambda q: [h.code for h in store.search(q, as_of=AS_OF, limit=5)],
        )
        run("fts5", procedures, lambda q: fts_search(con, q, 5))
        if args.show_misses:
            for title, result in (("diagnoses", ours), ("procedures", ours_p)):
                print(f"cleanclaim misses at 5, {title}:")
                for m in result["misses"]:  # type: ignore[attr-defined]
                    print("  " + m)
    return 0


if __name__ == "__main__":
    sys.exit(main())
