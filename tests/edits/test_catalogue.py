"""The catalogue lists every rule id once, with the issue's category names, and
every category has at least one rule (auth: the payer rules' prior-auth kind)."""

from __future__ import annotations

from cleanclaim.edits import CATEGORIES, catalogue


def test_it_lists_unique_ids_with_known_categories_and_full_rows() -> None:
    rows = catalogue()
    ids = [r["id"] for r in rows]
    assert len(ids) == len(set(ids))
    for r in rows:
        assert r["category"] in CATEGORIES
        assert r["severity"] in ("error", "warning")
        assert r["meaning"] and r["fix"] and r["source"]


def test_it_covers_every_standalone_category() -> None:
    covered = {r["category"] for r in catalogue()}
    assert covered == set(CATEGORIES)
