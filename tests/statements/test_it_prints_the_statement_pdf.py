"""The statement PDF read back: amount due, aging, the practice's message, a visit line,
the practice's name and the remittance stub."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import time_machine

from cleanclaim.statements import actions, pdf
from cleanclaim.testing.pdf import placed_text

from .helpers import ACTOR, answered_visit


@time_machine.travel("2026-03-20 12:00:00+00:00", tick=False)
def test_it_prints_amount_due_aging_message_and_a_visit_line(world) -> None:
    answered_visit(world, patient="42.50")
    practice = world.home.practice
    actions.update_settings(
        ACTOR,
        practice,
        message="Thank you for choosing Northside.",
        how_to_pay="Call 555-0100 or mail a check.",
        small_balance_limit=Decimal("5.00"),
    )
    statement = actions.run_statements(ACTOR, practice, dt.date(2026, 3, 20)).made[0]
    settings = actions.settings_of(practice)
    texts = [
        t for t, _, _ in placed_text(pdf.render(statement, settings.message, settings.how_to_pay))
    ]
    joined = "\n".join(texts)
    assert "Amount due: $42.50" in texts
    assert "Thank you for choosing Northside." in texts
    assert "How to pay: Call 555-0100 or mail a check." in texts
    # the visit of 2026-01-15 is 64 days old on 2026-03-20: aged 61-90
    assert "61-90: 42.50" in texts
    assert "Current: 0.00" in texts
    assert "2026-01-15" in texts
    assert any(t.startswith(f"Visit {world.home.claim.number} (99213)") for t in texts)
    assert "125.00" in texts and "80.00" in texts
    assert practice.legal_name in joined
    assert "Remittance" in texts
    assert f"Account: {world.home.patient.account_number}" in texts


def test_a_long_description_is_cut_before_the_figures_and_the_patient_is_under_it() -> None:
    from reportlab.pdfbase.pdfmetrics import stringWidth

    long = "Visit CC00000003 (99213, 20610, 36415, 81002, 90471, 90715)"
    cut = pdf._fit(long, pdf.DESCRIPTION_WIDTH)
    assert cut.endswith("…") and long.startswith(cut[:-1])
    assert stringWidth(cut, "Helvetica", 8) <= pdf.DESCRIPTION_WIDTH
    assert pdf._fit("Visit 7 (99213)", pdf.DESCRIPTION_WIDTH) == "Visit 7 (99213)"
