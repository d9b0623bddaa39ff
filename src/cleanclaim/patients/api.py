"""``/api/patients``: scoped and audited like the pages."""

from __future__ import annotations

import datetime as dt

from django.http import HttpRequest
from ninja import Router, Schema

from cleanclaim.api.auth import api_requires
from cleanclaim.audit.actor import Actor
from cleanclaim.audit.phi import shows_phi
from cleanclaim.patients import actions
from cleanclaim.patients.models import Coverage, Patient
from cleanclaim.patients.views import search_patients
from cleanclaim.practices.scoping import get_scoped_or_404

router = Router(tags=["patients"])


class PatientOut(Schema):
    id: int
    practice_id: int
    account_number: str
    last_name: str
    first_name: str
    middle_name: str
    date_of_birth: dt.date
    sex: str


class CoverageOut(Schema):
    id: int
    payer_id: int
    payer: str
    priority: int
    member_id: str
    group_number: str
    relationship: str
    subscriber_last_name: str
    subscriber_first_name: str
    subscriber_date_of_birth: dt.date | None
    effective_date: dt.date
    termination_date: dt.date | None

    @staticmethod
    def resolve_payer(obj: Coverage) -> str:
        return obj.payer.name


class PatientDetailOut(PatientOut):
    address_line1: str
    address_line2: str
    city: str
    state: str
    zip_code: str
    phone: str
    coverages: list[CoverageOut]

    @staticmethod
    def resolve_coverages(obj: Patient) -> list[Coverage]:
        return list(obj.coverages.select_related("payer").order_by("priority", "-effective_date"))


@router.get("", response=list[PatientOut], url_name="patient_list")
@api_requires("patients.view")
@shows_phi
def patient_list(request: HttpRequest, q: str = "") -> list[Patient]:
    patients = search_patients(request.auth, q)  # type: ignore[attr-defined]
    actions.view_patients(Actor.from_request(request, via="api"), patients, query=q)
    return patients


@router.get("/{pk}", response=PatientDetailOut, url_name="patient_detail")
@api_requires("patients.view")
@shows_phi
def patient_detail(request: HttpRequest, pk: int) -> Patient:
    patient = get_scoped_or_404(Patient, request.auth, "patients.view", pk=pk)  # type: ignore[attr-defined]
    return actions.view_patient(Actor.from_request(request, via="api"), patient)
