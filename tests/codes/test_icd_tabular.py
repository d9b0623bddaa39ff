"""The packaged FY2026 tabular is read whole: hierarchy, billable leaves, provenance."""

from __future__ import annotations

import datetime as dt

from cleanclaim.codes.icd10cm import package_xml, parse_tabular
from cleanclaim.codes.store import Store

D = dt.date(2026, 5, 1)


def test_it_reads_every_diag_of_the_package_xml() -> None:
    tab = parse_tabular(package_xml())
    # the April 2026 code list shipped beside the XML has one line per tabular code and block
    listed = package_xml().with_name("code-list-April-2026.txt").read_text().split()
    undotted = {c.replace(".", "") for c in tab.nodes}
    codes_in_list = {c for c in listed if "-" not in c and not c.isdigit() and len(c) <= 7}
    assert undotted <= codes_in_list
    assert len(tab.nodes) == 46881
    assert len([b for b in tab.blocks.values() if b.kind == "chapter"]) == 22


def test_it_labels_the_release_with_its_fiscal_year_and_file() -> None:
    tab = parse_tabular(package_xml())
    assert tab.release == "FY2026 (April 2026 update)"
    assert (tab.effective, tab.end) == (dt.date(2025, 10, 1), dt.date(2026, 9, 30))
    assert tab.source_file == "icd10c-tabular-April-1-2026.xml"
    assert len(tab.sha256) == 64


def test_it_marks_leaves_billable_and_headers_not(package_store: Store) -> None:
    assert package_store.lookup("icd10cm", "E11.9", D).code.billable is True  # type: ignore[union-attr]
    header = package_store.lookup("icd10cm", "E11", D)
    assert header.code is not None and header.code.billable is False
    assert "header code" in header.message


def test_it_walks_parents_and_children(package_store: Store) -> None:
    assert package_store.icd_ancestors("E11.65", D) == ["E11.6", "E11"]
    assert package_store.icd_ancestors("e1165", D) == ["E11.6", "E11"]
    assert "E11.9" in package_store.icd_children("E11", D)
    assert package_store.icd_children("E11.9", D) == []
