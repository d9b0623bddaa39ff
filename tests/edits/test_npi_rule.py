"""npi: billing, claim rendering and line rendering NPIs, Luhn check digit."""

from __future__ import annotations

from cleanclaim.edits import Address, Provider


def test_it_flags_a_billing_npi_with_a_wrong_check_digit(mk, ctx) -> None:
    bp = Provider("1234567890", "Clinic", Address(zip="627011234"))
    (f,) = mk.findings(mk.claim(billing_provider=bp), ctx, "NPI-001")
    assert "check digit" in f.message and f.carc == "207"


def test_it_flags_a_rendering_npi_of_the_wrong_length(mk, ctx) -> None:
    (f,) = mk.findings(mk.claim(rendering_npi="12345"), ctx, "NPI-002")
    assert "10 digits" in f.message


def test_it_flags_a_line_rendering_npi(mk, ctx) -> None:
    c = mk.claim(mk.line(1, rendering_npi="1234567890"))
    (f,) = mk.findings(c, ctx, "NPI-002")
    assert f.line == 1
