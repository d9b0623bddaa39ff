"""Whatever text it is handed, the fee file reader answers rows or ``FeeFileError``."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from cleanclaim.fees.transfer import FeeFileError, FeeTable, read_fees

CELLS = st.sampled_from(
    ["code", "modifier", "charge", "allowed:X1", "99213", "G0008", "25", "1.00", "-1", "",
     '"', "\r", "\n", ",", "\x00", "1e9999", "NaN", "0001U", "ab"]
)  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(st.one_of(st.text(max_size=300), st.lists(CELLS, max_size=40).map(",".join)))
def test_it_raises_nothing_but_its_own_error(text: str) -> None:
    try:
        got = read_fees(text, "fuzz.csv", known_payers=["X1"])
    except FeeFileError as exc:
        assert exc.lines()
        assert all(line.startswith("fuzz.csv") for line in exc.lines())
    else:
        assert isinstance(got, FeeTable)
        assert all(row.charge > 0 for row in got.rows)
