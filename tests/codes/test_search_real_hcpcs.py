"""Over the real CMS HCPCS Level II file (../shared/data/hcpcs, January 2020): everyday
names of equipment and supplies find their codes in the procedure field."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from cleanclaim.codes.importing import import_paths
from cleanclaim.codes.search import KINDS
from cleanclaim.codes.store import Store

pytestmark = pytest.mark.shared_data

D = dt.date(2020, 6, 1)  # inside the 2020 release


@pytest.fixture(scope="module")
def hcpcs_store(tmp_path_factory: pytest.TempPathFactory) -> Store:
    here = Path(__file__).resolve().parents[2]
    zipped = here.parent / "shared" / "data" / "hcpcs" / "2020-Alpha-Numeric-HCPCS-File.zip"
    if not zipped.is_file():
        pytest.skip(f"the CMS HCPCS 2020 file is not at {zipped} (see ../shared/data/README)")
    root = tmp_path_factory.mktemp("refdata-hcpcs")
    import_paths([zipped], root)
    return Store(root)


@pytest.mark.parametrize(
    ("query", "accepted"),
    [
        ("walker", {"E0130", "E0135", "E0141", "E0143"}),
        ("cane", {"E0100"}),
        ("crutches", {"E0110", "E0112", "E0114"}),
        ("cpap", {"E0601"}),
        ("cpap mask", {"A7027", "A7030", "A7034"}),
        ("tens unit", {"E0720", "E0730"}),
        ("hospital bed", {"E0250", "E0255", "E0260"}),
        ("oxygen concentrator", {"E1390", "E1391", "E1392"}),
        ("annual wellness visit", {"G0438", "G0439"}),
    ],
)
def test_it_finds_equipment_by_its_everyday_name(
    hcpcs_store: Store, query: str, accepted: set[str]
) -> None:
    hits = hcpcs_store.search(query, systems=KINDS["procedure"], as_of=D, limit=5)
    assert accepted & {h.code for h in hits}, [(h.code, h.description) for h in hits]
    assert {h.system for h in hits} <= {"cpt", "hcpcs"}


def test_the_head_noun_beats_a_mention(hcpcs_store: Store) -> None:
    """'Walker, folding, ...' before 'Seat attachment, walker'."""
    hits = hcpcs_store.search("walker", systems=KINDS["procedure"], as_of=D, limit=5)
    assert all(h.description.lower().startswith("walker") for h in hits), hits
