"""A secondary payer that takes paper gets the CMS-1500 with the primary's payment: read
back from the PDF (pypdf), item 29 holds what the primary paid (90.00), item 9 the
primary's insured, 9a their group or member ID, 9d the primary plan and 11d is YES (the
NUCC 1500 manual, items 9, 9a, 9d, 11d and 29)."""

from __future__ import annotations

from cleanclaim.audit.actor import Actor
from cleanclaim.claims.paper import cms1500_pdf
from cleanclaim.claims.secondary import build_secondary
from cleanclaim.paper import FIELDS, Field, field_rect
from cleanclaim.payers.models import Payer
from cleanclaim.testing.pdf import Placed, placed_text
from cleanclaim.testing.personas import World

from .conftest import TODAY
from .secondary_world import adjudication, paid_primary, with_secondary


def _inside(placed: Placed, text: str, f: Field) -> bool:
    x0, y0, x1, y1 = field_rect(f)
    return any(t.strip() == text and x0 <= x < x1 and y0 <= y < y1 for t, x, y in placed)


def test_it_shows_the_primary_payment(world: World, actor: Actor) -> None:
    coverage = with_secondary(world, submission=Payer.Submission.PAPER)
    primary = paid_primary(world, actor, coverage)
    secondary, _ = build_secondary(actor, primary, adjudication=adjudication(primary), today=TODAY)
    placed = placed_text(cms1500_pdf([secondary]))
    patient = world.home.patient
    coverage_1 = primary.coverage
    expected = [
        ("29.dollars", "90"),
        ("29.cents", "00"),
        ("9", f"{patient.last_name}, {patient.first_name}".upper()),
        ("9a", coverage_1.member_id),
        ("9d", primary.payer.name.upper()),
        ("11d.yes", "X"),
        ("1a", coverage.member_id),
    ]
    for name, text in expected:
        found = [(t, round(x), round(y)) for t, x, y in placed if text in t]
        assert _inside(placed, text, FIELDS[name]), (name, text, found)
