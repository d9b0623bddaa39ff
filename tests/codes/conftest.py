"""Fixtures for the codes engine tests: stores in temporary folders, small official-layout files."""

from __future__ import annotations

from pathlib import Path

import pytest

from cleanclaim.codes.store import Store

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture(scope="session")
def package_store(tmp_path_factory: pytest.TempPathFactory) -> Store:
    """A store with nothing imported: the packaged ICD-10-CM and the starter sets."""
    return Store(tmp_path_factory.mktemp("refdata-empty"))


@pytest.fixture
def empty_root(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A fresh refdata folder, also set as $CLEANCLAIM_REFDATA_DIR for CLI calls."""
    root = tmp_path / "refdata"
    monkeypatch.setenv("CLEANCLAIM_REFDATA_DIR", str(root))
    return root


@pytest.fixture
def fixtures() -> Path:
    return FIXTURES


@pytest.fixture(scope="session")
def equipment_store(tmp_path_factory: pytest.TempPathFactory) -> Store:
    """The packaged ICD-10-CM and starter sets plus a few HCPCS equipment and supply codes
    (fixtures/HCPC2026_JAN_ANWEB_equipment.csv, in the CMS CSV layout)."""
    from cleanclaim.codes.importing import import_paths

    root = tmp_path_factory.mktemp("refdata-equipment")
    import_paths([FIXTURES / "HCPC2026_JAN_ANWEB_equipment.csv"], root)
    return Store(root)
