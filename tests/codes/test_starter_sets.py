"""Without any import: full ICD-10-CM from the package, starter sets flagged incomplete."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from cleanclaim.codes.importing import import_paths
from cleanclaim.codes.store import Store

D = dt.date(2026, 5, 1)


def test_it_has_icd10cm_and_starter_sets_out_of_the_box(package_store: Store) -> None:
    systems = {r.system: r for r in package_store.releases()}
    assert systems["icd10cm"].complete is True
    for s in ("cpt", "pos", "carc", "rarc", "group", "claim_status_category"):
        assert systems[s].complete is False and systems[s].release == "starter"
    mods = {r.release: r.complete for r in package_store.releases("modifier")}
    assert mods == {"starter": False, "HCPCS 2020-01": True}
    cpt = package_store.lookup("cpt", "99213", D)
    assert cpt.code is not None and "starter set only" in cpt.message


def test_it_ships_every_common_office_and_preventive_code(package_store: Store) -> None:
    codes = set(package_store.codes_of(package_store.in_use("cpt")[0]))
    assert {f"992{n:02d}" for n in (2, 3, 4, 5, 11, 12, 13, 14, 15)} <= codes
    assert {str(n) for n in range(99381, 99388)} | {str(n) for n in range(99391, 99398)} <= codes
    assert 20 <= len(codes) <= 60


def test_a_complete_import_replaces_the_starter_set(empty_root: Path, fixtures: Path) -> None:
    import_paths([fixtures / "carc_small.csv"], empty_root)
    store = Store(empty_root)
    assert [r.complete for r in store.in_use("carc")] == [True]
    assert store.lookup("carc", "45", D).message == ""
    assert store.lookup("carc", "D1", D).code.status == "deactivated"  # type: ignore[union-attr]


def test_the_packaged_icd_release_carries_its_provenance(package_store: Store) -> None:
    rel = package_store.in_use("icd10cm")[0]
    assert rel.source_file == "icd10c-tabular-April-1-2026.xml"
    assert rel.release == "FY2026 (April 2026 update)" and len(rel.sha256) == 64
    assert rel.rows == 46881
