"""ICD-10-CM load time and lookup speed, against a baseline measured in the same run.

Usage: ``PYTHONPATH=src python bench/codes_load.py``

* load: our tabular reader over the packaged XML (target < 30 s), against the baseline
  of simply parsing that XML with ElementTree (the floor for any XML reader);
* lookup: ``Store.lookup`` by code (dictionary read plus date resolution), against a bare
  ``dict.get`` on the same codes.
"""

from __future__ import annotations

import datetime as dt
import random
import tempfile
import time
import xml.etree.ElementTree as ET
from pathlib import Path

from cleanclaim.codes.icd10cm import package_xml, parse_tabular
from cleanclaim.codes.store import Store


def timed(fn, repeat: int = 3) -> float:  # type: ignore[no-untyped-def]
    best = float("inf")
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - t0)
    return best


def main() -> None:
    xml = package_xml()
    base = timed(lambda: ET.parse(xml))
    ours = timed(lambda: parse_tabular(xml))
    print(f"ICD-10-CM XML: ElementTree parse only {base:.2f} s")
    print(f"cleanclaim tabular reader {ours:.2f} s (x{ours / base:.2f} of the bare parse)")
    with tempfile.TemporaryDirectory() as tmp:
        store = Store(Path(tmp))
        day = dt.date(2026, 5, 1)
        t0 = time.perf_counter()
        store.lookup("icd10cm", "E11.9", day)
        first = time.perf_counter() - t0
        print(f"first lookup in a fresh store (loads the tabular): {first:.2f} s")
        tab = store.icd_release(store.in_use("icd10cm")[0].release)
        codes = random.Random(7).sample(sorted(tab.nodes), 5000)
        n = len(codes)
        t_dict = timed(lambda: [tab.nodes.get(c) for c in codes], 5) / n * 1e6
        t_look = timed(lambda: [store.lookup("icd10cm", c, day) for c in codes], 5) / n * 1e6
        sevens = [c for c in (tab.full_codes(b)[:1] for b in codes) if c]
        flat = [c[0] for c in sevens]
        t_seven = (
            timed(lambda: [store.lookup("icd10cm", c, day) for c in flat], 5)
            / max(1, len(flat))
            * 1e6
        )
        print(f"lookup by code: dict.get {t_dict:.2f} us; Store.lookup {t_look:.2f} us; "
              f"7-character codes {t_seven:.2f} us (mean over {n} random codes)")  # fmt: skip


if __name__ == "__main__":
    main()
