"""With two lay phrases in a query, each may be replaced alone: "flu vaccine
administration" also reads "influenza vaccine administration" (not only "influenza
immunization administration"), so it finds what the clinical words find, as well."""

from __future__ import annotations

import datetime as dt

from cleanclaim.codes.search import KINDS
from cleanclaim.codes.store import Store

D = dt.date(2026, 5, 1)


def test_the_lay_query_matches_as_well_as_the_clinical_one(equipment_store: Store) -> None:
    def top(query: str) -> tuple[str, float]:
        hit = equipment_store.search(query, systems=KINDS["procedure"], as_of=D, limit=1)[0]
        return hit.code, hit.score

    assert top("flu vaccine administration") == top("influenza vaccine administration")
    assert top("flu vaccine administration")[0] == "G0008"
