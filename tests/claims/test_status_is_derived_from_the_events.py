"""The claim's status is a pure function of its events, oldest first."""

from __future__ import annotations

import pytest

from cleanclaim.claims.events import NotAllowed, allowed, status_of


def test_it_has_no_status_before_any_event() -> None:
    assert status_of([]) is None


@pytest.mark.parametrize(
    ("kinds", "status"),
    [
        ([("created", {})], "built"),
        ([("created", {}), ("scrubbed", {"errors": 2, "warnings": 0})], "errors"),
        ([("created", {}), ("scrubbed", {"errors": 0, "warnings": 1})], "ready"),
        (
            [("created", {}), ("scrubbed", {"errors": 0}), ("edited", {"changes": {}})],
            "built",
        ),
        ([("created", {}), ("scrubbed", {"errors": 0}), ("queued", {})], "queued"),
        (
            [("created", {}), ("scrubbed", {"errors": 0}), ("queued", {}), ("held", {})],
            "on_hold",
        ),
        # released returns to the status the hold interrupted
        (
            [
                ("created", {}),
                ("scrubbed", {"errors": 0}),
                ("queued", {}),
                ("held", {}),
                ("released", {}),
            ],
            "queued",
        ),
        ([("created", {}), ("held", {}), ("released", {})], "built"),
        (
            [
                ("created", {}),
                ("scrubbed", {"errors": 0}),
                ("queued", {}),
                ("scrubbed", {"errors": 1}),
            ],
            "errors",
        ),
        ([("submitted", {}), ("acknowledged", {"accepted": True})], "accepted"),
        ([("submitted", {}), ("acknowledged", {"accepted": False})], "rejected"),
        ([("submitted", {}), ("ack_999", {"accepted": True})], "submitted"),
        ([("submitted", {}), ("ack_999", {"accepted": False})], "rejected"),
        ([("submitted", {}), ("status_answer", {"codes": ["P1:20"]})], "submitted"),
        (
            [("submitted", {}), ("acknowledged", {"accepted": True}), ("status_answer", {})],
            "accepted",
        ),
        # a rejected claim is fixed, scrubbed and queued again
        (
            [
                ("submitted", {}),
                ("acknowledged", {"accepted": False}),
                ("edited", {}),
                ("scrubbed", {"errors": 0}),
                ("queued", {}),
                ("submitted", {}),
            ],
            "submitted",
        ),
        ([("submitted", {}), ("denied", {}), ("corrected", {})], "replaced"),
        ([("submitted", {}), ("paid", {})], "paid"),
        ([("created", {}), ("voided", {})], "voided"),
        ([("submitted", {}), ("denied", {}), ("written_off", {})], "written_off"),
    ],
)
def test_it_derives_the_status(kinds: list[tuple[str, dict[str, object]]], status: str) -> None:
    assert status_of(kinds) == status


@pytest.mark.parametrize(
    ("status", "kind"),
    [
        ("errors", "queued"),
        ("built", "queued"),
        ("submitted", "edited"),
        ("paid", "fix_applied"),
        ("ready", "submitted"),
        ("queued", "released"),
        ("ready", "created"),
        ("accepted", "ack_999"),
        ("ready", "status_answer"),
        ("accepted", "edited"),
    ],
)
def test_it_refuses_an_event_that_does_not_follow(status: str, kind: str) -> None:
    with pytest.raises(NotAllowed):
        allowed(status, kind)


def test_the_first_event_is_created() -> None:
    allowed(None, "created")
    with pytest.raises(NotAllowed, match="first event"):
        allowed(None, "scrubbed")
