"""Search quality and speed over every loaded system, against a plain SQLite FTS5 baseline.

Usage (from the project root)::

    PYTHONPATH=src python bench/codes_search_eval.py [--shared ../shared/data]

Loads the packaged ICD-10-CM and the starter sets, imports ../shared/data (HCPCS, CARC,
RARC, POS, modifiers, taxonomy, X12 lists) into a temporary store when present, then runs
every query of bench/search_eval.tsv through

* cleanclaim's search (all systems, limit 5), and
* the baseline: one FTS5 table over the same texts (titles and ICD-10-CM inclusion
  terms), the query's words ANDed, ranked by bm25 (no synonyms, no fuzzy step).

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


def fts_search(con: sqlite3.Connection, query: str, limit: int) -> list[str]:
    words = re.findall(r"[A-Za-z0-9]+", query)
    if not words:
        return []
    match = " AND ".join(f'"{w}"' for w in words)
    rows = con.execute(
        "SELECT code, bm25(t) AS r FROM t WHERE t MATCH ? ORDER BY r LIMIT ?",
        (match, limit * 4),
    ).fetchall()
    out: list[str] = []
    for code, _rank in rows:
        if code not in out:
            out.append(code)
    return out[:limit]


def run(name: str, queries: list[tuple[str, list[str]]], fn) -> dict[str, float]:  # type: ignore[no-untyped-def]
    r1 = r5 = 0
    lat: list[float] = []
    misses: list[str] = []
    for q, expected in queries:
        t0 = time.perf_counter()
        codes = fn(q)
        lat.append((time.perf_counter() - t0) * 1000)
        if codes[:1] and hit(codes[0], expected):
            r1 += 1
        if any(hit(c, expected) for c in codes[:5]):
            r5 += 1
        else:
            misses.append(f"{q!r} -> {codes[:3]} (want {','.join(expected)})")
    n = len(queries)
    print(
        f"{name:<12} recall@1 {r1 / n:6.1%}  recall@5 {r5 / n:6.1%}  "
        f"p50 {statistics.median(lat):6.2f} ms  p95 {pct(lat, 0.95):6.2f} ms  (n={n})"
    )
    return {"r1": r1 / n, "r5": r5 / n, "misses": misses}  # type: ignore[dict-item]


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--shared", type=Path, default=HERE.parent.parent / "shared" / "data")
    ap.add_argument("--eval", type=Path, default=HERE / "search_eval.tsv")
    ap.add_argument("--show-misses", action="store_true")
    args = ap.parse_args()
    queries = load_eval(args.eval)
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
        ours = run(
            "cleanclaim",
            queries,
            lambda q: [h.code for h in store.search(q, as_of=AS_OF, limit=5)],
        )
        run("fts5", queries, lambda q: fts_search(con, q, 5))
        if args.show_misses:
            print("cleanclaim misses at 5:")
            for m in ours["misses"]:  # type: ignore[attr-defined]
                print("  " + m)
    return 0


if __name__ == "__main__":
    sys.exit(main())
