"""HL02 must name an earlier HL whose level may parent this one (X279A1: 20 →
21 → 22 → 23; X212: 20 → 21 → 19 → 22 → 23)."""

from __future__ import annotations

from cleanclaim.x12 import parse, validate

SAMPLE = (
    "x12/270/stupidedi_X279A1_pass_generic-request-by-physician-for-patient-(dependent)"
    "-eligibility.edi"
)


def _codes(text: str) -> dict[str, object]:
    return {f.code: f for f in validate(parse(text)).findings()}


def test_it_accepts_the_sample(shared_data):
    assert _codes((shared_data / SAMPLE).read_text()) == {}


def test_it_reports_a_dependent_whose_parent_is_not_a_subscriber(shared_data):
    text = (shared_data / SAMPLE).read_text()
    dependent_hl = next(s for s in text.split("~") if s.startswith("HL*") and "*23" in s)
    parts = dependent_hl.split("*")
    parts[2] = "2"  # the information receiver
    found = _codes(text.replace(dependent_hl, "*".join(parts)))
    wrong = found["x12.hl.wrong-parent"]
    assert wrong.element.endswith("HL02")
    assert "level 23 must have a parent at level 22" in wrong.message


def test_it_reports_a_parent_that_does_not_exist(shared_data):
    text = (shared_data / SAMPLE).read_text()
    dependent_hl = next(s for s in text.split("~") if s.startswith("HL*") and "*23" in s)
    parts = dependent_hl.split("*")
    parts[2] = "99"
    found = _codes(text.replace(dependent_hl, "*".join(parts)))
    assert "x12.hl.unknown-parent" in found
