"""Property: every generated 7-character code is valid, billable and maps back to its base."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from cleanclaim.codes.icd10cm import IcdTabular, package_xml, parse_tabular

TAB: IcdTabular = parse_tabular(package_xml())
SEVENTH_LEAVES = sorted(c for c, n in TAB.nodes.items() if not n.children and TAB.seventh_for(c))


@settings(max_examples=300, deadline=None)
@given(base=st.sampled_from(SEVENTH_LEAVES), data=st.data())
def test_it_round_trips_every_generated_full_code(base: str, data: st.DataObject) -> None:
    full = data.draw(st.sampled_from(TAB.full_codes(base)))
    assert len(full.replace(".", "")) == 7
    assert TAB.split_seventh(full) == (base, full[-1])
    assert TAB.billable(full) and not TAB.billable(base)
