"""The report names each claim (patient, member ID, payer, dates of service, total charge,
file) and counts claims clean, with warnings only and with errors; a claim in a set with
an envelope error counts with errors."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from decimal import Decimal

from cleanclaim.edits import FileFinding, ScrubContext, report, scrub_claim
from cleanclaim.edits.finding import Finding


def _claims(mk):
    clean = mk.claim(claim_id="CLEAN", file="a.837", group="1", set_control="0001")
    warned = mk.claim(  # clean as built; the test hands it a warning
        mk.line(1, "99213"),
        mk.line(2, "99214", service_date=dt.date(2026, 8, 4), service_date_end=dt.date(2026, 8, 6)),
        claim_id="WARN",
        file="a.837",
        group="1",
        set_control="0002",
    )
    broken = mk.claim(mk.line(1, "99213", charge=Decimal("-5")), claim_id="BAD", file="b.837")
    return clean, warned, broken


def test_it_names_each_claim_in_the_report(mk) -> None:
    ctx = ScrubContext(as_of=mk.TODAY)
    _clean, warned, _broken = _claims(mk)
    (c,) = report([scrub_claim(warned, ctx)])["claims"]
    assert {k: c[k] for k in c if k not in ("findings", "status")} == {
        "claim_id": "WARN",
        "patient": "ADAMS ALICE",
        "member_id": "XJH123456789",
        "payer": "ACME HEALTH",
        "payer_id": "ACME01",
        "service_from": "2026-08-03",
        "service_to": "2026-08-06",
        "total_charge": "200.00",
        "file": "a.837",
        "set": "0002",
    }


def test_it_counts_warnings_only_claims_apart(mk) -> None:
    ctx = ScrubContext(as_of=mk.TODAY)
    results = [scrub_claim(c, ctx) for c in _claims(mk)]
    assert [r.findings for r in results[:2]] == [(), ()]
    warn = Finding("X-1", "charge", "warning", "WARN", 1, "a warning", "fix", "test", None)
    results[1] = replace(results[1], findings=(warn,))
    rep = report(results)
    assert [c["status"] for c in rep["claims"]] == ["clean", "warnings", "errors"]
    s = rep["summary"]
    assert (s["clean"], s["warnings_only"], s["with_errors"]) == (1, 1, 1)


def test_a_claim_in_a_set_with_an_envelope_error_counts_with_errors(mk) -> None:
    ctx = ScrubContext(as_of=mk.TODAY)
    clean, _warned, _broken = _claims(mk)
    other = mk.claim(claim_id="OTHER", file="a.837", group="1", set_control="0009")
    results = [scrub_claim(clean, ctx), scrub_claim(other, ctx)]
    se = Finding("SYN-001", "syntax", "error", "", None, "SE01 count", "fix", "x12", None)
    rep = report(results, [FileFinding("set", se, "a.837", "1", "0001")])
    assert [c["status"] for c in rep["claims"]] == ["errors", "clean"]
    assert (rep["summary"]["clean"], rep["summary"]["with_errors"]) == (1, 1)
    warning = Finding("SYN-002", "syntax", "warning", "", None, "note", "fix", "x12", None)
    rep = report(results, [FileFinding("file", warning, "a.837")])
    assert rep["summary"]["clean"] == 2  # a warning about the file rejects nothing
    rep = report(results, [FileFinding("file", se, "a.837")])
    assert rep["summary"]["with_errors"] == 2
