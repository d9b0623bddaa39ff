"""The starter data holds every HCPCS Level II modifier of a CMS release, with its
provenance, regenerated from CMS's file by the HCPCS importer; and completeness decides
whether a missing code proves anything."""

from __future__ import annotations

import datetime as dt
from importlib import resources
from pathlib import Path

import pytest

from cleanclaim.codes.importing import import_paths
from cleanclaim.codes.starter import read_starter_modifiers
from cleanclaim.codes.store import Store

D2020 = dt.date(2020, 6, 1)
D2026 = dt.date(2026, 5, 1)
HCPCS_2020 = (
    Path(__file__).resolve().parents[3] / "shared/data/hcpcs/2020-Alpha-Numeric-HCPCS-File.zip"
)


def _text() -> str:
    return (resources.files("cleanclaim.codes") / "data" / "starter_modifiers.csv").read_text()


def test_it_records_the_release_and_source_of_the_shipped_list() -> None:
    meta, rows = read_starter_modifiers(_text())
    assert meta["release"] == "HCPCS 2020-01" and meta["effective"] == "2020-01-01"
    assert meta["source_url"].startswith("https://www.cms.gov/")
    assert len(meta["sha256"]) == 64
    official = {r["code"] for r in rows if r["list"] == "HCPCS 2020-01"}
    assert len(official) == 369
    assert {"RR", "NU", "KH", "BR", "QS", "P1", "XU", "LT"} <= official


def test_a_fresh_store_knows_the_everyday_level_ii_modifiers(package_store: Store) -> None:
    for mod in ("RR", "NU", "KH", "BR", "QS", "P1"):
        assert package_store.lookup("modifier", mod, D2020).code is not None, mod
        assert package_store.completeness("modifier", mod, D2020) == ""
    assert package_store.lookup("modifier", "25", D2026).code is not None  # Level I kept


def test_a_missing_code_names_the_table_to_import(package_store: Store) -> None:
    assert package_store.completeness("modifier", "ZZ", D2020) == ""  # complete: proof
    later = package_store.completeness("modifier", "ZZ", D2026)
    assert "HCPCS 2020-01" in later and "import the HCPCS file" in later
    lvl1 = package_store.completeness("modifier", "33", D2026)
    assert lvl1 == (
        "modifier 33 is not in the starter Level I (CPT) modifier list; "
        "import the practice's licensed CPT modifier list"
    )
    assert "import the practice's licensed CPT file" in package_store.completeness(
        "cpt", "99999", D2026
    )


def test_an_excerpt_is_loaded_as_partial(empty_root: Path, fixtures: Path, tmp_path: Path) -> None:
    src = fixtures / "carc_small.csv"
    excerpt = tmp_path / "carc_small.excerpt.csv"
    excerpt.write_bytes(src.read_bytes())
    import_paths([excerpt], empty_root)
    store = Store(empty_root)
    (rel,) = [r for r in store.releases("carc") if r.release != "starter"]
    assert rel.complete is False
    assert "starter CARC list" in store.completeness("carc", "999", D2026)


@pytest.mark.skipif(not HCPCS_2020.is_file(), reason="the CMS 2020 HCPCS file is not in ../shared")
def test_the_tool_regenerates_the_shipped_file_from_the_cms_file() -> None:
    from cleanclaim.codes.tools.starter_modifiers import build

    url = read_starter_modifiers(_text())[0]["source_url"]
    assert build(HCPCS_2020, url, _text()) == _text()
