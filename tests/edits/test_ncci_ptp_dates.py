"""PTP date semantics on the real v322r0 rows: an edit applies from its effective
date through its deletion date (inclusive; CMS deletes at quarter ends, e.g.
0001U/0029U deleted 20260630), never before it is effective, and modifier
indicator 9 edits never apply.

The rows are read plainly (``ncci_ptp_reference.py`` beside this test, the semantics
of decision 0501) and the product's fast lookup (``PtpPart.has_pair``, what the PTP
rule calls, then its indicator-9 test) must agree with them."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))

from ncci_ptp_reference import product_applies, ptp_edits

from cleanclaim.codes import ncci

D = dt.date


@pytest.fixture(scope="module")
def tables(shared_data: Path, tmp_path_factory: pytest.TempPathFactory) -> ncci.NcciTables:
    root = tmp_path_factory.mktemp("ptp")
    ncci.import_file(shared_data / "ncci" / "ccipra-v322r0-f1.excerpt.txt", root)
    return ncci.load_tables(root)


@pytest.mark.parametrize(
    ("dos", "applies"),
    [
        (D(2018, 6, 30), False),  # day before effective 20180701
        (D(2018, 7, 1), True),  # effective date
        (D(2026, 6, 30), True),  # deletion date 20260630: last day it applies
        (D(2026, 7, 1), False),  # day after the deletion date
    ],
)
def test_it_applies_an_edit_from_effective_through_deletion_date(
    tables: ncci.NcciTables, dos: dt.date, applies: bool
) -> None:
    (row,) = ptp_edits(tables, "0001U", "0029U", dos)
    assert (row.effective, row.deletion) == (D(2018, 7, 1), D(2026, 6, 30))
    assert row.applies_on(dos) is applies
    assert product_applies(tables, "0001U", "0029U", dos) is applies


def test_it_treats_no_deletion_date_as_still_in_force(tables: ncci.NcciTables) -> None:
    (row,) = ptp_edits(tables, "0001U", "0030U", D(2026, 8, 1))
    assert row.deletion is None and row.applies_on(D(2030, 1, 1))
    assert product_applies(tables, "0001U", "0030U", D(2030, 1, 1))


def test_it_never_applies_modifier_indicator_9(tables: ncci.NcciTables) -> None:
    (row,) = ptp_edits(tables, "0001A", "90473", D(2022, 1, 1))
    assert row.modifier_indicator == 9
    assert not row.applies_on(D(2022, 1, 1))
    assert not product_applies(tables, "0001A", "90473", D(2022, 1, 1))


def test_it_keeps_the_pair_direction(tables: ncci.NcciTables) -> None:
    assert ptp_edits(tables, "0030U", "0001U", D(2026, 8, 1)) == []
    assert not product_applies(tables, "0030U", "0001U", D(2026, 8, 1))
