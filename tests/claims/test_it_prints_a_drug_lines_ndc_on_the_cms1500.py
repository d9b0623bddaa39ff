"""A drug line's NDC reaches the CMS-1500 through the claim's 837P view: the shaded
part of its item 24 line holds ``N4`` and the 11-digit NDC, then the unit and the
quantity (the manual, item 24 supplemental information)."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from cleanclaim.audit.actor import Actor
from cleanclaim.claims import actions
from cleanclaim.paper import field_rect, line_field
from cleanclaim.practices.models import User
from cleanclaim.testing.pdf import placed_text
from cleanclaim.testing.personas import World

from .conftest import TODAY, visit

pytestmark = pytest.mark.django_db


def test_the_shaded_line_of_a_drug_line_shows_n4_the_ndc_unit_and_quantity(
    world: World, actor: Actor, biller: User
) -> None:
    encounter = visit(
        world,
        actor,
        lines=[
            {"procedure": "99213", "charge": "95", "pointers": ["A"]},
            {
                "procedure": "J1815",
                "charge": "24.00",
                "units": "4",
                "pointers": ["B"],
                "ndc": "00002-8215-01",
                "ndc_quantity": "1.5",
                "ndc_unit": "ML",
            },
        ],
    )
    claim, _ = actions.build_claim(actor, encounter, today=TODAY)
    client = Client()
    client.force_login(biller)
    page = client.get(reverse("claims:claim_cms1500", args=[claim.pk]))
    assert page.status_code == 200, page.content[:500]
    placed = placed_text(page.content)

    def shaded(k: int) -> list[str]:
        x0, y0, x1, y1 = field_rect(line_field("24.supplemental", k))
        return [t for t, x, y in placed if x0 <= x < x1 and y0 <= y < y1]

    drug = shaded(1)
    assert drug and drug[0].startswith("N400002821501"), placed
    assert drug[0].replace(" ", "").endswith("ML1.5"), drug
    assert shaded(0) == []  # the office visit line has no NDC
