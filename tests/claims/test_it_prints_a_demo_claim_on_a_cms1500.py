"""Issue 13, "Done when": the CMS-1500 PDF of a demo claim shows the right values in the
checked boxes (1a, 2, 21, 24A-J, 28, 33), read back from the PDF by position; the page
and the API give the same PDF; every print is recorded as a read of the claim."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.test import Client
from django.urls import reverse

from cleanclaim.audit.models import AuditEntry
from cleanclaim.claims.models import Claim
from cleanclaim.paper import FIELDS, Field, field_rect, line_field
from cleanclaim.practices.models import User
from cleanclaim.tenancy.permissions import Role
from cleanclaim.testing.pdf import Placed, placed_text
from cleanclaim.web import demo

pytestmark = pytest.mark.django_db


def _inside(placed: Placed, text: str, f: Field) -> bool:
    x0, y0, x1, y1 = field_rect(f)
    return any(t == text and x0 <= x < x1 and y0 <= y < y1 for t, x, y in placed)


def _money(amount: Decimal) -> tuple[str, str]:
    dollars, cents = f"{amount:.2f}".split(".")
    return dollars, cents


def test_a_demo_claim_prints_with_the_right_values_in_the_checked_boxes() -> None:
    demo.build()
    claim = (
        Claim.objects.filter(practice__organisation__name=demo.ORGANISATION)
        .select_related("patient", "coverage", "practice")
        .order_by("pk")
        .first()
    )
    assert claim is not None, "the demo has no claim"
    biller = Client()
    biller.force_login(User.objects.get(email=f"{Role.BILLER.value}@{demo.DOMAIN}"))
    page = biller.get(reverse("claims:claim_cms1500", args=[claim.pk]))
    assert page.status_code == 200, page.content[:500]
    assert page["Content-Type"] == "application/pdf"
    placed = placed_text(page.content)

    patient, lines = claim.patient, list(claim.lines.order_by("number"))
    name = f"{patient.last_name}, {patient.first_name}".upper()
    checks: list[tuple[str, Field]] = [
        (claim.coverage.member_id, FIELDS["1a"]),
        (claim.diagnoses[0].replace(".", ""), FIELDS["21.A"]),
        (claim.practice.npi, FIELDS["33a"]),
        (_money(claim.total_charge)[0], FIELDS["28.dollars"]),
        (_money(claim.total_charge)[1], FIELDS["28.cents"]),
    ]
    for k, line in enumerate(lines[:6]):
        checks += [
            (line.procedure, line_field("24D", k)),
            (_money(line.charge)[0], line_field("24F.dollars", k)),
            (claim.rendering_provider.npi, line_field("24J", k)),
        ]
    missing = [(text, f.box) for text, f in checks if not _inside(placed, text, f)]
    assert not missing, f"not in their boxes: {missing}; the page holds {placed}"
    assert any(t.startswith(name) and _inside(placed, t, FIELDS["2"]) for t, _x, _y in placed)

    api = biller.get(f"/api/claims/{claim.pk}/cms1500", {"mode": "red-form"})
    assert api.status_code == 200 and api.content.startswith(b"%PDF")
    reads = AuditEntry.objects.filter(model="claims.Claim", object_pk=str(claim.pk))
    assert {"cms1500 plain", "cms1500 red-form"} <= {e.context.get("with") for e in reads}
    bad = biller.get(reverse("claims:claim_cms1500", args=[claim.pk]), {"mode": "blue"})
    assert bad.status_code == 422 and b"blue" in bad.content
