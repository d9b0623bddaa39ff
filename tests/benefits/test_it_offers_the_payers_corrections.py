"""Where the payer's name, birth date or member id differ from what was asked, the
summary lists each difference (to offer as an update to the record)."""

from __future__ import annotations

import datetime as dt

from cleanclaim.benefits import Person, read_271
from cleanclaim.testing.eligibility import answer, member

ASKED = Person("DOE", "JANE", dt.date(1980, 2, 1), "F", "W12345678")


def test_it_lists_each_difference() -> None:
    text = answer(
        [member([{"eligibility_code": "1", "service_types": ["30"]}], first_name="JANET")]
    )
    summary = read_271(text, patient=ASKED)
    got = {c.field: (c.asked, c.answered) for c in summary.corrections}
    assert got == {
        "first_name": ("JANE", "JANET"),
        "member_id": ("W12345678", "W123456789"),
        "date_of_birth": ("1980-02-01", "1980-01-02"),
    }


def test_it_lists_nothing_when_all_agree() -> None:
    same = Person("Doe", "Jane", dt.date(1980, 1, 2), "F", "w123456789")
    summary = read_271(answer([member([{"eligibility_code": "1"}])]), patient=same)
    assert summary.corrections == []
