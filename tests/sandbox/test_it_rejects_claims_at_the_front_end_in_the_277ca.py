"""Front-end rejections in the 277CA with real claim status codes: subscriber not found
(A7:33:IL), an NPI the payers do not know (A7:562:85), an unknown payer
(A3:116:PR); the accepted claims of the same set carry REF*1K and are paid in the 835."""

from __future__ import annotations

from sandbox_helpers import golden_claim, make_837, of_kind, our_errors, remits

from cleanclaim.x12 import parse
from cleanclaim.x12.x212_276_277.view import status_report


def _statuses(data: bytes) -> dict[str, tuple[str, str, str, str | None]]:
    t = parse(data).transactions[0]
    report = status_report(t.data.placed.tree, t.interchange.delimiters)
    out = {}
    for c in report.claims:
        info = c.statuses[0].health_care_claim_status
        assert c.trace is not None and info is not None
        out[c.trace.reference_identification] = (
            info.health_care_claim_status_category_code,
            info.health_care_claim_status_code,
            info.entity_identifier_code,
            c.reference("1K"),
        )
    return out


def test_it_rejects_unknown_members_bad_npis_and_unknown_payers(
    make_adjudicator, pyx12_validate
) -> None:
    stranger = golden_claim(0, claim_id="NOBODY")
    stranger["subscriber"] = dict(stranger["subscriber"], member_id="Q0000001")
    bad_npi = golden_claim(0, claim_id="BADNPI")
    bad_npi["billing_provider"] = dict(bad_npi["billing_provider"], npi="1234567893")
    unknown_payer = golden_claim(0, claim_id="NOPAYER")
    unknown_payer["payer"] = {"name": "NOWHERE MUTUAL", "id": "99999"}
    files = make_adjudicator().receive(
        "f.837", make_837([golden_claim(0), stranger, bad_npi, unknown_payer])
    )
    (ca,) = of_kind(files, "277CA")
    statuses = _statuses(ca.data)
    assert statuses["NOBODY"] == ("A7", "33", "IL", None)
    assert statuses["BADNPI"][:3] == ("A7", "562", "85")
    assert statuses["NOPAYER"][:3] == ("A3", "116", "PR")
    category, code, entity, payer_number = statuses["RFM-1001"]
    assert (category, code, entity) == ("A2", "20", "PR")
    assert payer_number and payer_number.startswith("SB")
    assert set(remits(of_kind(files, "835")[0].data)) == {"RFM-1001"}
    assert our_errors(ca.data) == []
    ok, errors = pyx12_validate(ca.data)
    assert ok, errors


def test_an_npi_failing_its_check_digit_is_refused_earlier_in_the_999(make_adjudicator) -> None:
    bad_npi = golden_claim(0, claim_id="BADNPI")
    bad_npi["billing_provider"] = dict(bad_npi["billing_provider"], npi="1245319598")
    files = make_adjudicator().receive("f.837", make_837([bad_npi]))
    assert [f.kind for f in files] == ["999"]
    assert b"IK5*R" in files[0].data
