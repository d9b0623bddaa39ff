"""A start-up cache that is damaged, or was made from another file, is never used: the
store parses the XML again (and rewrites the cache); a folder it cannot write to only
means parsing every time."""

from __future__ import annotations

import datetime as dt
import os
import shutil
from pathlib import Path

from cleanclaim.codes.importing import import_paths
from cleanclaim.codes.store import Store

D = dt.date(2026, 1, 15)  # the October release of the fixture is in force (not April)


def _imported(root: Path, fixtures: Path) -> Path:
    import_paths([fixtures / "icd10cm_tabular_2026.xml"], root)
    Store(root).lookup("icd10cm", "E11.9", D)
    (cache,) = (root / "cache").glob("icd10cm-*.tab")
    return cache


def test_it_ignores_a_damaged_cache(empty_root: Path, fixtures: Path) -> None:
    cache = _imported(empty_root, fixtures)
    good = cache.read_bytes()
    cache.write_bytes(good[: len(good) // 2])
    got = Store(empty_root).lookup("icd10cm", "E11.X", D)
    assert got.code is not None and got.code.long.startswith("Test-only code")
    assert len(cache.read_bytes()) > len(good) // 2  # rewritten whole, and used again:
    assert not isinstance(Store(empty_root).icd_release("FY2026").nodes, dict)


def test_it_ignores_a_cache_made_from_another_file(empty_root: Path, fixtures: Path) -> None:
    cache = _imported(empty_root, fixtures)
    (xml,) = (empty_root / "icd10cm").glob("*.xml")
    text = xml.read_text().replace("Test-only code", "Changed code")
    xml.write_text(text)
    os.utime(xml, ns=(1, 1))
    got = Store(empty_root).lookup("icd10cm", "E11.X", D)
    assert got.code is not None and got.code.long.startswith("Changed code")
    assert b"Changed code" in cache.read_bytes()


def test_it_parses_when_the_cache_cannot_be_written(tmp_path: Path, fixtures: Path) -> None:
    root = tmp_path / "refdata"
    import_paths([fixtures / "icd10cm_tabular_2026.xml"], root)
    shutil.rmtree(root / "cache")
    (root / "cache").write_text("not a folder")
    for _ in range(2):
        got = Store(root).lookup("icd10cm", "E11.9", D)
        assert got.code is not None and got.code.billable is True
