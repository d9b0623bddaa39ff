"""Elements whose codes come from an external list (states, claim status 508,
status category 507, remark codes...) are checked against pyx12's copy of the
lists (guidekit/external_codes.json): stable lists (states, countries,
currencies) reject, evolving ones (claim status, remark codes) warn."""

from __future__ import annotations

from cleanclaim.x12 import parse, validate
from cleanclaim.x12._errors import Severity

REMITTANCE = "x12/835/stupidedi_X221A1_pass_era-sample.edi"
STATUS = "x12/277/stupidedi_X212_pass_claim-response.edi"


def test_it_rejects_an_unknown_state(shared_data):
    text = (shared_data / REMITTANCE).read_text()
    found = validate(parse(text.replace("N4*CENTERVILLE*PA*", "N4*CENTERVILLE*QQ*", 1)))
    [f] = found.findings()
    assert (f.code, f.element, f.severity, f.ik403) == (
        "x12.element.unknown-external-code",
        "1000A N402",
        Severity.ERROR,
        "7",
    )


def test_it_warns_about_a_claim_status_code_it_does_not_know(shared_data):
    text = (shared_data / STATUS).read_text()
    stc = next(s for s in text.split("~") if s.startswith("STC*"))
    parts = stc.split("*")
    first = parts[1].split(":")
    first[1] = "99999"
    parts[1] = ":".join(first)
    found = validate(parse(text.replace(stc, "*".join(parts), 1))).findings()
    assert [(f.code, f.severity, f.value) for f in found] == [
        ("x12.element.unknown-external-code", Severity.WARNING, "99999")
    ]
    assert found[0].element.endswith("STC01-02")
