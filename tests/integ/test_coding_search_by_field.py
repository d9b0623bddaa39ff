"""The coding screen searches what the coder is filling in: the diagnosis field
ICD-10-CM, the procedure field CPT and HCPCS, the modifier field modifiers; "all" lists
the answer under one heading per kind (type-ahead and the no-JavaScript table alike)."""

from __future__ import annotations

import re

import pytest
from django.urls import reverse

from cleanclaim.tenancy.permissions import Role

pytestmark = pytest.mark.django_db

DOS = "2026-05-01"


def _systems(body: str) -> list[str]:
    return re.findall(r'role="option"[^>]*data-system="([^"]+)"', body)


def test_the_procedure_field_answers_procedures_only(client_as) -> None:
    c = client_as(Role.CODER)
    r = c.get(reverse("coding:search"), {"q": "flu", "system": "procedure", "date": DOS})
    systems = _systems(r.content.decode())
    assert systems and set(systems) <= {"cpt", "hcpcs"}, systems
    assert 'data-code="90686"' in r.content.decode()  # the starter flu vaccine


def test_the_diagnosis_field_answers_diagnoses_only(client_as) -> None:
    r = client_as(Role.CODER).get(
        reverse("coding:search"), {"q": "flu", "system": "diagnosis", "date": DOS}
    )
    systems = _systems(r.content.decode())
    assert systems and set(systems) == {"icd10cm"}


def test_the_modifier_field_answers_modifiers(client_as) -> None:
    r = client_as(Role.CODER).get(
        reverse("coding:search"), {"q": "left side", "system": "modifier", "date": DOS}
    )
    assert _systems(r.content.decode())[:1] == ["modifier"]


def test_all_lists_each_kind_under_its_heading(client_as) -> None:
    r = client_as(Role.CODER).get(
        reverse("coding:search"), {"q": "flu", "system": "all", "date": DOS}
    )
    body = r.content.decode()
    diagnoses = body.index("Diagnoses (ICD-10-CM)")
    procedures = body.index("Procedures, supplies and equipment (CPT, HCPCS)")
    assert diagnoses < body.index('data-system="icd10cm"') < procedures
    assert procedures < body.index('data-code="90686"')
    ids = re.findall(r'role="option" id="([^"]+)"', body)
    assert len(ids) == len(set(ids))  # option ids stay unique across the groups


def test_all_without_javascript_shows_a_table_per_kind(client_as) -> None:
    r = client_as(Role.CODER).get(
        reverse("coding:screen"), {"q": "flu", "system": "all", "date": DOS}
    )
    body = r.content.decode()
    assert r.status_code == 200
    assert '<h3 id="group-diagnosis">' in body and '<h3 id="group-procedure">' in body
    assert body.count('<table class="list"') >= 2


def test_an_unknown_field_is_refused_by_name(client_as) -> None:
    r = client_as(Role.CODER).get(
        reverse("coding:search"), {"q": "flu", "system": "supplies", "date": DOS}
    )
    assert r.status_code == 400
    assert (
        "unknown code system &#x27;supplies&#x27; (a field: diagnosis, procedure"
        in r.content.decode()
    )
