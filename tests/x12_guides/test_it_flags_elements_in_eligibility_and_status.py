"""Element-level findings in 271 and 277 answers name the loop and element and
carry the 999 codes (a mutation of a clean sample each)."""

from __future__ import annotations

from cleanclaim.x12 import parse, validate

ELIGIBILITY = "x12/271/lfh_271_005010X279A1__subscriber-health-benefit-check.271"
STATUS = "x12/277/stupidedi_X212_pass_claim-response.edi"


def _findings(text: str) -> list:
    return validate(parse(text)).findings()


def test_it_rejects_an_unknown_benefit_code(shared_data):
    text = (shared_data / ELIGIBILITY).read_text()
    assert _findings(text) == []
    eb = next(s for s in text.split("~") if s.lstrip().startswith("EB*"))
    parts = eb.split("*")
    parts[1] = "ZZ"
    found = _findings(text.replace(eb, "*".join(parts), 1))
    assert [(f.code, f.element, f.ik304, f.ik403, f.value) for f in found] == [
        ("x12.element.invalid-code", "2110C EB01", "8", "7", "ZZ")
    ]
    assert "is not a code this guide allows" in found[0].message


def test_it_reports_a_status_without_its_category(shared_data):
    text = (shared_data / STATUS).read_text()
    assert _findings(text) == []
    stc = next(s for s in text.split("~") if s.startswith("STC*"))
    parts = stc.split("*")
    parts[1] = ":" + parts[1].split(":", 1)[1]
    found = _findings(text.replace(stc, "*".join(parts), 1))
    missing = [f for f in found if f.code == "x12.element.required-missing"]
    assert missing and missing[0].element.endswith("STC01-01")
    assert (missing[0].ik304, missing[0].ik403) == ("8", "1")
