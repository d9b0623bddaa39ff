"""The builder refuses a secondary claim whose prior payer's amounts do not balance
(005010X222A1 2320/2430 notes), naming the claim or the line and the difference."""

from __future__ import annotations

from decimal import Decimal

import pytest

from cleanclaim.x12 import X12Error
from cleanclaim.x12.x222a1_837p.building import build_837p

from .secondary_837p import CREATED, RECEIVER, SUBMITTER, secondary_claim


def test_it_names_the_line_and_the_difference() -> None:
    with pytest.raises(X12Error) as err:
        build_837p(
            [secondary_claim(line2_paid="31.00")],
            submitter=SUBMITTER,
            receiver=RECEIVER,
            created=CREATED,
        )
    message = str(err.value)
    assert "claims[0].lines[1].adjudications[0] (MCR01) does not balance" in message
    assert "= -1, not 0.00" in message


def test_it_names_the_claim_when_the_paid_amount_is_off() -> None:
    claim = secondary_claim()
    claim.other_payers[0].paid = Decimal("90.00")
    with pytest.raises(X12Error) as err:
        build_837p([claim], submitter=SUBMITTER, receiver=RECEIVER, created=CREATED)
    message = str(err.value)
    assert "claims[0].other_payers[0] (MCR01) does not balance" in message
    assert "= 4, not 0.00" in message
