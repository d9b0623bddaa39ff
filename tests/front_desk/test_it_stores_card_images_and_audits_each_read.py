"""Card images: a PNG/JPEG/PDF up to 10 MB is stored under var/cards readable by the
owner only (0600), served only through the audited card view, never to an outsider;
another type is refused naming the field."""

from __future__ import annotations

import stat
from pathlib import Path

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from cleanclaim.audit.models import AuditEntry
from cleanclaim.testing.personas import World

from .helpers import front_desk

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64


def _form(world: World, **files: SimpleUploadedFile) -> dict[str, object]:
    c = world.home.coverage
    return {
        "payer": c.payer_id,
        "priority": c.priority,
        "member_id": c.member_id,
        "relationship": c.relationship,
        "effective_date": c.effective_date.isoformat(),
        "copay": "25.00",
        "version": c.version,
        **files,
    }


def test_it_stores_serves_and_audits_a_card(world: World, cards_dir: Path) -> None:
    client = front_desk(world)
    coverage = world.home.coverage
    card = SimpleUploadedFile("card.png", PNG, content_type="image/png")
    response = client.post(
        reverse("patients:coverage_edit", args=[coverage.pk]), _form(world, card_front=card)
    )
    assert response.status_code == 302
    coverage.refresh_from_db()
    stored = Path(coverage.card_front.path)
    assert stored.is_relative_to(cards_dir)
    assert stat.S_IMODE(stored.stat().st_mode) == 0o600
    assert str(coverage.copay) == "25.00"

    url = reverse("patients:coverage_card", args=[coverage.pk, "front"])
    before = AuditEntry.objects.filter(action="read", model="patients.Coverage").count()
    shown = client.get(url)
    assert shown.status_code == 200
    assert shown["Content-Type"] == "image/png"
    assert b"".join(shown.streaming_content) == PNG
    after = AuditEntry.objects.filter(action="read", model="patients.Coverage")
    assert after.count() == before + 1
    assert after.order_by("-id")[0].context["card"] == "front"

    assert front_desk(world, outsider=True).get(url).status_code == 404


def test_it_refuses_a_file_that_is_not_an_image_or_pdf(world: World, cards_dir: Path) -> None:
    text = SimpleUploadedFile("card.png", b"hello, not an image", content_type="image/png")
    response = front_desk(world).post(
        reverse("patients:coverage_edit", args=[world.home.coverage.pk]),
        _form(world, card_back=text),
    )
    assert response.status_code == 200
    assert "JPEG, PNG or PDF" in response.context["form"].errors["card_back"][0]
    assert not cards_dir.exists() or not any(cards_dir.rglob("*.*"))


def test_it_refuses_a_card_over_10_mb(world: World, cards_dir: Path) -> None:
    big = SimpleUploadedFile("card.pdf", b"%PDF-" + b"0" * (10 * 1024 * 1024), "application/pdf")
    response = front_desk(world).post(
        reverse("patients:coverage_edit", args=[world.home.coverage.pk]),
        _form(world, card_front=big),
    )
    assert response.status_code == 200
    assert "10 MB" in response.context["form"].errors["card_front"][0]
