"""The payer's corrected first name and member id are offered; one click writes them to
the patient and coverage (audited); a record changed since the page was shown is not
overwritten."""

from __future__ import annotations

from typing import Any

from django.test import Client
from django.urls import reverse

from cleanclaim.audit.models import AuditEntry
from cleanclaim.eligibility.models import EligibilityCheck
from cleanclaim.patients.models import Coverage, Patient
from cleanclaim.testing.personas import World


def _check(world: World, desk: Client, answers: dict[str, Any]) -> EligibilityCheck:
    cov = world.home.coverage
    answers[cov.member_id] = {
        "first_name": "Northsidia",
        "member_id": "NS-000042",
        "benefits": [{"eligibility_code": "1", "service_types": ["30"]}],
    }
    desk.post(reverse("eligibility:check", kwargs={"pk": cov.pk}), {"day": "2026-12-07"})
    return EligibilityCheck.objects.get()


def test_it_offers_and_applies_the_corrections(
    world: World, desk: Client, answers: dict[str, Any]
) -> None:
    row = _check(world, desk, answers)
    page = desk.get(reverse("eligibility:detail", kwargs={"pk": row.pk})).content.decode()
    assert "Northsidia" in page and "NS-000042" in page
    patient, cov = world.home.patient, world.home.coverage
    response = desk.post(
        reverse("eligibility:apply", kwargs={"pk": row.pk}),
        {
            "fields": ["first_name", "member_id"],
            "patient_version": patient.version,
            "coverage_version": cov.version,
        },
    )
    assert response.status_code == 302
    assert Patient.objects.get(pk=patient.pk).first_name == "Northsidia"
    assert Coverage.objects.get(pk=cov.pk).member_id == "NS-000042"
    assert AuditEntry.objects.filter(
        model="patients.Patient", object_pk=str(patient.pk), action="update"
    ).exists()


def test_it_refuses_an_out_of_date_page(
    world: World, desk: Client, answers: dict[str, Any]
) -> None:
    row = _check(world, desk, answers)
    patient = world.home.patient
    desk.post(
        reverse("eligibility:apply", kwargs={"pk": row.pk}),
        {"fields": ["first_name"], "patient_version": patient.version - 1 or 99},
    )
    assert Patient.objects.get(pk=patient.pk).first_name == patient.first_name
