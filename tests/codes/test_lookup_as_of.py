"""Releases side by side: the one in force on the date of service, stale and before-oldest.

ICD-10-CM fiscal years run October 1 to September 30 (CDC/NCHS); the fixture is a tiny
FY2025 tabular imported beside the packaged FY2026 one."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from cleanclaim.codes.importing import import_paths
from cleanclaim.codes.store import Store


def _store(root: Path, fixtures: Path) -> Store:
    import_paths([fixtures / "icd10cm_tabular_2025.xml"], root)
    return Store(root)


def test_it_picks_the_release_in_force_on_each_side_of_october_first(
    empty_root: Path, fixtures: Path
) -> None:
    store = _store(empty_root, fixtures)
    last_day = store.lookup("icd10cm", "E11.9", dt.date(2025, 9, 30))
    first_day = store.lookup("icd10cm", "E11.9", dt.date(2025, 10, 1))
    assert last_day.release is not None and last_day.release.release == "FY2025"
    assert (
        first_day.release is not None and first_day.release.release == "FY2026 (April 2026 update)"
    )
    assert last_day.coverage == first_day.coverage == "ok"


def test_it_knows_a_code_only_in_the_older_release(empty_root: Path, fixtures: Path) -> None:
    store = _store(empty_root, fixtures)
    assert store.lookup("icd10cm", "E11.X", dt.date(2025, 6, 1)).code is not None
    assert store.lookup("icd10cm", "E11.X", dt.date(2025, 10, 1)).code is None


def test_it_says_stale_after_the_newest_release_ends(package_store: Store) -> None:
    inside = package_store.lookup("icd10cm", "S93.401A", dt.date(2026, 9, 30))
    after = package_store.lookup("icd10cm", "S93.401A", dt.date(2026, 10, 1))
    assert inside.coverage == "ok"
    assert after.coverage == "stale" and after.code is not None
    assert "may be stale: FY2027 not loaded" in after.message


def test_it_says_no_release_covers_a_date_before_the_oldest(package_store: Store) -> None:
    got = package_store.lookup("icd10cm", "E11.9", dt.date(2025, 9, 30))
    assert got.coverage == "before-oldest" and got.code is None
    assert "no loaded ICD-10-CM release covers 2025-09-30" in got.message


def test_it_honours_hcpcs_add_and_termination_dates(empty_root: Path, fixtures: Path) -> None:
    import_paths([fixtures / "HCPC2021_ANWEB_fixture.txt"], empty_root)
    store = Store(empty_root)
    # TERM DT is the last day the code may be used
    ended = store.lookup("hcpcs", "G9998", dt.date(2021, 3, 1))
    assert ended.code is None and "terminated" in ended.message
    assert store.find("hcpcs", "G9998", dt.date(2021, 3, 1)).code is not None
    assert store.lookup("hcpcs", "A9999", dt.date(2021, 3, 1)).code is not None


def test_an_april_update_takes_effect_on_april_first_beside_its_october_release(
    empty_root: Path, fixtures: Path
) -> None:
    # a tiny "October FY2026" tabular (fixture) beside the packaged April 2026 update
    import_paths([fixtures / "icd10cm_tabular_2026.xml"], empty_root)
    store = Store(empty_root)
    march = store.lookup("icd10cm", "E11.9", dt.date(2026, 3, 31))
    april = store.lookup("icd10cm", "E11.9", dt.date(2026, 4, 1))
    assert march.release is not None and march.release.release == "FY2026"
    assert april.release is not None and april.release.release == "FY2026 (April 2026 update)"
