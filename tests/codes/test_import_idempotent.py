"""``refdata import`` twice changes nothing; status lists releases with counts."""

from __future__ import annotations

from pathlib import Path

import pytest

from cleanclaim.codes.importing import import_paths
from cleanclaim.codes.store import Store


@pytest.mark.shared_data
def test_it_loads_every_shared_kind_and_is_a_no_op_the_second_time(
    empty_root: Path, shared_data: Path
) -> None:
    first = import_paths([shared_data], empty_root)
    assert first.results and all(r.changed for r in first.results)
    kinds = {r.kind for r in first.results}
    assert {
        "carc",
        "rarc",
        "pos",
        "modifiers",
        "taxonomy",
        "x12-elements",
        "pyx12-values",
        "hcpcs-anweb",
    } <= kinds
    before = (empty_root / "refdata.sqlite3").read_bytes()
    second = import_paths([shared_data], empty_root)
    assert [r.changed for r in second.results] == [False] * len(second.results)
    assert (empty_root / "refdata.sqlite3").read_bytes() == before


def test_it_stores_an_icd_release_once(empty_root: Path, fixtures: Path) -> None:
    xml = fixtures / "icd10cm_tabular_2025.xml"
    assert import_paths([xml], empty_root).results[0].changed is True
    again = import_paths([xml], empty_root).results[0]
    assert again.changed is False and again.release == "FY2025" and again.rows == 4
    labels = [r.release for r in Store(empty_root).releases("icd10cm")]
    assert labels == ["FY2025", "FY2026 (April 2026 update)"]


def test_it_replaces_a_release_when_the_file_changed(empty_root: Path, tmp_path: Path) -> None:
    f = tmp_path / "carc.csv"
    f.write_text("code,status,description\n1,current,one\n")
    import_paths([f], empty_root)
    f.write_text("code,status,description\n1,current,one\n2,current,two\n")
    res = import_paths([f], empty_root).results
    assert res[0].changed is True and res[0].rows == 2


def test_an_open_store_sees_an_import_made_elsewhere(
    empty_root: Path, fixtures: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import datetime as dt

    from cleanclaim.codes import store as store_module

    store = Store(empty_root)
    day = dt.date(2026, 5, 1)
    assert store.in_use("carc")[0].complete is False
    import_paths([fixtures / "carc_small.csv"], empty_root)  # as another process would
    # more than a second later: the store checks the database file again
    monkeypatch.setattr(store_module.time, "monotonic", lambda: 1e9)
    assert store.in_use("carc")[0].complete is True
    assert store.lookup("carc", "D1", day).code is not None
