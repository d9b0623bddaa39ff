"""An AAA rejection comes with its reason in plain words, what to do, and whether the
inquiry may be sent again (AAA04)."""

from __future__ import annotations

from cleanclaim.benefits import read_271
from cleanclaim.testing.eligibility import answer, member


def test_it_explains_a_subscriber_not_found() -> None:
    rejected = member([], rejections=[{"reason": "75", "follow_up_action": "C"}])
    summary = read_271(answer([rejected]))
    assert summary.status == "rejected"
    (r,) = summary.rejections
    assert (r.code, r.follow_up) == ("75", "C")
    assert "did not find the subscriber" in r.reason
    assert "member id" in r.what_to_do
    assert r.may_resend


def test_it_names_an_unknown_reason_by_its_code() -> None:
    summary = read_271(answer([], rejections=[{"reason": "T4", "follow_up_action": "N"}]))
    (r,) = summary.rejections
    assert "reason T4" in r.reason
    assert not r.may_resend
