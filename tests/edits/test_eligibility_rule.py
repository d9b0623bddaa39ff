"""eligibility: with the payers' answers on file (``ScrubContext.eligibility``), a date of
service the latest 271 says was inactive is ELIG-001 (CARC 27), a member id other than
the payer's answer ELIG-002 (CARC 31); no answer on file ELIG-003 and an answer asked
before the date of service ELIG-004 are warnings; without a source nothing is judged."""

from __future__ import annotations

import datetime as dt

from cleanclaim.edits import ScrubContext
from cleanclaim.edits.eligibility import EligibilityFact, EligibilityTable

MEMBER = "XJH123456789"  # the conftest claim's subscriber id


def _ctx(*facts: EligibilityFact) -> ScrubContext:
    return ScrubContext(as_of=dt.date(2026, 8, 20), eligibility=EligibilityTable(facts))


def _fact(mk, status: str = "active", *, checked: dt.date | None = None, **kw) -> EligibilityFact:  # type: ignore[no-untyped-def]
    day = checked or mk.DOS
    return EligibilityFact(MEMBER, day, mk.DOS, status, label="eligibility check 7", **kw)


def _ids(mk, ctx: ScrubContext) -> list[str]:  # type: ignore[no-untyped-def]
    from cleanclaim.edits import scrub_claim

    return sorted(
        f.rule for f in scrub_claim(mk.claim(), ctx).findings if f.rule.startswith("ELIG")
    )


def test_it_is_silent_when_the_answer_is_active_and_current(mk) -> None:
    assert _ids(mk, _ctx(_fact(mk))) == []


def test_it_is_silent_without_a_source(mk) -> None:
    assert _ids(mk, ScrubContext(as_of=dt.date(2026, 8, 20))) == []


def test_it_flags_inactive_coverage_on_the_date_of_service(mk) -> None:
    (f,) = mk.findings(mk.claim(), _ctx(_fact(mk, "inactive")), "ELIG-001")
    assert (f.severity, f.category, f.carc, f.line) == ("error", "coverage", "27", 1)
    assert "eligibility check 7" in f.source


def test_it_flags_a_date_after_the_plan_ended(mk) -> None:
    fact = _fact(mk, plan_end=mk.DOS - dt.timedelta(days=1))
    assert _ids(mk, _ctx(fact)) == ["ELIG-001"]


def test_it_flags_a_member_id_the_payer_does_not_use(mk) -> None:
    (f,) = mk.findings(mk.claim(), _ctx(_fact(mk, answered_member_id="XJH999")), "ELIG-002")
    assert (f.severity, f.carc) == ("error", "31")
    assert "XJH999" in f.message


def test_it_warns_when_never_checked_or_stale(mk) -> None:
    assert _ids(mk, _ctx()) == ["ELIG-003"]
    old = _fact(mk, checked=mk.DOS - dt.timedelta(days=30))
    (f,) = mk.findings(mk.claim(), _ctx(old), "ELIG-004")
    assert f.severity == "warning"
