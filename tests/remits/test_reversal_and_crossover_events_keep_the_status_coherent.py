"""A reversal (CLP02 22) takes a paid claim back to accepted, so the corrected payment
can post; a crossover (CLP02 19) leaves the status and is allowed only after a payment."""

from __future__ import annotations

import pytest

from cleanclaim.claims.events import Kind, NotAllowed, allowed, status_of


def test_it_reverses_then_pays_again() -> None:
    history = [
        (Kind.CREATED, {}),
        (Kind.SCRUBBED, {"errors": 0}),
        (Kind.QUEUED, {}),
        (Kind.SUBMITTED, {}),
        (Kind.PAID, {}),
        (Kind.REVERSED, {}),
    ]
    assert status_of(history) == "accepted"
    assert status_of([*history, (Kind.PAID, {})]) == "paid"
    assert status_of([*history[:5], (Kind.FORWARDED, {})]) == "paid"


def test_it_forwards_only_an_answered_claim() -> None:
    with pytest.raises(NotAllowed):
        allowed("submitted", Kind.FORWARDED)
    with pytest.raises(NotAllowed):
        allowed("submitted", Kind.REVERSED)
    allowed("denied", Kind.FORWARDED)
