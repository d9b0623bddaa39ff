"""A response marked as showing PHI must have written an audit entry: strict mode (the
suite, DEBUG) raises; production records a generic read instead. The pages that were
found unaudited now record their reads."""

from __future__ import annotations

import pytest
from django.http import HttpRequest, HttpResponse
from django.test import Client, RequestFactory
from django.urls import reverse

from cleanclaim.audit.models import AuditEntry
from cleanclaim.audit.phi import FALLBACK_MODEL, PHIAuditMiddleware, UnauditedPHIError, shows_phi
from cleanclaim.tenancy.permissions import Role
from cleanclaim.testing.personas import World


@shows_phi
def _forgetful_view(request: HttpRequest) -> HttpResponse:
    return HttpResponse("Northsideson, Ada 1950-05-17")


def _serve(world: World, path: str = "/patients/7/?q=Ada") -> HttpResponse:
    request = RequestFactory().get(path, REMOTE_ADDR="192.0.2.7")
    request.user = world.home.users[Role.FRONT_DESK]
    return PHIAuditMiddleware(_forgetful_view)(request)


def test_it_raises_in_strict_mode_when_a_phi_view_forgets_its_entry(world: World) -> None:
    with pytest.raises(UnauditedPHIError, match="GET /patients/7/ answered 200"):
        _serve(world)


def test_it_records_a_generic_read_in_production(world: World, settings, caplog) -> None:
    settings.AUDIT_STRICT_PHI = False
    assert _serve(world).status_code == 200
    entry = AuditEntry.objects.get(model=FALLBACK_MODEL)
    assert entry.action == "read"
    assert entry.user == world.home.users[Role.FRONT_DESK]
    assert entry.organisation == world.home.organisation
    assert entry.ip == "192.0.2.7"
    assert entry.object_label == "GET /patients/7/"
    assert "Ada" not in str(entry.context)  # the query string (search terms) is not kept
    assert "without an audit entry" in caplog.text


def _desk(world: World) -> Client:
    client = Client()
    client.force_login(world.home.users[Role.FRONT_DESK])
    return client


def _reads(world: World) -> int:
    return AuditEntry.objects.filter(
        action="read", model="patients.Patient", object_pk=str(world.home.patient.pk)
    ).count()


def test_it_records_the_add_coverage_page(world: World) -> None:
    page = _desk(world).get(reverse("patients:coverage_add", args=[world.home.patient.pk]))
    assert page.status_code == 200
    assert _reads(world) == 1


def test_it_records_a_patient_form_shown_again_after_an_error(world: World) -> None:
    patient = world.home.patient
    page = _desk(world).post(reverse("patients:edit", args=[patient.pk]), {"last_name": ""})
    assert page.status_code == 200 and patient.last_name in page.content.decode()
    assert _reads(world) == 1


def test_it_records_a_coverage_form_shown_again_after_an_error(world: World) -> None:
    coverage = world.obj("coverage")
    page = _desk(world).post(reverse("patients:coverage_edit", args=[coverage.pk]), {})
    assert page.status_code == 200
    assert _reads(world) == 1
